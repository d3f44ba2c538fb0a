using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
using Tianshan.Core.Data;
using Tianshan.Core.Dispatch;
using Tianshan.Core.Platform;

namespace Tianshan.Web.Features.Dispatch;

/// <summary>Route, nearest facilities, fire coverage and shelter allocation over the network in use, as the API
/// serves them (the map page calls the API).</summary>
public static class DispatchQueries
{
    public sealed record PointView(double Lat, double Lon);

    public sealed record SnapView(double Lat, double Lon, double OffsetMeters);

    public sealed record RouteResponse(string Mode, double DistanceMeters, double Seconds, object Geometry, SnapView From, SnapView To);

    public sealed record NearestItem(string Id, FacilityKind Kind, string KindLabel, string Name, double Lat, double Lon, int? Capacity,
        double Seconds, double DistanceMeters, object Geometry);

    public sealed record NearestResponse(SnapView Incident, FacilityKind? Kind, IReadOnlyList<NearestItem> Items);

    public sealed record StationView(string Id, string Name, double Lat, double Lon, bool Planned);

    public sealed record CoverageView(IReadOnlyList<StationView> Stations, double CoveredRoadKm, double RoadKm, double DistrictKm2, double CoveredKm2,
        double UncoveredKm2, int People, int UncoveredPeople, IReadOnlyList<string> UncoveredCommunities, object Area);

    public sealed record CoverageResponse(double Minutes, double TurnoutMinutes, double TravelSeconds, double ServiceMeters, CoverageView Current,
        CoverageView WithNew, IReadOnlyList<StationView> Added, int NewlyCoveredPeople, double NewlyCoveredKm2);

    public sealed record DisplacedCommunity(string? CommunityCode, int People);

    public sealed record AllocationRequest(double? Share, IReadOnlyList<DisplacedCommunity>? Displaced);

    public sealed record AllocationLine(string CommunityCode, string Community, string ShelterId, string Shelter, int People, double Seconds);

    public sealed record ShelterLoad(string Id, string Name, int Capacity, int Assigned);

    public sealed record AllocationResponse(IReadOnlyList<AllocationLine> Assignments, IReadOnlyList<ShelterLoad> Shelters,
        IReadOnlyDictionary<string, int> Unplaced, int Displaced, int Placed, double AverageSeconds);

    /// <summary>"lat,lon" → a point, or 400 naming the parameter.</summary>
    public static GeoPoint ParsePoint(string? text, string field, string label)
    {
        var parts = (text ?? "").Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length == 2
            && double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var lat)
            && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var lon)
            && new GeoPoint(lat, lon) is { IsValid: true } point)
            return point;
        throw new DomainValidationException(field, $"{label}坐标格式应为“纬度,经度”（WGS84，例如 44.327,84.882）");
    }

    public static RouteMode ParseMode(string? mode) => mode?.ToLowerInvariant() switch
    {
        null or "" or "fastest" => RouteMode.Fastest,
        "shortest" => RouteMode.Shortest,
        _ => throw new DomainValidationException("mode", "路径方式只能是 shortest（最短路径）或 fastest（最快路径）"),
    };

    public static SnapPoint SnapOrThrow(RoadGraph graph, GeoPoint point, string field, string label) =>
        graph.Snap(point) ?? throw new DomainValidationException(field, $"{label}附近 5 公里内没有可通行的道路");

    private static SnapView View(SnapPoint s) => new(Math.Round(s.OnRoad.Lat, 7), Math.Round(s.OnRoad.Lon, 7), Math.Round(s.OffsetMeters, 1));

    public static RouteResponse Route(RoadNetwork network, GeoPoint from, GeoPoint to, RouteMode mode)
    {
        var a = SnapOrThrow(network.Graph, from, "from", "起点");
        var b = SnapOrThrow(network.Graph, to, "to", "终点");
        var route = network.Search(s => s.Route(a, b, mode))
            ?? throw new NotFoundException("两点之间没有可通行的路径（受单行道等通行方向限制）");
        return new RouteResponse(mode == RouteMode.Fastest ? "fastest" : "shortest", Math.Round(route.Meters, 1), Math.Round(route.Seconds, 1),
            PlaneGeoJson.Line(route.Path), View(a), View(b));
    }

    public static NearestResponse Nearest(RoadNetwork network, IReadOnlyList<FacilityPoint> facilities, GeoPoint incident, FacilityKind? kind, int k)
    {
        if (k is < 1 or > 50)
            throw new DomainValidationException("k", "k 应在 1 到 50 之间");
        var target = SnapOrThrow(network.Graph, incident, "lat", "事发地点");
        var candidates = facilities.Where(f => kind is null || f.Kind == kind)
            .Where(f => !f.Planned)
            .Select(f => (Facility: f, Snap: network.Graph.Snap(f.At)))
            .Where(x => x.Snap is not null)
            .ToList();
        var found = network.Search(s => s.Nearest(target, candidates.Select(c => c.Snap!.Value).ToList(), k));
        return new NearestResponse(View(target), kind, found.Select(x =>
        {
            var f = candidates[x.Candidate].Facility;
            return new NearestItem(f.Id, f.Kind, FacilityKinds.Label(f.Kind), f.Name, f.At.Lat, f.At.Lon, f.Capacity,
                Math.Round(x.Route.Seconds, 1), Math.Round(x.Route.Meters, 1), PlaneGeoJson.Line(x.Route.Path));
        }).ToList());
    }

    public static FacilityKind? ParseKind(string? kind)
    {
        if (string.IsNullOrWhiteSpace(kind))
            return null;
        var normalised = kind.Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal);
        if (Enum.TryParse<FacilityKind>(normalised, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed))
            return parsed;
        foreach (var k in Enum.GetValues<FacilityKind>())
        {
            if (FacilityKinds.Label(k) == kind)
                return k;
        }
        throw new DomainValidationException("kind", "设施类型只能是 FireStation（消防站）、RescueTeam（救援队伍）、Shelter（避难场所）、Hospital（医院）或 Warehouse（物资仓库）");
    }

    public static async Task<List<PopulationPoint>> PopulationAsync(TianshanDb db, CancellationToken ct) =>
        (await db.Divisions.AsNoTracking()
            .Where(d => d.Level == DivisionLevel.Community && d.Latitude != null && d.Longitude != null)
            .OrderBy(d => d.Code)
            .Select(d => new { d.Code, d.Name, d.Latitude, d.Longitude, d.Residents })
            .ToListAsync(ct))
        .Select(d => new PopulationPoint(d.Code, d.Name, new GeoPoint(d.Latitude!.Value, d.Longitude!.Value), d.Residents ?? 0))
        .ToList();

    /// <summary>Fire-station coverage: every existing station's reach in (minutes − turnout) of driving, as one
    /// multi-source search, then the same with the planned stations and an optional what-if station added.
    /// 建标152-2017 第十二条 / GB 51080-2015 §4.1.3: a station's district is laid out so that its crew reaches the edge
    /// within 5 min of the dispatch order; the turnout (出动, commonly 1 min) is spent before the engine moves.</summary>
    public static CoverageResponse Coverage(RoadNetwork network, IReadOnlyList<FacilityPoint> facilities, IReadOnlyList<PopulationPoint> population,
        Geometry? district, double minutes, double turnout, GeoPoint? whatIf, double serviceMeters = Isochrones.DefaultServiceMeters)
    {
        if (minutes is <= 0 or > 60)
            throw new DomainValidationException("minutes", "覆盖时间应在 0 到 60 分钟之间");
        if (turnout < 0 || turnout >= minutes)
            throw new DomainValidationException("turnout", "出动时间应不小于 0 且小于覆盖时间");
        var travel = (minutes - turnout) * 60;
        var stations = facilities.Where(f => f.Kind == FacilityKind.FireStation).ToList();
        var existing = stations.Where(f => !f.Planned).ToList();
        var added = stations.Where(f => f.Planned).ToList();
        if (whatIf is { } p)
            added.Add(new FacilityPoint("what-if", FacilityKind.FireStation, "假设新建消防站", p, Planned: true));
        CoverageView Of(List<FacilityPoint> set)
        {
            var snaps = set.Select(f => network.Graph.Snap(f.At)).Where(s => s is not null).Select(s => s!.Value).ToList();
            var reach = network.Search(s => s.Reach(snaps, travel, RouteMode.Fastest));
            var report = Isochrones.Coverage(network.Graph, reach, district, population, serviceMeters);
            return new CoverageView(set.Select(f => new StationView(f.Id, f.Name, f.At.Lat, f.At.Lon, f.Planned)).ToList(),
                Math.Round(report.CoveredRoadKm, 2), Math.Round(report.RoadKm, 2), Math.Round(report.DistrictKm2, 2), Math.Round(report.CoveredKm2, 2),
                Math.Round(report.UncoveredKm2, 2), report.People, report.UncoveredPeople, report.UncoveredPlaces.Select(x => x.Name).ToList(),
                PlaneGeoJson.ToGeoJson(report.Covered, network.Graph.Plane));
        }
        var current = Of(existing);
        var withNew = Of([.. existing, .. added]);
        return new CoverageResponse(minutes, turnout, travel, serviceMeters, current, withNew,
            added.Select(f => new StationView(f.Id, f.Name, f.At.Lat, f.At.Lon, true)).ToList(),
            current.UncoveredPeople - withNew.UncoveredPeople, Math.Round(withNew.CoveredKm2 - current.CoveredKm2, 2));
    }

    /// <summary>Displaced people of each community to shelters within capacity, least total travel time
    /// (<see cref="ShelterAllocation"/>). Without a list, every community displaces <c>share</c> of its residents.</summary>
    public static AllocationResponse Allocate(RoadNetwork network, IReadOnlyList<FacilityPoint> facilities, IReadOnlyList<PopulationPoint> population,
        AllocationRequest request)
    {
        var share = request.Share ?? 0.2;
        if (share is < 0 or > 1)
            throw new DomainValidationException("share", "受灾转移比例应在 0 到 1 之间");
        var byCode = population.ToDictionary(p => p.Code);
        List<(PopulationPoint Place, int People)> displaced;
        if (request.Displaced is { Count: > 0 } list)
        {
            displaced = [];
            foreach (var d in list)
            {
                if (d.CommunityCode is null || !byCode.TryGetValue(d.CommunityCode, out var place))
                    throw new DomainValidationException("displaced", $"未知的社区代码：{d.CommunityCode}");
                if (d.People < 0)
                    throw new DomainValidationException("displaced", $"{place.Name}的转移人数不能为负数");
                displaced.Add((place, d.People));
            }
        }
        else
        {
            displaced = population.Select(p => (p, (int)Math.Round(p.People * share))).ToList();
        }
        var shelters = facilities.Where(f => f.Kind == FacilityKind.Shelter && !f.Planned && f.Capacity > 0).ToList();
        var communitySnaps = displaced.Select(d => network.Graph.Snap(d.Place.At)).ToList();
        var cost = new double[displaced.Count, shelters.Count];
        for (var j = 0; j < shelters.Count; j++)
        {
            for (var i = 0; i < displaced.Count; i++)
                cost[i, j] = double.PositiveInfinity;
            if (network.Graph.Snap(shelters[j].At) is not { } shelterSnap)
                continue;
            // One backwards search per shelter gives every community's travel time to it.
            var reachable = communitySnaps.Select((s, i) => (s, i)).Where(x => x.s is not null).ToList();
            var found = network.Search(s => s.Nearest(shelterSnap, reachable.Select(x => x.s!.Value).ToList(), reachable.Count));
            foreach (var (candidate, route) in found)
                cost[reachable[candidate].i, j] = route.Seconds;
        }
        var result = ShelterAllocation.Allocate(displaced.Select(d => d.People).ToList(), shelters.Select(s => s.Capacity!.Value).ToList(), cost);
        var lines = result.Assignments.Select(a => new AllocationLine(displaced[a.Community].Place.Code, displaced[a.Community].Place.Name,
            shelters[a.Shelter].Id, shelters[a.Shelter].Name, a.People, Math.Round(a.CostEach, 1))).ToList();
        var placed = lines.Sum(l => l.People);
        return new AllocationResponse(lines,
            shelters.Select((s, j) => new ShelterLoad(s.Id, s.Name, s.Capacity!.Value, result.Used[j])).ToList(),
            displaced.Select((d, i) => (d.Place.Name, result.Unplaced[i])).Where(x => x.Item2 > 0).ToDictionary(x => x.Name, x => x.Item2),
            displaced.Sum(d => d.People), placed, placed == 0 ? 0 : Math.Round(result.TotalCost / placed, 1));
    }
}
