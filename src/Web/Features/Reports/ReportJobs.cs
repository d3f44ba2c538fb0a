using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Tianshan.Core.Data;
using Tianshan.Core.Platform;
using Tianshan.Core.Registry;
using Tianshan.Core.Reports;

namespace Tianshan.Web.Features.Reports;

/// <summary>
/// Starting a report and following it: the request is checked at once (who may generate which report, the period, the
/// enterprise within the caller's scope) so a mistake is a 400/403/404 in Chinese before anything is queued; the job is stored
/// with the caller's scope and picked up by <see cref="ReportWorker"/>. A job and its files are visible to the user who
/// asked for it only.
/// </summary>
public static class ReportJobs
{
    /// <summary>District reports (月报、年报、规划实施评估) — the bureau and the departments and streets, each within its scope.</summary>
    public static readonly string[] DistrictReaders = [Roles.Bureau, Roles.Department, Roles.Street];

    /// <summary>一企一策: the supervisors for enterprises in their scope, and an enterprise for itself.</summary>
    public static readonly string[] EnterpriseReaders = [Roles.Bureau, Roles.Department, Roles.Street, Roles.Inspector, Roles.Enterprise];

    /// <summary>Jobs one user may have waiting or running at once: the queue is bounded per user.</summary>
    public const int PendingPerUser = 5;

    public sealed record StartRequest(int? Year, int? Month, Guid? EnterpriseId);

    public sealed record FileLink(string Format, string FileName, long Size, string Url);

    public sealed record JobView(Guid Id, ReportKind Kind, string KindSlug, string KindLabel, string Title, int Year, int? Month, Guid? EnterpriseId,
        ReportJobStatus Status, string StatusLabel, int Progress, string? Step, string? Error, int Attempts, DateTimeOffset CreatedAt,
        DateTimeOffset? FinishedAt, IReadOnlyList<FileLink> Files);

    public static bool MayGenerate(ClaimsPrincipal user, ReportKind kind)
    {
        ArgumentNullException.ThrowIfNull(user);
        return (kind == ReportKind.Enterprise ? EnterpriseReaders : DistrictReaders).Any(user.IsInRole);
    }

    public static async Task<JobView> StartAsync(TianshanDb db, ClaimsPrincipal user, ReportKind kind, StartRequest request, ReportSignal signal,
        TimeProvider time, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(signal);
        if (!MayGenerate(user, kind))
            throw new ForbiddenException(kind == ReportKind.Enterprise ? "您的角色不能生成一企一策报告" : "只有区应急管理局、行业部门和街道可以生成区级报表");
        var scope = db.Scope;
        var now = time.GetUtcNow();
        var year = request.Year ?? ChinaTime.Now(time).Year;
        int? month = kind switch
        {
            ReportKind.Monthly => request.Month ?? throw new DomainValidationException("month", "月报须选择月份"),
            ReportKind.Enterprise => request.Month,
            _ => null,
        };
        var period = month is { } m ? ReportPeriod.OfMonth(year, m) : ReportPeriod.OfYear(year);
        if (period.From > now)
            throw new DomainValidationException(month is null ? "year" : "month", $"{period.Label}尚未开始，不能生成报表");

        Guid? enterpriseId = null;
        string title;
        if (kind == ReportKind.Enterprise)
        {
            enterpriseId = request.EnterpriseId ?? scope.EnterpriseId ?? throw new DomainValidationException("enterpriseId", "请选择企业");
            // The query filter limits an enterprise user to its own enterprise and others to their scope: anything else is "not found".
            var name = await db.Enterprises.AsNoTracking().Where(e => e.Id == enterpriseId).Select(e => e.Name).FirstOrDefaultAsync(ct)
                ?? throw new NotFoundException("没有该企业，或该企业不在您的管辖范围内");
            title = $"一企一策报告：{name}（{period.Label}）";
        }
        else
        {
            var area = await ScopeNameAsync(db, scope, ct);
            title = kind switch
            {
                ReportKind.Monthly => $"{area}安全生产和应急管理工作月报（{period.Label}）",
                ReportKind.Annual => $"{area}安全生产和应急管理工作年报（{period.Label}）",
                _ => $"{area}规划实施评估报告（{period.Year}年度）",
            };
        }

        var pending = await db.ReportJobs.CountAsync(j => j.RequestedById == scope.UserId
            && (j.Status == ReportJobStatus.Queued || j.Status == ReportJobStatus.Running), ct);
        if (pending >= PendingPerUser)
            throw new WorkflowException($"您已有 {pending} 个报表正在排队或生成，请等待完成后再提交");
        var job = ReportJob.Create(kind, year, month, enterpriseId, title, scope, now);
        db.ReportJobs.Add(job);
        await db.SaveChangesAsync(ct);
        signal.Wake();
        return View(job, []);
    }

    public static async Task<JobView> ViewAsync(TianshanDb db, Guid id, CancellationToken ct)
    {
        var job = await OwnAsync(db, id, ct);
        var files = job.Status == ReportJobStatus.Succeeded
            ? await db.ReportFiles.AsNoTracking().Where(f => f.ReportJobId == id).OrderBy(f => f.Format)
                .Select(f => new { f.Format, f.FileName, f.Size }).ToListAsync(ct)
            : [];
        return View(job, [.. files.Select(f => new FileLink(f.Format, f.FileName, f.Size, $"/api/reports/jobs/{id}/file.{f.Format}"))]);
    }

    /// <summary>The caller's recent jobs, newest first.</summary>
    public static async Task<List<JobView>> MineAsync(TianshanDb db, int take, CancellationToken ct)
    {
        var userId = db.Scope.UserId;
        var jobs = await db.ReportJobs.AsNoTracking().Where(j => j.RequestedById == userId).OrderByDescending(j => j.CreatedAt).Take(take).ToListAsync(ct);
        var ids = jobs.Where(j => j.Status == ReportJobStatus.Succeeded).Select(j => j.Id).ToList();
        var files = (await db.ReportFiles.AsNoTracking().Where(f => ids.Contains(f.ReportJobId)).Select(f => new { f.ReportJobId, f.Format, f.FileName, f.Size })
            .ToListAsync(ct)).ToLookup(f => f.ReportJobId);
        return [.. jobs.Select(j => View(j, [.. files[j.Id].OrderBy(f => f.Format, StringComparer.Ordinal)
            .Select(f => new FileLink(f.Format, f.FileName, f.Size, $"/api/reports/jobs/{j.Id}/file.{f.Format}"))]))];
    }

    public static async Task<ReportFile> FileAsync(TianshanDb db, Guid id, string format, CancellationToken ct)
    {
        var job = await OwnAsync(db, id, ct);
        if (job.Status != ReportJobStatus.Succeeded)
            throw new WorkflowException($"报表{ReportLabels.Label(job.Status)}，还没有可下载的文件");
        return await db.ReportFiles.AsNoTracking().FirstOrDefaultAsync(f => f.ReportJobId == id && f.Format == format, ct)
            ?? throw new NotFoundException($"没有 {format} 格式的报表文件（可下载 xlsx 或 pdf）");
    }

    /// <summary>Runs a failed job again with the parameters it was given.</summary>
    public static async Task<JobView> RetryAsync(TianshanDb db, Guid id, ReportSignal signal, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(signal);
        var job = await db.ReportJobs.FirstOrDefaultAsync(j => j.Id == id && j.RequestedById == db.Scope.UserId, ct)
            ?? throw new NotFoundException("没有该报表任务");
        job.Requeue();
        await db.SaveChangesAsync(ct);
        signal.Wake();
        return View(job, []);
    }

    private static async Task<ReportJob> OwnAsync(TianshanDb db, Guid id, CancellationToken ct) =>
        await db.ReportJobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == id && j.RequestedById == db.Scope.UserId, ct)
            ?? throw new NotFoundException("没有该报表任务");

    private static JobView View(ReportJob j, IReadOnlyList<FileLink> files) =>
        new(j.Id, j.Kind, ReportLabels.Slug(j.Kind), ReportLabels.Label(j.Kind), j.Title, j.Year, j.Month, j.EnterpriseId, j.Status, ReportLabels.Label(j.Status),
            j.Progress, j.Step, j.Error, j.Attempts, j.CreatedAt, j.FinishedAt, files);

    /// <summary>"独山子区", a street's name, and for a department its sectors.</summary>
    public static async Task<string> ScopeNameAsync(TianshanDb db, UserScope scope, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var name = await db.Divisions.AsNoTracking().Where(d => d.Path == scope.DivisionPath).Select(d => d.Name).FirstOrDefaultAsync(ct) ?? "独山子区";
        return scope.Sectors == SectorSet.All ? name : $"{name}（{SectorSet.Label(scope.Sectors)}）";
    }
}
