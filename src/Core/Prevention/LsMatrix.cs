using Tianshan.Core.Platform;

namespace Tianshan.Core.Prevention;

public sealed record LsResult(int R, RiskLevel Level);

/// <summary>The LS risk matrix: R = L × S, each 1–5 (domain-rules §2.2; criteria usbmi.com, m.taowenge.com/p-95858702;
/// bands variant A, zgmkw.com/doc-30900, configurable because provinces use others).</summary>
public static class LsMatrix
{
    /// <summary>L 可能性: 5 无防范/监测措施或经常发生 … 1 有充分有效措施，极不可能.</summary>
    public static readonly IReadOnlyList<(int Value, string Meaning)> LikelihoodScale =
    [
        (5, "无防范或监测措施，或经常发生"), (4, "措施不完善，5年内可能发生"), (3, "措施有缺陷，10年内可能发生"),
        (2, "措施较完善，10年以上可能发生"), (1, "有充分有效措施，极不可能发生"),
    ];

    /// <summary>S 严重性: 5 死亡/≥100万元 … 1 无伤.</summary>
    public static readonly IReadOnlyList<(int Value, string Meaning)> SeverityScale =
    [
        (5, "死亡，或损失≥100万元"), (4, "丧失劳动能力，或损失≥50万元"), (3, "截肢、骨折等，或损失≥1万元"),
        (2, "轻微受伤，或损失<1万元"), (1, "无伤亡"),
    ];

    public static LsResult Assess(int l, int s, RiskGradingOptions? options = null)
    {
        var problems = new Dictionary<string, string[]>();
        if (l is < 1 or > 5)
            problems["l"] = [$"L（可能性）取值 {l} 无效，只能取 1～5 的整数"];
        if (s is < 1 or > 5)
            problems["s"] = [$"S（严重性）取值 {s} 无效，只能取 1～5 的整数"];
        if (problems.Count > 0)
            throw new DomainValidationException(problems);
        var r = l * s;
        return new LsResult(r, LevelOf(r, options ?? RiskGradingOptions.National));
    }

    /// <summary>The level of an R value; every lower edge is inclusive (20–25 red, 9–16 orange, 4–8 yellow, 1–3 blue).</summary>
    public static RiskLevel LevelOf(int r, RiskGradingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (r >= options.LsRedFrom)
            return RiskLevel.Red;
        if (r >= options.LsOrangeFrom)
            return RiskLevel.Orange;
        return r >= options.LsYellowFrom ? RiskLevel.Yellow : RiskLevel.Blue;
    }
}
