namespace Tianshan.Core.Dispatch;

/// <summary>Collects nodes and road segments (straight pieces between two nodes), then packs them into a
/// <see cref="RoadGraph"/>.</summary>
public sealed class RoadGraphBuilder
{
    private readonly List<double> _lat = [];
    private readonly List<double> _lon = [];
    private readonly List<int> _a = [];
    private readonly List<int> _b = [];
    private readonly List<double> _speed = [];
    private readonly List<byte> _dir = [];

    public int NodeCount => _lat.Count;

    public int SegmentCount => _a.Count;

    public int AddNode(double lat, double lon)
    {
        _lat.Add(lat);
        _lon.Add(lon);
        return _lat.Count - 1;
    }

    /// <summary>A segment from node a to node b, drivable a→b when <paramref name="forward"/> and b→a when
    /// <paramref name="backward"/>. A segment with neither direction, or from a node to itself, is ignored.</summary>
    public void AddSegment(int a, int b, double speedKmh, bool forward, bool backward)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(a);
        ArgumentOutOfRangeException.ThrowIfNegative(b);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(speedKmh);
        if (a == b || !(forward || backward))
            return;
        _a.Add(a);
        _b.Add(b);
        _speed.Add(speedKmh);
        _dir.Add((byte)((forward ? RoadGraph.Forward : 0) | (backward ? RoadGraph.Backward : 0)));
    }

    public RoadGraph Build() => new([.. _lat], [.. _lon], [.. _a], [.. _b], [.. _speed], [.. _dir]);
}
