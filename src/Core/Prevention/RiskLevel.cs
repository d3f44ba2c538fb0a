namespace Tianshan.Core.Prevention;

/// <summary>The four risk levels and their colours (四色): 重大 red, 较大 orange, 一般 yellow, 低 blue.
/// Colour rule from 中国石化 双重预防规定 (domain-rules §2.1); the same four colours grade enterprises (§2.3).</summary>
public enum RiskLevel
{
    Red = 1,
    Orange = 2,
    Yellow = 3,
    Blue = 4,
}

public static class RiskLevels
{
    public static string Label(RiskLevel level) => level switch
    {
        RiskLevel.Red => "红（重大风险）",
        RiskLevel.Orange => "橙（较大风险）",
        RiskLevel.Yellow => "黄（一般风险）",
        RiskLevel.Blue => "蓝（低风险）",
        _ => level.ToString(),
    };

    public static string EnglishLabel(RiskLevel level) => level switch
    {
        RiskLevel.Red => "red (major)",
        RiskLevel.Orange => "orange (considerable)",
        RiskLevel.Yellow => "yellow (general)",
        RiskLevel.Blue => "blue (low)",
        _ => level.ToString(),
    };

    /// <summary>The colour as the API writes it: red, orange, yellow, blue.</summary>
    public static string Code(RiskLevel level) => level switch
    {
        RiskLevel.Red => "red",
        RiskLevel.Orange => "orange",
        RiskLevel.Yellow => "yellow",
        RiskLevel.Blue => "blue",
        _ => "none",
    };

    /// <summary>Fill colour for charts and the map (the same shades as the major-hazard grade markers).</summary>
    public static string Hex(RiskLevel level) => level switch
    {
        RiskLevel.Red => "#c62828",
        RiskLevel.Orange => "#ef6c00",
        RiskLevel.Yellow => "#f9a825",
        RiskLevel.Blue => "#1565c0",
        _ => "#607d8b",
    };

    public static readonly RiskLevel[] All = [RiskLevel.Red, RiskLevel.Orange, RiskLevel.Yellow, RiskLevel.Blue];
}
