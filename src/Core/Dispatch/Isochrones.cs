using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;

namespace Tianshan.Core.Dispatch;

/// <summary>What a set of stations covers within a time limit, in the district and its population.</summary>
public sealed record CoverageReport(
    Geometry Covered,
    double CoveredRoadKm,
    double RoadKm,
    double DistrictKm2,
    double CoveredKm2,
    int People,
    int UncoveredPeople,
    IReadOnlyList<PopulationPoint> UncoveredPlaces)
{
    public double UncoveredKm2 => Math.Max(0, DistrictKm2 - CoveredKm2);
}

/// <summary>Turns a <see cref="ReachResult"/> into road lengths and an area. The area is honest about what it is: the
/// reached road pieces widened by a service distance (default 150 m, the protection radius of a municipal fire
/// hydrant, GB 50974-2014 §7.2.5 — a crew works within that reach of the road it arrived on), not a hull that
/// would also claim the fields between two roads. All geometry is in the graph's local plane (metres).</summary>
public static class Isochrones
{
    public const double DefaultServiceMeters = 150;

    private static readonly GeometryFactory Factory = new();

    /// <summary>Metres of road within reach (each piece once).</summary>
    public static double RoadMeters(RoadGraph graph, ReachResult reach)
    {
        ArgumentNullException.ThrowIfNull(graph);
        return Merged(reach).Sum(x => x.Intervals.Sum(i => (i.To - i.From) * graph.SegMeters[x.Segment]));
    }

    /// <summary>Side of a coverage cell, metres: fine enough for a street block, coarse enough for a city in
    /// milliseconds.</summary>
    public const double CellMeters = 25;

    /// <summary>The reached roads widened by <paramref name="serviceMeters"/>, as a raster in the plane: a cell is covered
    /// when its centre lies within that distance of a reached road piece. A raster rather than a polygon buffer: the
    /// union of thousands of buffered pieces took seconds (NTS, demo network), the raster takes milliseconds.</summary>
    public static CoverageRaster Rasterise(RoadGraph graph, ReachResult reach, double serviceMeters = DefaultServiceMeters, double cell = CellMeters)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var margin = serviceMeters + cell;
        double minX = graph.NodeCount == 0 ? 0 : graph.X.Min() - margin, minY = graph.NodeCount == 0 ? 0 : graph.Y.Min() - margin;
        var cols = graph.NodeCount == 0 ? 0 : (int)Math.Ceiling((graph.X.Max() + margin - minX) / cell);
        var rows = graph.NodeCount == 0 ? 0 : (int)Math.Ceiling((graph.Y.Max() + margin - minY) / cell);
        var covered = new bool[cols * rows];
        var r2 = serviceMeters * serviceMeters;
        foreach (var (segment, intervals) in Merged(reach))
        {
            int a = graph.SegA[segment], b = graph.SegB[segment];
            double ax = graph.X[a], ay = graph.Y[a], dx = graph.X[b] - ax, dy = graph.Y[b] - ay;
            foreach (var (from, to) in intervals)
            {
                double x0 = ax + dx * from, y0 = ay + dy * from, ex = dx * (to - from), ey = dy * (to - from);
                var len2 = ex * ex + ey * ey;
                var c0 = Math.Max(0, (int)((Math.Min(x0, x0 + ex) - serviceMeters - minX) / cell));
                var c1 = Math.Min(cols - 1, (int)((Math.Max(x0, x0 + ex) + serviceMeters - minX) / cell));
                var q0 = Math.Max(0, (int)((Math.Min(y0, y0 + ey) - serviceMeters - minY) / cell));
                var q1 = Math.Min(rows - 1, (int)((Math.Max(y0, y0 + ey) + serviceMeters - minY) / cell));
                for (var row = q0; row <= q1; row++)
                {
                    var py = minY + (row + 0.5) * cell;
                    for (var col = c0; col <= c1; col++)
                    {
                        var px = minX + (col + 0.5) * cell;
                        var t = len2 == 0 ? 0 : Math.Clamp(((px - x0) * ex + (py - y0) * ey) / len2, 0, 1);
                        double fx = x0 + t * ex - px, fy = y0 + t * ey - py;
                        if (fx * fx + fy * fy <= r2)
                            covered[row * cols + col] = true;
                    }
                }
            }
        }
        return new CoverageRaster(cell, minX, minY, cols, rows, covered);
    }

    /// <summary>Coverage of the reached area: area inside the district, road length and the people whose place lies
    /// inside the area.</summary>
    public static CoverageReport Coverage(RoadGraph graph, ReachResult reach, Geometry? district, IReadOnlyList<PopulationPoint> population,
        double serviceMeters = DefaultServiceMeters)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(population);
        var raster = Rasterise(graph, reach, serviceMeters);
        var inside = district is null ? null : PreparedGeometryFactory.Prepare(district);
        var cellArea = raster.Cell * raster.Cell;
        var coveredInDistrict = 0.0;
        for (var i = 0; i < raster.Covered.Length; i++)
        {
            if (raster.Covered[i] && (inside is null || inside.Covers(Factory.CreatePoint(raster.Centre(i)))))
                coveredInDistrict += cellArea;
        }
        var uncovered = population.Where(p => !raster.Covers(graph.Plane.ToPlane(p.At.Lat, p.At.Lon))).ToList();
        return new CoverageReport(raster.ToGeometry(), RoadMeters(graph, reach) / 1000, graph.TotalMeters / 1000, (district?.Area ?? 0) / 1e6,
            coveredInDistrict / 1e6, population.Sum(p => p.People), uncovered.Sum(p => p.People), uncovered);
    }

    private static IEnumerable<(int Segment, List<(double From, double To)> Intervals)> Merged(ReachResult reach)
    {
        foreach (var group in reach.Pieces.GroupBy(p => p.Segment))
        {
            var merged = new List<(double From, double To)>();
            foreach (var piece in group.OrderBy(p => p.From))
            {
                if (piece.To <= piece.From)
                    continue;
                if (merged.Count > 0 && piece.From <= merged[^1].To + 1e-9)
                    merged[^1] = (merged[^1].From, Math.Max(merged[^1].To, piece.To));
                else
                    merged.Add((piece.From, piece.To));
            }
            yield return (group.Key, merged);
        }
    }
}

/// <summary>Covered cells of a grid in a network's plane (row-major from the south-west corner).</summary>
public sealed class CoverageRaster(double cell, double minX, double minY, int cols, int rows, bool[] covered)
{
    private static readonly GeometryFactory Factory = new();

    public double Cell { get; } = cell;

    internal bool[] Covered { get; } = covered;

    public int CoveredCells => Covered.Count(c => c);

    public Coordinate Centre(int index) => new(minX + (index % cols + 0.5) * Cell, minY + (index / cols + 0.5) * Cell);

    public bool Covers((double X, double Y) p)
    {
        var col = (int)Math.Floor((p.X - minX) / Cell);
        var row = (int)Math.Floor((p.Y - minY) / Cell);
        return col >= 0 && col < cols && row >= 0 && row < rows && Covered[row * cols + col];
    }

    /// <summary>The covered cells as rectangles, one per run of covered cells along a row: what the map draws.</summary>
    public MultiPolygon ToGeometry()
    {
        var rectangles = new List<Polygon>();
        for (var row = 0; row < rows; row++)
        {
            var col = 0;
            while (col < cols)
            {
                if (!Covered[row * cols + col])
                {
                    col++;
                    continue;
                }
                var start = col;
                while (col < cols && Covered[row * cols + col])
                    col++;
                double x0 = minX + start * Cell, x1 = minX + col * Cell, y0 = minY + row * Cell, y1 = y0 + Cell;
                rectangles.Add(Factory.CreatePolygon([new(x0, y0), new(x1, y0), new(x1, y1), new(x0, y1), new(x0, y0)]));
            }
        }
        return Factory.CreateMultiPolygon([.. rectangles]);
    }
}
