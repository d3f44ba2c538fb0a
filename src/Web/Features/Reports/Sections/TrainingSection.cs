using Microsoft.EntityFrameworkCore;
using Tianshan.Core.People;
using Tianshan.Core.Reports;

namespace Tianshan.Web.Features.Reports.Sections;

/// <summary>培训和宣传教育: training sessions in the period by kind with attendance and hours credited, and publicity activities
/// with their audience and households reached, against the previous period.</summary>
public sealed class TrainingSection : IReportSection
{
    public int Order => 57;
    public string Title => "培训和宣传教育";
    public bool AppliesTo(ReportKind kind) => kind is ReportKind.Monthly or ReportKind.Annual;

    public async Task<ReportSectionContent> BuildAsync(ReportContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        var p = context.Period;
        var sessions = await context.Db.TrainingSessions.AsNoTracking().Include(s => s.Attendances)
            .Where(s => s.HeldOn >= p.PreviousFirstDay && s.HeldOn <= p.LastDay).ToListAsync(ct);
        var publicity = await context.Db.PublicityActivities.AsNoTracking()
            .Where(a => a.HeldOn >= p.PreviousFirstDay && a.HeldOn <= p.LastDay).ToListAsync(ct);
        var now = sessions.Where(s => s.HeldOn >= p.FirstDay).ToList();
        var before = sessions.Where(s => s.HeldOn < p.FirstDay).ToList();
        var byKind = now.GroupBy(s => s.Kind).OrderBy(g => g.Key)
            .Select(g => (IReadOnlyList<object?>)[PeopleLabels.Label(g.Key), g.Count(), g.Sum(s => s.Attendances.Count), g.Sum(s => s.Attendances.Sum(a => a.HoursCredited)),
                before.Count(s => s.Kind == g.Key)]).ToList();
        var publicityNow = publicity.Where(a => a.HeldOn >= p.FirstDay).ToList();
        var publicityBefore = publicity.Where(a => a.HeldOn < p.FirstDay).ToList();
        return ReportSectionContent.Of(
            [
                $"{p.Name}举办培训 {now.Count} 期，参训 {now.Sum(s => s.Attendances.Count)} 人次、计 {now.Sum(s => s.Attendances.Sum(a => a.HoursCredited)):0.#} 学时；{p.PreviousName} {before.Count} 期，{ReportText.Change(now.Count, before.Count, "期")}。",
                $"{p.Name}开展宣传活动 {publicityNow.Count} 场，受众 {publicityNow.Sum(a => a.Audience)} 人次、覆盖 {publicityNow.Sum(a => a.HouseholdsReached)} 户；{p.PreviousName} {publicityBefore.Count} 场。",
            ],
            new ReportTable("培训（按类别）", ["类别", "期数", "参训人次", "学时", $"{p.PreviousName}期数"], byKind));
    }
}
