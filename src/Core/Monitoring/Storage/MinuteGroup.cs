namespace Tianshan.Core.Monitoring.Storage;

/// <summary>A sensor's readings in one minute (minutes since the Unix epoch), sorted by time without repeats.</summary>
internal readonly record struct MinuteGroup(int SensorId, int Minute, ArraySegment<Reading> Readings)
{
    public long StartMs => Minute * ReadingStore.MinuteMs;

    public byte[] Encode() => MinuteBlock.Encode(Readings, StartMs);

    public MinuteAggregate Aggregate()
    {
        var span = Readings.AsSpan();
        double min = double.MaxValue, max = double.MinValue, sum = 0;
        byte quality = 0;
        foreach (ref readonly var r in span)
        {
            min = Math.Min(min, r.Value);
            max = Math.Max(max, r.Value);
            sum += r.Value;
            quality = Math.Max(quality, r.Quality);
        }
        return new MinuteAggregate(SensorId, Minute, (float)min, (float)max, (float)(sum / span.Length), (float)span[^1].Value, span.Length, quality);
    }

    /// <summary>Groups readings by sensor and minute (ordered by sensor, then minute), each group sorted by time with
    /// repeats of a time dropped (the later copy kept). Linear for readings in arrival order, which is how they come
    /// out of <c>incoming</c>: a stable counting sort by sensor keeps each sensor's readings in time order, and only a
    /// sensor whose readings are not is sorted.</summary>
    public static List<MinuteGroup> Build(List<Reading> readings)
    {
        var cursor = new Dictionary<int, int>();
        foreach (var r in readings)
            System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(cursor, r.SensorId, out _)++;
        var sensors = cursor.Keys.ToArray();
        Array.Sort(sensors);
        var starts = new int[sensors.Length + 1];
        for (var i = 0; i < sensors.Length; i++)
        {
            starts[i + 1] = starts[i] + cursor[sensors[i]];
            cursor[sensors[i]] = starts[i];
        }
        var sorted = new Reading[readings.Count];
        foreach (var r in readings)
            sorted[System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrNullRef(cursor, r.SensorId)++] = r;

        var groups = new List<MinuteGroup>();
        for (var i = 0; i < sensors.Length; i++)
        {
            var run = sorted.AsSpan(starts[i], starts[i + 1] - starts[i]);
            if (!InTimeOrder(run))
                run.Sort(default(ByTime));   // unstable, so of two copies of a time either may stay
            var kept = 0;
            for (var j = 0; j < run.Length; j++)
            {
                if (kept > 0 && run[kept - 1].TimestampMs == run[j].TimestampMs)
                    kept--;
                run[kept++] = run[j];
            }
            var from = 0;
            for (var j = 1; j <= kept; j++)
            {
                if (j < kept && MinuteOf(run[j].TimestampMs) == MinuteOf(run[from].TimestampMs))
                    continue;
                groups.Add(new MinuteGroup(sensors[i], MinuteOf(run[from].TimestampMs), new ArraySegment<Reading>(sorted, starts[i] + from, j - from)));
                from = j;
            }
        }
        return groups;
    }

    private static bool InTimeOrder(ReadOnlySpan<Reading> run)
    {
        for (var i = 1; i < run.Length; i++)
            if (run[i].TimestampMs < run[i - 1].TimestampMs)
                return false;
        return true;
    }

    /// <summary>The group's readings together with those already stored for its minute; the group's win on a repeat.</summary>
    public MinuteGroup MergeWith(ReadOnlySpan<byte> stored)
    {
        var existing = new List<Reading>();
        MinuteBlock.Decode(stored, SensorId, StartMs, existing);
        var byTime = new SortedDictionary<long, Reading>();
        foreach (var r in existing)
            byTime[r.TimestampMs] = r;
        foreach (var r in Readings)
            byTime[r.TimestampMs] = r;
        return this with { Readings = byTime.Values.ToArray() };
    }

    /// <summary>Timestamps are not negative (<see cref="ReadingStore.WriteAsync"/> checks), so division floors.</summary>
    public static int MinuteOf(long timestampMs) => (int)(timestampMs / ReadingStore.MinuteMs);

    private readonly struct ByTime : IComparer<Reading>
    {
        public int Compare(Reading x, Reading y) => x.TimestampMs.CompareTo(y.TimestampMs);
    }
}

/// <summary>min, max, mean, last and count of a sensor's readings in one minute; values as stored (float).</summary>
internal readonly record struct MinuteAggregate(int SensorId, int Minute, float Min, float Max, float Mean, float Last, int Count, byte Quality)
{
    public TrendPoint ToPoint() => new(Minute * ReadingStore.MinuteMs, StoredValue.Widen(Min), StoredValue.Widen(Max),
        StoredValue.Widen(Mean), StoredValue.Widen(Last), Count, Quality);
}
