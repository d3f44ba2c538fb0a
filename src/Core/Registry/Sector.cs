namespace Tianshan.Core.Registry;

/// <summary>The ten key sectors of the work-safety plan §三(五). Bit values, so a department's supervised sectors
/// are one number and the scope filter is a bitwise test on both database providers.</summary>
[Flags]
#pragma warning disable CA1711 // "Sector" is the domain word
public enum Sector
#pragma warning restore CA1711
{
    HazardousChemicals = 1,
    NonCoalMines = 2,
    Construction = 4,
    RoadTransport = 8,
    IndustryTrade = 16,
    Power = 32,
    CrowdedPlaces = 64,
    SpecialEquipment = 128,
    CultureTourism = 256,
    AgriculturalMachinery = 512,
}

public static class SectorSet
{
    public const Sector All = (Sector)1023;

    public static readonly IReadOnlyList<Sector> Each = Enum.GetValues<Sector>();

    public static string Label(Sector sector) => sector switch
    {
        Sector.HazardousChemicals => "危险化学品",
        Sector.NonCoalMines => "非煤矿山",
        Sector.Construction => "建筑施工",
        Sector.RoadTransport => "道路运输",
        Sector.IndustryTrade => "工贸",
        Sector.Power => "电力",
        Sector.CrowdedPlaces => "人员密集场所(消防)",
        Sector.SpecialEquipment => "特种设备",
        Sector.CultureTourism => "文化旅游",
        Sector.AgriculturalMachinery => "农业机械",
        _ => string.Join("、", Each.Where(s => sector.HasFlag(s)).Select(Label)),
    };

    /// <summary>Parses a sector from its identifier or Chinese label (Excel import, query strings).</summary>
    public static Sector? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        text = text.Trim();
        foreach (var s in Each)
        {
            if (string.Equals(s.ToString(), text, StringComparison.OrdinalIgnoreCase) || Label(s) == text)
                return s;
        }
        return text == "人员密集场所" || text == "消防" ? Sector.CrowdedPlaces : null;
    }
}
