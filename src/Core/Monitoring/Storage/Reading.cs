namespace Tianshan.Core.Monitoring.Storage;

/// <summary>
/// One sensor reading as the store takes it and gives it back. <see cref="Value"/> is a double for the engine and the
/// JSON it came from, but is stored as a 32-bit float: sensor values carry 4–5 significant digits and a float holds 7,
/// so the stored form costs 4 bytes instead of 8 (the byte budget is 16 per reading on PostgreSQL, 12 on SQLite), and
/// a value of up to 7 significant digits reads back as exactly the double that was written (see <see cref="StoredValue"/>).
/// The price: digits beyond the seventh are lost (3.14159265 reads back as 3.141593).
/// </summary>
/// <param name="SensorId">The sensor's <see cref="Sensor.StoreId"/>, not negative.</param>
/// <param name="TimestampMs">Unix time in milliseconds, UTC.</param>
/// <param name="Quality">The gateway's quality flag: 0 is good, anything else is kept and shown as not good.</param>
public readonly record struct Reading(int SensorId, long TimestampMs, double Value, byte Quality)
{
    public DateTimeOffset Time => DateTimeOffset.FromUnixTimeMilliseconds(TimestampMs);
}

/// <summary>A point of a trend: one raw reading (<see cref="Count"/> 1, every value the same) or a 1-minute aggregate
/// stamped at the minute's start. <see cref="Quality"/> of an aggregate is the largest flag seen in the minute, so a
/// minute with any reading that was not good is marked.</summary>
public readonly record struct TrendPoint(long TimestampMs, double Min, double Max, double Mean, double Last, int Count, byte Quality)
{
    public DateTimeOffset Time => DateTimeOffset.FromUnixTimeMilliseconds(TimestampMs);

    public static TrendPoint Of(Reading reading) =>
        new(reading.TimestampMs, reading.Value, reading.Value, reading.Value, reading.Value, 1, reading.Quality);
}
