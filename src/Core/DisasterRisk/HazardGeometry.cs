using System.Globalization;
using System.Text.Json;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;
using NetTopologySuite.Operation.Valid;

namespace Tianshan.Core.DisasterRisk;

/// <summary>Reading, checking and measuring the GeoJSON geometries of the hazard layers (NetTopologySuite in process, so
/// both database providers behave the same — ARCHITECTURE.md "Data").</summary>
public static class HazardGeometry
{
    /// <summary>Where a feature of this district's census may lie: the district (≈84.7–85.1°E, 44.1–44.4°N) and some
    /// 200 km around it, wide enough for a 55 km fault trace or the city's whole layer, narrow enough that swapped
    /// longitude/latitude or a projected (metre) coordinate is refused.</summary>
    public const double MinLongitude = 82, MaxLongitude = 88, MinLatitude = 42, MaxLatitude = 47;

    public static readonly JsonSerializerOptions Json = new() { Converters = { new GeoJsonConverterFactory() } };

    /// <summary>Parses a GeoJSON geometry object; throws <see cref="JsonException"/> when it is not one.</summary>
    public static Geometry Parse(string geometry) =>
        JsonSerializer.Deserialize<Geometry>(geometry, Json) ?? throw new JsonException("null");

    public static Geometry Parse(JsonElement geometry) =>
        geometry.Deserialize<Geometry>(Json) ?? throw new JsonException("null");

    /// <summary>Null when the geometry is fit for the layer, else the problem in Chinese.</summary>
    public static string? Validate(HazardLayerKind kind, string geometry)
    {
        Geometry parsed;
        try
        {
            parsed = Parse(geometry);
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException or FormatException)
        {
            return $"几何对象无法解析（{e.Message}）";
        }
        return Validate(kind, parsed);
    }

    public static string? Validate(HazardLayerKind kind, Geometry geometry)
    {
        var allowed = HazardLayers.GeometryTypes(kind);
        if (!allowed.Contains(geometry.GeometryType))
            return $"几何类型 {geometry.GeometryType} 不适用于{HazardLayers.Label(kind)}图层（应为 {string.Join(" / ", allowed)}）";
        if (geometry.IsEmpty)
            return "几何对象没有坐标";
        foreach (var c in geometry.Coordinates)
        {
            if (double.IsNaN(c.X) || double.IsNaN(c.Y) || c.X < MinLongitude || c.X > MaxLongitude || c.Y < MinLatitude || c.Y > MaxLatitude)
                return string.Create(CultureInfo.InvariantCulture,
                    $"坐标 [{c.X}, {c.Y}] 不在独山子区及周边范围内（经度 {MinLongitude}～{MaxLongitude}，纬度 {MinLatitude}～{MaxLatitude}；GeoJSON 坐标顺序为 [经度, 纬度]，WGS84）");
        }
        if (!geometry.IsValid)
        {
            var reason = new IsValidOp(geometry).ValidationError;
            return $"几何对象无效（{reason?.Message ?? "拓扑错误"}）";
        }
        return null;
    }

    /// <summary>Kilometres from a point to the geometry (0 inside a polygon). Both are projected onto a plane tangent at the
    /// point (equirectangular: 111.32 km per degree of longitude × cos φ, 110.574 km per degree of latitude), which is
    /// within 1 % over the few tens of kilometres that matter here.</summary>
    public static double DistanceKm(Geometry geometry, double latitude, double longitude)
    {
        var kx = 111.320 * Math.Cos(latitude * Math.PI / 180);
        const double ky = 110.574;
        var projected = geometry.Copy();
        projected.Apply(new Project(longitude, latitude, kx, ky));
        projected.GeometryChanged();
        return projected.Distance(new Point(0, 0));
    }

    private sealed class Project(double lon0, double lat0, double kx, double ky) : IEntireCoordinateSequenceFilter
    {
        public bool Done => false;
        public bool GeometryChanged => true;

        public void Filter(CoordinateSequence seq)
        {
            for (var i = 0; i < seq.Count; i++)
            {
                seq.SetX(i, (seq.GetX(i) - lon0) * kx);
                seq.SetY(i, (seq.GetY(i) - lat0) * ky);
            }
        }
    }
}
