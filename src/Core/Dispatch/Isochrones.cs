using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Operation.Buffer;

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
/// reached road pieces buffered by a service distance (default 150 m, the protection radius of a municipal fire
/// hydrant, GB 50974-2014 §7.2.5 — a crew works within that reach of the road it arrived on), not a hull that
/// would also claim the fields between two roads. All geometry is in the graph's local plane (metres).</summary>
public static class Isochrones
{
    public const double DefaultServiceMeters = 150;

    private static readonly GeometryFactory Factory = new();

    /// <summary>The reached pieces merged per segment (overlaps from both ends counted once), in the plane.</summary>
    public static IReadOnlyList<LineString> Lines(RoadGraph graph, ReachResult reach)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(reach);
        var lines = new List<LineString>();
        foreach (var (segment, intervals) in Merged(reach))
        {
            int a = graph.SegA[segment], b = graph.SegB[segment];
            foreach (var (from, to) in intervals)
            {
                lines.Add(Factory.CreateLineString(
                [
                    new Coordinate(graph.X[a] + (graph.X[b] - graph.X[a]) * from, graph.Y[a] + (graph.Y[b] - graph.Y[a]) * from),
                    new Coordinate(graph.X[a] + (graph.X[b] - graph.X[a]) * to, graph.Y[a] + (graph.Y[b] - graph.Y[a]) * to),
                ]));
            }
        }
        return lines;
    }

    /// <summary>Metres of road within reach (each piece once).</summary>
    public static double RoadMeters(RoadGraph graph, ReachResult reach)
    {
        ArgumentNullException.ThrowIfNull(graph);
        return Merged(reach).Sum(x => x.Intervals.Sum(i => (i.To - i.From) * graph.SegMeters[x.Segment]));
    }

    /// <summary>The reached roads buffered by <paramref name="serviceMeters"/>, one (multi)polygon in the plane.</summary>
    public static Geometry Area(RoadGraph graph, ReachResult reach, double serviceMeters = DefaultServiceMeters)
    {
        var lines = Lines(graph, reach);
        if (lines.Count == 0)
            return Factory.CreatePolygon();
        var parameters = new BufferParameters(4, EndCapStyle.Round, JoinStyle.Round, 5);
        return BufferOp.Buffer(Factory.CreateMultiLineString([.. lines]), serviceMeters, parameters);
    }

    /// <summary>Coverage of the reached area: area inside the district, road length and the people whose place lies
    /// inside the area.</summary>
    public static CoverageReport Coverage(RoadGraph graph, ReachResult reach, Geometry? district, IReadOnlyList<PopulationPoint> population,
        double serviceMeters = DefaultServiceMeters)
    {
        ArgumentNullException.ThrowIfNull(population);
        var area = Area(graph, reach, serviceMeters);
        var districtArea = district?.Area ?? 0;
        var coveredInDistrict = district is null ? area.Area : area.IsEmpty ? 0 : area.Intersection(district).Area;
        var prepared = PreparedGeometryFactory.Prepare(area);
        var uncovered = population
            .Where(p => !prepared.Covers(Factory.CreatePoint(ToPlane(graph, p.At))))
            .ToList();
        return new CoverageReport(area, RoadMeters(graph, reach) / 1000, graph.TotalMeters / 1000, districtArea / 1e6, coveredInDistrict / 1e6,
            population.Sum(p => p.People), uncovered.Sum(p => p.People), uncovered);
    }

    private static Coordinate ToPlane(RoadGraph graph, GeoPoint p)
    {
        var (x, y) = graph.Plane.ToPlane(p.Lat, p.Lon);
        return new Coordinate(x, y);
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
