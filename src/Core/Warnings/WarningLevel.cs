namespace Tianshan.Core.Warnings;

/// <summary>
/// 预警级别 (突发事件应对法: 一级红、二级橙、三级黄、四级蓝, 一级最高; domain-rules §5). The numeric value is the
/// Roman level, so Red (I) is the highest.
/// </summary>
public enum WarningLevel
{
    /// <summary>一级 红色: 特别严重.</summary>
    Red = 1,
    /// <summary>二级 橙色: 严重.</summary>
    Orange = 2,
    /// <summary>三级 黄色: 较重.</summary>
    Yellow = 3,
    /// <summary>四级 蓝色: 一般.</summary>
    Blue = 4,
}

public static class WarningLevels
{
    public static readonly IReadOnlyList<WarningLevel> All = [WarningLevel.Blue, WarningLevel.Yellow, WarningLevel.Orange, WarningLevel.Red];

    /// <summary>蓝色（Ⅳ级）… as the public reads it.</summary>
    public static string Label(WarningLevel level) => level switch
    {
        WarningLevel.Red => "红色（Ⅰ级）",
        WarningLevel.Orange => "橙色（Ⅱ级）",
        WarningLevel.Yellow => "黄色（Ⅲ级）",
        WarningLevel.Blue => "蓝色（Ⅳ级）",
        _ => level.ToString(),
    };

    public static string Colour(WarningLevel level) => level switch
    {
        WarningLevel.Red => "红色",
        WarningLevel.Orange => "橙色",
        WarningLevel.Yellow => "黄色",
        WarningLevel.Blue => "蓝色",
        _ => level.ToString(),
    };

    public static string EnglishColour(WarningLevel level) => level switch
    {
        WarningLevel.Red => "Red",
        WarningLevel.Orange => "Orange",
        WarningLevel.Yellow => "Yellow",
        WarningLevel.Blue => "Blue",
        _ => level.ToString(),
    };

    /// <summary>CSS colour for maps and chips (the signal colours).</summary>
    public static string Css(WarningLevel level) => level switch
    {
        WarningLevel.Red => "#d32f2f",
        WarningLevel.Orange => "#f57c00",
        WarningLevel.Yellow => "#fbc02d",
        WarningLevel.Blue => "#1976d2",
        _ => "#757575",
    };

    /// <summary>
    /// CAP 1.2 <c>severity</c> from the Chinese level. The meteorological signals define the four levels as
    /// 一般/较重/严重/特别严重 (domain-rules §5), and CAP 1.2 §3.2.2 defines Minor "minimal to no known threat",
    /// Moderate "possible threat", Severe "significant threat", Extreme "extraordinary threat to life or property":
    /// the two scales are matched rung for rung (蓝→Minor, 黄→Moderate, 橙→Severe, 红→Extreme). This is the mapping used
    /// by China's national CAP feed as seen in aggregators; GB/T 35965.1's own table was not retrieved (docs/decisions/007).
    /// </summary>
    public static string Severity(WarningLevel level) => level switch
    {
        WarningLevel.Red => "Extreme",
        WarningLevel.Orange => "Severe",
        WarningLevel.Yellow => "Moderate",
        _ => "Minor",
    };

    /// <summary>
    /// CAP <c>urgency</c>: a warning whose onset has come (or comes within the hour) asks for action now — Immediate; a
    /// forecast warning ("预计…将达到") is Expected (CAP 1.2 §3.2.2: "responsive action should be taken soon, within next
    /// hour" is Expected; "immediately" is Immediate). A cancellation is Past.
    /// </summary>
    public static string Urgency(DateTimeOffset sent, DateTimeOffset onset, bool cancel) =>
        cancel ? "Past" : onset <= sent.AddMinutes(5) ? "Immediate" : "Expected";

    /// <summary>
    /// CAP <c>certainty</c>: the signals are issued when a threshold "将达到…或者已达到…" — already reached is Observed,
    /// forecast is Likely (p &gt; ~50 %, CAP 1.2 §3.2.2).
    /// </summary>
    public static string Certainty(DateTimeOffset sent, DateTimeOffset onset) => onset <= sent ? "Observed" : "Likely";
}
