using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
using Tianshan.Core.Data;
using Tianshan.Core.DisasterRisk;
using Tianshan.Core.Dispatch;
using Tianshan.Core.Resources;
using Tianshan.Core.Warnings;

namespace Tianshan.Web.Features.Warnings;

/// <summary>A shelter of the resource atlas near a warning's area, as the public page and the recipient groups see it.</summary>
public sealed record NearbyShelter(Guid Id, string Code, string Name, string TypeLabel, ShelterStatus Status, string StatusLabel, string? Address,
    int Capacity, decimal UsableAreaM2, double Latitude, double Longitude, string? Manager, string? Phone, string DivisionCode, string DivisionName, bool Inside,
    double DistanceKm);

/// <summary>
/// Shelters (避难场所) inside a warning's area or within <see cref="NearbyKm"/> of it: a shelter registered in one of the
/// area's communities, or standing inside a drawn polygon or circle, is inside; otherwise its distance is measured to the
/// nearest community centre (the registry holds centres, not boundaries), polygon edge or circle edge. Shelters out of use
/// (暂停使用) are left out — nobody should be sent to one. Read from the atlas without the user's scope: the public page
/// has no user, and a warning's recipients are the whole area's whatever the publisher's own jurisdiction.
/// </summary>
public static class WarningShelters
{
    /// <summary>"Nearby" for a person on foot with a bag: about 2 km, 25 minutes' walk.</summary>
    public const double NearbyKm = 2.0;

    private sealed record Row(Guid Id, string Code, string Name, ShelterType Type, ShelterStatus Status, string? Address, int Capacity,
        decimal UsableAreaM2, double Lat, double Lon, string? Manager, string? Phone, string DivisionCode, string DivisionName, string DivisionPath);

    /// <summary>Nearby shelters per warning, nearest first (inside ones first).</summary>
    public static async Task<Dictionary<Guid, List<NearbyShelter>>> ForAsync(TianshanDb db, IReadOnlyCollection<Warning> warnings, CancellationToken ct)
    {
        var result = warnings.ToDictionary(w => w.Id, _ => new List<NearbyShelter>());
        if (warnings.Count == 0)
            return result;
        var shelters = await db.Shelters.IgnoreQueryFilters().AsNoTracking()
            .Where(s => s.Latitude != null && s.Longitude != null && s.Status != ShelterStatus.OutOfUse)
            .Select(s => new Row(s.Id, s.Code, s.Name, s.Type, s.Status, s.Address, s.Capacity, s.UsableAreaM2, s.Latitude!.Value, s.Longitude!.Value,
                s.Manager, s.Phone, s.Division!.Code, s.Division.Name, s.Division.Path))
            .ToListAsync(ct);
        var codes = warnings.SelectMany(w => w.CommunityCodes).Distinct().ToList();
        var centres = await db.Divisions.IgnoreQueryFilters().AsNoTracking().Where(d => codes.Contains(d.Code) && d.Latitude != null && d.Longitude != null)
            .ToDictionaryAsync(d => d.Code, d => (Lat: d.Latitude!.Value, Lon: d.Longitude!.Value), ct);
        foreach (var w in warnings)
        {
            foreach (var s in shelters)
            {
                var (inside, km) = Measure(w, s, centres);
                if (inside || km <= NearbyKm)
                    result[w.Id].Add(new NearbyShelter(s.Id, s.Code, s.Name, ResourceLabels.Of(s.Type), s.Status, ResourceLabels.Of(s.Status), s.Address,
                        s.Capacity, s.UsableAreaM2, s.Lat, s.Lon, s.Manager, s.Phone, s.DivisionCode, s.DivisionName, inside, inside ? 0 : Math.Round(km, 2)));
            }
            result[w.Id] = [.. result[w.Id].OrderByDescending(s => s.Inside).ThenBy(s => s.DistanceKm).ThenBy(s => s.Name, StringComparer.Ordinal)];
        }
        return result;
    }

    public static async Task<List<NearbyShelter>> ForAsync(TianshanDb db, Warning warning, CancellationToken ct) =>
        (await ForAsync(db, [warning], ct))[warning.Id];

    private static (bool Inside, double Km) Measure(Warning w, Row s, Dictionary<string, (double Lat, double Lon)> centres)
    {
        if (w.CommunityCodes.Any(code => s.DivisionPath.Contains($"/{code}/", StringComparison.Ordinal) || s.DivisionCode == code))
            return (true, 0);
        var best = double.PositiveInfinity;
        foreach (var code in w.CommunityCodes)
            if (centres.TryGetValue(code, out var c))
                best = Math.Min(best, GeoMath.Kilometres(s.Lat, s.Lon, c.Lat, c.Lon));
        foreach (var circle in w.Circles.Select(CapGeometry.Circle).OfType<((double Lat, double Lon) Centre, double RadiusKm)>())
        {
            var d = GeoMath.Kilometres(s.Lat, s.Lon, circle.Centre.Lat, circle.Centre.Lon) - circle.RadiusKm;
            if (d <= 0)
                return (true, 0);
            best = Math.Min(best, d);
        }
        foreach (var points in w.Polygons.Select(CapGeometry.Points).OfType<List<(double Lat, double Lon)>>().Where(p => p.Count >= 4))
        {
            var d = HazardGeometry.DistanceKm(Factory.CreatePolygon(points.Select(p => new Coordinate(p.Lon, p.Lat)).ToArray()), s.Lat, s.Lon);
            if (d <= 0)
                return (true, 0);
            best = Math.Min(best, d);
        }
        return (false, best);
    }

    private static readonly GeometryFactory Factory = NetTopologySuite.NtsGeometryServices.Instance.CreateGeometryFactory();
}
