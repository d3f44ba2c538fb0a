using Microsoft.EntityFrameworkCore;
using Tianshan.Core.Reports;
using Tianshan.Core.Warnings;

namespace Tianshan.Web.Features.Reports.Sections;

/// <summary>预警信息发布: warnings published in the period (CAP 1.2 alerts and their updates and cancellations) by event type
/// and level, against the previous period.</summary>
public sealed class WarningsSection : IReportSection
{
    public int Order => 50;
    public string Title => "预警信息发布";
    public bool AppliesTo(ReportKind kind) => kind is ReportKind.Monthly or ReportKind.Annual;

    public async Task<ReportSectionContent> BuildAsync(ReportContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        var p = context.Period;
        var published = await context.Db.Warnings.AsNoTracking().Where(w => w.PublishedAt >= p.PreviousFrom && w.PublishedAt < p.To)
            .Select(w => new { w.EventType, w.Level, w.MessageType, w.PublishedAt }).ToListAsync(ct);
        var now = published.Where(w => w.PublishedAt >= p.From).ToList();
        var alerts = now.Count(w => w.MessageType == WarningMessageType.Alert);
        var rows = now.GroupBy(w => (w.EventType, w.Level)).OrderBy(g => g.Key.EventType, StringComparer.Ordinal).ThenByDescending(g => g.Key.Level)
            .Select(g => (IReadOnlyList<object?>)[g.Key.EventType, WarningLevels.Label(g.Key.Level), g.Count(w => w.MessageType == WarningMessageType.Alert),
                g.Count(w => w.MessageType == WarningMessageType.Update), g.Count(w => w.MessageType == WarningMessageType.Cancel)]).ToList();
        return ReportSectionContent.Of(
            [$"{p.Name}发布预警信息 {alerts} 条（另有变更 {now.Count(w => w.MessageType == WarningMessageType.Update)} 条、解除 {now.Count(w => w.MessageType == WarningMessageType.Cancel)} 条）；{p.PreviousName}发布 {published.Count(w => w.PublishedAt < p.From && w.MessageType == WarningMessageType.Alert)} 条。"],
            new ReportTable("预警发布按类型和级别", ["预警类型", "级别", "发布", "变更", "解除"], rows));
    }
}
