using Tianshan.Core.Monitoring.Storage;

namespace Tianshan.Bench;

/// <summary>The peer-baselines workload: N sensors at 1 Hz in arrival order (each second, every sensor), values a
/// random walk around 50 rounded to 2 decimals, starting at a minute boundary.</summary>
internal sealed class Workload
{
    public const int BatchSize = 5_000;

    public Workload(int sensors, int seconds, DateTimeOffset start)
    {
        Sensors = sensors;
        Seconds = seconds;
        Start = start;
        var random = new Random(2026);
        var walk = new double[sensors];
        Array.Fill(walk, 50);
        Readings = new Reading[sensors * seconds];
        var startMs = start.ToUnixTimeMilliseconds();
        for (var second = 0; second < seconds; second++)
        {
            for (var sensor = 0; sensor < sensors; sensor++)
            {
                walk[sensor] += random.NextDouble() - 0.5;
                Readings[second * sensors + sensor] = new Reading(sensor + 1, startMs + second * 1000L, Math.Round(walk[sensor], 2), 0);
            }
        }
    }

    public int Sensors { get; }
    public int Seconds { get; }
    public DateTimeOffset Start { get; }
    public DateTimeOffset End => Start.AddSeconds(Seconds);
    public Reading[] Readings { get; }

    public IEnumerable<ReadOnlyMemory<Reading>> Batches(int count)
    {
        for (var at = 0; at < count; at += BatchSize)
            yield return Readings.AsMemory(at, Math.Min(BatchSize, count - at));
    }
}
