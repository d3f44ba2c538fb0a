using System.Text.Json;

namespace Tianshan.Core.Demo;

/// <summary>The demo's road network for Dushanzi: an ILLUSTRATIVE grid of streets around the town centre (≈44.327 N,
/// 84.882 E) with arterials every fourth line, a few one-way streets and a trunk road east to the petrochemical
/// area — generated, not surveyed (no public road layer exists for Dushanzi; see src/Web/wwwroot/geo/README.md). Road
/// names are borrowed from the town so the plan's new fire station at 长岭路/喀什路 has a corner to stand on.
/// Written as GeoJSON, the same way a deployment would import its own network.</summary>
public static class DemoRoads
{
    public const string FileName = "dushanzi-demo-roads.geojson";

    private const double South = 44.305, LatStep = 0.0025, West = 84.850, LonStep = 0.0035;
    private const int Rows = 21, Cols = 19;

    /// <summary>East–west streets by row index (north of <see cref="South"/>); the rest are unnamed lanes.</summary>
    private static readonly Dictionary<int, string> EastWest = new()
    {
        [1] = "大庆东路", [5] = "北京路", [9] = "天山路", [13] = "金山路", [15] = "长岭路", [17] = "宏源路",
    };

    /// <summary>North–south streets by column index (east of <see cref="West"/>).</summary>
    private static readonly Dictionary<int, string> NorthSouth = new()
    {
        [2] = "石油路", [6] = "西宁路", [10] = "独山子路", [14] = "喀什路", [17] = "乌鲁木齐路",
    };

    public static double Lat(int row) => South + row * LatStep;

    public static double Lon(int col) => West + col * LonStep;

    public static byte[] GeoJson()
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("type", "FeatureCollection");
            w.WriteBoolean("demo", true);
            w.WriteString("note", "演示数据：独山子城区示意路网（生成，非测绘成果） / Demo: an illustrative street grid, generated, not surveyed");
            w.WriteStartArray("features");
            for (var row = 0; row < Rows; row++)
            {
                var (highway, oneway) = Class(row, EastWest, row is 7 ? "yes" : row is 11 ? "-1" : null);
                Line(w, EastWest.GetValueOrDefault(row), highway, oneway, Enumerable.Range(0, Cols).Select(c => (Lat(row), Lon(c))));
            }
            for (var col = 0; col < Cols; col++)
            {
                var (highway, oneway) = Class(col, NorthSouth, col is 8 ? "yes" : col is 12 ? "-1" : null);
                Line(w, NorthSouth.GetValueOrDefault(col), highway, oneway, Enumerable.Range(0, Rows).Select(r => (Lat(r), Lon(col))));
            }
            // A trunk road from the town's south-east corner to the petrochemical area, and a roundabout-free link.
            Line(w, "石化大道", "trunk", null, [(Lat(1), Lon(Cols - 1)), (44.3040, 84.9350), (44.3020, 84.9600), (44.3000, 84.9850)]);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return buffer.ToArray();
    }

    private static (string Highway, string? Oneway) Class(int index, Dictionary<int, string> named, string? oneway) =>
        named.ContainsKey(index) ? (index % 4 == 1 ? "primary" : "secondary", null) : ("residential", oneway);

    private static void Line(Utf8JsonWriter w, string? name, string highway, string? oneway, IEnumerable<(double Lat, double Lon)> points)
    {
        w.WriteStartObject();
        w.WriteString("type", "Feature");
        w.WriteStartObject("properties");
        w.WriteString("highway", highway);
        if (name is not null)
            w.WriteString("name", name);
        if (oneway is not null)
            w.WriteString("oneway", oneway);
        w.WriteEndObject();
        w.WriteStartObject("geometry");
        w.WriteString("type", "LineString");
        w.WriteStartArray("coordinates");
        foreach (var (lat, lon) in points)
        {
            w.WriteStartArray();
            w.WriteNumberValue(Math.Round(lon, 6));
            w.WriteNumberValue(Math.Round(lat, 6));
            w.WriteEndArray();
        }
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();
    }
}
