namespace Tianshan.Core.Dispatch;

/// <summary>People of one community sent to one shelter, and their travel cost each.</summary>
public readonly record struct ShelterAssignment(int Community, int Shelter, int People, double CostEach);

/// <summary>The allocation: who goes where, who could not be placed (no capacity left or no road to a shelter with
/// room), and the total travel (people × cost).</summary>
public sealed record AllocationResult(IReadOnlyList<ShelterAssignment> Assignments, int[] Unplaced, int[] Used, double TotalCost);

/// <summary>Sends displaced people from communities to shelters so that no shelter takes more than its capacity and
/// the total travel is least: a minimum-cost flow (source → community (people) → shelter (road cost, uncapacitated)
/// → sink (capacity)), solved by successive shortest paths with Bellman–Ford — a few dozen nodes at district scale.
/// When the capacity is short the flow is the largest possible, and the rest is reported unplaced.</summary>
public static class ShelterAllocation
{
    /// <param name="people">Displaced people per community.</param>
    /// <param name="capacity">Places per shelter.</param>
    /// <param name="cost">Travel cost from community i to shelter j; infinity where no road leads there.</param>
    public static AllocationResult Allocate(IReadOnlyList<int> people, IReadOnlyList<int> capacity, double[,] cost)
    {
        ArgumentNullException.ThrowIfNull(people);
        ArgumentNullException.ThrowIfNull(capacity);
        ArgumentNullException.ThrowIfNull(cost);
        int m = people.Count, s = capacity.Count;
        if (cost.GetLength(0) != m || cost.GetLength(1) != s)
            throw new ArgumentException("cost must be communities × shelters", nameof(cost));
        if (people.Any(p => p < 0) || capacity.Any(c => c < 0))
            throw new ArgumentException("people and capacity cannot be negative");
        // Nodes: 0 source, 1..m communities, m+1..m+s shelters, m+s+1 sink.
        var n = m + s + 2;
        var sink = n - 1;
        var to = new List<int>();
        var cap = new List<long>();
        var arcCost = new List<double>();
        var adjacency = Enumerable.Range(0, n).Select(_ => new List<int>()).ToArray();
        int AddArc(int from, int target, long capacityOfArc, double c)
        {
            adjacency[from].Add(to.Count);
            to.Add(target);
            cap.Add(capacityOfArc);
            arcCost.Add(c);
            adjacency[target].Add(to.Count);
            to.Add(from);
            cap.Add(0);
            arcCost.Add(-c);
            return to.Count - 2;
        }
        for (var i = 0; i < m; i++)
            AddArc(0, 1 + i, people[i], 0);
        var pairArc = new int[m, s];
        for (var i = 0; i < m; i++)
        {
            for (var j = 0; j < s; j++)
                pairArc[i, j] = double.IsFinite(cost[i, j]) ? AddArc(1 + i, 1 + m + j, long.MaxValue / 4, cost[i, j]) : -1;
        }
        for (var j = 0; j < s; j++)
            AddArc(1 + m + j, sink, capacity[j], 0);

        var dist = new double[n];
        var viaArc = new int[n];
        while (true)
        {
            Array.Fill(dist, double.PositiveInfinity);
            Array.Fill(viaArc, -1);
            dist[0] = 0;
            // Bellman–Ford: residual arcs carry negative costs once flow has been sent.
            for (var round = 0; round < n; round++)
            {
                var changed = false;
                for (var v = 0; v < n; v++)
                {
                    if (double.IsPositiveInfinity(dist[v]))
                        continue;
                    foreach (var a in adjacency[v])
                    {
                        if (cap[a] > 0 && dist[v] + arcCost[a] < dist[to[a]] - 1e-9)
                        {
                            dist[to[a]] = dist[v] + arcCost[a];
                            viaArc[to[a]] = a;
                            changed = true;
                        }
                    }
                }
                if (!changed)
                    break;
            }
            if (double.IsPositiveInfinity(dist[sink]))
                break;
            var push = long.MaxValue;
            for (var v = sink; v != 0; v = to[viaArc[v] ^ 1])
                push = Math.Min(push, cap[viaArc[v]]);
            for (var v = sink; v != 0; v = to[viaArc[v] ^ 1])
            {
                cap[viaArc[v]] -= push;
                cap[viaArc[v] ^ 1] += push;
            }
        }
        var assignments = new List<ShelterAssignment>();
        var unplaced = new int[m];
        var used = new int[s];
        var total = 0.0;
        for (var i = 0; i < m; i++)
        {
            var placed = 0;
            for (var j = 0; j < s; j++)
            {
                if (pairArc[i, j] < 0)
                    continue;
                var flow = (int)cap[pairArc[i, j] ^ 1];
                if (flow <= 0)
                    continue;
                assignments.Add(new ShelterAssignment(i, j, flow, cost[i, j]));
                placed += flow;
                used[j] += flow;
                total += flow * cost[i, j];
            }
            unplaced[i] = people[i] - placed;
        }
        return new AllocationResult(assignments, unplaced, used, total);
    }
}
