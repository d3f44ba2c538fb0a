using Microsoft.EntityFrameworkCore;
using Tianshan.Core.Plans;
using Tianshan.Core.Reports;

namespace Tianshan.Web.Features.Reports.Sections;

/// <summary>应急演练: drills held in the period by type, participants, problems found, and their follow-up actions (done,
/// open, overdue today), against the previous period (2号令 第三十三条; 708号令 第八条).</summary>
public sealed class DrillsSection : IReportSection
{
    public int Order => 55;
    public string Title => "应急演练";
    public bool AppliesTo(ReportKind kind) => kind is ReportKind.Monthly or ReportKind.Annual;

    public async Task<ReportSectionContent> BuildAsync(ReportContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        var p = context.Period;
        var drills = await context.Db.DrillRecords.AsNoTracking().Where(d => d.HeldOn >= p.PreviousFirstDay && d.HeldOn <= p.LastDay).ToListAsync(ct);
        var now = drills.Where(d => d.HeldOn >= p.FirstDay).ToList();
        var before = drills.Where(d => d.HeldOn < p.FirstDay).ToList();
        object?[] Row(string label, List<DrillRecord> list) =>
            [label, list.Count, list.Count(d => d.Type == DrillType.Tabletop), list.Count(d => d.Type == DrillType.Functional),
                list.Count(d => d.Type == DrillType.FullScale), list.Sum(d => d.ParticipantCount), list.Count(d => d.Problems is not null)];
        var followUps = now.SelectMany(d => d.FollowUps).ToList();
        var overdue = followUps.Count(f => !f.Done && f.Deadline < context.Today);
        var rows = now.OrderBy(d => d.HeldOn).Select(d => (IReadOnlyList<object?>)[d.HeldOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            d.Organisation, PlanLabels.Label(d.Type), d.Scenario, d.ParticipantCount, d.Problems ?? "—",
            d.FollowUps.Count(f => f.Done) + "/" + d.FollowUps.Count]).ToList();
        return ReportSectionContent.Of(
            [
                $"{p.Name}组织应急演练 {now.Count} 次（桌面 {now.Count(d => d.Type == DrillType.Tabletop)}、功能 {now.Count(d => d.Type == DrillType.Functional)}、实战 {now.Count(d => d.Type == DrillType.FullScale)}），参演 {now.Sum(d => d.ParticipantCount)} 人次；{p.PreviousName} {before.Count} 次，{ReportText.Change(now.Count, before.Count, "次")}。",
                $"演练发现问题的 {now.Count(d => d.Problems is not null)} 次，整改措施 {followUps.Count} 项，已完成 {followUps.Count(f => f.Done)} 项，逾期未完成 {overdue} 项。",
            ],
            new ReportTable("演练次数", ["期间", "演练次数", "桌面", "功能", "实战", "参演人次", "发现问题"],
                [Row($"{p.Name}（{p.Label}）", now), Row($"{p.PreviousName}（{p.PreviousLabel}）", before)]),
            new ReportTable("演练明细", ["日期", "组织单位", "类型", "情景", "参演人数", "发现问题", "整改完成"], rows));
    }
}
