using Tianshan.Core.Platform;

namespace Tianshan.Core.Prevention;

/// <summary>What an enterprise's safety credit is computed from: its own record in the platform.</summary>
public sealed record CreditInputs(int OverdueHazards, int OpenMajorHazards, int ListedHazards, int Penalties, int Accidents, bool Blacklisted);

public enum CreditGrade
{
    /// <summary>A 守信 (≥ 90).</summary>
    A = 1,
    /// <summary>B 基本守信 (75–89).</summary>
    B = 2,
    /// <summary>C 失信风险 (60–74).</summary>
    C = 3,
    /// <summary>D 严重失信 (&lt; 60, or on the blacklist).</summary>
    D = 4,
}

public sealed record CreditResult(int Score, CreditGrade Grade, string GradeLabel, IReadOnlyList<string> Deductions);

/// <summary>
/// The enterprise safety credit score (安全生产信用评价). No national formula fixes the weights (provinces publish their
/// own schemes), so these are Tianshan's documented defaults: 100 points less 10 per overdue hidden hazard (at most 4),
/// 8 per open major hazard (at most 3), 10 per hazard under 挂牌督办, 15 per administrative penalty in the last two years
/// (at most 3) and 25 per production accident in the last three years (at most 2). An enterprise on the blacklist
/// (失信联合惩戒对象) is D whatever its score.
/// </summary>
public static class SafetyCredit
{
    public static CreditResult Score(CreditInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var deductions = new List<string>();
        var score = 100;
        void Deduct(int count, int each, int cap, string what)
        {
            if (count <= 0)
                return;
            var points = Math.Min(count, cap) * each;
            score -= points;
            deductions.Add($"{what} {count} 项，扣 {points} 分");
        }
        Deduct(inputs.OverdueHazards, 10, 4, "逾期未整改隐患");
        Deduct(inputs.OpenMajorHazards, 8, 3, "未销号重大隐患");
        Deduct(inputs.ListedHazards, 10, int.MaxValue, "挂牌督办隐患");
        Deduct(inputs.Penalties, 15, 3, "近两年行政处罚");
        Deduct(inputs.Accidents, 25, 2, "近三年生产安全事故");
        score = Math.Max(0, score);
        var grade = inputs.Blacklisted ? CreditGrade.D : score >= 90 ? CreditGrade.A : score >= 75 ? CreditGrade.B : score >= 60 ? CreditGrade.C : CreditGrade.D;
        if (inputs.Blacklisted)
            deductions.Add("列入安全生产失信名单，直接评为 D 级");
        return new CreditResult(score, grade, Label(grade), deductions);
    }

    public static string Label(CreditGrade grade) => grade switch
    {
        CreditGrade.A => "A 守信",
        CreditGrade.B => "B 基本守信",
        CreditGrade.C => "C 失信风险",
        _ => "D 严重失信",
    };
}

/// <summary>An enterprise on the blacklist (安全生产失信惩戒名单) with the reason and the dates; removal is recorded, not deleted.</summary>
public sealed class BlacklistEntry
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid EnterpriseId { get; set; }
    public Registry.Enterprise? Enterprise { get; set; }
    public string Reason { get; set; } = "";
    public DateOnly ListedOn { get; set; }
    /// <summary>The end of the listing period; null until removed by decision.</summary>
    public DateOnly? Until { get; set; }
    public string ListedBy { get; set; } = "";
    public DateOnly? RemovedOn { get; set; }
    public string? RemovalReason { get; set; }
    public string? RemovedBy { get; set; }

    public bool IsActive(DateOnly today) => RemovedOn is null && ListedOn <= today && (Until is null || today <= Until);

    public static BlacklistEntry List(Guid enterpriseId, string reason, DateOnly listedOn, DateOnly? until, string by)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(reason))
            errors["reason"] = ["请填写列入失信名单的事实和依据"];
        if (until is { } u && u < listedOn)
            errors["until"] = ["移出日期不能早于列入日期"];
        if (errors.Count > 0)
            throw new DomainValidationException(errors);
        return new BlacklistEntry { EnterpriseId = enterpriseId, Reason = reason.Trim(), ListedOn = listedOn, Until = until, ListedBy = by };
    }

    public void Remove(string reason, DateOnly on, string by)
    {
        if (RemovedOn is not null)
            throw new WorkflowException("该企业已移出失信名单");
        if (string.IsNullOrWhiteSpace(reason))
            throw new DomainValidationException("reason", "请填写移出理由（如信用修复）");
        RemovedOn = on;
        RemovalReason = reason.Trim();
        RemovedBy = by;
    }
}
