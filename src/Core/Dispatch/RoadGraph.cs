namespace Tianshan.Core.Dispatch;

/// <summary>One straight road piece between two graph nodes, as stored.</summary>
public readonly record struct RoadSegment(int From, int To, double Meters, double Seconds, bool Forward, bool Backward);

/// <summary>Where a point meets the road network: on segment <see cref="Segment"/> at <see cref="Fraction"/> of the
/// way from its From node to its To node. A point mid-segment splits it into two virtual pieces for the search.</summary>
public readonly record struct SnapPoint(int Segment, double Fraction, GeoPoint OnRoad, double OffsetMeters);

/// <summary>A road network held in memory as arrays (compressed sparse rows): node positions, segments with length,
/// travel time and allowed directions, the outgoing and incoming arcs of every node, and a grid of segments for
/// snapping. Immutable once built, so every search can share it. See docs/decisions/007-road-network-routing.md.</summary>
public sealed class RoadGraph
{
    internal const byte Forward = 1;
    internal const byte Backward = 2;
    private const double CellSize = 250;

    internal readonly double[] Lat, Lon, X, Y;
    internal readonly int[] SegA, SegB;
    internal readonly double[] SegMeters, SegSeconds;
    internal readonly byte[] SegDir;
    /// <summary>Outgoing arcs of node v: indices OutStart[v]..OutStart[v+1] into OutTarget/OutSegment.</summary>
    internal readonly int[] OutStart, OutTarget, OutSegment;
    /// <summary>Incoming arcs of node v: InStart[v]..InStart[v+1] into InSource/InSegment.</summary>
    internal readonly int[] InStart, InSource, InSegment;
    /// <summary>Nodes of the largest strongly connected component: points snap only to segments inside it, so a
    /// route or a reach never starts on an island (a car park aisle cut off by a one-way exit).</summary>
    internal readonly bool[] InMain;
    private readonly int[] _cellStart, _cellSegments;
    private readonly double _minX, _minY;
    private readonly int _cols, _rows;

    internal RoadGraph(double[] lat, double[] lon, int[] a, int[] b, double[] speedKmh, byte[] dir)
    {
        Lat = lat;
        Lon = lon;
        SegA = a;
        SegB = b;
        SegDir = dir;
        var n = lat.Length;
        var m = a.Length;
        Plane = n == 0 ? new LocalPlane(0, 0) : new LocalPlane(lat.Average(), lon.Average());
        X = new double[n];
        Y = new double[n];
        for (var i = 0; i < n; i++)
            (X[i], Y[i]) = Plane.ToPlane(lat[i], lon[i]);
        SegMeters = new double[m];
        SegSeconds = new double[m];
        MaxSpeed = 1;
        for (var s = 0; s < m; s++)
        {
            SegMeters[s] = GeoMath.Metres(lat[a[s]], lon[a[s]], lat[b[s]], lon[b[s]]);
            SegSeconds[s] = SegMeters[s] / (speedKmh[s] / 3.6);
            MaxSpeed = Math.Max(MaxSpeed, speedKmh[s] / 3.6);
        }
        (OutStart, OutTarget, OutSegment) = Arcs(n, forward: true);
        (InStart, InSource, InSegment) = Arcs(n, forward: false);
        InMain = LargestStrongComponent();
        MainNodeCount = InMain.Count(x => x);
        (_cellStart, _cellSegments, _minX, _minY, _cols, _rows) = BuildGrid();
        TotalMeters = SegMeters.Sum();
    }

    public int NodeCount => Lat.Length;

    public int SegmentCount => SegA.Length;

    public int MainNodeCount { get; }

    public double TotalMeters { get; }

    /// <summary>The fastest speed on the network, m/s: the A* time heuristic divides straight distance by it.</summary>
    public double MaxSpeed { get; }

    public LocalPlane Plane { get; }

    public GeoPoint Node(int v) => new(Lat[v], Lon[v]);

    public RoadSegment Segment(int s) =>
        new(SegA[s], SegB[s], SegMeters[s], SegSeconds[s], (SegDir[s] & Forward) != 0, (SegDir[s] & Backward) != 0);

    internal double Cost(int segment, RouteMode mode) => mode == RouteMode.Shortest ? SegMeters[segment] : SegSeconds[segment];

    internal double[] Costs(RouteMode mode) => mode == RouteMode.Shortest ? SegMeters : SegSeconds;

    /// <summary>The position at <paramref name="fraction"/> along segment s from its From node.</summary>
    public GeoPoint PointOn(int s, double fraction) =>
        new(Lat[SegA[s]] + (Lat[SegB[s]] - Lat[SegA[s]]) * fraction, Lon[SegA[s]] + (Lon[SegB[s]] - Lon[SegA[s]]) * fraction);

    private (int[] Start, int[] Other, int[] Seg) Arcs(int n, bool forward)
    {
        var start = new int[n + 1];
        for (var s = 0; s < SegA.Length; s++)
        {
            if ((SegDir[s] & Forward) != 0)
                start[(forward ? SegA[s] : SegB[s]) + 1]++;
            if ((SegDir[s] & Backward) != 0)
                start[(forward ? SegB[s] : SegA[s]) + 1]++;
        }
        for (var v = 0; v < n; v++)
            start[v + 1] += start[v];
        var other = new int[start[n]];
        var seg = new int[start[n]];
        var fill = start[..n];
        for (var s = 0; s < SegA.Length; s++)
        {
            if ((SegDir[s] & Forward) != 0)
            {
                var at = fill[forward ? SegA[s] : SegB[s]]++;
                other[at] = forward ? SegB[s] : SegA[s];
                seg[at] = s;
            }
            if ((SegDir[s] & Backward) != 0)
            {
                var at = fill[forward ? SegB[s] : SegA[s]]++;
                other[at] = forward ? SegA[s] : SegB[s];
                seg[at] = s;
            }
        }
        return (start, other, seg);
    }

    /// <summary>Kosaraju, iteratively: finish order on the forward arcs, then components on the reverse arcs.</summary>
    private bool[] LargestStrongComponent()
    {
        var n = NodeCount;
        var order = new List<int>(n);
        var seen = new bool[n];
        var stack = new Stack<(int Node, int Next)>();
        for (var root = 0; root < n; root++)
        {
            if (seen[root])
                continue;
            seen[root] = true;
            stack.Push((root, OutStart[root]));
            while (stack.Count > 0)
            {
                var (v, next) = stack.Pop();
                if (next < OutStart[v + 1])
                {
                    stack.Push((v, next + 1));
                    var w = OutTarget[next];
                    if (!seen[w])
                    {
                        seen[w] = true;
                        stack.Push((w, OutStart[w]));
                    }
                }
                else
                {
                    order.Add(v);
                }
            }
        }
        var component = new int[n];
        Array.Fill(component, -1);
        var sizes = new List<int>();
        var todo = new Stack<int>();
        for (var i = n - 1; i >= 0; i--)
        {
            var root = order[i];
            if (component[root] >= 0)
                continue;
            var id = sizes.Count;
            var size = 0;
            component[root] = id;
            todo.Push(root);
            while (todo.Count > 0)
            {
                var v = todo.Pop();
                size++;
                for (var k = InStart[v]; k < InStart[v + 1]; k++)
                {
                    var u = InSource[k];
                    if (component[u] < 0)
                    {
                        component[u] = id;
                        todo.Push(u);
                    }
                }
            }
            sizes.Add(size);
        }
        var main = sizes.Count == 0 ? -1 : sizes.IndexOf(sizes.Max());
        return component.Select(c => c == main).ToArray();
    }

    private (int[] Start, int[] Segments, double MinX, double MinY, int Cols, int Rows) BuildGrid()
    {
        if (NodeCount == 0)
            return ([0], [], 0, 0, 0, 0);
        double minX = X.Min(), minY = Y.Min();
        var cols = (int)((X.Max() - minX) / CellSize) + 1;
        var rows = (int)((Y.Max() - minY) / CellSize) + 1;
        var counts = new int[cols * rows + 1];
        void Cells(int s, Action<int> each)
        {
            int a = SegA[s], b = SegB[s];
            int c0 = (int)((Math.Min(X[a], X[b]) - minX) / CellSize), c1 = (int)((Math.Max(X[a], X[b]) - minX) / CellSize);
            int r0 = (int)((Math.Min(Y[a], Y[b]) - minY) / CellSize), r1 = (int)((Math.Max(Y[a], Y[b]) - minY) / CellSize);
            for (var r = r0; r <= r1; r++)
                for (var c = c0; c <= c1; c++)
                    each(r * cols + c);
        }
        for (var s = 0; s < SegmentCount; s++)
        {
            if (InMain[SegA[s]] && InMain[SegB[s]])
                Cells(s, cell => counts[cell + 1]++);
        }
        for (var i = 0; i < cols * rows; i++)
            counts[i + 1] += counts[i];
        var segments = new int[counts[cols * rows]];
        var fill = counts[..(cols * rows)];
        for (var s = 0; s < SegmentCount; s++)
        {
            if (InMain[SegA[s]] && InMain[SegB[s]])
                Cells(s, cell => segments[fill[cell]++] = s);
        }
        return (counts, segments, minX, minY, cols, rows);
    }

    /// <summary>The nearest point on a road of the main component, searching grid rings outwards until no closer
    /// segment can exist; null for an empty network or a point farther than <paramref name="maxMeters"/>.</summary>
    public SnapPoint? Snap(GeoPoint point, double maxMeters = 5_000)
    {
        if (_cols == 0 || MainNodeCount < 2)
            return null;
        var (px, py) = Plane.ToPlane(point.Lat, point.Lon);
        var pc = (int)Math.Floor((px - _minX) / CellSize);
        var pr = (int)Math.Floor((py - _minY) / CellSize);
        int best = -1;
        double bestD2 = double.MaxValue, bestT = 0;
        var maxRing = (int)(maxMeters / CellSize) + 1 + Math.Max(Math.Max(-pc, pc - _cols), Math.Max(-pr, pr - _rows)) ;
        for (var ring = 0; ring <= maxRing; ring++)
        {
            // Every cell at Chebyshev distance `ring` from the point's cell.
            for (var r = pr - ring; r <= pr + ring; r++)
            {
                if (r < 0 || r >= _rows)
                    continue;
                var step = r == pr - ring || r == pr + ring ? 1 : 2 * ring;
                for (var c = pc - ring; c <= pc + ring; c += Math.Max(step, 1))
                {
                    if (c < 0 || c >= _cols)
                        continue;
                    var cell = r * _cols + c;
                    for (var k = _cellStart[cell]; k < _cellStart[cell + 1]; k++)
                    {
                        var s = _cellSegments[k];
                        var (d2, t) = DistanceSquared(s, px, py);
                        if (d2 < bestD2)
                            (best, bestD2, bestT) = (s, d2, t);
                    }
                }
            }
            // Cells beyond this ring are at least `ring` whole cells away.
            if (best >= 0 && Math.Sqrt(bestD2) <= ring * CellSize)
                break;
        }
        if (best < 0 || Math.Sqrt(bestD2) > maxMeters)
            return null;
        return new SnapPoint(best, bestT, PointOn(best, bestT), Math.Sqrt(bestD2));
    }

    private (double D2, double T) DistanceSquared(int s, double px, double py)
    {
        double ax = X[SegA[s]], ay = Y[SegA[s]], dx = X[SegB[s]] - ax, dy = Y[SegB[s]] - ay;
        var len2 = dx * dx + dy * dy;
        var t = len2 == 0 ? 0 : Math.Clamp(((px - ax) * dx + (py - ay) * dy) / len2, 0, 1);
        double ex = ax + t * dx - px, ey = ay + t * dy - py;
        return (ex * ex + ey * ey, t);
    }
}

/// <summary>Shortest: least metres. Fastest: least seconds at each road's speed.</summary>
public enum RouteMode
{
    Fastest,
    Shortest,
}
