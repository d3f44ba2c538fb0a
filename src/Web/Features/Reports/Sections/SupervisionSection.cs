using Microsoft.EntityFrameworkCore;
using Tianshan.Core.Prevention;
using Tianshan.Core.Reports;

namespace Tianshan.Web.Features.Reports.Sections;

/// <summary>监督检查和行政执法: inspections in the period (四不两直 among them, enterprises covered) and enforcement cases filed,
/// decided and closed, with the fines decided, against the previous period.</summary>
public sealed class SupervisionSection : IReportSection
{
    public int Order => 30;
    public string Title => "监督检查和行政执法";
    public bool AppliesTo(ReportKind kind) => kind is ReportKind.Monthly or ReportKind.Annual;

    public async Task<ReportSectionContent> BuildAsync(ReportContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        var p = context.Period;
        DateOnly from = p.PreviousFirstDay, to = p.LastDay, start = p.FirstDay;
        var inspections = await context.Db.Inspections.AsNoTracking().Where(i => i.InspectedOn >= from && i.InspectedOn <= to)
            .Select(i => new { i.InspectedOn, i.Unannounced, i.EnterpriseId }).ToListAsync(ct);
        var cases = await context.Db.EnforcementCases.AsNoTracking()
            .Where(c => (c.FiledAt >= p.PreviousFrom && c.FiledAt < p.To) || (c.DecidedAt >= p.PreviousFrom && c.DecidedAt < p.To) || (c.ClosedAt >= p.PreviousFrom && c.ClosedAt < p.To))
            .Select(c => new { c.FiledAt, c.DecidedAt, c.ClosedAt, c.Decision }).ToListAsync(ct);

        bool In(DateTimeOffset? at, bool current) => at is { } v && (current ? p.Contains(v) : v >= p.PreviousFrom && v < p.From);
        var now = inspections.Where(i => i.InspectedOn >= start).ToList();
        var before = inspections.Where(i => i.InspectedOn < start).ToList();
        object?[] Row(bool current)
        {
            var list = current ? now : before;
            var decided = cases.Where(c => In(c.DecidedAt, current)).ToList();
            return [current ? $"{p.Name}（{p.Label}）" : $"{p.PreviousName}（{p.PreviousLabel}）", list.Count, list.Count(i => i.Unannounced),
                list.Select(i => i.EnterpriseId).Distinct().Count(), cases.Count(c => In(c.FiledAt, current)), decided.Count,
                decided.Where(c => c.Decision?.Penalty == PenaltyKind.Fine).Sum(c => c.Decision!.FineAmount ?? 0) / 10000m, cases.Count(c => In(c.ClosedAt, current))];
        }
        var current = Row(true);
        var previous = Row(false);
        return ReportSectionContent.Of(
            [
                $"{p.Name}开展执法检查 {current[1]} 次（其中“四不两直” {current[2]} 次），检查企业 {current[3]} 家；{p.PreviousName}检查 {previous[1]} 次。",
                $"{p.Name}立案 {current[4]} 件、作出处罚决定 {current[5]} 件（罚款 {current[6]:0.##} 万元）、结案 {current[7]} 件；{p.PreviousName}立案 {previous[4]} 件。",
            ],
            new ReportTable("执法检查和案件", ["期间", "检查次数", "四不两直", "检查企业数", "立案", "处罚决定", "罚款（万元）", "结案"], [current, previous]));
    }
}
