using Microsoft.EntityFrameworkCore;
using Tianshan.Core.Prevention;
using Tianshan.Core.Registry;
using Tianshan.Core.Reports;

namespace Tianshan.Web.Features.Reports.Sections;

/// <summary>隐患排查治理: hidden hazards found (by their finding time) and closed (销号) in the period against the previous one,
/// by sector, with the major ones, and what is open, overdue and under 挂牌督办 when the report is generated (总局令第16号).</summary>
public sealed class HiddenHazardsSection : IReportSection
{
    public int Order => 20;
    public string Title => "隐患排查治理";
    public bool AppliesTo(ReportKind kind) => kind is ReportKind.Monthly or ReportKind.Annual;

    public async Task<ReportSectionContent> BuildAsync(ReportContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        var p = context.Period;
        var hazards = await context.Db.HiddenHazards.AsNoTracking()
            .Where(h => (h.FoundAt >= p.PreviousFrom && h.FoundAt < p.To) || (h.ClosedAt >= p.PreviousFrom && h.ClosedAt < p.To)
                || (h.Status != HiddenHazardStatus.Closed && h.Status != HiddenHazardStatus.Dismissed))
            .Select(h => new { h.Status, h.Grade, h.FoundAt, h.ClosedAt, h.Deadline, h.ListedAt, h.Enterprise!.Sector }).ToListAsync(ct);
        bool Found(DateTimeOffset at, bool current) => current ? p.Contains(at) : at >= p.PreviousFrom && at < p.From;
        bool Closed(HiddenHazardStatus s, DateTimeOffset? at, bool current) => s == HiddenHazardStatus.Closed && at is { } c && Found(c, current);

        int found = hazards.Count(h => Found(h.FoundAt, true)), foundBefore = hazards.Count(h => Found(h.FoundAt, false));
        int major = hazards.Count(h => Found(h.FoundAt, true) && h.Grade == HiddenHazardGrade.Major);
        int closed = hazards.Count(h => Closed(h.Status, h.ClosedAt, true)), closedBefore = hazards.Count(h => Closed(h.Status, h.ClosedAt, false));
        var open = hazards.Where(h => h.Status is not (HiddenHazardStatus.Closed or HiddenHazardStatus.Dismissed)).ToList();
        var overdue = open.Count(h => h.Deadline < context.Now && h.Status != HiddenHazardStatus.AwaitingVerification);
        var listed = open.Count(h => h.ListedAt != null);

        var rows = SectorSet.Each.Select(s => (IReadOnlyList<object?>)[
                SectorSet.Label(s),
                hazards.Count(h => h.Sector == s && Found(h.FoundAt, true)),
                hazards.Count(h => h.Sector == s && Found(h.FoundAt, true) && h.Grade == HiddenHazardGrade.Major),
                hazards.Count(h => h.Sector == s && Closed(h.Status, h.ClosedAt, true)),
                hazards.Count(h => h.Sector == s && Found(h.FoundAt, false)),
                hazards.Count(h => h.Sector == s && Closed(h.Status, h.ClosedAt, false)),
                open.Count(h => h.Sector == s)])
            .Where(r => r.Skip(1).Any(v => (int)v! > 0)).ToList();
        rows.Add(["合计", found, major, closed, foundBefore, closedBefore, open.Count]);
        return ReportSectionContent.Of(
            [
                $"{p.Name}排查发现隐患 {found} 处（其中重大隐患 {major} 处），整改销号 {closed} 处；{p.PreviousName}发现 {foundBefore} 处、销号 {closedBefore} 处。",
                $"截至报告生成时，未销号隐患 {open.Count} 处，其中逾期未整改 {overdue} 处、挂牌督办 {listed} 处。",
            ],
            new ReportTable("分行业隐患排查治理", ["行业", $"{p.Name}发现", "其中重大", $"{p.Name}销号", $"{p.PreviousName}发现", $"{p.PreviousName}销号", "当前未销号"], rows));
    }
}
