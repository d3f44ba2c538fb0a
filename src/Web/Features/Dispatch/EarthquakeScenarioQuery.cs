using Microsoft.EntityFrameworkCore;
using Tianshan.Core.Data;
using Tianshan.Core.DisasterRisk;
using Tianshan.Core.Dispatch;
using Tianshan.Core.Platform;
using static Tianshan.Core.Dispatch.EarthquakeScenario;

namespace Tianshan.Web.Features.Dispatch;

/// <summary>
/// The earthquake scenario on the one map: a fault of the risk census (C10) ruptures; communities are affected by their
/// distance to its trace (<see cref="EarthquakeScenario"/> bands); the people to shelter go to shelters within capacity at
/// least total travel (the same allocation as <c>/api/dispatch/shelter-allocation</c>); the materials they need are set
/// against the stock in warehouses that reach an opened shelter by road within the 8-hour relief target (综合防灾减灾规划:
/// 灾害发生 8 小时之内受灾群众基本生活得到有效救助) — road time only, loading and handling not included.
/// </summary>
public static class EarthquakeScenarioQuery
{
    public sealed record ScenarioRequest(Guid? FaultId, IReadOnlyList<ShelterBand>? Bands);

    public sealed record FaultView(Guid Id, string Name);

    public sealed record WarehouseReach(string Code, string Name, double? Seconds, bool Within8Hours);

    public sealed record ScenarioResponse(FaultView Fault, string FaultGeometry, IReadOnlyList<ShelterBand> Bands,
        IReadOnlyList<AffectedCommunity> Communities, int People, DispatchQueries.AllocationResponse Allocation,
        IReadOnlyList<MaterialNeed> Materials, IReadOnlyList<WarehouseReach> Warehouses, IReadOnlyList<string> Gaps);

    /// <summary>The relief target: basic relief within 8 hours of the disaster.</summary>
    public static readonly TimeSpan ReliefTarget = TimeSpan.FromHours(8);

    public static async Task<List<FaultView>> FaultsAsync(TianshanDb db, CancellationToken ct) =>
        await db.HazardFeatures.AsNoTracking().Where(f => f.Kind == HazardLayerKind.ActiveFault).OrderBy(f => f.Name)
            .Select(f => new FaultView(f.Id, f.Name)).ToListAsync(ct);

    public static async Task<ScenarioResponse> RunAsync(TianshanDb db, RoadNetwork network, IFacilityPoints facilities, ScenarioRequest request,
        CancellationToken ct)
    {
        var bands = request.Bands is { Count: > 0 } given ? given : DefaultBands;
        if (Problems(bands) is { Count: > 0 } problems)
            throw new DomainValidationException(new Dictionary<string, string[]> { ["bands"] = [.. problems] });
        if (request.FaultId is not { } faultId)
            throw new DomainValidationException("faultId", "请选择发震断裂");
        var fault = await db.HazardFeatures.AsNoTracking().FirstOrDefaultAsync(f => f.Id == faultId && f.Kind == HazardLayerKind.ActiveFault, ct)
            ?? throw new NotFoundException("没有这条活动断裂（请先在风险普查中导入断裂图层）");
        var trace = HazardGeometry.Parse(fault.Geometry);

        var population = await DispatchQueries.PopulationAsync(db, ct);
        var affected = Affected(population.Select(p => (p, HazardGeometry.DistanceKm(trace, p.At.Lat, p.At.Lon))), bands);
        var points = await facilities.ListAsync(ct);
        var allocation = DispatchQueries.Allocate(network, points, population,
            new DispatchQueries.AllocationRequest(null, affected.Select(a => new DispatchQueries.DisplacedCommunity(a.Code, a.People)).ToList()));
        var people = affected.Sum(a => a.People);

        // Warehouses that reach an opened shelter by road within the target; only their stock counts as available in time.
        var opened = allocation.Shelters.Where(s => s.Assigned > 0).Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var openedPoints = points.Where(p => p.Kind == FacilityKind.Shelter && opened.Contains(p.Id)).ToList();
        var reach = new List<WarehouseReach>();
        foreach (var w in points.Where(p => p.Kind == FacilityKind.Warehouse))
        {
            double? seconds = null;
            if (openedPoints.Count > 0 && network.Graph.Snap(w.At) is not null)
            {
                var nearest = DispatchQueries.Nearest(network, openedPoints, w.At, FacilityKind.Shelter, 1);
                seconds = nearest.Items.Count > 0 ? nearest.Items[0].Seconds : null;
            }
            reach.Add(new WarehouseReach(w.Id, w.Name, seconds, seconds is { } s && s <= ReliefTarget.TotalSeconds));
        }
        var inTime = reach.Where(r => r.Within8Hours).Select(r => r.Code).ToHashSet(StringComparer.Ordinal);
        var stock = (await db.StockItems.IgnoreQueryFilters().AsNoTracking().Include(s => s.Warehouse).Include(s => s.Material).ToListAsync(ct))
            .Where(s => s.Material!.PeoplePerUnit is > 0 && s.Quantity > 0)
            .Select(s => (s.Material!.Code, s.Material.Name, s.Material.Category, s.Material.Unit, s.Material.PeoplePerUnit!.Value,
                Quantity: inTime.Contains(s.Warehouse!.Code) ? s.Quantity : 0m))
            .ToList();
        var materials = Materials(people, stock);

        var gaps = new List<string>();
        var unplaced = allocation.Unplaced.Values.Sum();
        if (unplaced > 0)
            gaps.Add($"避难场所容量不足：{unplaced} 人无处安置");
        gaps.AddRange(materials.Where(m => m.Gap > 0).Select(m => $"{m.Name}缺口 {m.Gap:0.##} {m.Unit}（需 {m.Needed:0.##}，8 小时内可调 {m.InStock:0.##}）"));
        var late = reach.Where(r => !r.Within8Hours).Select(r => r.Name).ToList();
        if (openedPoints.Count > 0 && late.Count > 0)
            gaps.Add($"以下仓库 8 小时内无法经道路运抵已开放的避难场所，其库存未计入：{string.Join("、", late)}");
        return new ScenarioResponse(new FaultView(fault.Id, fault.Name), fault.Geometry, bands, affected, people, allocation, materials, reach, gaps);
    }
}
