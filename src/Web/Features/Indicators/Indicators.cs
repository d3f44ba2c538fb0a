using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Tianshan.Core.Data;
using Tianshan.Core.DisasterRisk;
using Tianshan.Core.Indicators;
using Tianshan.Core.Platform;
using Tianshan.Core.Registry;
using Tianshan.Core.Resources;

namespace Tianshan.Web.Features.Indicators;

/// <summary>
/// The plans' indicators (<see cref="IndicatorCatalogue"/>) with their actual value for a year: computed from Tianshan's
/// records where a calculator exists, the latest entry with its evidence for an entered one. Every value can be opened
/// down to the records behind it. Computed indicators whose records are not yet kept in Tianshan show no data and say
/// which records they wait for, rather than a number nobody can trace.
/// </summary>
public static partial class Indicators
{
    public static readonly string[] Readers = [Roles.Bureau, Roles.Department, Roles.Street];

    public sealed record IndicatorView(string Code, string Name, string Plan, string Clause, decimal Target, string TargetText, decimal? Actual,
        string Unit, IndicatorStatus Status, IndicatorSource Source, string Period, int Year, string Formula, string? Note);

    /// <summary>One record behind a value: what it is, and whether it counts toward the numerator.</summary>
    public sealed record IndicatorRecord(string Kind, Guid? Id, string Label, bool Counted, string? Detail, string? Link);

    public sealed record EntryRequest(int? Year, decimal? Value, string? Evidence);

    private sealed record Computation(decimal? Actual, IReadOnlyList<IndicatorRecord> Records, string? Note = null);

    private delegate Task<Computation> Calculator(TianshanDb db, int year, CancellationToken ct);

    private static readonly Dictionary<string, Calculator> Calculators = new(StringComparer.Ordinal)
    {
        ["EP-03"] = MonitoringTerminalsAsync,
        ["EP-05"] = InspectionCoverageAsync,
        ["EP-06"] = TeamStaffingAsync,
        ["EP-07"] = TeamEquipmentAsync,
        ["EP-15"] = CivilTeamsAsync,
        ["DP-05"] = DemonstrationCommunitiesAsync,
        ["EP-01"] = ShelterCoverageAsync,
        ["EP-02"] = WarningCoverageAsync,
        ["EP-10"] = RescuePowerHoursAsync,
        ["EP-11"] = ReliefWithinEightHoursAsync,
        ["EP-12"] = CommandCommsAsync,
        ["EP-17"] = ImageryHoursAsync,
        ["DP-01"] = MajorWeatherWarningCoverageAsync,
        ["DP-02"] = ReliefByDisasterReportsAsync,
        ["SP-01"] = AccidentDeathsChangeAsync,
        ["SP-02"] = MajorAccidentsAsync,
        ["EP-04"] = EmergencyCompetenceAsync,
        ["EP-14"] = PublicityHouseholdsAsync,
        ["DP-03"] = InformantTrainingsAsync,
        ["DP-04"] = DisasterKnowledgeAsync,
    };


    public static async Task<List<IndicatorView>> ListAsync(TianshanDb db, int year, CancellationToken ct)
    {
        var entries = await LatestEntriesAsync(db, year, ct);
        var views = new List<IndicatorView>();
        foreach (var definition in IndicatorCatalogue.All)
            views.Add(await ViewAsync(db, definition, year, entries, ct));
        return views;
    }

    public static async Task<(IndicatorView Indicator, IReadOnlyList<IndicatorRecord> Records)> RecordsAsync(TianshanDb db, string code, int year,
        CancellationToken ct)
    {
        var definition = IndicatorCatalogue.Find(code) ?? throw new NotFoundException($"没有指标 {code}");
        if (Calculators.TryGetValue(definition.Code, out var calculate))
        {
            var computed = await calculate(db, year, ct);
            return (View(definition, year, computed.Actual, NoteOf(computed)), computed.Records);
        }
        var entries = await db.IndicatorEntries.AsNoTracking().Where(e => e.Code == definition.Code && e.Year == year).OrderByDescending(e => e.EnteredAt)
            .ToListAsync(ct);
        var view = await ViewAsync(db, definition, year, entries.Take(1).ToDictionary(e => e.Code), ct);
        return (view, entries.Select((e, i) => new IndicatorRecord("录入", e.Id, $"{e.Value:0.##}{definition.Unit}（{e.EnteredBy}，{ChinaTime.ToChina(e.EnteredAt):yyyy-MM-dd HH:mm}）",
            i == 0, e.Evidence, null)).ToList());
    }

    /// <summary>One year of an indicator's trend.</summary>
    public sealed record TrendPoint(int Year, decimal? Actual, IndicatorStatus Status);

    /// <summary>The indicator's value for each year of the plan period up to <paramref name="toYear"/> (the 14th FYP from
    /// 2021). A "实时" indicator describes the present only, so its trend is the one current value.</summary>
    public static async Task<IReadOnlyList<TrendPoint>> TrendAsync(TianshanDb db, string code, int toYear, CancellationToken ct)
    {
        var definition = IndicatorCatalogue.Find(code) ?? throw new NotFoundException($"没有指标 {code}");
        var fromYear = definition.Period == "实时" ? toYear : Math.Min(toYear, PlanFirstYear);
        var points = new List<TrendPoint>();
        for (var year = fromYear; year <= toYear; year++)
        {
            var view = await ViewAsync(db, definition, year, await LatestEntriesAsync(db, year, ct), ct);
            points.Add(new TrendPoint(year, view.Actual, view.Status));
        }
        return points;
    }

    /// <summary>The first year of the plans (2021–2025).</summary>
    private const int PlanFirstYear = 2021;

    public static async Task<IndicatorEntry> EnterAsync(TianshanDb db, ClaimsPrincipal user, string code, EntryRequest request, TimeProvider time,
        CancellationToken ct)
    {
        if (!user.IsInRole(Roles.Bureau))
            throw new ForbiddenException("只有区应急管理局可以录入指标");
        var definition = IndicatorCatalogue.Find(code) ?? throw new NotFoundException($"没有指标 {code}");
        var entry = IndicatorEntry.Enter(definition, request.Year, request.Value, request.Evidence, db.Scope.UserName, time.GetUtcNow());
        db.IndicatorEntries.Add(entry);
        await db.SaveChangesAsync(ct);
        return entry;
    }

    private static async Task<Dictionary<string, IndicatorEntry>> LatestEntriesAsync(TianshanDb db, int year, CancellationToken ct) =>
        (await db.IndicatorEntries.AsNoTracking().Where(e => e.Year == year).ToListAsync(ct))
            .GroupBy(e => e.Code).ToDictionary(g => g.Key, g => g.MaxBy(e => e.EnteredAt)!);

    private static async Task<IndicatorView> ViewAsync(TianshanDb db, IndicatorDefinition definition, int year,
        Dictionary<string, IndicatorEntry> entries, CancellationToken ct)
    {
        if (Calculators.TryGetValue(definition.Code, out var calculate))
        {
            var computed = await calculate(db, year, ct);
            return View(definition, year, computed.Actual, NoteOf(computed));
        }
        if (definition.Source == IndicatorSource.Entered)
            return entries.TryGetValue(definition.Code, out var entry)
                ? View(definition, year, entry.Value, $"录入：{entry.Evidence}")
                : View(definition, year, null, "尚未录入");
        // Every computed indicator of the catalogue has a calculator (IndicatorApiTests checks none is left without).
        return View(definition, year, null, "尚无计算方法");
    }

    /// <summary>A computed indicator without a value says why: nothing of the period to count (an empty denominator).</summary>
    private static string? NoteOf(Computation c) => c.Note ?? (c.Actual is null ? "本期没有可计入的记录" : null);

    private static IndicatorView View(IndicatorDefinition d, int year, decimal? actual, string? note) =>
        new(d.Code, d.Name, d.Plan, d.Clause, d.Target, d.TargetText, actual, d.Unit, d.StatusOf(actual), d.Source, d.Period, year, d.Formula, note);

    /// <summary>EP-03 (<see cref="LedgerFormulas.MonitoringTerminalRate"/>) over the major hazard sources in scope. "实时": the year is not used.</summary>
    private static async Task<Computation> MonitoringTerminalsAsync(TianshanDb db, int year, CancellationToken ct)
    {
        var sources = (await db.MajorHazardSources.AsNoTracking()
            .Select(m => new { m.Id, m.Code, m.Name, EnterpriseName = m.Enterprise!.Name, Sensors = db.Sensors.Count(s => s.MajorHazardSourceId == m.Id) })
            .ToListAsync(ct))
            .OrderBy(s => s.Sensors > 0).ThenBy(s => s.EnterpriseName, StringComparer.Ordinal)
            .Select(s => new LedgerFormulas.HazardSourceSensors(s.Id, $"{s.EnterpriseName} · {s.Name}（{s.Code}）", s.Sensors)).ToList();
        var records = sources.Select(s => new IndicatorRecord("重大危险源", s.Id, s.Label, LedgerFormulas.IsMonitored(s),
            s.Sensors > 0 ? $"接入传感器 {s.Sensors} 个" : "未接入监测传感器", $"/major-hazards/{s.Id}")).ToList();
        return new Computation(LedgerFormulas.MonitoringTerminalRate(sources), records);
    }

    /// <summary>EP-05 (<see cref="LedgerFormulas.InspectionCoverage"/>): high-risk-sector enterprises inspected in the year.</summary>
    private static async Task<Computation> InspectionCoverageAsync(TianshanDb db, int year, CancellationToken ct)
    {
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        var highRisk = LedgerFormulas.HighRiskSectors.ToArray();
        var enterprises = (await db.Enterprises.AsNoTracking().Where(e => highRisk.Contains(e.Sector))
            .Select(e => new { e.Id, e.Name, e.Sector, Inspections = db.Inspections.Count(i => i.EnterpriseId == e.Id && i.InspectedOn >= from && i.InspectedOn <= to) })
            .ToListAsync(ct))
            .OrderBy(e => e.Inspections > 0).ThenBy(e => e.Name, StringComparer.Ordinal)
            .Select(e => new LedgerFormulas.EnterpriseInspections(e.Id, $"{e.Name}（{SectorSet.Label(e.Sector)}）", e.Sector, e.Inspections)).ToList();
        var records = enterprises.Select(e => new IndicatorRecord("高危行业企业", e.Id, e.Label, e.InspectionsInYear > 0,
            e.InspectionsInYear > 0 ? $"{year} 年检查 {e.InspectionsInYear} 次" : $"{year} 年未检查", $"/enterprises/{e.Id}")).ToList();
        return new Computation(LedgerFormulas.InspectionCoverage(enterprises), records);
    }

    private static async Task<List<LedgerFormulas.TeamStrength>> TeamsAsync(TianshanDb db, CancellationToken ct) =>
        (await db.RescueTeams.AsNoTracking().OrderBy(t => t.Code).ToListAsync(ct))
            .Select(t => new LedgerFormulas.TeamStrength(t.Id, $"{t.Name}（{t.Code}）", t.Type, t.Members, t.AuthorisedMembers, t.EquipmentHeld,
                t.EquipmentRequired)).ToList();

    /// <summary>EP-06 (<see cref="LedgerFormulas.StaffingRate"/>): comprehensive teams at their authorised strength.</summary>
    private static async Task<Computation> TeamStaffingAsync(TianshanDb db, int year, CancellationToken ct)
    {
        var teams = await TeamsAsync(db, ct);
        var records = teams.Where(LedgerFormulas.IsComprehensive).Select(t => new IndicatorRecord("救援队伍", t.Id, t.Label,
            LedgerFormulas.IsStaffed(t), $"在岗 {t.Members} 人 / 编制 {t.AuthorisedMembers} 人", "/resources/ledger/teams")).ToList();
        return new Computation(LedgerFormulas.StaffingRate(teams), records);
    }

    /// <summary>EP-07 (<see cref="LedgerFormulas.EquipmentRate"/>): comprehensive teams holding their required equipment.</summary>
    private static async Task<Computation> TeamEquipmentAsync(TianshanDb db, int year, CancellationToken ct)
    {
        var teams = await TeamsAsync(db, ct);
        var records = teams.Where(LedgerFormulas.IsComprehensive).Select(t => new IndicatorRecord("救援队伍", t.Id, t.Label,
            LedgerFormulas.IsEquipped(t), $"装备 {t.EquipmentHeld} / 应配 {t.EquipmentRequired} 件（套）", "/resources/ledger/teams")).ToList();
        return new Computation(LedgerFormulas.EquipmentRate(teams), records);
    }

    /// <summary>EP-15 (<see cref="LedgerFormulas.CivilForces"/>): social (civil) rescue forces in the ledger.</summary>
    private static async Task<Computation> CivilTeamsAsync(TianshanDb db, int year, CancellationToken ct)
    {
        var teams = await TeamsAsync(db, ct);
        var records = teams.Where(t => !LedgerFormulas.IsComprehensive(t))
            .Select(t => new IndicatorRecord("社会救援力量", t.Id, t.Label, true, $"{t.Members} 人", "/resources/ledger/teams")).ToList();
        return new Computation(LedgerFormulas.CivilForces(teams), records);
    }

    /// <summary>DP-05 (<see cref="LedgerFormulas.NationalDemonstrationCommunities"/>), up to the end of the year asked.</summary>
    private static async Task<Computation> DemonstrationCommunitiesAsync(TianshanDb db, int year, CancellationToken ct)
    {
        var rows = (await db.DemonstrationCommunities.AsNoTracking().Include(d => d.Division).OrderBy(d => d.Division!.Name).ToListAsync(ct))
            .Select(d => new LedgerFormulas.Demonstration(d.DivisionId, d.Division!.Name, d.Status, d.Level, d.AwardedYear)).ToList();
        var records = rows.Select(d =>
        {
            var detail = d.Status switch
            {
                DemonstrationStatus.Awarded => $"{d.AwardedYear} 年获{(d.Level == DemonstrationLevel.National ? "全国" : d.Level == DemonstrationLevel.Region ? "自治区" : "市级")}命名",
                DemonstrationStatus.Applying => "申报中",
                _ => "培育中",
            };
            return new IndicatorRecord("社区", d.DivisionId, d.Label, LedgerFormulas.IsNationalBy(d, year), detail, "/disaster-risk/demonstration");
        }).ToList();
        return new Computation(LedgerFormulas.NationalDemonstrationCommunities(rows, year), records);
    }

    public static void MapIndicators(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/indicators").WithTags("Indicators").RequireAuthorization(p => p.RequireRole(Readers));
        api.MapGet("/", async (TianshanDb db, int? year, TimeProvider time, CancellationToken ct) =>
            await ListAsync(db, year ?? ChinaTime.ToChina(time.GetUtcNow()).Year, ct));
        api.MapGet("/{code}/records", async (TianshanDb db, string code, int? year, TimeProvider time, CancellationToken ct) =>
        {
            var (indicator, records) = await RecordsAsync(db, code, year ?? ChinaTime.ToChina(time.GetUtcNow()).Year, ct);
            return new { indicator, records };
        });
        api.MapGet("/{code}/trend", async (TianshanDb db, string code, int? year, TimeProvider time, CancellationToken ct) =>
            await TrendAsync(db, code, year ?? ChinaTime.ToChina(time.GetUtcNow()).Year, ct));
        api.MapPost("/{code}/entries", async (TianshanDb db, ClaimsPrincipal user, string code, EntryRequest request, TimeProvider time, CancellationToken ct) =>
        {
            var entry = await EnterAsync(db, user, code, request, time, ct);
            return Results.Created($"/api/indicators/{entry.Code}/records?year={entry.Year}", new { entry.Id, entry.Code, entry.Year, entry.Value });
        });
    }
}
