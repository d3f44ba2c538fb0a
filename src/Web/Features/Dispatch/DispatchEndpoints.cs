using System.Security.Claims;
using Tianshan.Core.Data;
using Tianshan.Core.Dispatch;
using Tianshan.Core.Platform;

namespace Tianshan.Web.Features.Dispatch;

/// <summary>/api/roads (import, route, the network's lines) and /api/dispatch (nearest facilities, fire coverage,
/// shelter allocation).</summary>
public static class DispatchEndpoints
{
    /// <summary>Who uses dispatch: the bureau's duty desk, departments, streets, communities and inspectors (not
    /// enterprises: the district's resources are not theirs to see).</summary>
    public static readonly string[] Readers = [Roles.Bureau, Roles.Department, Roles.Street, Roles.Community, Roles.Inspector];

    /// <summary>District boundary shipped with the map (wwwroot/geo), read for the uncovered area.</summary>
    private const string BoundaryFile = "geo/dushanzi-boundary.geojson";

    public static IServiceCollection AddDispatch(this IServiceCollection services)
    {
        services.AddSingleton<RoadNetworkHolder>();
        services.AddHostedService(sp => sp.GetRequiredService<RoadNetworkHolder>());
        services.AddScoped<IFacilityPoints, AtlasFacilityPoints>();
        services.AddSingleton<CoverageCache>();
        // The incident page shows the nearest teams, stations and shelters by road (issue 5: the desk dispatches from the incident).
        services.AddSingleton(new Tianshan.Web.Features.Incidents.IncidentSection("就近调度（按道路行驶时间）",
            typeof(Tianshan.Web.Components.Pages.Dispatch.IncidentNearestResources)));
        return services;
    }

    public static void MapDispatch(this WebApplication app)
    {
        var roads = app.MapGroup("/api/roads").WithTags("Road network").RequireAuthorization(p => p.RequireRole(Readers));
        roads.MapGet("/", (RoadNetworkHolder holder) => holder.Current is { } n
            ? Results.Ok(new { n.Id, n.FileName, n.IsDemo, n.ImportedAt, nodes = n.Graph.NodeCount, segments = n.Graph.SegmentCount,
                connectedNodes = n.Graph.MainNodeCount, kilometres = Math.Round(n.Graph.TotalMeters / 1000, 2) })
            : throw new NotFoundException("尚未导入路网"));
        roads.MapPost("/import", async (RoadNetworkHolder holder, TianshanDb db, IFormFile? file, CancellationToken ct) =>
        {
            if (file is null)
                throw new DomainValidationException(RoadImport.Field, "请选择要导入的路网文件（.osm、.osm.gz 或 .geojson）");
            await using var content = file.OpenReadStream();
            var stored = await holder.ImportAsync(db, file.FileName, content, ct);
            return Results.Ok(new { stored.Id, stored.FileName, nodes = stored.Nodes, segments = stored.Segments, kilometres = stored.Kilometres });
        }).RequireAuthorization(p => p.RequireRole(Roles.Bureau)).DisableAntiforgery();
        roads.MapGet("/route", (RoadNetworkHolder holder, string? from, string? to, string? mode) =>
            DispatchQueries.Route(holder.Require(), DispatchQueries.ParsePoint(from, "from", "起点"), DispatchQueries.ParsePoint(to, "to", "终点"),
                DispatchQueries.ParseMode(mode)));
        roads.MapGet("/lines", (RoadNetworkHolder holder) =>
        {
            var g = holder.Require().Graph;
            var lines = Enumerable.Range(0, g.SegmentCount).Select(s =>
            {
                var seg = g.Segment(s);
                var a = g.Node(seg.From);
                var b = g.Node(seg.To);
                return new[] { new[] { Math.Round(a.Lon, 6), Math.Round(a.Lat, 6) }, [Math.Round(b.Lon, 6), Math.Round(b.Lat, 6)] };
            }).ToArray();
            return new { type = "MultiLineString", coordinates = lines };
        });

        var dispatch = app.MapGroup("/api/dispatch").WithTags("Dispatch").RequireAuthorization(p => p.RequireRole(Readers));
        dispatch.MapGet("/facilities", async (IFacilityPoints facilities, CancellationToken ct) =>
            (await facilities.ListAsync(ct)).Select(f => new { f.Id, f.Kind, kindLabel = FacilityKinds.Label(f.Kind), f.Name, f.At.Lat, f.At.Lon, f.Capacity, f.Planned }));
        dispatch.MapGet("/nearest", async (RoadNetworkHolder holder, IFacilityPoints facilities, double? lat, double? lon, string? kind, int? k, CancellationToken ct) =>
        {
            if (lat is null || lon is null || !new GeoPoint(lat.Value, lon.Value).IsValid)
                throw new DomainValidationException("lat", "请给出事发地点的纬度 lat 和经度 lon（WGS84）");
            return DispatchQueries.Nearest(holder.Require(), await facilities.ListAsync(ct), new GeoPoint(lat.Value, lon.Value),
                DispatchQueries.ParseKind(kind), k ?? 3);
        });
        dispatch.MapGet("/coverage", async (RoadNetworkHolder holder, IFacilityPoints facilities, TianshanDb db, IWebHostEnvironment env,
            CoverageCache cache, double? minutes, double? turnout, string? station, double? serviceMeters, CancellationToken ct) =>
        {
            var network = holder.Require();
            var whatIf = string.IsNullOrWhiteSpace(station) ? (GeoPoint?)null : DispatchQueries.ParsePoint(station, "station", "假设消防站");
            if (serviceMeters is < 0 or > 2000)
                throw new DomainValidationException("serviceMeters", "道路两侧服务距离应在 0 到 2000 米之间");
            var stations = await facilities.ListAsync(ct);
            var population = await DispatchQueries.PopulationAsync(db, ct);
            var (m, t, service) = (minutes ?? 5, turnout ?? 1, serviceMeters ?? Isochrones.DefaultServiceMeters);
            return cache.GetOrCompute(network, stations, population, m, t, whatIf, service, () =>
            {
                // The district boundary is a file shipped with the host: the same for every answer of this process.
                NetTopologySuite.Geometries.Geometry? district = null;
                var boundary = env.WebRootFileProvider.GetFileInfo(BoundaryFile);
                if (boundary.Exists)
                {
                    using var stream = boundary.CreateReadStream();
                    district = PlaneGeoJson.ReadPolygons(stream, network.Graph.Plane);
                }
                return DispatchQueries.Coverage(network, stations, population, district, m, t, whatIf, service);
            });
        });
        app.MapPost("/api/incidents/{id:guid}/open-shelter", (TianshanDb db, ClaimsPrincipal user, Guid id, ShelterOpening.OpenRequest request,
                TimeProvider time, CancellationToken ct) => ShelterOpening.OpenAsync(db, user, id, request, time, ct))
            .WithTags("Dispatch").RequireAuthorization();
        dispatch.MapGet("/faults", (TianshanDb db, CancellationToken ct) => EarthquakeScenarioQuery.FaultsAsync(db, ct));
        dispatch.MapPost("/earthquake", async (RoadNetworkHolder holder, IFacilityPoints facilities, TianshanDb db,
            EarthquakeScenarioQuery.ScenarioRequest request, CancellationToken ct) =>
            await EarthquakeScenarioQuery.RunAsync(db, holder.Require(), facilities, request, ct));
        dispatch.MapPost("/shelter-allocation", async (RoadNetworkHolder holder, IFacilityPoints facilities, TianshanDb db,
            DispatchQueries.AllocationRequest? request, CancellationToken ct) =>
            DispatchQueries.Allocate(holder.Require(), await facilities.ListAsync(ct), await DispatchQueries.PopulationAsync(db, ct),
                request ?? new DispatchQueries.AllocationRequest(null, null)));
    }
}
