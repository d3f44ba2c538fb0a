using System.Globalization;
using Tianshan.Core.Platform;

namespace Tianshan.Core.Prevention;

/// <summary>The five LEC danger bands (作业条件危险性评价法, domain-rules §2.1).</summary>
public enum LecBand
{
    /// <summary>极其危险，不能继续作业</summary>
    Extreme = 1,
    /// <summary>高度危险，需立即整改</summary>
    High = 2,
    /// <summary>显著危险，需要整改</summary>
    Significant = 3,
    /// <summary>一般危险，需要注意</summary>
    Possible = 4,
    /// <summary>稍有危险，可以接受</summary>
    Slight = 5,
}

public sealed record LecResult(decimal D, LecBand Band, RiskLevel Level)
{
    public string BandLabel => Lec.BandLabel(Band);
}

/// <summary>LEC: D = L × E × C with the published discrete scales (domain-rules §2.1, xiaomilidoc.com/p-9291236;
/// m.aqrzj.com/doc/348231). A value off the scale is refused rather than rounded: the scales are categories.</summary>
public static class Lec
{
    /// <summary>L 事故发生的可能性: 10 完全可以预料 … 0.1 实际不可能.</summary>
    public static readonly IReadOnlyList<(decimal Value, string Meaning)> LikelihoodScale =
    [
        (10m, "完全可以预料"), (6m, "相当可能"), (3m, "可能，但不经常"), (1m, "可能性小，完全意外"),
        (0.5m, "很不可能，可以设想"), (0.2m, "极不可能"), (0.1m, "实际不可能"),
    ];

    /// <summary>E 暴露于危险环境的频繁程度: 10 连续暴露 … 0.5 非常罕见地暴露.</summary>
    public static readonly IReadOnlyList<(decimal Value, string Meaning)> ExposureScale =
    [
        (10m, "连续暴露"), (6m, "每天工作时间内暴露"), (3m, "每周一次或偶然暴露"), (2m, "每月一次暴露"),
        (1m, "每年几次暴露"), (0.5m, "非常罕见地暴露"),
    ];

    /// <summary>C 发生事故产生的后果: 100 大灾难，许多人死亡 … 1 引人注目，需要救护.</summary>
    public static readonly IReadOnlyList<(decimal Value, string Meaning)> ConsequenceScale =
    [
        (100m, "大灾难，许多人死亡"), (40m, "灾难，数人死亡"), (15m, "非常严重，一人死亡"), (7m, "严重，重伤"),
        (3m, "重大，致残"), (1m, "引人注目，需要救护"),
    ];

    public static LecResult Assess(decimal l, decimal e, decimal c, RiskGradingOptions? options = null)
    {
        var problems = new Dictionary<string, string[]>();
        Check(problems, "l", "L（事故发生的可能性）", l, LikelihoodScale);
        Check(problems, "e", "E（暴露于危险环境的频繁程度）", e, ExposureScale);
        Check(problems, "c", "C（事故后果）", c, ConsequenceScale);
        if (problems.Count > 0)
            throw new DomainValidationException(problems);
        var d = l * e * c;
        var band = BandOf(d, options ?? RiskGradingOptions.National);
        return new LecResult(d, band, LevelOf(band));
    }

    /// <summary>The band of a D value under the configured edges (see <see cref="RiskGradingOptions"/> for inclusivity).</summary>
    public static LecBand BandOf(decimal d, RiskGradingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (d > options.LecExtremeAbove)
            return LecBand.Extreme;
        if (d >= options.LecHighFrom)
            return LecBand.High;
        if (d >= options.LecSignificantFrom)
            return LecBand.Significant;
        return d >= options.LecPossibleFrom ? LecBand.Possible : LecBand.Slight;
    }

    /// <summary>The 4-level version (xiaomilidoc): &gt;320 → 1级 red, 160–320 → 2级 orange, 70–160 → 3级 yellow,
    /// &lt;70 → 4级 blue. Level-to-colour mapping is derived (domain-rules §2.1: provinces vary).</summary>
    public static RiskLevel LevelOf(LecBand band) => band switch
    {
        LecBand.Extreme => RiskLevel.Red,
        LecBand.High => RiskLevel.Orange,
        LecBand.Significant => RiskLevel.Yellow,
        _ => RiskLevel.Blue,
    };

    public static string BandLabel(LecBand band) => band switch
    {
        LecBand.Extreme => "极其危险，不能继续作业",
        LecBand.High => "高度危险，需立即整改",
        LecBand.Significant => "显著危险，需要整改",
        LecBand.Possible => "一般危险，需要注意",
        LecBand.Slight => "稍有危险，可以接受",
        _ => band.ToString(),
    };

    private static void Check(Dictionary<string, string[]> problems, string field, string name, decimal value,
        IReadOnlyList<(decimal Value, string Meaning)> scale)
    {
        if (scale.Any(s => s.Value == value))
            return;
        var allowed = string.Join("、", scale.Select(s => s.Value.ToString("0.##", CultureInfo.InvariantCulture)));
        problems[field] = [$"{name}取值 {value.ToString("0.####", CultureInfo.InvariantCulture)} 不在评分表中，只能取 {allowed}"];
    }
}
