using Microsoft.EntityFrameworkCore;
using Tianshan.Core.Data;
using Tianshan.Core.DisasterRisk;
using Tianshan.Core.Dispatch;
using Tianshan.Core.Platform;
using Tianshan.Core.Prevention;
using Tianshan.Core.Resources;
using Tianshan.Core.Warnings;
using Tianshan.Web.Features.Warnings;

namespace Tianshan.Web.Features.DisasterRisk;

/// <summary>
/// What one risk-situation report is made of: the consultation, the risk map's summary and the recent disasters (every kind),
/// then the section its key date asks for (区综合防灾减灾规划 三(三)2: "汛前、节假日前、重大活动前、森林草原防火期、年末等重要节点
/// 开展临时会商，确定风险水平、风险类型和高风险区，形成自然灾害风险形势分析报告"). Everything is read here, from what the platform
/// already holds, through the caller's own scope (query filters): a street's report counts its own enterprises and records;
/// <see cref="RiskSituationReport"/> only lays it out.
/// </summary>
public sealed record RiskSituationReportData(Consultations.View Consultation, DisasterRiskCensusMap.Response Map,
    IReadOnlyList<HistoricalDisaster> RecentDisasters, RiskSituationReportData.FloodSeason? Flood, RiskSituationReportData.Holiday? Holidays,
    RiskSituationReportData.FireSeason? Fire, RiskSituationReportData.YearEnd? Year)
{
    public const int NearestCommunities = 5;
    public const int ListLimit = 10;

    public sealed record Feature(string Name, string Details);
    public sealed record CommunityNearChannel(string Name, double Km, int? Population, string LevelLabel);
    public sealed record WarningLine(DateTimeOffset PublishedAt, string EventName, WarningLevel Level, string Headline);

    /// <summary>汛前: the flood channels and reservoirs, who lives nearest the channels, the geological-hazard points, past
    /// floods and geological disasters, and last year's rainstorm and flood warnings.</summary>
    public sealed record FloodSeason(IReadOnlyList<Feature> FloodChannels, IReadOnlyList<Feature> Reservoirs,
        IReadOnlyList<CommunityNearChannel> CommunitiesNearChannels, IReadOnlyList<Feature> GeologicalPoints, int ThreatenedByGeologicalPoints,
        IReadOnlyList<HistoricalDisaster> PastDisasters, int WarningYear, IReadOnlyList<WarningLine> RainstormWarnings);

    public sealed record HazardSource(string Enterprise, string Name, int Grade, int ExposedPeople, bool ReassessmentOverdue);
    public sealed record OpenHazard(string Number, string Enterprise, string Title, bool Major, DateTimeOffset? Deadline);
    public sealed record CrowdedCommunity(string Name, int Population, int Schools, int Hospitals, int Shelters, int ShelterCapacity);
    public sealed record DutyLine(DateOnly Date, string Shift, string Leader, string Officer, string? Phone);

    /// <summary>节假日前: work safety — the major hazard sources, the open and overdue hidden hazards, the crowded places per
    /// community, and the duty roster for the week after the consultation.</summary>
    public sealed record Holiday(IReadOnlyList<HazardSource> MajorHazardSources, int OpenHazards, int MajorOpenHazards, IReadOnlyList<OpenHazard> Overdue,
        IReadOnlyList<CrowdedCommunity> CrowdedPlaces, DateOnly DutyFrom, DateOnly DutyTo, IReadOnlyList<DutyLine> Duty);

    public sealed record Station(string Name, string Status, int Vehicles, int Firefighters, int NearestCommunities, int Residents);
    public sealed record Team(string Name, string Type, int Members, string Readiness);

    /// <summary>森林草原防火期: the fire-danger warnings of the past twelve months, the fire stations with the communities each
    /// is nearest to, past forest and grassland fires, and the teams for fire.</summary>
    public sealed record FireSeason(DateOnly WarningsFrom, IReadOnlyList<WarningLine> FireWarnings, IReadOnlyList<Station> Stations,
        IReadOnlyList<HistoricalDisaster> PastFires, IReadOnlyList<Team> Teams);

    public sealed record KindCount(string Label, int Count);

    /// <summary>年末: the year in review — its disasters, its warnings and their coverage, the consultations held by key date,
    /// and the demonstration communities against the target of two.</summary>
    public sealed record YearEnd(int Year, int Disasters, int Deaths, int Affected, decimal LossWanYuan, int WarningsPublished, long PeopleInArea,
        long PeopleReached, double? Coverage, IReadOnlyList<KindCount> Consultations, int DemonstrationTarget, int DemonstrationAwarded,
        IReadOnlyList<string> DemonstrationCommunities);

    public static async Task<RiskSituationReportData> LoadAsync(TianshanDb db, Consultations.View consultation, TimeProvider time, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(consultation);
        var map = await DisasterRiskCensusMap.Handle(db, ct);
        var recent = await db.HistoricalDisasters.AsNoTracking().OrderByDescending(d => d.OccurredOn).Take(RiskSituationReport.RecentDisasters).ToListAsync(ct);
        var data = new RiskSituationReportData(consultation, map, recent, null, null, null, null);
        return consultation.Kind switch
        {
            ConsultationKind.BeforeFloodSeason => data with { Flood = await FloodAsync(db, consultation.HeldOn, map, ct) },
            ConsultationKind.Holiday => data with { Holidays = await HolidayAsync(db, consultation.HeldOn, time, ct) },
            ConsultationKind.FireSeason => data with { Fire = await FireAsync(db, consultation.HeldOn, ct) },
            ConsultationKind.YearEnd => data with { Year = await YearEndAsync(db, consultation.HeldOn.Year, ct) },
            _ => data,
        };
    }

    // 区综合防灾减灾规划 四(三) 防汛抗旱水利提升工程 (防洪渠、水库险工险段隐患排查, 水库24小时值班值守, 人员避险方案) and 四(一)3 (水库度汛安全);
    // 《地质灾害防治条例》 (地质灾害重点防范期——汛期——的隐患点巡回检查和群测群防).
    private static async Task<FloodSeason> FloodAsync(TianshanDb db, DateOnly heldOn, DisasterRiskCensusMap.Response map, CancellationToken ct)
    {
        var features = await db.HazardFeatures.AsNoTracking()
            .Where(f => f.Kind == HazardLayerKind.FloodChannel || f.Kind == HazardLayerKind.Reservoir || f.Kind == HazardLayerKind.GeologicalHazardPoint)
            .OrderBy(f => f.Name).ToListAsync(ct);
        Feature Describe(HazardFeature f) => new(f.Name, string.Join("　", new[]
        {
            f.Attribute("designFlood") is { } design ? $"设计标准 {design}" : null,
            f.Attribute("capacityWanM3") is { } capacity ? $"库容 {capacity} 万m³" : null,
            f.Attribute("damHeightM") is { } dam ? $"坝高 {dam} m" : null,
            f.Attribute("type") is { } type ? type : null,
            f.Attribute("threatened") is { } threatened ? $"威胁 {threatened} 人" : null,
        }.Where(x => x is not null)));
        var geological = features.Where(f => f.Kind == HazardLayerKind.GeologicalHazardPoint).ToList();
        var threatened = geological.Sum(f => int.TryParse(f.Attribute("threatened"), out var n) ? n : 0);
        var near = map.Communities.Where(c => c.NearestFloodChannelKm is not null).OrderBy(c => c.NearestFloodChannelKm).Take(NearestCommunities)
            .Select(c => new CommunityNearChannel(c.Name, c.NearestFloodChannelKm!.Value, c.Population, c.LevelLabel)).ToList();
        var past = await db.HistoricalDisasters.AsNoTracking()
            .Where(d => (d.Type == DisasterType.Flood || d.Type == DisasterType.GeologicalHazard) && d.OccurredOn < heldOn)
            .OrderByDescending(d => d.OccurredOn).ToListAsync(ct);
        var lastYear = heldOn.Year - 1;
        var warnings = await PublishedAsync(db, ["rainstorm", "flood"], StartOfYear(lastYear), StartOfYear(lastYear + 1), ct);
        return new FloodSeason(features.Where(f => f.Kind == HazardLayerKind.FloodChannel).Select(Describe).ToList(),
            features.Where(f => f.Kind == HazardLayerKind.Reservoir).Select(Describe).ToList(), near, geological.Select(Describe).ToList(), threatened,
            past, lastYear, warnings);
    }

    // 区应急体系建设规划 三(六)2 (暑期、汛期、取暖期、节假日等重点时段的安全防范), 区安全生产规划 三(五)1 and 7 (危险化学品; 人员密集场所消防),
    // 《危险化学品重大危险源监督管理暂行规定》(40号令) and 总局令第16号 (重大事故隐患挂牌督办), 区应急体系建设规划 三(一) (应急值班值守).
    private static async Task<Holiday> HolidayAsync(TianshanDb db, DateOnly heldOn, TimeProvider time, CancellationToken ct)
    {
        var today = ChinaTime.Today(time);
        var sources = (await db.MajorHazardSources.AsNoTracking().Include(s => s.Enterprise).Where(s => s.Grade != null).ToListAsync(ct))
            .OrderBy(s => s.Grade).ThenBy(s => s.Enterprise!.Name, StringComparer.Ordinal)
            .Select(s => new HazardSource(s.Enterprise!.Name, s.Name, s.Grade!.Value, s.ExposedPeople, s.ReassessmentOverdue(today))).ToList();
        var now = time.GetUtcNow();
        var open = (await db.HiddenHazards.AsNoTracking().Include(h => h.Enterprise)
                .Where(h => h.Status != HiddenHazardStatus.Closed && h.Status != HiddenHazardStatus.Dismissed).ToListAsync(ct))
            .OrderBy(h => h.Deadline).ToList();
        var overdue = open.Where(h => h.DeadlineStatusAt(now, TimeSpan.Zero) == DeadlineStatus.Overdue)
            .Select(h => new OpenHazard(h.Number, h.Enterprise!.Name, h.Title, h.Grade == HiddenHazardGrade.Major, h.Deadline)).ToList();

        var communities = await db.Divisions.AsNoTracking().Where(d => d.Level == DivisionLevel.Community).OrderBy(d => d.Code).ToListAsync(ct);
        var exposures = await db.CommunityExposures.AsNoTracking().ToDictionaryAsync(e => e.DivisionId, ct);
        var shelters = (await db.Shelters.AsNoTracking().Where(s => s.Status != ShelterStatus.OutOfUse).Select(s => new { s.DivisionId, s.Capacity }).ToListAsync(ct))
            .ToLookup(s => s.DivisionId);
        var crowded = communities.Select(c => new CrowdedCommunity(c.Name, exposures.GetValueOrDefault(c.Id)?.Population ?? c.Residents ?? 0,
                exposures.GetValueOrDefault(c.Id)?.Schools ?? 0, exposures.GetValueOrDefault(c.Id)?.Hospitals ?? 0, shelters[c.Id].Count(),
                shelters[c.Id].Sum(s => s.Capacity)))
            .Where(c => c.Schools + c.Hospitals + c.Shelters > 0).OrderByDescending(c => c.Population).ToList();

        // The holiday follows the consultation: the roster of the consultation day and the seven days after it.
        var to = heldOn.AddDays(7);
        var duty = (await db.DutyShifts.AsNoTracking().Where(s => s.Date >= heldOn && s.Date <= to).ToListAsync(ct))
            .OrderBy(s => s.Date).ThenBy(s => s.Shift)
            .Select(s => new DutyLine(s.Date, Tianshan.Core.Duty.DutyLabels.Label(s.Shift), s.Leader, s.Officer, s.Phone)).ToList();
        return new Holiday(sources, open.Count, open.Count(h => h.Grade == HiddenHazardGrade.Major), overdue, crowded, heldOn, to, duty);
    }

    // 《森林防火条例》 and 《草原防火条例》 (防火期, 火险预警), 区综合防灾减灾规划 三(六)1
    // (森林灭火装备) and 四(一)2 (森林草原火灾风险隐患排查整治); fire stations per 建标152-2017 / GB 51080 (the road-network
    // five-minute coverage is on the dispatch page; here each station is given the communities it is the nearest station to).
    private static async Task<FireSeason> FireAsync(TianshanDb db, DateOnly heldOn, CancellationToken ct)
    {
        var from = heldOn.AddYears(-1);
        var warnings = await PublishedAsync(db, ["forest-fire", "grassland-fire"], ChinaTime.StartOf(from), ChinaTime.StartOf(heldOn.AddDays(1)), ct);
        var stations = await db.FireStations.AsNoTracking().OrderBy(s => s.Code).ToListAsync(ct);
        var inService = stations.Where(s => s.Status == FacilityStatus.InService && s.Latitude is not null && s.Longitude is not null).ToList();
        var communities = await db.Divisions.AsNoTracking().Where(d => d.Level == DivisionLevel.Community && d.Latitude != null && d.Longitude != null)
            .ToListAsync(ct);
        var nearestOf = communities.Where(_ => inService.Count > 0).ToLookup(c => inService
            .MinBy(s => GeoMath.Metres(c.Latitude!.Value, c.Longitude!.Value, s.Latitude!.Value, s.Longitude!.Value))!.Id);
        var stationLines = stations.Select(s => new Station(s.Name, ResourceLabels.Of(s.Status), s.VehicleCount, s.Firefighters,
            nearestOf[s.Id].Count(), nearestOf[s.Id].Sum(c => c.Residents ?? 0))).ToList();
        var fires = await db.HistoricalDisasters.AsNoTracking().Where(d => d.Type == DisasterType.ForestGrasslandFire && d.OccurredOn < heldOn)
            .OrderByDescending(d => d.OccurredOn).ToListAsync(ct);
        var teams = (await db.RescueTeams.AsNoTracking().OrderBy(t => t.Code).ToListAsync(ct))
            .Where(t => t.Type == RescueTeamType.FireRescue || (t.Specialty ?? "").Contains('火', StringComparison.Ordinal)
                || t.Name.Contains('火', StringComparison.Ordinal))
            .Select(t => new Team(t.Name, ResourceLabels.Of(t.Type), t.Members, ResourceLabels.Of(t.Readiness))).ToList();
        return new FireSeason(from, warnings, stationLines, fires, teams);
    }

    // 区综合防灾减灾规划 二(三)6 (全国综合减灾示范社区不低于2家) and 三(七)1, 区应急体系建设规划 二(三) 指标 (各类突发事件预警信息
    // 公众覆盖率 ≥ 90 %), 区综合防灾减灾规划 三(三)2 (每年定期开展会商).
    private static async Task<YearEnd> YearEndAsync(TianshanDb db, int year, CancellationToken ct)
    {
        DateOnly first = new(year, 1, 1), last = new(year, 12, 31);
        var disasters = await db.HistoricalDisasters.AsNoTracking().Where(d => d.OccurredOn >= first && d.OccurredOn <= last).ToListAsync(ct);
        var statistics = await WarningStatisticsQuery.ComputeAsync(db, ct);
        var warnings = statistics.Years.FirstOrDefault(y => y.Year == year);
        var consultations = await db.Consultations.AsNoTracking().Where(c => c.HeldOn >= first && c.HeldOn <= last).Select(c => c.Kind).ToListAsync(ct);
        var byKind = Enum.GetValues<ConsultationKind>().Select(k => new KindCount(Tianshan.Core.DisasterRisk.Consultation.Label(k), consultations.Count(c => c == k))).ToList();
        var demonstration = await DemonstrationCommunities.List(db, ct);
        var awarded = demonstration.Communities.Where(c => c.Status == DemonstrationStatus.Awarded)
            .Select(c => $"{c.Name}（{c.LevelLabel}，{c.AwardedYear}年）").ToList();
        return new YearEnd(year, disasters.Count, disasters.Sum(d => d.Deaths), disasters.Sum(d => d.Affected), disasters.Sum(d => d.LossWanYuan),
            warnings?.Published ?? 0, warnings?.PeopleInArea ?? 0, warnings?.PeopleReached ?? 0, warnings?.Coverage, byKind, demonstration.Target,
            demonstration.NationalAwarded, awarded);
    }

    private static DateTimeOffset StartOfYear(int year) => ChinaTime.StartOf(new DateOnly(year, 1, 1));

    /// <summary>Our own warnings of these event types published in [from, to) — new alerts and updates, not cancellations
    /// (as <see cref="WarningStatisticsQuery"/> counts them).</summary>
    private static async Task<List<WarningLine>> PublishedAsync(TianshanDb db, string[] eventTypes, DateTimeOffset from, DateTimeOffset to, CancellationToken ct) =>
        (await db.Warnings.AsNoTracking().Where(w => w.PublishedAt != null && eventTypes.Contains(w.EventType)).ToListAsync(ct))
            .Where(w => w.MessageType != WarningMessageType.Cancel && w.PublishedAt >= from && w.PublishedAt < to)
            .OrderBy(w => w.PublishedAt)
            .Select(w => new WarningLine(w.PublishedAt!.Value, WarningEventTypes.Name(w.EventType), w.Level, w.Headline)).ToList();
}
