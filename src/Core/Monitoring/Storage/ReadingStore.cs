namespace Tianshan.Core.Monitoring.Storage;

/// <summary>
/// The reading store's shape, the same on both providers; bench/RESULTS.md has the measurements behind it.
/// <list type="bullet">
/// <item><b>incoming</b>: a row per reading, keyed time-first (SQLite, one file per minute) or not indexed at all
/// (PostgreSQL), so a batch appends at one end of one table instead of touching one page per sensor — the peer
/// measurements show a sensor-first key costs 2–10× the insert rate. Writes go only here; it holds the minutes not
/// yet rolled up.</item>
/// <item><b>raw_YYYYMMDD</b> (a day partition, UTC): one row per sensor and minute with the minute's readings packed
/// in a blob (<see cref="MinuteBlock"/>), about 7 bytes a reading against 44–92 for a row per reading. Only 1/60 of
/// the rows, written once a minute by <see cref="RollUpAsync"/>, so their sensor-first lookup is cheap to maintain.
/// Dropped a day at a time after <see cref="RawRetention"/>.</item>
/// <item><b>minutes_YYYYMM</b>: 1-minute aggregates (min, max, mean, last, count), kept
/// <see cref="AggregateRetentionYears"/> years, dropped a month at a time.</item>
/// <item><b>latest</b>: each sensor's latest reading as of the last roll-up. The latest values are served from memory:
/// the store updates them after every committed batch and rebuilds them from <c>latest</c> plus <c>incoming</c> on
/// first use, so answering costs no query and writing costs no per-sensor upsert. With more than one ingest node, the
/// node that owns a sensor answers for it (the per-sensor grain of the scale-out plan).</item>
/// </list>
/// Roll-up is idempotent: it moves incoming readings into their minutes a step at a time, and a late
/// reading (its minute already rolled up) is merged into the stored minute.
/// </summary>
public abstract class ReadingStore : IReadingStore, IAsyncDisposable
{
    public const long MinuteMs = 60_000;
    public const int MinutesPerDay = 1440;

    /// <summary>Raw readings are kept at least 30 days (《危险化学品重大危险源监督管理暂行规定》(40号令) 第十三条).</summary>
    public static readonly TimeSpan RawRetention = TimeSpan.FromDays(30);

    public const int AggregateRetentionYears = 3;

    /// <summary>Trends up to this long are raw readings (7,200 points at 1 Hz: what a chart can show and a page can
    /// carry); longer ones are 1-minute aggregates (a day is 1,440 points).</summary>
    public static readonly TimeSpan RawTrendLimit = TimeSpan.FromHours(2);

    /// <summary>Minutes are stored as int32 minutes since the Unix epoch, which last until the year 6053.</summary>
    public const long MaxTimestampMs = int.MaxValue * MinuteMs;

    /// <summary>Day partitions created ahead of today by <see cref="EnsureSchemaAsync"/> (roll-up creates any other).</summary>
    private protected const int DaysAhead = 2;

    private readonly Dictionary<int, Reading> _latest = [];
    private readonly Lock _latestLock = new();
    private Task? _latestLoaded;

    private protected ReadingStore(TimeProvider time)
    {
        Time = time;
    }

    private protected TimeProvider Time { get; }

    public abstract Task EnsureSchemaAsync(CancellationToken cancellationToken);

    public async Task WriteAsync(ReadOnlyMemory<Reading> batch, CancellationToken cancellationToken)
    {
        if (batch.IsEmpty)
            return;
        Validate(batch.Span);
        await WriteIncomingAsync(batch, cancellationToken);
        MergeLatest(batch.Span);
    }

    public async Task<IReadOnlyDictionary<int, Reading>> LatestAsync(IReadOnlyCollection<int>? sensorIds, CancellationToken cancellationToken)
    {
        Task loaded;
        lock (_latestLock)
            loaded = _latestLoaded ??= LoadLatestAsync();
        await loaded.WaitAsync(cancellationToken);
        var result = new Dictionary<int, Reading>(sensorIds?.Count ?? _latest.Count);
        lock (_latestLock)
        {
            if (sensorIds is null)
            {
                foreach (var (id, reading) in _latest)
                    result[id] = reading;
            }
            else
            {
                foreach (var id in sensorIds)
                    if (_latest.TryGetValue(id, out var reading))
                        result[id] = reading;
            }
        }
        foreach (var (id, reading) in result)
            result[id] = reading with { Value = StoredValue.Widen(reading.Value) };
        return result;
    }

    public async Task<IReadOnlyList<TrendPoint>> TrendAsync(int sensorId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        long fromMs = Math.Max(0, from.ToUnixTimeMilliseconds()), toMs = Math.Min(MaxTimestampMs, to.ToUnixTimeMilliseconds());
        if (toMs <= fromMs)
            return [];
        // incoming first: a roll-up that commits in between moves readings to where the second query looks, so none
        // is missed (one seen twice is dropped).
        var raw = new List<Reading>();
        if (to - from <= RawTrendLimit)
        {
            await ReadIncomingAsync(sensorId, fromMs, toMs, raw, cancellationToken);
            await ReadPackedAsync(sensorId, fromMs, toMs, raw, cancellationToken);
            return RawPoints(raw);
        }
        var firstMinute = MinuteGroup.MinuteOf(fromMs);
        var endMinute = MinuteGroup.MinuteOf(toMs - 1) + 1;
        await ReadIncomingAsync(sensorId, firstMinute * MinuteMs, endMinute * MinuteMs, raw, cancellationToken);
        var aggregates = new List<MinuteAggregate>();
        await ReadAggregatesAsync(sensorId, firstMinute, endMinute, aggregates, cancellationToken);
        return AggregatePoints(aggregates, raw);
    }

    public async Task RollUpAsync(DateTimeOffset upTo, CancellationToken cancellationToken)
    {
        var boundary = MinuteGroup.MinuteOf(Math.Clamp(upTo.ToUnixTimeMilliseconds(), 0, MaxTimestampMs - 1));
        while (await RollUpChunkAsync(boundary, cancellationToken))
        {
        }
    }

    public async Task<int> DropExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var dropped = 0;
        foreach (var name in await ListPartitionsAsync(cancellationToken))
        {
            if (!Partitions.IsExpired(name, now))
                continue;
            await DropPartitionAsync(name, cancellationToken);
            dropped++;
        }
        return dropped;
    }

    public abstract ValueTask DisposeAsync();

    /// <summary>Appends the batch to <c>incoming</c> and commits.</summary>
    private protected abstract Task WriteIncomingAsync(ReadOnlyMemory<Reading> batch, CancellationToken cancellationToken);

    /// <summary>Every incoming reading, then the stored latest readings (in that order, so a roll-up committing in
    /// between cannot hide one); the newest per sensor wins.</summary>
    private protected abstract Task ReadLatestAsync(List<Reading> into, CancellationToken cancellationToken);

    /// <summary>The sensor's packed readings in [fromMs, toMs).</summary>
    private protected abstract Task ReadPackedAsync(int sensorId, long fromMs, long toMs, List<Reading> into, CancellationToken cancellationToken);

    /// <summary>The sensor's readings in [fromMs, toMs) not yet rolled up.</summary>
    private protected abstract Task ReadIncomingAsync(int sensorId, long fromMs, long toMs, List<Reading> into, CancellationToken cancellationToken);

    /// <summary>The sensor's aggregates of minutes in [firstMinute, endMinute), ordered by minute.</summary>
    private protected abstract Task ReadAggregatesAsync(int sensorId, int firstMinute, int endMinute, List<MinuteAggregate> into, CancellationToken cancellationToken);

    /// <summary>Rolls up one step of the incoming readings before <paramref name="boundaryMinute"/> (a minute, or the late
    /// readings), in one transaction of the store; false when there was nothing left.</summary>
    private protected abstract Task<bool> RollUpChunkAsync(int boundaryMinute, CancellationToken cancellationToken);

    /// <summary>The names of every raw day and aggregate month partition.</summary>
    private protected abstract Task<IReadOnlyList<string>> ListPartitionsAsync(CancellationToken cancellationToken);

    private protected abstract Task DropPartitionAsync(string name, CancellationToken cancellationToken);

    /// <summary>The days and months whose partitions should exist ahead of time.</summary>
    private protected (IEnumerable<int> Days, IEnumerable<int> Months) PartitionsAhead()
    {
        var today = Partitions.DayOf(MinuteGroup.MinuteOf(Time.GetUtcNow().ToUnixTimeMilliseconds()));
        var days = Enumerable.Range(today - 1, DaysAhead + 2);
        var months = days.Select(d => Partitions.MonthOf(d * MinutesPerDay)).Distinct();
        return (days, months);
    }

    /// <summary>The last reading of each sensor among roll-up groups (ordered by sensor, then minute).</summary>
    private protected static List<Reading> LastPerSensor(List<MinuteGroup> groups)
    {
        var last = new List<Reading>();
        for (var i = 0; i < groups.Count; i++)
            if (i == groups.Count - 1 || groups[i + 1].SensorId != groups[i].SensorId)
                last.Add(groups[i].Readings[^1]);
        return last;
    }

    private static void Validate(ReadOnlySpan<Reading> batch)
    {
        foreach (ref readonly var r in batch)
        {
            if (r.SensorId < 0)
                throw new ArgumentOutOfRangeException(nameof(batch), r.SensorId, "Sensor ids are not negative.");
            if (r.TimestampMs is < 0 or >= MaxTimestampMs)
                throw new ArgumentOutOfRangeException(nameof(batch), r.TimestampMs, "Timestamps lie between 1970 and 6053.");
        }
    }

    private async Task LoadLatestAsync()
    {
        try
        {
            var found = new List<Reading>();
            await ReadLatestAsync(found, CancellationToken.None);
            MergeLatest(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(found));
        }
        catch
        {
            lock (_latestLock)
                _latestLoaded = null;
            throw;
        }
    }

    /// <summary>Keeps the newer of each sensor's known and given readings, as stored (a float).</summary>
    private void MergeLatest(ReadOnlySpan<Reading> readings)
    {
        lock (_latestLock)
        {
            foreach (ref readonly var r in readings)
            {
                ref var known = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_latest, r.SensorId, out var exists);
                if (!exists || r.TimestampMs >= known.TimestampMs)
                    known = r with { Value = (float)r.Value };
            }
        }
    }

    private static List<TrendPoint> RawPoints(List<Reading> raw)
    {
        raw.Sort((a, b) => a.TimestampMs.CompareTo(b.TimestampMs));   // List.Sort is unstable: a repeat keeps either copy
        var points = new List<TrendPoint>(raw.Count);
        foreach (var r in raw)
        {
            if (points.Count > 0 && points[^1].TimestampMs == r.TimestampMs)
                continue;
            points.Add(TrendPoint.Of(r with { Value = StoredValue.Widen(r.Value) }));
        }
        return points;
    }

    /// <summary>Stored aggregates, plus aggregates computed here for the minutes still incoming.</summary>
    private static List<TrendPoint> AggregatePoints(List<MinuteAggregate> stored, List<Reading> incoming)
    {
        var byMinute = stored.ToDictionary(a => a.Minute);
        if (incoming.Count > 0)
        {
            foreach (var group in MinuteGroup.Build(incoming))
                byMinute.TryAdd(group.Minute, group.Aggregate());
        }
        return [.. byMinute.Values.OrderBy(a => a.Minute).Select(a => a.ToPoint())];
    }
}
