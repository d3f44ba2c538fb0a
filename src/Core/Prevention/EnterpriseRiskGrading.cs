using Tianshan.Core.Platform;

namespace Tianshan.Core.Prevention;

/// <summary>
/// The situations that make an enterprise red whatever its score: the four of 《危险化学品生产储存企业安全风险评估诊断分级指南
/// (试行)》(应急〔2018〕19号) "直接判定为红色（最高风险等级）" — an untested new process in production, a plant in service without a
/// proper design or safety design diagnosis, special-operation workers without a valid certificate or below senior-secondary
/// education, and a serious accident record (a 重大 or worse accident, or two 较大 ones, in three years; or two fatal 一般 ones in
/// the last year). A flags enum, so an assessment stores the set it found as one integer on both providers.
/// </summary>
[Flags]
public enum DirectRedCondition
{
    None = 0,
    /// <summary>新开发的危险化学品生产工艺未经小试、中试和工业化试验直接进行工业化生产.</summary>
    UntestedNewProcess = 1,
    /// <summary>在役化工装置未经正规设计且未进行安全设计诊断.</summary>
    UndesignedPlant = 2,
    /// <summary>危险化学品特种作业人员未持有效证件上岗或者未达到高中以上文化程度.</summary>
    UncertifiedSpecialOperators = 4,
    /// <summary>三年内发生过重大以上安全事故，或三年内发生 2 起较大安全事故，或近一年内发生 2 起以上亡人一般安全事故.</summary>
    SeriousAccidentRecord = 8,
}

public sealed record EnterpriseGrade(RiskLevel Level, bool DirectRed, DateOnly NextDue);

/// <summary>The ministry's 100-point enterprise grade (分级指南 2018): 红 &lt; 60, 橙 60–&lt;75, 黄 75–&lt;90, 蓝 ≥ 90
/// (edges configurable, <see cref="RiskGradingOptions"/>); any <see cref="DirectRedCondition"/> makes it red;
/// re-assessed "原则上每三年".</summary>
public static class EnterpriseRiskGrading
{
    public const DirectRedCondition AllConditions = DirectRedCondition.UntestedNewProcess | DirectRedCondition.UndesignedPlant
        | DirectRedCondition.UncertifiedSpecialOperators | DirectRedCondition.SeriousAccidentRecord;

    public static EnterpriseGrade Grade(decimal score, DirectRedCondition conditions, DateOnly assessedOn, RiskGradingOptions? options = null)
    {
        options ??= RiskGradingOptions.National;
        var problems = new Dictionary<string, string[]>();
        if (score is < 0 or > 100)
            problems["score"] = ["评估诊断得分须在 0～100 分之间（百分制）"];
        if ((conditions & ~AllConditions) != 0)
            problems["directRedConditions"] = ["直接判红情形无效"];
        if (assessedOn == default)
            problems["assessedOn"] = ["请填写评估日期"];
        if (problems.Count > 0)
            throw new DomainValidationException(problems);
        var directRed = conditions != DirectRedCondition.None;
        var level = directRed ? RiskLevel.Red : LevelOf(score, options);
        return new EnterpriseGrade(level, directRed, assessedOn.AddYears(options.EnterpriseReassessmentYears));
    }

    public static RiskLevel LevelOf(decimal score, RiskGradingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (score >= options.EnterpriseBlueFrom)
            return RiskLevel.Blue;
        if (score >= options.EnterpriseYellowFrom)
            return RiskLevel.Yellow;
        return score >= options.EnterpriseOrangeFrom ? RiskLevel.Orange : RiskLevel.Red;
    }

    public static string ConditionLabel(DirectRedCondition condition) => condition switch
    {
        DirectRedCondition.UntestedNewProcess => "新开发的危险化学品生产工艺未经小试、中试、工业化试验直接进行工业化生产",
        DirectRedCondition.UndesignedPlant => "在役化工装置未经正规设计且未进行安全设计诊断",
        DirectRedCondition.UncertifiedSpecialOperators => "危险化学品特种作业人员未持有效证件上岗或未达到高中以上文化程度",
        DirectRedCondition.SeriousAccidentRecord => "三年内发生重大以上事故或 2 起较大事故，或近一年内发生 2 起以上亡人一般事故",
        _ => condition.ToString(),
    };

    public static IEnumerable<DirectRedCondition> Each(DirectRedCondition conditions) =>
        Enum.GetValues<DirectRedCondition>().Where(c => c != DirectRedCondition.None && conditions.HasFlag(c));
}
