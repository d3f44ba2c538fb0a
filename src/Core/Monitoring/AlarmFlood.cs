namespace Tianshan.Core.Monitoring;

public enum FloodChange
{
    None = 0,
    Started = 1,
    Ended = 2,
}

/// <summary>
/// Alarm flood detection for one operator area (ISA-18.2-2016 KPIs, domain-rules §7): a flood starts when more than 10
/// alarms are annunciated within 10 minutes and ends when fewer than 5 remain within the last 10 minutes; all three numbers
/// are configurable. Keeps only the latest threshold + 1 alarm times in a ring, so recording allocates nothing. Also totals
/// the time in flood (KPI: under 1 %). Not thread-safe: one area is fed from one thread.
/// </summary>
public sealed class AlarmFlood
{
    private readonly long[] _times;
    private readonly long _window;
    private readonly int _threshold, _endBelow;
    private int _next, _count;
    private long _latest = long.MinValue;
    private long _floodStart, _pastFloods;

    public AlarmFlood(int threshold = 10, TimeSpan? window = null, int endBelow = 5)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threshold, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(endBelow, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(endBelow, threshold);
        var span = window ?? TimeSpan.FromMinutes(10);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(span, TimeSpan.Zero);
        _threshold = threshold;
        _endBelow = endBelow;
        _window = span.Ticks;
        _times = new long[threshold + 1];
    }

    public bool IsFlooding { get; private set; }

    public DateTimeOffset? FloodStartedAt => IsFlooding ? new DateTimeOffset(_floodStart, TimeSpan.Zero) : null;

    /// <summary>Time spent in floods so far, the current one included up to <paramref name="now"/>.</summary>
    public TimeSpan TimeInFlood(DateTimeOffset now) =>
        TimeSpan.FromTicks(_pastFloods + (IsFlooding ? Math.Max(0, now.UtcTicks - _floodStart) : 0));

    /// <summary>Counts one annunciated alarm of this area (<see cref="AlarmTransition.IsAnnunciation"/>).</summary>
    public FloodChange Record(DateTimeOffset time)
    {
        var t = Math.Max(time.UtcTicks, _latest);   // a gateway batch may deliver alarms slightly out of order
        var ended = EndIfQuiet(t);
        _times[_next] = t;
        _next = (_next + 1) % _times.Length;
        if (_count < _times.Length)
            _count++;
        _latest = t;
        if (!IsFlooding && _count == _times.Length && t - Latest(_threshold) < _window)
        {
            IsFlooding = true;
            _floodStart = t;
            return FloodChange.Started;
        }
        return ended ? FloodChange.Ended : FloodChange.None;
    }

    /// <summary>Ends a flood that has calmed down without new alarms; call periodically with the host's clock.</summary>
    public FloodChange Tick(DateTimeOffset now) => EndIfQuiet(now.UtcTicks) ? FloodChange.Ended : FloodChange.None;

    // Fewer than endBelow alarms remain in the window once the endBelow-th latest leaves it; the flood ends at that moment.
    private bool EndIfQuiet(long now)
    {
        if (!IsFlooding)
            return false;
        var endsAt = Latest(_endBelow - 1) + _window;
        if (now < endsAt)
            return false;
        IsFlooding = false;
        _pastFloods += endsAt - _floodStart;
        return true;
    }

    // The k-th latest alarm time (0 = the latest).
    private long Latest(int k) => _times[(_next - 1 - k + _times.Length) % _times.Length];
}
