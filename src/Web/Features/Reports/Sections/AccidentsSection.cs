using Microsoft.EntityFrameworkCore;
using Tianshan.Core.Incidents;
using Tianshan.Core.Registry;
using Tianshan.Core.Reports;

namespace Tianshan.Web.Features.Reports.Sections;

/// <summary>生产安全事故: production accidents (事故灾难, graded by 493号令) and their deaths by sector, against the previous
/// period. The sector is the enterprise's; an accident recorded without an enterprise (or one outside the reader's sectors)
/// is counted under “未关联企业”.</summary>
public sealed class AccidentsSection : IReportSection
{
    public const string Unlinked = "未关联企业";

    public int Order => 10;
    public string Title => "生产安全事故";
    public bool AppliesTo(ReportKind kind) => kind is ReportKind.Monthly or ReportKind.Annual;

    public async Task<ReportSectionContent> BuildAsync(ReportContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        var p = context.Period;
        var accidents = await context.Db.Incidents.AsNoTracking()
            .Where(i => i.Category == IncidentCategory.Accident && i.OccurredAt >= p.PreviousFrom && i.OccurredAt < p.To)
            .Select(i => new { i.EnterpriseId, i.Deaths, i.OccurredAt }).ToListAsync(ct);
        var ids = accidents.Where(a => a.EnterpriseId != null).Select(a => a.EnterpriseId!.Value).Distinct().ToList();
        var sectors = await context.Db.Enterprises.AsNoTracking().Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Sector, ct);
        string SectorOf(Guid? id) => id is { } e && sectors.TryGetValue(e, out var s) ? SectorSet.Label(s) : Unlinked;

        var rows = accidents.GroupBy(a => SectorOf(a.EnterpriseId)).Select(g => new
            {
                Sector = g.Key,
                Now = g.Count(a => a.OccurredAt >= p.From),
                NowDeaths = g.Where(a => a.OccurredAt >= p.From).Sum(a => a.Deaths),
                Before = g.Count(a => a.OccurredAt < p.From),
                BeforeDeaths = g.Where(a => a.OccurredAt < p.From).Sum(a => a.Deaths),
            })
            .OrderBy(r => r.Sector == Unlinked).ThenBy(r => SectorRank(r.Sector)).ToList();
        int now = rows.Sum(r => r.Now), nowDeaths = rows.Sum(r => r.NowDeaths), before = rows.Sum(r => r.Before), beforeDeaths = rows.Sum(r => r.BeforeDeaths);

        var sentences = new List<string>
        {
            $"{p.Name}（{p.Label}）共发生生产安全事故 {now} 起、死亡 {nowDeaths} 人；{p.PreviousName}（{p.PreviousLabel}）{before} 起、死亡 {beforeDeaths} 人。" +
            $"事故起数{ReportText.Change(now, before, "起")}，死亡人数{ReportText.Change(nowDeaths, beforeDeaths, "人")}。",
        };
        sentences.AddRange(rows.Select(r => $"{r.Sector}：{p.Name} {r.Now} 起、死亡 {r.NowDeaths} 人（{p.PreviousName} {r.Before} 起、{r.BeforeDeaths} 人）。"));
        var table = new ReportTable($"分行业生产安全事故（{p.Label}与{p.PreviousLabel}对比）",
            ["行业", $"{p.Name}事故起数", $"{p.Name}死亡人数", $"{p.PreviousName}事故起数", $"{p.PreviousName}死亡人数", "起数增减", "死亡增减"],
            [.. rows.Select(r => (IReadOnlyList<object?>)[r.Sector, r.Now, r.NowDeaths, r.Before, r.BeforeDeaths, ReportText.Delta(r.Now, r.Before), ReportText.Delta(r.NowDeaths, r.BeforeDeaths)]),
             ["合计", now, nowDeaths, before, beforeDeaths, ReportText.Delta(now, before), ReportText.Delta(nowDeaths, beforeDeaths)]]);
        return ReportSectionContent.Of(sentences, table);
    }

    private static int SectorRank(string label)
    {
        for (var i = 0; i < SectorSet.Each.Count; i++)
        {
            if (SectorSet.Label(SectorSet.Each[i]) == label)
                return i;
        }
        return SectorSet.Each.Count;
    }
}
