using Tianshan.Core.Platform;

namespace Tianshan.Core.DisasterRisk;

public enum DisasterType
{
    Earthquake = 1,
    Flood = 2,
    GeologicalHazard = 3,
    Meteorological = 4,
    ForestGrasslandFire = 5,
}

/// <summary>A past disaster (历史灾害调查): when, what, where, and what it cost.</summary>
public sealed class HistoricalDisaster
{
    private HistoricalDisaster() { }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public DateOnly OccurredOn { get; private set; }
    public DisasterType Type { get; private set; }
    public string Place { get; private set; } = "";
    public string Summary { get; private set; } = "";
    public int Deaths { get; private set; }
    public int Affected { get; private set; }
    /// <summary>Direct economic loss, 万元.</summary>
    public decimal LossWanYuan { get; private set; }
    public bool IsDemo { get; private set; }

    public static HistoricalDisaster Create(DateOnly occurredOn, DisasterType type, string place, string summary, int deaths, int affected,
        decimal lossWanYuan, bool isDemo = false)
    {
        if (string.IsNullOrWhiteSpace(place))
            throw new DomainValidationException(nameof(Place), "灾害发生地点不能为空");
        if (deaths < 0 || affected < 0 || lossWanYuan < 0)
            throw new DomainValidationException(nameof(Deaths), "死亡人数、受灾人数和损失不能为负数");
        return new HistoricalDisaster
        {
            OccurredOn = occurredOn, Type = type, Place = place.Trim(), Summary = summary.Trim(), Deaths = deaths, Affected = affected,
            LossWanYuan = lossWanYuan, IsDemo = isDemo,
        };
    }

    public static string Label(DisasterType type) => type switch
    {
        DisasterType.Earthquake => "地震",
        DisasterType.Flood => "洪涝",
        DisasterType.GeologicalHazard => "地质灾害",
        DisasterType.Meteorological => "气象灾害",
        _ => "森林草原火灾",
    };
}
