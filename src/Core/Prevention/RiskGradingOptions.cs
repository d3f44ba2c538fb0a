using System.ComponentModel.DataAnnotations;

namespace Tianshan.Core.Prevention;

/// <summary>
/// Band edges for risk grading. Provinces differ, so every edge is configuration (section <see cref="Section"/>);
/// the defaults are the national ones of domain-rules §2 (copied here; sources named per edge). Each name says
/// whether its edge is inclusive: <c>…Above</c> is strictly greater, <c>…From</c> is greater than or equal.
/// </summary>
public sealed class RiskGradingOptions : IValidatableObject
{
    public const string Section = "Prevention:RiskGrading";

    /// <summary>The national defaults (what an unconfigured host uses, and what the band-edge tests pin).</summary>
    public static readonly RiskGradingOptions National = new();

    // LEC (作业条件危险性评价法), D bands: ">320 极其危险; 160–320 高度危险; 70–160 显著危险; 20–70 一般危险; <20 稍有危险"
    // (xiaomilidoc.com/p-9291236; m.aqrzj.com/doc/348231). ">320" puts 320 itself in 高度危险 and "<20" puts 20 in
    // 一般危险. The two inner edges (160, 70) are named by two ranges each; a value on them goes to the higher band,
    // the safer reading (an assessor who lands exactly on the edge is asked to do more, not less).

    /// <summary>D strictly above this is 极其危险 (Ⅰ级, red). Default 320.</summary>
    [Range(1, 100_000)]
    public decimal LecExtremeAbove { get; set; } = 320;

    /// <summary>D at or above this (and not extreme) is 高度危险 (Ⅱ级, orange). Default 160.</summary>
    [Range(1, 100_000)]
    public decimal LecHighFrom { get; set; } = 160;

    /// <summary>D at or above this is 显著危险 (Ⅲ级, yellow). Default 70.</summary>
    [Range(1, 100_000)]
    public decimal LecSignificantFrom { get; set; } = 70;

    /// <summary>D at or above this is 一般危险 (blue with 稍有危险: the 4-level version puts all D &lt; 70 in 4级). Default 20.</summary>
    [Range(0.001, 100_000)]
    public decimal LecPossibleFrom { get; set; } = 20;

    // LS risk matrix (风险矩阵), R = L × S, variant A (zgmkw.com/doc-30900): 20–25 重大 red; 9–16 较大 orange;
    // 4–8 一般 yellow; 1–3 低 blue. Products between the ranges (17–19) cannot occur; lower edges are inclusive.

    /// <summary>R at or above this is red. Default 20.</summary>
    [Range(1, 25)]
    public int LsRedFrom { get; set; } = 20;

    /// <summary>R at or above this is orange. Default 9.</summary>
    [Range(1, 25)]
    public int LsOrangeFrom { get; set; } = 9;

    /// <summary>R at or above this is yellow; below it blue. Default 4.</summary>
    [Range(1, 25)]
    public int LsYellowFrom { get; set; } = 4;

    // Enterprise grade, 《危险化学品生产储存企业安全风险评估诊断分级指南(试行)》(应急管理部 2018, b2b.aarxb.com):
    // 红 < 60; 橙 60 至 75 以下; 黄 75 至 90 以下; 蓝 90 及以上 — every lower edge inclusive.

    /// <summary>Scores at or above this are at least orange (below: red). Default 60.</summary>
    [Range(0, 100)]
    public decimal EnterpriseOrangeFrom { get; set; } = 60;

    /// <summary>Scores at or above this are at least yellow. Default 75.</summary>
    [Range(0, 100)]
    public decimal EnterpriseYellowFrom { get; set; } = 75;

    /// <summary>Scores at or above this are blue. Default 90.</summary>
    [Range(0, 100)]
    public decimal EnterpriseBlueFrom { get; set; } = 90;

    /// <summary>Years until the enterprise is assessed again: "原则上每三年开展一次" (the same guide). Default 3.</summary>
    [Range(1, 10)]
    public int EnterpriseReassessmentYears { get; set; } = 3;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!(LecExtremeAbove >= LecHighFrom && LecHighFrom > LecSignificantFrom && LecSignificantFrom > LecPossibleFrom))
            yield return new ValidationResult("LEC band edges must descend: LecExtremeAbove ≥ LecHighFrom > LecSignificantFrom > LecPossibleFrom");
        if (!(LsRedFrom > LsOrangeFrom && LsOrangeFrom > LsYellowFrom))
            yield return new ValidationResult("LS band edges must descend: LsRedFrom > LsOrangeFrom > LsYellowFrom");
        if (!(EnterpriseBlueFrom > EnterpriseYellowFrom && EnterpriseYellowFrom > EnterpriseOrangeFrom))
            yield return new ValidationResult("Enterprise grade edges must ascend: EnterpriseOrangeFrom < EnterpriseYellowFrom < EnterpriseBlueFrom");
    }
}
