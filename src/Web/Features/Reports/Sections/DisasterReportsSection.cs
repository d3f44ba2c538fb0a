using Microsoft.EntityFrameworkCore;
using Tianshan.Core.Incidents.DisasterReports;
using Tianshan.Core.Reports;

namespace Tianshan.Web.Features.Reports.Sections;

/// <summary>灾情报送: natural-disaster reports filed by the communities for disasters in the period (自然灾害情况统计调查制度:
/// 初报、续报、核报), by type, with the latest figures of each and how many the street has verified.</summary>
public sealed class DisasterReportsSection : IReportSection
{
    public int Order => 60;
    public string Title => "自然灾害灾情";
    public bool AppliesTo(ReportKind kind) => kind is ReportKind.Monthly or ReportKind.Annual;

    public async Task<ReportSectionContent> BuildAsync(ReportContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        var p = context.Period;
        var reports = await context.Db.DisasterReports.AsNoTracking().Where(r => r.OccurredAt >= p.PreviousFrom && r.OccurredAt < p.To)
            .Select(r => new { r.Type, r.OccurredAt, r.Status, r.Figures }).ToListAsync(ct);
        var now = reports.Where(r => r.OccurredAt >= p.From).ToList();
        var rows = now.GroupBy(r => r.Type).OrderBy(g => g.Key).Select(g => (IReadOnlyList<object?>)[DisasterReport.TypeLabel(g.Key), g.Count(),
            g.Sum(r => r.Figures.AffectedPeople), g.Sum(r => r.Figures.Deaths), g.Sum(r => r.Figures.Relocated), g.Sum(r => r.Figures.HousesCollapsed + r.Figures.HousesDamaged),
            g.Sum(r => r.Figures.DirectLossWanYuan), g.Count(r => r.Status == DisasterReportStatus.Verified)]).ToList();
        rows.Add(["合计", now.Count, now.Sum(r => r.Figures.AffectedPeople), now.Sum(r => r.Figures.Deaths), now.Sum(r => r.Figures.Relocated),
            now.Sum(r => r.Figures.HousesCollapsed + r.Figures.HousesDamaged), now.Sum(r => r.Figures.DirectLossWanYuan), now.Count(r => r.Status == DisasterReportStatus.Verified)]);
        return ReportSectionContent.Of(
            [$"{p.Name}报送自然灾害灾情 {now.Count} 起（{p.PreviousName} {reports.Count - now.Count} 起），受灾 {now.Sum(r => r.Figures.AffectedPeople)} 人、死亡 {now.Sum(r => r.Figures.Deaths)} 人，直接经济损失 {now.Sum(r => r.Figures.DirectLossWanYuan):0.##} 万元；已核实 {now.Count(r => r.Status == DisasterReportStatus.Verified)} 起。"],
            new ReportTable("灾情按灾种统计", ["灾种", "起数", "受灾人数", "死亡", "紧急转移安置", "倒损房屋（间）", "直接经济损失（万元）", "已核实"], rows));
    }
}
