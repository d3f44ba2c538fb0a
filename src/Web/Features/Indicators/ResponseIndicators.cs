using Microsoft.EntityFrameworkCore;
using Tianshan.Core.Data;
using Tianshan.Core.Incidents;
using Tianshan.Core.Indicators;
using Tianshan.Core.Platform;
using Tianshan.Core.Resources;
using Tianshan.Core.Warnings;
using Tianshan.Web.Features.Warnings;
using static Tianshan.Core.Indicators.ResponseFormulas;

namespace Tianshan.Web.Features.Indicators;

/// <summary>The indicators the response side's records feed: shelters (EP-01), warning coverage (EP-02, DP-01), incident
/// milestones (EP-10, EP-11, EP-12, EP-17), relief from the disaster reports (DP-02) and production accidents (SP-01,
/// SP-02). The formulas are <see cref="ResponseFormulas"/>; this file loads their rows.</summary>
public static partial class Indicators
{
    /// <summary>The national figure of GB 21734-2008 §5.4 (the gaps page may be configured otherwise; the plan's "合格"
    /// is the standard's).</summary>
    private static readonly decimal ShelterAreaPerPerson = new ResourceNorms().ShelterAreaPerPerson;

    private static bool InYear(DateTimeOffset at, int year) => ChinaTime.ToChina(at).Year == year;

    /// <summary>The incidents that occurred in the China-time year, filtered in the database.</summary>
    private static IQueryable<Incident> IncidentsOf(TianshanDb db, int year)
    {
        var from = new DateTimeOffset(year, 1, 1, 0, 0, 0, TimeSpan.FromHours(8)).ToUniversalTime();
        var to = from.AddYears(1);
        return db.Incidents.AsNoTracking().Where(i => i.OccurredAt >= from && i.OccurredAt < to);
    }

    private static string Time(DateTimeOffset at) => ChinaTime.ToChina(at).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>EP-01: communities covered by a qualified shelter ÷ all communities.</summary>
    private static async Task<Computation> ShelterCoverageAsync(TianshanDb db, int year, CancellationToken ct)
    {
        var communities = await db.Divisions.AsNoTracking().Where(d => d.Level == DivisionLevel.Community).OrderBy(d => d.Code)
            .Select(d => new Community(d.Id, d.Name, d.Latitude, d.Longitude)).ToListAsync(ct);
        var shelters = await db.Shelters.AsNoTracking().OrderBy(s => s.Code)
            .Select(s => new ShelterSite(s.Id, s.Name, s.DivisionId, s.Latitude, s.Longitude, s.Type, s.Capacity, s.UsableAreaM2, s.Status)).ToListAsync(ct);
        var coverage = ShelterCoverage(communities, shelters, ShelterAreaPerPerson);
        var records = coverage.OrderBy(c => c.CoveredBy is not null).Select(c => new IndicatorRecord("社区", c.Community.Id, c.Community.Name, c.CoveredBy is not null,
            c.CoveredBy is { } s ? $"由{s.Name}（{ResourceLabels.Of(s.Type)}，服务半径 {ServiceRadiusKm(s.Type):0.#} km）覆盖" : "服务半径内无合格避难场所",
            "/resources/ledger/shelters")).ToList();
        var unqualified = shelters.Count(s => !Qualifies(s, ShelterAreaPerPerson));
        return new Computation(IndicatorCatalogue.Rate(records.Count(r => r.Counted), records.Count), records,
            unqualified > 0 ? $"{unqualified} 处避难场所不合格（暂停使用或人均有效面积 ≤ {ShelterAreaPerPerson} m²），未计入覆盖" : null);
    }

    /// <summary>EP-02: people reached ÷ people in the area over the year's published warnings (<see cref="WarningCoverage"/>).</summary>
    private static Task<Computation> WarningCoverageAsync(TianshanDb db, int year, CancellationToken ct) =>
        WarningCoverageAsync(db, year, _ => true, ct);

    /// <summary>DP-01: the same over 重大气象灾害 warnings — meteorological warnings at orange or red.</summary>
    private static Task<Computation> MajorWeatherWarningCoverageAsync(TianshanDb db, int year, CancellationToken ct) =>
        WarningCoverageAsync(db, year, w => WarningEventTypes.Find(w.EventType)?.Group == WarningEventTypes.Meteorological
            && w.Level is WarningLevel.Orange or WarningLevel.Red, ct);

    private static async Task<Computation> WarningCoverageAsync(TianshanDb db, int year, Func<WarningStat, bool> counts, CancellationToken ct)
    {
        var warnings = (await WarningStatisticsQuery.ComputeAsync(db, ct)).Warnings.Where(w => InYear(w.PublishedAt, year) && counts(w)).ToList();
        long inArea = warnings.Sum(w => w.PeopleInArea), reached = warnings.Sum(w => w.PeopleReached);
        var records = warnings.Select(w => new IndicatorRecord("预警", w.Id, $"{w.Headline}（{WarningLevels.Label(w.Level)}）", w.PeopleInArea > 0,
            $"{Time(w.PublishedAt)} 发布；区域内 {w.PeopleInArea} 人，送达 {w.PeopleReached} 人", $"/warnings/{w.Id}")).ToList();
        return new Computation(inArea == 0 ? null : Math.Round(100m * reached / inArea, 1, MidpointRounding.AwayFromZero), records,
            inArea == 0 ? null : $"送达 {reached} 人 / 区域内 {inArea} 人");
    }

    /// <summary>The year's natural-disaster incidents (the plan's "灾害"), each measured from occurrence to a milestone.</summary>
    private static async Task<List<(Incident Incident, TimedEvent Event)>> DisasterMilestonesAsync(TianshanDb db, int year, MilestoneKind kind,
        Func<Incident, bool> counts, CancellationToken ct) =>
        (await IncidentsOf(db, year).ToListAsync(ct)).Where(counts).OrderBy(i => i.OccurredAt)
            .Select(i => (i, new TimedEvent(i.Id, $"{i.Number} {i.Title}", i.OccurredAt, i.Milestones.FirstOrDefault(m => m.Kind == kind)?.At))).ToList();

    private static IndicatorRecord MilestoneRecord((Incident Incident, TimedEvent Event) x, bool counted, string what) =>
        new("事件", x.Incident.Id, x.Event.Label, counted,
            x.Event.Hours is { } h ? $"事发 {Time(x.Event.From)}，{what} {Time(x.Event.To!.Value)}（{h:0.#} 小时）" : $"事发 {Time(x.Event.From)}，未记录{what}",
            $"/incidents/{x.Incident.Id}");

    private static async Task<Computation> LongestMilestoneAsync(TianshanDb db, int year, MilestoneKind kind, string what, CancellationToken ct)
    {
        var events = await DisasterMilestonesAsync(db, year, kind, i => i.Category == IncidentCategory.NaturalDisaster, ct);
        var records = events.Select(x => MilestoneRecord(x, x.Event.To is not null, what)).ToList();
        var missing = events.Count(x => x.Event.To is null);
        return new Computation(MaxHours(events.Select(x => x.Event)), records, missing > 0 ? $"另有 {missing} 起灾害事件未记录{what}时间" : null);
    }

    /// <summary>EP-10: the longest time from a disaster to basic power for rescue.</summary>
    private static Task<Computation> RescuePowerHoursAsync(TianshanDb db, int year, CancellationToken ct) =>
        LongestMilestoneAsync(db, year, MilestoneKind.RescuePowerRestored, "恢复抢险救灾基本用电", ct);

    /// <summary>EP-17: the longest time from a disaster to imagery of the area.</summary>
    private static Task<Computation> ImageryHoursAsync(TianshanDb db, int year, CancellationToken ct) =>
        LongestMilestoneAsync(db, year, MilestoneKind.ImageryObtained, "获取灾区影像", ct);

    /// <summary>EP-11: natural-disaster incidents whose affected people had basic relief within 8 hours of the event.</summary>
    private static async Task<Computation> ReliefWithinEightHoursAsync(TianshanDb db, int year, CancellationToken ct)
    {
        var limit = TimeSpan.FromHours(8);
        var events = await DisasterMilestonesAsync(db, year, MilestoneKind.BasicReliefProvided, i => i.Category == IncidentCategory.NaturalDisaster, ct);
        var records = events.Select(x => MilestoneRecord(x, Within(x.Event, limit), "基本生活救助到位")).ToList();
        return new Computation(WithinRate(events.Select(x => x.Event).ToList(), limit), records);
    }

    /// <summary>EP-12: field command communications opened within 2 hours of receiving the incident. The incidents that need
    /// a field command post: natural disasters, production accidents graded 较大 or above (a district-led response, 493号令
    /// 第三条 grades), and any incident whose desk opened one.</summary>
    private static async Task<Computation> CommandCommsAsync(TianshanDb db, int year, CancellationToken ct)
    {
        var limit = TimeSpan.FromHours(2);
        var incidents = (await IncidentsOf(db, year).ToListAsync(ct)).Where(i =>
            (i.Category == IncidentCategory.NaturalDisaster || (i.IsProductionAccident && i.Grade >= AccidentGrade.Larger)
                || i.Milestones.Any(m => m.Kind == MilestoneKind.CommandCommsOpened))).OrderBy(i => i.OccurredAt)
            // "接报后": measured from receipt, not occurrence.
            .Select(i => (i, new TimedEvent(i.Id, $"{i.Number} {i.Title}", i.ReceivedAt, i.Milestones.FirstOrDefault(m => m.Kind == MilestoneKind.CommandCommsOpened)?.At)))
            .ToList();
        var records = incidents.Select(x => new IndicatorRecord("事件", x.i.Id, x.Item2.Label, Within(x.Item2, limit),
            x.Item2.Hours is { } h ? $"接报 {Time(x.Item2.From)}，开通 {Time(x.Item2.To!.Value)}（{h:0.#} 小时）" : $"接报 {Time(x.Item2.From)}，未记录开通现场指挥通信",
            $"/incidents/{x.i.Id}")).ToList();
        return new Computation(WithinRate(incidents.Select(x => x.Item2).ToList(), limit), records);
    }

    /// <summary>DP-02: affected people reported by the communities whose relief came within 8 hours ÷ all affected people.</summary>
    private static async Task<Computation> ReliefByDisasterReportsAsync(TianshanDb db, int year, CancellationToken ct)
    {
        var limit = TimeSpan.FromHours(8);
        var reports = (await db.DisasterReports.AsNoTracking().Include(r => r.Division).ToListAsync(ct))
            .Where(r => InYear(r.OccurredAt, year) && r.Figures.AffectedPeople > 0).OrderBy(r => r.OccurredAt).ToList();
        var rows = reports.Select(r => new ReliefReport(new TimedEvent(r.Id, r.Title, r.OccurredAt, r.ReliefProvidedAt), r.Figures.AffectedPeople)).ToList();
        var records = reports.Zip(rows).Select(x => new IndicatorRecord("灾情报告", x.First.Id, $"{x.First.Number} {x.First.Division!.Name} {x.First.Title}",
            Within(x.Second.Event, limit), x.Second.Event.Hours is { } h
                ? $"受灾 {x.Second.AffectedPeople} 人，救助到位用时 {h:0.#} 小时"
                : $"受灾 {x.Second.AffectedPeople} 人，未登记救助到位", "/disasters")).ToList();
        return new Computation(PeopleRelievedWithin(rows, limit), records);
    }

    private static async Task<List<Incident>> ProductionAccidentsAsync(TianshanDb db, int year, CancellationToken ct) =>
        (await IncidentsOf(db, year).Where(i => i.Category == IncidentCategory.Accident).ToListAsync(ct)).OrderBy(i => i.OccurredAt).ToList();

    private static IndicatorRecord AccidentRecord(Incident i, bool counted) =>
        new("生产安全事故", i.Id, $"{i.Number} {i.Title}", counted, $"{Time(i.OccurredAt)}，{IncidentLabels.Label(i.Grade)}，死亡 {i.Deaths} 人", $"/incidents/{i.Id}");

    /// <summary>SP-01: this year's production-accident deaths minus last year's.</summary>
    private static async Task<Computation> AccidentDeathsChangeAsync(TianshanDb db, int year, CancellationToken ct)
    {
        var thisYear = await ProductionAccidentsAsync(db, year, ct);
        var lastYear = await ProductionAccidentsAsync(db, year - 1, ct);
        var records = thisYear.Select(i => AccidentRecord(i, true)).Concat(lastYear.Select(i => AccidentRecord(i, false))).ToList();
        int now = thisYear.Sum(i => i.Deaths), before = lastYear.Sum(i => i.Deaths);
        return new Computation(DeathsChange(now, before), records, $"{year} 年死亡 {now} 人，{year - 1} 年 {before} 人（上年事故列出但不计入）");
    }

    /// <summary>SP-02: production accidents graded 重大 or 特别重大 this year.</summary>
    private static async Task<Computation> MajorAccidentsAsync(TianshanDb db, int year, CancellationToken ct)
    {
        var records = (await ProductionAccidentsAsync(db, year, ct)).Select(i => AccidentRecord(i, i.Grade >= AccidentGrade.Major)).ToList();
        return new Computation(records.Count(r => r.Counted), records);
    }
}
