using System.Text.Json;
using NetTopologySuite.Geometries;

namespace Tianshan.Core.Dispatch;

/// <summary>Between GeoJSON (WGS84 [lon, lat]) and NTS geometries in a network's local plane.</summary>
public static class PlaneGeoJson
{
    private static readonly GeometryFactory Factory = new();

    /// <summary>A GeoJSON geometry object (Polygon, MultiPolygon, LineString or MultiLineString) in WGS84, ready to
    /// serialise; coordinates rounded to 1e-6° (≈ 0.1 m).</summary>
    public static object ToGeoJson(Geometry geometry, LocalPlane plane)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        ArgumentNullException.ThrowIfNull(plane);
        double[] Point(Coordinate c)
        {
            var g = plane.ToGeo(c.X, c.Y);
            return [Math.Round(g.Lon, 6), Math.Round(g.Lat, 6)];
        }
        double[][] Ring(LineString ring) => ring.Coordinates.Select(Point).ToArray();
        double[][][] Polygon(Polygon p) => [Ring(p.ExteriorRing), .. p.InteriorRings.Select(Ring)];
        return geometry switch
        {
            Polygon p => new { type = "Polygon", coordinates = p.IsEmpty ? [] : Polygon(p) },
            MultiPolygon mp => new { type = "MultiPolygon", coordinates = mp.Geometries.Cast<Polygon>().Select(Polygon).ToArray() },
            LineString l => (object)new { type = "LineString", coordinates = Ring(l) },
            MultiLineString ml => new { type = "MultiLineString", coordinates = ml.Geometries.Cast<LineString>().Select(Ring).ToArray() },
            GeometryCollection { IsEmpty: true } => new { type = "MultiPolygon", coordinates = Array.Empty<double[][][]>() },
            _ => throw new ArgumentException($"unsupported geometry {geometry.GeometryType}", nameof(geometry)),
        };
    }

    /// <summary>A GeoJSON LineString of WGS84 points.</summary>
    public static object Line(IEnumerable<GeoPoint> points) =>
        new { type = "LineString", coordinates = points.Select(p => new[] { Math.Round(p.Lon, 7), Math.Round(p.Lat, 7) }).ToArray() };

    /// <summary>The (multi)polygons of a GeoJSON document (FeatureCollection, Feature or bare geometry), projected
    /// into the plane: used for the district boundary.</summary>
    public static Geometry ReadPolygons(Stream stream, LocalPlane plane)
    {
        ArgumentNullException.ThrowIfNull(plane);
        using var document = JsonDocument.Parse(stream);
        var polygons = new List<Polygon>();
        void Visit(JsonElement e)
        {
            if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty("type", out var t))
                return;
            switch (t.GetString())
            {
                case "FeatureCollection":
                    foreach (var f in e.GetProperty("features").EnumerateArray())
                        Visit(f);
                    break;
                case "Feature":
                    Visit(e.GetProperty("geometry"));
                    break;
                case "Polygon":
                    polygons.Add(Polygon(e.GetProperty("coordinates")));
                    break;
                case "MultiPolygon":
                    foreach (var p in e.GetProperty("coordinates").EnumerateArray())
                        polygons.Add(Polygon(p));
                    break;
            }
        }
        LinearRing Ring(JsonElement ring) => Factory.CreateLinearRing(ring.EnumerateArray().Select(c =>
        {
            var (x, y) = plane.ToPlane(c[1].GetDouble(), c[0].GetDouble());
            return new Coordinate(x, y);
        }).ToArray());
        Polygon Polygon(JsonElement rings)
        {
            var all = rings.EnumerateArray().Select(Ring).ToArray();
            return Factory.CreatePolygon(all[0], all[1..]);
        }
        Visit(document.RootElement);
        return Factory.CreateMultiPolygon([.. polygons]).Union();
    }
}
