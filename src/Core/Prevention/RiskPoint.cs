using Tianshan.Core.Platform;
using Tianshan.Core.Registry;

namespace Tianshan.Core.Prevention;

/// <summary>How a risk point was assessed: LEC (D = L×E×C) or the LS matrix (R = L×S).</summary>
public enum RiskMethod
{
    Lec = 1,
    Ls = 2,
}

/// <summary>What an enterprise records about a risk point; the method's inputs are <see cref="L"/> with
/// <see cref="E"/> and <see cref="C"/> (LEC) or with <see cref="S"/> (LS).</summary>
public sealed record RiskPointDetails
{
    public string Name { get; init; } = "";
    /// <summary>单元/区域/岗位 (unit or location).</summary>
    public string Location { get; init; } = "";
    /// <summary>作业活动或设备设施.</summary>
    public string Activity { get; init; } = "";
    /// <summary>危险因素/可能导致的事故类型 (e.g. 火灾、爆炸、中毒和窒息, GB 6441 accident types).</summary>
    public string HazardType { get; init; } = "";
    public string ControlMeasures { get; init; } = "";
    public string ResponsiblePerson { get; init; } = "";
    public RiskMethod Method { get; init; }
    public decimal L { get; init; }
    public decimal? E { get; init; }
    public decimal? C { get; init; }
    public int? S { get; init; }
}

/// <summary>A risk point (风险点) of an enterprise, graded by LEC or LS into one of four colours (双重预防, PRODUCT C2).</summary>
public sealed class RiskPoint
{
    private RiskPoint() { }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid EnterpriseId { get; private set; }
    public Enterprise? Enterprise { get; private set; }
    public string Name { get; private set; } = "";
    public string Location { get; private set; } = "";
    public string Activity { get; private set; } = "";
    public string HazardType { get; private set; } = "";
    public string ControlMeasures { get; private set; } = "";
    public string ResponsiblePerson { get; private set; } = "";
    public RiskMethod Method { get; private set; }
    public decimal L { get; private set; }
    public decimal? E { get; private set; }
    public decimal? C { get; private set; }
    public int? S { get; private set; }
    /// <summary>D (LEC) or R (LS).</summary>
    public decimal Score { get; private set; }
    /// <summary>The LEC band; null for LS.</summary>
    public LecBand? Band { get; private set; }
    public RiskLevel Level { get; private set; }
    public DateTimeOffset AssessedAt { get; private set; }
    public string AssessedBy { get; private set; } = "";

    public static RiskPoint Create(Guid enterpriseId, RiskPointDetails details, RiskGradingOptions options, DateTimeOffset at, string by)
    {
        var point = new RiskPoint { EnterpriseId = enterpriseId };
        point.Assess(details, options, at, by);
        return point;
    }

    /// <summary>Records the details and grades the point again (every edit is a re-assessment by its author).</summary>
    public void Assess(RiskPointDetails details, RiskGradingOptions options, DateTimeOffset at, string by)
    {
        ArgumentNullException.ThrowIfNull(details);
        var problems = new Dictionary<string, string[]>();
        Required(problems, nameof(details.Name), details.Name, "风险点名称不能为空");
        Required(problems, nameof(details.Location), details.Location, "所在单元/区域不能为空");
        Required(problems, nameof(details.Activity), details.Activity, "作业活动或设备设施不能为空");
        Required(problems, nameof(details.HazardType), details.HazardType, "危险因素（事故类型）不能为空");
        Required(problems, nameof(details.ControlMeasures), details.ControlMeasures, "管控措施不能为空");
        Required(problems, nameof(details.ResponsiblePerson), details.ResponsiblePerson, "责任人不能为空");
        decimal score = 0;
        LecBand? band = null;
        var level = RiskLevel.Blue;
        try
        {
            switch (details.Method)
            {
                case RiskMethod.Lec:
                    if (details.E is null || details.C is null)
                        problems["E"] = ["LEC 法需要填写 L、E、C 三项"];
                    else
                    {
                        var lec = Lec.Assess(details.L, details.E.Value, details.C.Value, options);
                        (score, band, level) = (lec.D, lec.Band, lec.Level);
                    }
                    break;
                case RiskMethod.Ls:
                    if (details.S is null)
                        problems["S"] = ["风险矩阵法需要填写 L、S 两项"];
                    else if (details.L != decimal.Truncate(details.L))
                        problems["L"] = ["风险矩阵法的 L 只能取 1～5 的整数"];
                    else
                    {
                        var ls = LsMatrix.Assess((int)Math.Clamp(details.L, int.MinValue, int.MaxValue), details.S.Value, options);
                        (score, level) = (ls.R, ls.Level);
                    }
                    break;
                default:
                    problems["Method"] = ["评价方法无效，只能是 LEC 或 LS"];
                    break;
            }
        }
        catch (DomainValidationException e)
        {
            foreach (var (field, messages) in e.Errors)
                problems[field.ToUpperInvariant()] = messages;
        }
        if (problems.Count > 0)
            throw new DomainValidationException(problems);
        Name = details.Name.Trim();
        Location = details.Location.Trim();
        Activity = details.Activity.Trim();
        HazardType = details.HazardType.Trim();
        ControlMeasures = details.ControlMeasures.Trim();
        ResponsiblePerson = details.ResponsiblePerson.Trim();
        Method = details.Method;
        L = details.L;
        E = details.Method == RiskMethod.Lec ? details.E : null;
        C = details.Method == RiskMethod.Lec ? details.C : null;
        S = details.Method == RiskMethod.Ls ? details.S : null;
        Score = score;
        Band = band;
        Level = level;
        AssessedAt = at;
        AssessedBy = by;
    }

    private static void Required(Dictionary<string, string[]> problems, string field, string? value, string message)
    {
        if (string.IsNullOrWhiteSpace(value))
            problems[field] = [message];
    }
}
