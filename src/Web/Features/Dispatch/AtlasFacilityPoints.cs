using Microsoft.EntityFrameworkCore;
using Tianshan.Core.Data;
using Tianshan.Core.Dispatch;
using Tianshan.Core.Resources;

namespace Tianshan.Web.Features.Dispatch;

/// <summary>
/// Dispatch's facility points from the resource atlas (C6): fire stations (a 规划 station is a planned point, counted only
/// in the coverage what-if), rescue teams at their base that are standing by (待命), shelters in use with their capacity,
/// hospitals and warehouses — every record with a position. The atlas is scoped by division for reading and editing,
/// but dispatch serves the district: a street's duty officer must see the district's teams and stations nearest its
/// incident, so the division filter is lifted here (only positions and names leave this class, and only the
/// government roles of <see cref="DispatchEndpoints.Readers"/> reach it).
/// </summary>
public sealed class AtlasFacilityPoints(TianshanDb db) : IFacilityPoints
{
    public async Task<IReadOnlyList<FacilityPoint>> ListAsync(CancellationToken cancellationToken)
    {
        var ct = cancellationToken;
        var points = new List<FacilityPoint>();
        static GeoPoint At(ResourceRecord r) => new(r.Latitude!.Value, r.Longitude!.Value);

        foreach (var s in await Positioned(db.FireStations).ToListAsync(ct))
            points.Add(new FacilityPoint(s.Code, FacilityKind.FireStation, s.Name, At(s), Planned: s.Status == FacilityStatus.Planned));
        foreach (var t in await Positioned(db.RescueTeams).Where(t => t.Readiness == Readiness.Ready).ToListAsync(ct))
            points.Add(new FacilityPoint(t.Code, FacilityKind.RescueTeam, t.Name, At(t)));
        foreach (var s in await Positioned(db.Shelters).Where(s => s.Status != ShelterStatus.OutOfUse).ToListAsync(ct))
            points.Add(new FacilityPoint(s.Code, FacilityKind.Shelter, s.Name, At(s), s.Capacity));
        foreach (var h in await Positioned(db.Hospitals).ToListAsync(ct))
            points.Add(new FacilityPoint(h.Code, FacilityKind.Hospital, h.Name, At(h)));
        foreach (var w in await Positioned(db.Warehouses).ToListAsync(ct))
            points.Add(new FacilityPoint(w.Code, FacilityKind.Warehouse, w.Name, At(w)));
        return points;
    }

    private static IQueryable<T> Positioned<T>(IQueryable<T> records) where T : ResourceRecord =>
        records.IgnoreQueryFilters().AsNoTracking().Where(r => r.Latitude != null && r.Longitude != null).OrderBy(r => r.Code);
}
