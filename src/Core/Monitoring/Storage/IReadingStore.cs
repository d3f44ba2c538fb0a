namespace Tianshan.Core.Monitoring.Storage;

/// <summary>
/// Sensor readings: written in batches, kept 30 days raw (40号令 requires at least 30) and 3 years as 1-minute aggregates.
/// One implementation per database provider (<see cref="SqliteReadingStore"/>, <see cref="PostgresReadingStore"/>);
/// readings are not EF entities. The shape is explained on <see cref="ReadingStore"/>.
/// </summary>
public interface IReadingStore
{
    /// <summary>Creates the tables and the partitions of the next days and months; safe to call any number of times.</summary>
    Task EnsureSchemaAsync(CancellationToken cancellationToken);

    /// <summary>Stores a batch; when the task completes, the batch is committed. A reading written twice (same sensor,
    /// same time) is stored once.</summary>
    Task WriteAsync(ReadOnlyMemory<Reading> batch, CancellationToken cancellationToken);

    /// <summary>The latest reading of each sensor (of the given sensors, or of every sensor that has one).</summary>
    Task<IReadOnlyDictionary<int, Reading>> LatestAsync(IReadOnlyCollection<int>? sensorIds, CancellationToken cancellationToken);

    /// <summary>A sensor's readings in [from, to): raw readings when the range is at most
    /// <see cref="ReadingStore.RawTrendLimit"/>, 1-minute aggregates beyond it. Ordered by time.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1716", Justification = "from and to, as in the API's query string; no Visual Basic implementers.")]
    Task<IReadOnlyList<TrendPoint>> TrendAsync(int sensorId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);

    /// <summary>Packs the readings of every minute that ended by <paramref name="upTo"/> into the day partitions and
    /// computes their 1-minute aggregates. Idempotent; a late reading is merged into its minute at the next call.</summary>
    Task RollUpAsync(DateTimeOffset upTo, CancellationToken cancellationToken);

    /// <summary>Drops raw day partitions older than <see cref="ReadingStore.RawRetention"/> and aggregate month partitions
    /// older than <see cref="ReadingStore.AggregateRetentionYears"/>; returns how many partitions were dropped.</summary>
    Task<int> DropExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken);
}
