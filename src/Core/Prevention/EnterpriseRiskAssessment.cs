using Tianshan.Core.Registry;

namespace Tianshan.Core.Prevention;

/// <summary>One 安全风险评估诊断分级 of an enterprise (分级指南 2018): the 100-point score, the direct-red situations found,
/// the resulting colour and when it is due again. The latest one is the enterprise's overall colour.</summary>
public sealed class EnterpriseRiskAssessment
{
    private EnterpriseRiskAssessment() { }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid EnterpriseId { get; private set; }
    public Enterprise? Enterprise { get; private set; }
    public decimal Score { get; private set; }
    public DirectRedCondition DirectRedConditions { get; private set; }
    public RiskLevel Grade { get; private set; }
    public DateOnly AssessedOn { get; private set; }
    public DateOnly NextDue { get; private set; }
    public string AssessedBy { get; private set; } = "";
    public string? Note { get; private set; }

    public static EnterpriseRiskAssessment Create(Guid enterpriseId, decimal score, DirectRedCondition conditions, DateOnly assessedOn,
        string assessedBy, string? note, RiskGradingOptions options)
    {
        var grade = EnterpriseRiskGrading.Grade(score, conditions, assessedOn, options);
        return new EnterpriseRiskAssessment
        {
            EnterpriseId = enterpriseId,
            Score = score,
            DirectRedConditions = conditions,
            Grade = grade.Level,
            AssessedOn = assessedOn,
            NextDue = grade.NextDue,
            AssessedBy = assessedBy,
            Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
        };
    }
}
