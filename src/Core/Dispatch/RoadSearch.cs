namespace Tianshan.Core.Dispatch;

/// <summary>A route along the roads: its length, its travel time and the line to draw (the snapped end points and
/// every node between them).</summary>
public sealed record RouteResult(double Meters, double Seconds, IReadOnlyList<GeoPoint> Path);

/// <summary>How far one source reaches: the segment piece [From, To] (fractions from the segment's From node) lies
/// within the limit.</summary>
public readonly record struct ReachPiece(int Segment, double From, double To);

/// <summary>The nodes reached within a limit, each with its cost and the index of the source that reached it first,
/// plus the reached road pieces.</summary>
public sealed record ReachResult(double Limit, int[] Nodes, double[] Costs, int[] Origins, IReadOnlyList<ReachPiece> Pieces)
{
    public int Count => Nodes.Length;
}

/// <summary>Dijkstra and A* over a <see cref="RoadGraph"/> with a binary-heap-like priority queue
/// (<see cref="PriorityQueue{TElement, TPriority}"/>, lazy deletion). Holds its working arrays and reuses them
/// across searches (a generation stamp instead of clearing), so one instance serves one search at a time: take one
/// per thread or from a pool. Snapped points split their segment into two virtual pieces: a search starts from both
/// ends of the source's segment (in the directions the segment allows) and ends on the target's segment.</summary>
public sealed class RoadSearch
{
    private readonly RoadGraph _g;
    private readonly double[] _dist;
    private readonly int[] _stamp, _done, _predNode, _predSeg, _origin;
    private readonly PriorityQueue<int, double> _queue = new();
    private int _gen;

    public RoadSearch(RoadGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        _g = graph;
        var n = graph.NodeCount;
        _dist = new double[n];
        _stamp = new int[n];
        _done = new int[n];
        _predNode = new int[n];
        _predSeg = new int[n];
        _origin = new int[n];
    }

    public RoadGraph Graph => _g;

    private void Begin()
    {
        _gen++;
        _queue.Clear();
    }

    private double Dist(int v) => _stamp[v] == _gen ? _dist[v] : double.PositiveInfinity;

    private bool Done(int v) => _done[v] == _gen;

    private void Offer(int v, double d, double priority, int predNode, int predSeg, int origin)
    {
        if (d >= Dist(v))
            return;
        _stamp[v] = _gen;
        _dist[v] = d;
        _predNode[v] = predNode;
        _predSeg[v] = predSeg;
        _origin[v] = origin;
        _queue.Enqueue(v, priority);
    }

    private bool Allows(int s, byte direction) => (_g.SegDir[s] & direction) != 0;

    /// <summary>May a search cover <paramref name="part"/> of segment s in this direction? A point that sits on a node
    /// (part 0) joins it whatever the segment's direction: no metre of the one-way street is driven.</summary>
    private bool Can(int s, byte direction, double part) => part <= 1e-9 || Allows(s, direction);

    /// <summary>The best route from one snapped point to another, or null when the target cannot be reached
    /// (one-way streets can make that so). A* with the straight-line distance (over the fastest speed for time) as
    /// its bound; the plane distance is shrunk by 1 % so the bound stays below the great-circle lengths.</summary>
    public RouteResult? Route(SnapPoint from, SnapPoint to, RouteMode mode)
    {
        Begin();
        var cost = _g.Costs(mode);
        int s = from.Segment, u = to.Segment;
        var (tx, ty) = _g.Plane.ToPlane(to.OnRoad.Lat, to.OnRoad.Lon);
        var scale = 0.99 / (mode == RouteMode.Fastest ? _g.MaxSpeed : 1);
        double H(int v) => Math.Sqrt((_g.X[v] - tx) * (_g.X[v] - tx) + (_g.Y[v] - ty) * (_g.Y[v] - ty)) * scale;

        // Both points on one segment, the target ahead in an allowed direction: no node between them.
        var best = double.PositiveInfinity;
        var bestNode = -1;
        if (s == u && Allows(s, RoadGraph.Forward) && to.Fraction >= from.Fraction)
            best = (to.Fraction - from.Fraction) * cost[s];
        if (s == u && Allows(s, RoadGraph.Backward) && to.Fraction <= from.Fraction)
            best = Math.Min(best, (from.Fraction - to.Fraction) * cost[s]);

        if (Can(s, RoadGraph.Forward, 1 - from.Fraction))
            Offer(_g.SegB[s], (1 - from.Fraction) * cost[s], (1 - from.Fraction) * cost[s] + H(_g.SegB[s]), -1, s, 0);
        if (Can(s, RoadGraph.Backward, from.Fraction))
            Offer(_g.SegA[s], from.Fraction * cost[s], from.Fraction * cost[s] + H(_g.SegA[s]), -1, s, 0);
        int c = _g.SegA[u], d = _g.SegB[u];
        var viaC = Can(u, RoadGraph.Forward, to.Fraction) ? to.Fraction * cost[u] : double.PositiveInfinity;
        var viaD = Can(u, RoadGraph.Backward, 1 - to.Fraction) ? (1 - to.Fraction) * cost[u] : double.PositiveInfinity;

        while (_queue.TryDequeue(out var v, out var f))
        {
            if (Done(v))
                continue;
            if (f >= best)
                break;
            _done[v] = _gen;
            var dv = _dist[v];
            if (v == c && dv + viaC < best)
                (best, bestNode) = (dv + viaC, c);
            if (v == d && dv + viaD < best)
                (best, bestNode) = (dv + viaD, d);
            for (var k = _g.OutStart[v]; k < _g.OutStart[v + 1]; k++)
            {
                var w = _g.OutTarget[k];
                if (Done(w))
                    continue;
                var nd = dv + cost[_g.OutSegment[k]];
                if (nd < Dist(w))
                    Offer(w, nd, nd + H(w), v, _g.OutSegment[k], 0);
            }
        }
        if (double.IsPositiveInfinity(best))
            return null;
        if (bestNode < 0)
        {
            var frac = Math.Abs(to.Fraction - from.Fraction);
            return new RouteResult(frac * _g.SegMeters[s], frac * _g.SegSeconds[s], [from.OnRoad, to.OnRoad]);
        }
        var nodes = new List<int>();
        for (var v = bestNode; v >= 0; v = _predNode[v])
            nodes.Add(v);
        nodes.Reverse();
        var path = new List<GeoPoint>(nodes.Count + 2) { from.OnRoad };
        var first = nodes[0];
        var startFraction = first == _g.SegB[s] ? 1 - from.Fraction : from.Fraction;
        double metres = startFraction * _g.SegMeters[s], seconds = startFraction * _g.SegSeconds[s];
        for (var i = 0; i < nodes.Count; i++)
        {
            path.Add(_g.Node(nodes[i]));
            if (i > 0)
            {
                metres += _g.SegMeters[_predSeg[nodes[i]]];
                seconds += _g.SegSeconds[_predSeg[nodes[i]]];
            }
        }
        var endFraction = bestNode == c ? to.Fraction : 1 - to.Fraction;
        metres += endFraction * _g.SegMeters[u];
        seconds += endFraction * _g.SegSeconds[u];
        path.Add(to.OnRoad);
        return new RouteResult(metres, seconds, path);
    }

    /// <summary>Everything reached from any of <paramref name="sources"/> within <paramref name="limit"/> (seconds for
    /// Fastest, metres for Shortest), one multi-source Dijkstra: the union of every source's isochrone, each node
    /// credited to the source that reaches it first. With <paramref name="towards"/> the arcs are walked backwards:
    /// the cost is then from each node to the source (travel towards an incident).</summary>
    public ReachResult Reach(IReadOnlyList<SnapPoint> sources, double limit, RouteMode mode = RouteMode.Fastest, bool towards = false)
    {
        ArgumentNullException.ThrowIfNull(sources);
        Begin();
        var cost = _g.Costs(mode);
        var pieces = new List<ReachPiece>();
        for (var i = 0; i < sources.Count; i++)
        {
            var (s, t) = (sources[i].Segment, sources[i].Fraction);
            // Leaving the source towards B needs the forward direction; arriving at it from B (towards) needs backward.
            var toB = Can(s, towards ? RoadGraph.Backward : RoadGraph.Forward, 1 - t);
            var toA = Can(s, towards ? RoadGraph.Forward : RoadGraph.Backward, t);
            if (toB)
            {
                Offer(_g.SegB[s], (1 - t) * cost[s], (1 - t) * cost[s], -1, s, i);
                pieces.Add(new ReachPiece(s, t, Math.Min(1, t + limit / cost[s])));
            }
            if (toA)
            {
                Offer(_g.SegA[s], t * cost[s], t * cost[s], -1, s, i);
                pieces.Add(new ReachPiece(s, Math.Max(0, t - limit / cost[s]), t));
            }
        }
        var start = towards ? _g.InStart : _g.OutStart;
        var next = towards ? _g.InSource : _g.OutTarget;
        var via = towards ? _g.InSegment : _g.OutSegment;
        var reached = new List<int>();
        while (_queue.TryDequeue(out var v, out var dv))
        {
            if (Done(v))
                continue;
            if (dv > limit)
                break;
            _done[v] = _gen;
            reached.Add(v);
            for (var k = start[v]; k < start[v + 1]; k++)
            {
                var seg = via[k];
                var w = next[k];
                var nd = dv + cost[seg];
                // The piece of this arc within the limit, as fractions from the segment's From node.
                var part = Math.Min(1, (limit - dv) / cost[seg]);
                if (part > 0)
                    pieces.Add(v == _g.SegA[seg] ? new ReachPiece(seg, 0, part) : new ReachPiece(seg, 1 - part, 1));
                if (!Done(w) && nd < Dist(w))
                    Offer(w, nd, nd, v, seg, _origin[v]);
            }
        }
        var nodes = reached.ToArray();
        return new ReachResult(limit, nodes, nodes.Select(v => _dist[v]).ToArray(), nodes.Select(v => _origin[v]).ToArray(), pieces);
    }

    /// <summary>The <paramref name="k"/> candidates that reach <paramref name="target"/> soonest (by time, or by distance
    /// when Shortest), each with its cost, its distance along that route and the route's line (candidate → target).
    /// One backwards Dijkstra from the target that stops once the k-th best candidate is settled; unreachable
    /// candidates are left out.</summary>
    public IReadOnlyList<(int Candidate, RouteResult Route)> Nearest(SnapPoint target, IReadOnlyList<SnapPoint> candidates, int k, RouteMode mode = RouteMode.Fastest)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        if (k <= 0 || candidates.Count == 0)
            return [];
        Begin();
        var cost = _g.Costs(mode);
        int u = target.Segment;
        double r = target.Fraction;
        // Where each candidate joins the graph: (node, cost from the candidate to that node, fraction covered).
        var exits = new Dictionary<int, List<(int Candidate, double Offset)>>();
        var found = new Dictionary<int, (double Cost, int Node)>();
        void Exit(int node, int candidate, double offset)
        {
            if (!exits.TryGetValue(node, out var list))
                exits[node] = list = [];
            list.Add((candidate, offset));
        }
        for (var i = 0; i < candidates.Count; i++)
        {
            var (s, t) = (candidates[i].Segment, candidates[i].Fraction);
            if (Can(s, RoadGraph.Forward, 1 - t))
                Exit(_g.SegB[s], i, (1 - t) * cost[s]);
            if (Can(s, RoadGraph.Backward, t))
                Exit(_g.SegA[s], i, t * cost[s]);
            if (s == u && Allows(s, RoadGraph.Forward) && r >= t)
                found[i] = ((r - t) * cost[s], -1);
            if (s == u && Allows(s, RoadGraph.Backward) && r <= t)
                found[i] = (Math.Min(found.TryGetValue(i, out var f) ? f.Cost : double.PositiveInfinity, (t - r) * cost[s]), -1);
        }
        if (Can(u, RoadGraph.Forward, r))
            Offer(_g.SegA[u], r * cost[u], r * cost[u], -1, u, 0);
        if (Can(u, RoadGraph.Backward, 1 - r))
            Offer(_g.SegB[u], (1 - r) * cost[u], (1 - r) * cost[u], -1, u, 0);
        double KthBest() => found.Count < k ? double.PositiveInfinity : found.Values.Select(x => x.Cost).Order().ElementAt(k - 1);
        var bound = KthBest();
        while (_queue.TryDequeue(out var v, out var dv))
        {
            if (Done(v))
                continue;
            if (dv >= bound)
                break;
            _done[v] = _gen;
            if (exits.TryGetValue(v, out var here))
            {
                foreach (var (candidate, offset) in here)
                {
                    if (!found.TryGetValue(candidate, out var f) || dv + offset < f.Cost)
                        found[candidate] = (dv + offset, v);
                }
                bound = KthBest();
            }
            for (var a = _g.InStart[v]; a < _g.InStart[v + 1]; a++)
            {
                var w = _g.InSource[a];
                var nd = dv + cost[_g.InSegment[a]];
                if (!Done(w) && nd < Dist(w))
                    Offer(w, nd, nd, v, _g.InSegment[a], 0);
            }
        }
        return found.OrderBy(x => x.Value.Cost).Take(k)
            .Select(x => (x.Key, Trace(candidates[x.Key], target, x.Value.Node)))
            .ToList();
    }

    /// <summary>The route from a candidate to the target found by <see cref="Nearest"/>: follow the predecessors of a
    /// backwards search, which point towards the target.</summary>
    private RouteResult Trace(SnapPoint from, SnapPoint to, int exitNode)
    {
        int s = from.Segment, u = to.Segment;
        if (exitNode < 0)
        {
            var frac = Math.Abs(to.Fraction - from.Fraction);
            return new RouteResult(frac * _g.SegMeters[s], frac * _g.SegSeconds[s], [from.OnRoad, to.OnRoad]);
        }
        var startFraction = exitNode == _g.SegB[s] ? 1 - from.Fraction : from.Fraction;
        double metres = startFraction * _g.SegMeters[s], seconds = startFraction * _g.SegSeconds[s];
        var path = new List<GeoPoint> { from.OnRoad };
        var v = exitNode;
        while (true)
        {
            path.Add(_g.Node(v));
            var seg = _predSeg[v];
            if (_predNode[v] < 0)
            {
                var endFraction = v == _g.SegA[u] ? to.Fraction : 1 - to.Fraction;
                metres += endFraction * _g.SegMeters[u];
                seconds += endFraction * _g.SegSeconds[u];
                break;
            }
            metres += _g.SegMeters[seg];
            seconds += _g.SegSeconds[seg];
            v = _predNode[v];
        }
        path.Add(to.OnRoad);
        return new RouteResult(metres, seconds, path);
    }
}
