using Tianshan.Core.Platform;
using Tianshan.Core.Registry;

namespace Tianshan.Core.Reports;

/// <summary>The reports the bureau files (PRODUCT.md C12).</summary>
public enum ReportKind
{
    /// <summary>安全生产和应急管理工作月报.</summary>
    Monthly = 1,
    /// <summary>安全生产和应急管理工作年报.</summary>
    Annual = 2,
    /// <summary>一企一策: one enterprise's hazards, risks, alarms, hidden hazards and the advice drawn from them.</summary>
    Enterprise = 3,
    /// <summary>规划实施评估: every plan indicator with target, actual and status.</summary>
    PlanAssessment = 4,
}

public enum ReportJobStatus
{
    Queued = 1,
    Running = 2,
    Succeeded = 3,
    Failed = 4,
}

public static class ReportLabels
{
    public static string Label(ReportKind kind) => kind switch
    {
        ReportKind.Monthly => "安全生产和应急管理工作月报",
        ReportKind.Annual => "安全生产和应急管理工作年报",
        ReportKind.Enterprise => "一企一策报告",
        ReportKind.PlanAssessment => "规划实施评估报告",
        _ => kind.ToString(),
    };

    public static string Label(ReportJobStatus status) => status switch
    {
        ReportJobStatus.Queued => "排队中",
        ReportJobStatus.Running => "生成中",
        ReportJobStatus.Succeeded => "已完成",
        ReportJobStatus.Failed => "失败",
        _ => status.ToString(),
    };

    /// <summary>The route word of a kind: monthly, annual, enterprise, plan-assessment.</summary>
    public static string Slug(ReportKind kind) => kind switch
    {
        ReportKind.Monthly => "monthly",
        ReportKind.Annual => "annual",
        ReportKind.Enterprise => "enterprise",
        ReportKind.PlanAssessment => "plan-assessment",
        _ => kind.ToString().ToLowerInvariant(),
    };

    public static ReportKind? ParseSlug(string? slug) =>
        Enum.GetValues<ReportKind>().Cast<ReportKind?>().FirstOrDefault(k => string.Equals(Slug(k!.Value), slug, StringComparison.OrdinalIgnoreCase));
}

/// <summary>
/// One request to generate a report, kept with everything needed to run it again: the kind and period chosen, the enterprise,
/// and the scope of the user who asked (a background job has no login, so the query filters run with this stored scope).
/// Its progress, its failure reason in Chinese, and — in <see cref="ReportFile"/> — the files it produced. A failed job keeps
/// its parameters, so it can be retried without entering anything again.
/// </summary>
public sealed class ReportJob
{
    private ReportJob() { }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public ReportKind Kind { get; private set; }
    public int Year { get; private set; }
    public int? Month { get; private set; }
    public Guid? EnterpriseId { get; private set; }
    public string Title { get; private set; } = "";
    public string? RequestedById { get; private set; }
    public string RequestedBy { get; private set; } = "";
    public string ScopeDivisionPath { get; private set; } = "";
    public Guid? ScopeEnterpriseId { get; private set; }
    public Sector ScopeSectors { get; private set; }
    public ReportJobStatus Status { get; private set; }
    /// <summary>0–100.</summary>
    public int Progress { get; private set; }
    /// <summary>What is being built now (the section's title), or the last step reached when it failed.</summary>
    public string? Step { get; private set; }
    public string? Error { get; private set; }
    public int Attempts { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? StartedAt { get; private set; }
    public DateTimeOffset? FinishedAt { get; private set; }

    public UserScope Scope => new(RequestedById, RequestedBy, ScopeDivisionPath, ScopeEnterpriseId, ScopeSectors);

    public ReportPeriod Period => Month is { } m ? ReportPeriod.OfMonth(Year, m) : ReportPeriod.OfYear(Year);

    public static ReportJob Create(ReportKind kind, int year, int? month, Guid? enterpriseId, string title, UserScope requester, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(requester);
        return new ReportJob
        {
            Kind = kind,
            Year = year,
            Month = month,
            EnterpriseId = enterpriseId,
            Title = title,
            RequestedById = requester.UserId,
            RequestedBy = requester.UserName,
            ScopeDivisionPath = requester.DivisionPath,
            ScopeEnterpriseId = requester.EnterpriseId,
            ScopeSectors = requester.Sectors,
            Status = ReportJobStatus.Queued,
            CreatedAt = now,
        };
    }

    public void Succeed(DateTimeOffset now)
    {
        Status = ReportJobStatus.Succeeded;
        Progress = 100;
        Step = "已完成";
        FinishedAt = now;
    }

    public void Fail(string reason, DateTimeOffset now)
    {
        Status = ReportJobStatus.Failed;
        Error = reason.Length > 1000 ? reason[..1000] : reason;
        FinishedAt = now;
    }

    /// <summary>Retry a failed job with the parameters it was given.</summary>
    public void Requeue()
    {
        if (Status != ReportJobStatus.Failed)
            throw new WorkflowException("只有失败的报表任务可以重新生成");
        Status = ReportJobStatus.Queued;
        Progress = 0;
        Step = null;
        Error = null;
        FinishedAt = null;
    }
}

/// <summary>A generated file of a report job, kept in the database so its download link survives a restart.</summary>
public sealed class ReportFile
{
    private ReportFile() { }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid ReportJobId { get; private set; }
    /// <summary>"xlsx" or "pdf".</summary>
    public string Format { get; private set; } = "";
    public string FileName { get; private set; } = "";
    public long Size { get; private set; }
    public byte[] Content { get; private set; } = [];

    public static ReportFile Of(Guid jobId, string format, string fileName, byte[] content) => new()
    {
        ReportJobId = jobId, Format = format, FileName = fileName, Size = content.LongLength, Content = content,
    };
}
