using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tianshan.Core.Monitoring;
using Tianshan.Core.Reports;
using Tianshan.Web.Features.Monitoring;

namespace Tianshan.Web.Features.Reports.Sections;

/// <summary>监测报警: alarms raised in the period by ISA-18.2 priority, and how many were acknowledged in time — before the
/// escalation ladder's second rung (by default 5 minutes, when the enterprise's principal is told; Monitoring:Escalation).</summary>
public sealed class AlarmsSection(IOptions<MonitoringOptions> monitoring) : IReportSection
{
    public int Order => 40;
    public string Title => "监测报警";
    public bool AppliesTo(ReportKind kind) => kind is ReportKind.Monthly or ReportKind.Annual;

    /// <summary>The time within which an acknowledgement counts as in time.</summary>
    public static TimeSpan AcknowledgeWithin(MonitoringOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return TimeSpan.FromMinutes(options.Escalation.Select(s => s.AfterMinutes).Where(m => m > 0).DefaultIfEmpty(5).Min());
    }

    public Task<ReportSectionContent> BuildAsync(ReportContext context, CancellationToken ct) =>
        BuildAsync(context, null, AcknowledgeWithin(monitoring.Value), ct);

    /// <summary>The same for one enterprise (一企一策) or the whole scope.</summary>
    public static async Task<ReportSectionContent> BuildAsync(ReportContext context, Guid? enterpriseId, TimeSpan within, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        var p = context.Period;
        var alarms = await context.Db.Alarms.AsNoTracking()
            .Where(a => a.RaisedAt >= p.PreviousFrom && a.RaisedAt < p.To && (enterpriseId == null || a.EnterpriseId == enterpriseId))
            .Select(a => new { a.Priority, a.RaisedAt, a.AcknowledgedAt, a.Kind }).ToListAsync(ct);
        var now = alarms.Where(a => a.RaisedAt >= p.From).ToList();
        var before = alarms.Count - now.Count;
        var inTime = now.Count(a => a.AcknowledgedAt is { } at && at - a.RaisedAt <= within);
        var never = now.Count(a => a.AcknowledgedAt is null);
        var rows = Enum.GetValues<AlarmPriority>().OrderByDescending(x => x).Select(x =>
        {
            var of = now.Where(a => a.Priority == x).ToList();
            var ok = of.Count(a => a.AcknowledgedAt is { } at && at - a.RaisedAt <= within);
            return (IReadOnlyList<object?>)[AlarmLabels.Label(x), of.Count, ok, ReportText.Percent(ok, of.Count), of.Count(a => a.AcknowledgedAt is null)];
        }).ToList();
        rows.Add(["合计", now.Count, inTime, ReportText.Percent(inTime, now.Count), never]);
        return ReportSectionContent.Of(
            [
                $"{p.Name}监测系统产生报警 {now.Count} 次（{p.PreviousName} {before} 次），其中通信中断 {now.Count(a => a.Kind == AlarmKind.NoData)} 次。",
                $"{(int)within.TotalMinutes} 分钟内确认 {inTime} 次，及时确认率 {ReportText.Percent(inTime, now.Count)}；未确认 {never} 次。",
            ],
            new ReportTable("报警按优先级统计", ["优先级", "报警次数", "及时确认", "及时确认率", "未确认"], rows));
    }
}
