using Tianshan.Core.Dispatch;

namespace Tianshan.Core.Tests.Dispatch;

/// <summary>A hand-made street block near Dushanzi's centre:
/// <code>
///   0 ──▶ 1 ──▶ 2        top row: one-way east, living street (10 km/h)
///   │     │     │
///   3 ─── 4 ─── 5        bottom row: primary (50 km/h); 5 sits lower than 3 and 4
/// </code>
/// Verticals are primary, two-way. Going west along the top is forbidden, so 2 → 0 must go round the bottom.</summary>
internal static class TestGraphs
{
    public const double Lat0 = 44.32, Lon0 = 84.88;

    public static readonly GeoPoint[] Points =
    [
        new(Lat0, Lon0), new(Lat0, Lon0 + 0.002), new(Lat0, Lon0 + 0.004),
        new(Lat0 - 0.0015, Lon0), new(Lat0 - 0.0015, Lon0 + 0.002), new(Lat0 - 0.002, Lon0 + 0.004),
    ];

    public static RoadGraph Block()
    {
        var b = new RoadGraphBuilder();
        foreach (var p in Points)
            b.AddNode(p.Lat, p.Lon);
        b.AddSegment(0, 1, 10, forward: true, backward: false);
        b.AddSegment(1, 2, 10, forward: true, backward: false);
        b.AddSegment(3, 4, 50, true, true);
        b.AddSegment(4, 5, 50, true, true);
        b.AddSegment(0, 3, 50, true, true);
        b.AddSegment(1, 4, 50, true, true);
        b.AddSegment(2, 5, 50, true, true);
        return b.Build();
    }

    public static double M(int a, int b) => GeoMath.Metres(Points[a].Lat, Points[a].Lon, Points[b].Lat, Points[b].Lon);

    public static SnapPoint At(RoadGraph g, int node) => g.Snap(Points[node]) ?? throw new InvalidOperationException("no snap");
}
