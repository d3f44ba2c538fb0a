namespace Tianshan.Core.Warnings;

/// <summary>One kind of warning: its stable key, Chinese and English names, the CAP 1.2 category, and which levels it has.</summary>
public sealed record WarningEventType(string Key, string Name, string EnglishName, string Group, string CapCategory, IReadOnlyList<WarningLevel> Levels)
{
    public bool Has(WarningLevel level) => Levels.Contains(level);
}

/// <summary>
/// The event types a warning can be about. The 14 meteorological signals are those of 《气象灾害预警信号发布与传播办法》
/// (台风、暴雨、暴雪、寒潮、大风、沙尘暴、高温、干旱、雷电、冰雹、霜冻、大雾、霾、道路结冰; domain-rules §5): not every signal has all
/// four colours — the levels listed follow the signal definitions (e.g. 高温 has 黄/橙/红 only). Other kinds (geological,
/// flood, forest/grassland fire, work safety, public health, earthquake) use all four levels of 突发事件应对法.
/// </summary>
public static class WarningEventTypes
{
    private static readonly WarningLevel[] Four = [WarningLevel.Blue, WarningLevel.Yellow, WarningLevel.Orange, WarningLevel.Red];
    private static readonly WarningLevel[] NoBlue = [WarningLevel.Yellow, WarningLevel.Orange, WarningLevel.Red];
    private static readonly WarningLevel[] NoRed = [WarningLevel.Blue, WarningLevel.Yellow, WarningLevel.Orange];
    private static readonly WarningLevel[] OrangeRed = [WarningLevel.Orange, WarningLevel.Red];
    private static readonly WarningLevel[] YellowOrange = [WarningLevel.Yellow, WarningLevel.Orange];

    public const string Meteorological = "气象灾害";

    public static readonly IReadOnlyList<WarningEventType> All =
    [
        new("typhoon", "台风", "Typhoon", Meteorological, "Met", Four),
        new("rainstorm", "暴雨", "Rainstorm", Meteorological, "Met", Four),
        new("snowstorm", "暴雪", "Snowstorm", Meteorological, "Met", Four),
        new("cold-wave", "寒潮", "Cold wave", Meteorological, "Met", Four),
        new("gale", "大风", "Gale", Meteorological, "Met", Four),
        new("sandstorm", "沙尘暴", "Sandstorm", Meteorological, "Met", NoBlue),
        new("heat-wave", "高温", "Heat wave", Meteorological, "Met", NoBlue),
        new("drought", "干旱", "Drought", Meteorological, "Met", OrangeRed),
        new("lightning", "雷电", "Lightning", Meteorological, "Met", NoBlue),
        new("hail", "冰雹", "Hail", Meteorological, "Met", OrangeRed),
        new("frost", "霜冻", "Frost", Meteorological, "Met", NoRed),
        new("fog", "大雾", "Heavy fog", Meteorological, "Met", NoBlue),
        new("haze", "霾", "Haze", Meteorological, "Met", YellowOrange),
        new("road-icing", "道路结冰", "Road icing", Meteorological, "Met", NoBlue),
        new("geological", "地质灾害", "Geological hazard", "地质灾害", "Geo", Four),
        new("earthquake", "地震", "Earthquake", "地震灾害", "Geo", Four),
        new("flood", "洪水", "Flood", "水旱灾害", "Met", Four),
        new("forest-fire", "森林火险", "Forest fire danger", "森林草原火灾", "Fire", Four),
        new("grassland-fire", "草原火险", "Grassland fire danger", "森林草原火灾", "Fire", Four),
        new("work-safety", "生产安全事故", "Work-safety accident", "事故灾难", "Safety", Four),
        new("hazardous-chemicals", "危险化学品泄漏", "Hazardous chemical release", "事故灾难", "CBRNE", Four),
        new("public-health", "突发公共卫生事件", "Public health emergency", "公共卫生事件", "Health", Four),
    ];

    public static WarningEventType? Find(string? key) => All.FirstOrDefault(t => string.Equals(t.Key, key, StringComparison.Ordinal));

    public static string Name(string key) => Find(key)?.Name ?? key;
}
