using System.Globalization;

namespace Tianshan.Core.Warnings;

/// <summary>CAP 1.2 area geometry as text (WGS 84): polygon "lat,lon lat,lon …" with at least four points, the first and
/// last equal (CAP 1.2 §3.2.4); circle "lat,lon radius" with the radius in kilometres.</summary>
public static class CapGeometry
{
    public static string? PolygonProblem(string polygon)
    {
        var points = Points(polygon);
        if (points is null)
            return "多边形格式应为“纬度,经度 纬度,经度 …”";
        if (points.Count < 4)
            return "多边形至少需要 4 个点（首尾相同）";
        if (points[0] != points[^1])
            return "多边形首尾两点须相同（闭合）";
        return null;
    }

    public static string? CircleProblem(string circle)
    {
        var parts = circle.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2 || Point(parts[0]) is null || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var r) || r <= 0)
            return "圆形区域格式应为“纬度,经度 半径（千米）”";
        return null;
    }

    /// <summary>The points of a polygon, or null if malformed.</summary>
    public static List<(double Lat, double Lon)>? Points(string polygon)
    {
        var list = new List<(double, double)>();
        foreach (var pair in polygon.Trim().Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (Point(pair) is not { } p)
                return null;
            list.Add(p);
        }
        return list;
    }

    /// <summary>Centre and radius (km) of a circle, or null.</summary>
    public static ((double Lat, double Lon) Centre, double RadiusKm)? Circle(string circle)
    {
        var parts = circle.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length == 2 && Point(parts[0]) is { } c && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var r)
            ? (c, r) : null;
    }

    private static (double Lat, double Lon)? Point(string pair)
    {
        var xy = pair.Split(',');
        return xy.Length == 2
            && double.TryParse(xy[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var lat) && lat is >= -90 and <= 90
            && double.TryParse(xy[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var lon) && lon is >= -180 and <= 180
            ? (lat, lon) : null;
    }

    public static string FormatCircle(double lat, double lon, double radiusKm) =>
        string.Create(CultureInfo.InvariantCulture, $"{lat:0.#####},{lon:0.#####} {radiusKm:0.###}");
}
