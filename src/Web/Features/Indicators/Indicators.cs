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

    /// <summary>The 安全生产高危行业 among the registry's sectors (矿山、危险化学品、金属冶炼 within 工贸).</summary>
    private static readonly Sector[] HighRiskSectors = [Sector.HazardousChemicals, Sector.NonCoalMines, Sector.IndustryTrade];

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

    /// <summary>EP-03: major hazard sources with at least one monitoring sensor installed (40号令 第十三条 requires the
    /// monitoring of major hazard sources), over all major hazard sources in scope. "实时": the year is not used.</summary>
    private static async Task<Computation> MonitoringTerminalsAsync(TianshanDb db, int year, CancellationToken ct)
    {
        var sources = await db.MajorHazardSources.AsNoTracking()
            .Select(m => new { m.Id, m.Code, m.Name, EnterpriseName = m.Enterprise!.Name, Sensors = db.Sensors.Count(s => s.MajorHazardSourceId == m.Id) })
            .ToListAsync(ct);
        var records = sources.OrderBy(s => s.Sensors > 0).ThenBy(s => s.EnterpriseName, StringComparer.Ordinal)
            .Select(s => new IndicatorRecord("重大危险源", s.Id, $"{s.EnterpriseName} · {s.Name}（{s.Code}）", s.Sensors > 0,
                s.Sensors > 0 ? $"接入传感器 {s.Sensors} 个" : "未接入监测传感器", $"/major-hazards/{s.Id}")).ToList();
        return new Computation(IndicatorCatalogue.Rate(records.Count(r => r.Counted), records.Count), records);
    }

    /// <summary>EP-05: high-risk-sector enterprises inspected at least once in the year (any inspection record), over all of them.</summary>
    private static async Task<Computation> InspectionCoverageAsync(TianshanDb db, int year, CancellationToken ct)
    {
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        var enterprises = await db.Enterprises.AsNoTracking().Where(e => HighRiskSectors.Contains(e.Sector))
            .Select(e => new { e.Id, e.Name, e.Sector, Inspections = db.Inspections.Count(i => i.EnterpriseId == e.Id && i.InspectedOn >= from && i.InspectedOn <= to) })
            .ToListAsync(ct);
        var records = enterprises.OrderBy(e => e.Inspections > 0).ThenBy(e => e.Name, StringComparer.Ordinal)
            .Select(e => new IndicatorRecord("高危行业企业", e.Id, $"{e.Name}（{SectorSet.Label(e.Sector)}）", e.Inspections > 0,
                e.Inspections > 0 ? $"{year} 年检查 {e.Inspections} 次" : $"{year} 年未检查", $"/enterprises/{e.Id}")).ToList();
        return new Computation(IndicatorCatalogue.Rate(records.Count(r => r.Counted), records.Count), records);
    }

    /// <summary>The comprehensive rescue teams the staffing and equipment rates count: every team in the ledger except the
    /// social (civil) forces, whose strength the district does not set.</summary>
    private static async Task<List<RescueTeam>> ComprehensiveTeamsAsync(TianshanDb db, CancellationToken ct) =>
        await db.RescueTeams.AsNoTracking().Where(t => t.Type != RescueTeamType.Civil).OrderBy(t => t.Code).ToListAsync(ct);

    /// <summary>EP-06: teams with at least their authorised strength (a team without an authorised strength is not counted as met).</summary>
    private static async Task<Computation> TeamStaffingAsync(TianshanDb db, int year, CancellationToken ct)
    {
        var records = (await ComprehensiveTeamsAsync(db, ct)).Select(t => new IndicatorRecord("救援队伍", t.Id, $"{t.Name}（{t.Code}）",
            t.AuthorisedMembers > 0 && t.Members >= t.AuthorisedMembers, $"在岗 {t.Members} 人 / 编制 {t.AuthorisedMembers} 人", "/resources/ledger/teams")).ToList();
        return new Computation(IndicatorCatalogue.Rate(records.Count(r => r.Counted), records.Count), records);
    }

    /// <summary>EP-07: teams holding at least the equipment their standard requires.</summary>
    private static async Task<Computation> TeamEquipmentAsync(TianshanDb db, int year, CancellationToken ct)
    {
        var records = (await ComprehensiveTeamsAsync(db, ct)).Select(t => new IndicatorRecord("救援队伍", t.Id, $"{t.Name}（{t.Code}）",
            t.EquipmentRequired > 0 && t.EquipmentHeld >= t.EquipmentRequired, $"装备 {t.EquipmentHeld} / 应配 {t.EquipmentRequired} 件（套）",
            "/resources/ledger/teams")).ToList();
        return new Computation(IndicatorCatalogue.Rate(records.Count(r => r.Counted), records.Count), records);
    }

    /// <summary>EP-15: social (civil) rescue forces in the ledger.</summary>
    private static async Task<Computation> CivilTeamsAsync(TianshanDb db, int year, CancellationToken ct)
    {
        var records = (await db.RescueTeams.AsNoTracking().Where(t => t.Type == RescueTeamType.Civil).OrderBy(t => t.Code).ToListAsync(ct))
            .Select(t => new IndicatorRecord("社会救援力量", t.Id, $"{t.Name}（{t.Code}）", true, $"{t.Members} 人", "/resources/ledger/teams")).ToList();
        return new Computation(records.Count, records);
    }

    /// <summary>DP-05: communities awarded the national title (全国综合减灾示范社区), up to the end of the year asked.</summary>
    private static async Task<Computation> DemonstrationCommunitiesAsync(TianshanDb db, int year, CancellationToken ct)
    {
        var rows = await db.DemonstrationCommunities.AsNoTracking().Include(d => d.Division).OrderBy(d => d.Division!.Name).ToListAsync(ct);
        var records = rows.Select(d =>
        {
            var counted = d.Status == DemonstrationStatus.Awarded && d.Level == DemonstrationLevel.National && d.AwardedYear <= year;
            var detail = d.Status switch
            {
                DemonstrationStatus.Awarded => $"{d.AwardedYear} 年获{(d.Level == DemonstrationLevel.National ? "全国" : d.Level == DemonstrationLevel.Region ? "自治区" : "市级")}命名",
                DemonstrationStatus.Applying => "申报中",
                _ => "培育中",
            };
            return new IndicatorRecord("社区", d.DivisionId, d.Division!.Name, counted, detail, "/disaster-risk/demonstration");
        }).ToList();
        return new Computation(records.Count(r => r.Counted), records);
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
