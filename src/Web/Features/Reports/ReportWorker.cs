using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tianshan.Core.Data;
using Tianshan.Core.Platform;
using Tianshan.Core.Reports;

namespace Tianshan.Web.Features.Reports;

/// <summary>"Reports" section.</summary>
public sealed class ReportOptions
{
    public const string Section = "Reports";

    /// <summary>How long generated reports (and their jobs) are kept in the database before they are deleted.</summary>
    [Range(1, 3650)]
    public int RetentionDays { get; set; } = 30;

    /// <summary>How often the worker looks for queued jobs when nobody wakes it (a job queued by another node).</summary>
    [Range(1, 3600)]
    public int PollSeconds { get; set; } = 30;

    /// <summary>Another font file for the PDFs (default: Debian's WenQuanYi Micro Hei).</summary>
    public string? FontPath { get; set; }
}

/// <summary>Wakes the worker when a job is queued. The database is the queue (jobs survive a restart); this bounded channel
/// only carries the nudge, and a full one means a nudge is already waiting.</summary>
public sealed class ReportSignal
{
    private readonly Channel<bool> _channel = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Wake() => _channel.Writer.TryWrite(true);

    public async Task WaitAsync(TimeSpan timeout, CancellationToken ct)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(timeout);
        try
        {
            await _channel.Reader.ReadAsync(cts.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
        }
    }
}

/// <summary>
/// Generates queued reports one at a time (the machine is small; a report is a few queries and two renderings). A job is
/// claimed with a conditional update so two nodes never run the same one; progress is written as each section starts; the
/// files and the job's success are stored in one transaction. A job that was running when the host stopped is queued again
/// at start. A failure is stored with its reason in Chinese and the job keeps its parameters for a retry.
/// </summary>
public sealed partial class ReportWorker(IServiceScopeFactory scopes, ReportSignal signal, TimeProvider time, IOptions<ReportOptions> options,
    ILogger<ReportWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await RequeueInterruptedAsync(stoppingToken);
            while (!stoppingToken.IsCancellationRequested)
            {
                while (await NextAsync(stoppingToken) is { } id)
                    await RunAsync(id, stoppingToken);
                await PurgeAsync(stoppingToken);
                await signal.WaitAsync(TimeSpan.FromSeconds(options.Value.PollSeconds), stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task RequeueInterruptedAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TianshanDb>();
        await db.ReportJobs.Where(j => j.Status == ReportJobStatus.Running)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, ReportJobStatus.Queued).SetProperty(j => j.Step, "服务重启后重新排队"), ct);
    }

    /// <summary>Claims the oldest queued job, or null when there is none.</summary>
    private async Task<Guid?> NextAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TianshanDb>();
        while (true)
        {
            var id = await db.ReportJobs.Where(j => j.Status == ReportJobStatus.Queued).OrderBy(j => j.CreatedAt).Select(j => (Guid?)j.Id).FirstOrDefaultAsync(ct);
            if (id is null)
                return null;
            var now = time.GetUtcNow();
            var claimed = await db.ReportJobs.Where(j => j.Id == id && j.Status == ReportJobStatus.Queued).ExecuteUpdateAsync(s => s
                .SetProperty(j => j.Status, ReportJobStatus.Running).SetProperty(j => j.Attempts, j => j.Attempts + 1).SetProperty(j => j.StartedAt, now)
                .SetProperty(j => j.Progress, 0).SetProperty(j => j.Step, "准备数据").SetProperty(j => j.Error, (string?)null), ct);
            if (claimed == 1)
                return id;
        }
    }

    private async Task RunAsync(Guid id, CancellationToken ct)
    {
        var step = "准备数据";
        try
        {
            using var scope = scopes.CreateScope();
            var services = scope.ServiceProvider;
            var db = services.GetRequiredService<TianshanDb>();
            var job = await db.ReportJobs.AsNoTracking().FirstAsync(j => j.Id == id, ct);
            // The sections query through the requester's scope, exactly as the requester's own pages would.
            services.GetRequiredService<CurrentUser>().Set(job.Scope);
            var sections = services.GetServices<IReportSection>().Where(s => s.AppliesTo(job.Kind)).OrderBy(s => s.Order).ToList();
            var context = new ReportContext(db, job, time.GetUtcNow(), services);

            async Task ProgressAsync(int percent, string what)
            {
                step = what;
                await db.ReportJobs.Where(j => j.Id == id).ExecuteUpdateAsync(s => s.SetProperty(j => j.Progress, percent).SetProperty(j => j.Step, what), ct);
            }

            var built = new List<ReportSection>();
            for (var i = 0; i < sections.Count; i++)
            {
                await ProgressAsync(i * 90 / sections.Count, sections[i].Title);
                var content = await sections[i].BuildAsync(context, ct);
                built.Add(new ReportSection($"{ChineseNumeral(i + 1)}、{sections[i].Title}", content));
            }
            var area = job.Kind == ReportKind.Enterprise ? null : await ReportJobs.ScopeNameAsync(db, job.Scope, ct);
            var period = job.Period;
            var subtitle = string.Create(CultureInfo.InvariantCulture, $"统计期间：{period.FirstDay:yyyy年M月d日}至{period.LastDay:yyyy年M月d日}") +
                (job.Kind is ReportKind.Monthly or ReportKind.Annual ? $"；对比期间：{period.PreviousLabel}" : "") + (area is null ? "" : $"；统计范围：{area}");
            var document = new ReportDocument(job.Title, subtitle, FileStem(job), context.Now, job.RequestedBy, built);

            await ProgressAsync(90, "生成 Excel");
            var xlsx = ReportExcel.Render(document);
            await ProgressAsync(95, "生成 PDF");
            var pdf = ReportPdf.Render(document, options.Value.FontPath);

            db.ChangeTracker.Clear();
            var tracked = await db.ReportJobs.FirstAsync(j => j.Id == id, ct);
            db.ReportFiles.Add(ReportFile.Of(id, "xlsx", document.FileStem + ".xlsx", xlsx));
            db.ReportFiles.Add(ReportFile.Of(id, "pdf", document.FileStem + ".pdf", pdf));
            tracked.Succeed(time.GetUtcNow());
            await db.SaveChangesAsync(ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopping: the job stays Running and is queued again at the next start.
        }
#pragma warning disable CA1031 // a failed report must be recorded as failed whatever went wrong, and the worker must go on
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogFailed(logger, e, id, step);
            await FailAsync(id, $"生成“{step}”时失败：{Reason(e)}。报表参数已保留，可重新生成。", ct);
        }
    }

    /// <summary>Our own exceptions carry Chinese messages meant for users; anything else is named by its kind, details in the log.</summary>
    private static string Reason(Exception e) => e switch
    {
        DomainValidationException or NotFoundException or ForbiddenException or WorkflowException => e.Message.TrimEnd('。'),
        InvalidOperationException when e.Message.Any(ch => ch >= 0x4E00 && ch <= 0x9FFF) => e.Message.TrimEnd('。'),
        DbUpdateException or System.Data.Common.DbException => "数据库暂不可用",
        _ => $"内部错误（{e.GetType().Name}），详情已记录日志",
    };

    private async Task FailAsync(Guid id, string reason, CancellationToken ct)
    {
        try
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<TianshanDb>();
            var job = await db.ReportJobs.FirstAsync(j => j.Id == id, ct);
            job.Fail(reason, time.GetUtcNow());
            await db.SaveChangesAsync(ct);
        }
#pragma warning disable CA1031 // the database itself failed: the job stays Running and is queued again at the next start
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogFailed(logger, e, id, "记录失败原因");
        }
    }

    /// <summary>Keeps the stored files bounded: jobs older than the retention period go with their files.</summary>
    private async Task PurgeAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TianshanDb>();
        var before = time.GetUtcNow().AddDays(-options.Value.RetentionDays);
        var old = db.ReportJobs.Where(j => j.CreatedAt < before && j.Status != ReportJobStatus.Queued && j.Status != ReportJobStatus.Running).Select(j => j.Id);
        await db.ReportFiles.Where(f => old.Contains(f.ReportJobId)).ExecuteDeleteAsync(ct);
        await db.ReportJobs.Where(j => j.CreatedAt < before && j.Status != ReportJobStatus.Queued && j.Status != ReportJobStatus.Running).ExecuteDeleteAsync(ct);
    }

    private static string FileStem(ReportJob job) =>
        job.Title.Replace('：', '-').Replace('（', '-').Replace("）", "", StringComparison.Ordinal).Replace(' ', '-');

    public static string ChineseNumeral(int n)
    {
        string[] digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
        return n switch
        {
            < 10 => digits[n],
            10 => "十",
            < 20 => "十" + digits[n - 10],
            _ => digits[n / 10] + "十" + (n % 10 == 0 ? "" : digits[n % 10]),
        };
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Report job {JobId} failed at {Step}")]
    private static partial void LogFailed(ILogger logger, Exception exception, Guid jobId, string step);
}
