using Npgsql;
using NpgsqlTypes;

namespace Tianshan.Core.Monitoring.Storage;

/// <summary>
/// The reading store on PostgreSQL, in schema <c>readings</c> of the main database (<see cref="ReadingStore"/> explains
/// the shape):
/// <list type="bullet">
/// <item><c>incoming</c>: a heap with no index, written by binary COPY — the fastest durable insert PostgreSQL has
/// (the peer measurements: 1.2M rows/s in 5,000-row commits, against 0.24M with a (sensor_id, ts) key). Roll-up takes
/// its rows with DELETE … RETURNING, so a reading committed meanwhile is never lost, and autovacuum is told to reclaim
/// the space after every roll-up.</item>
/// <item><c>raw</c>: range-partitioned by minute into days (raw_YYYYMMDD), primary key (sensor_id, minute), one
/// packed minute per row.</item>
/// <item><c>minutes</c>: range-partitioned into months (minutes_YYYYMM), primary key (sensor_id, minute).</item>
/// </list>
/// Schema changes and roll-ups of concurrent hosts are serialised by an advisory lock; partitions are created in their
/// own short transactions, because CREATE TABLE … PARTITION OF locks the parent table.
/// </summary>
public sealed class PostgresReadingStore : ReadingStore
{
    /// <summary>"tianshan" in ASCII: the advisory lock held while changing the schema or rolling up.</summary>
    private const long LockKey = 0x7469616E7368616E;

    private readonly NpgsqlDataSource _source;

    public PostgresReadingStore(string connectionString, TimeProvider? time = null) : base(time ?? TimeProvider.System)
    {
        _source = NpgsqlDataSource.Create(connectionString);
    }

    public override async Task EnsureSchemaAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _source.OpenConnectionAsync(cancellationToken);
        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
        {
            await ExecuteAsync(connection, $"""
                SELECT pg_advisory_xact_lock({LockKey});
                CREATE SCHEMA IF NOT EXISTS readings;
                CREATE TABLE IF NOT EXISTS readings.incoming (ts bigint NOT NULL, sensor_id integer NOT NULL, value real NOT NULL,
                    quality smallint NOT NULL) WITH (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 50000);
                CREATE TABLE IF NOT EXISTS readings.raw (sensor_id integer NOT NULL, minute integer NOT NULL, data bytea NOT NULL,
                    PRIMARY KEY (sensor_id, minute)) PARTITION BY RANGE (minute);
                CREATE TABLE IF NOT EXISTS readings.minutes (sensor_id integer NOT NULL, minute integer NOT NULL, min real NOT NULL,
                    max real NOT NULL, mean real NOT NULL, last real NOT NULL, count integer NOT NULL, quality smallint NOT NULL,
                    PRIMARY KEY (sensor_id, minute)) PARTITION BY RANGE (minute);
                CREATE TABLE IF NOT EXISTS readings.latest (sensor_id integer PRIMARY KEY, ts bigint NOT NULL, value real NOT NULL,
                    quality smallint NOT NULL);
                CREATE TABLE IF NOT EXISTS readings.rollup (id integer PRIMARY KEY CHECK (id = 1), watermark integer NOT NULL);
                INSERT INTO readings.rollup VALUES (1, 0) ON CONFLICT DO NOTHING;
                """, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        var (days, months) = PartitionsAhead();
        await CreatePartitionsAsync(connection, days, months, cancellationToken);
    }

    private protected override async Task WriteIncomingAsync(ReadOnlyMemory<Reading> batch, CancellationToken cancellationToken)
    {
        await using var connection = await _source.OpenConnectionAsync(cancellationToken);
        await using var copy = await connection.BeginBinaryImportAsync(
            "COPY readings.incoming (ts, sensor_id, value, quality) FROM STDIN (FORMAT BINARY)", cancellationToken);
        WriteRows(copy, batch.Span);
        await copy.CompleteAsync(cancellationToken);
    }

    /// <summary>Synchronous row writes: they fill Npgsql's buffer and only block to send a full one (8 KB) over the local
    /// socket, where an awaited write per value cost a state machine each, four per reading.</summary>
    private static void WriteRows(NpgsqlBinaryImporter copy, ReadOnlySpan<Reading> batch)
    {
        foreach (ref readonly var r in batch)
        {
            copy.StartRow();
            copy.Write(r.TimestampMs, NpgsqlDbType.Bigint);
            copy.Write(r.SensorId, NpgsqlDbType.Integer);
            copy.Write((float)r.Value, NpgsqlDbType.Real);
            copy.Write((short)r.Quality, NpgsqlDbType.Smallint);
        }
    }

    private protected override async Task ReadLatestAsync(List<Reading> into, CancellationToken cancellationToken)
    {
        await using var connection = await _source.OpenConnectionAsync(cancellationToken);
        await using var command = Command(connection, """
            SELECT DISTINCT ON (sensor_id) sensor_id, ts, value, quality FROM readings.incoming ORDER BY sensor_id, ts DESC;
            SELECT sensor_id, ts, value, quality FROM readings.latest
            """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        do
        {
            while (await reader.ReadAsync(cancellationToken))
                into.Add(new Reading(reader.GetInt32(0), reader.GetInt64(1), reader.GetFloat(2), (byte)reader.GetInt16(3)));
        }
        while (await reader.NextResultAsync(cancellationToken));
    }

    private protected override async Task ReadPackedAsync(int sensorId, long fromMs, long toMs, List<Reading> into, CancellationToken cancellationToken)
    {
        await using var connection = await _source.OpenConnectionAsync(cancellationToken);
        await using var command = Command(connection, "SELECT minute, data FROM readings.raw WHERE sensor_id = $1 AND minute >= $2 AND minute <= $3",
            sensorId, MinuteGroup.MinuteOf(fromMs), MinuteGroup.MinuteOf(toMs - 1));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            MinuteBlock.Decode(reader.GetFieldValue<byte[]>(1), sensorId, reader.GetInt32(0) * MinuteMs, into, fromMs, toMs);
    }

    private protected override async Task ReadIncomingAsync(int sensorId, long fromMs, long toMs, List<Reading> into, CancellationToken cancellationToken)
    {
        await using var connection = await _source.OpenConnectionAsync(cancellationToken);
        await using var command = Command(connection, "SELECT ts, value, quality FROM readings.incoming WHERE sensor_id = $1 AND ts >= $2 AND ts < $3",
            sensorId, fromMs, toMs);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            into.Add(new Reading(sensorId, reader.GetInt64(0), reader.GetFloat(1), (byte)reader.GetInt16(2)));
    }

    private protected override async Task ReadAggregatesAsync(int sensorId, int firstMinute, int endMinute, List<MinuteAggregate> into, CancellationToken cancellationToken)
    {
        await using var connection = await _source.OpenConnectionAsync(cancellationToken);
        await using var command = Command(connection, """
            SELECT minute, min, max, mean, last, count, quality FROM readings.minutes
            WHERE sensor_id = $1 AND minute >= $2 AND minute < $3 ORDER BY minute
            """, sensorId, firstMinute, endMinute);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            into.Add(new MinuteAggregate(sensorId, reader.GetInt32(0), reader.GetFloat(1), reader.GetFloat(2), reader.GetFloat(3),
                reader.GetFloat(4), reader.GetInt32(5), (byte)reader.GetInt16(6)));
        }
    }

    /// <summary>At most this many minutes are rolled up in one transaction, so catching up after a pause holds memory in
    /// bounded steps.</summary>
    private const int RollUpChunkMinutes = 1;

    /// <summary>The chunk of minutes [.., end) a roll-up transaction takes: from the oldest incoming reading (or the
    /// roll-up watermark, if the oldest is a late one) at most <see cref="RollUpChunkMinutes"/> on.</summary>
    private static int ChunkEnd(int boundaryMinute, int watermark, long oldestIncomingMs) =>
        Math.Min(boundaryMinute, Math.Max(watermark, MinuteGroup.MinuteOf(oldestIncomingMs)) + RollUpChunkMinutes);

    private protected override async Task<bool> RollUpChunkAsync(int boundaryMinute, CancellationToken cancellationToken)
    {
        await using var connection = await _source.OpenConnectionAsync(cancellationToken);
        if (await ScalarAsync(connection, "SELECT min(ts) FROM readings.incoming WHERE ts < $1", cancellationToken, boundaryMinute * MinuteMs) is not long oldestMs)
            return false;
        var firstMinute = MinuteGroup.MinuteOf(oldestMs);
        var end = ChunkEnd(boundaryMinute, (int)(await ScalarAsync(connection, "SELECT watermark FROM readings.rollup", cancellationToken))!, oldestMs);
        var days = Enumerable.Range(Partitions.DayOf(firstMinute), Partitions.DayOf(end - 1) - Partitions.DayOf(firstMinute) + 1).ToList();
        await CreatePartitionsAsync(connection, days, days.Select(d => Partitions.MonthOf(Partitions.DayStartMinute(d))).Distinct(), cancellationToken);

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, $"SELECT pg_advisory_xact_lock({LockKey})", cancellationToken);
        var watermark = (int)(await ScalarAsync(connection, "SELECT watermark FROM readings.rollup", cancellationToken))!;
        // DELETE … RETURNING hands over exactly the rows it removed, so a reading committed meanwhile is never lost.
        // Only from the first minute on, whose partitions exist: an older reading that arrived meanwhile waits for the
        // next chunk.
        var rows = new List<Reading>();
        await using (var take = Command(connection, "DELETE FROM readings.incoming WHERE ts >= $1 AND ts < $2 RETURNING sensor_id, ts, value, quality",
            firstMinute * MinuteMs, end * MinuteMs))
        await using (var reader = await take.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
                rows.Add(new Reading(reader.GetInt32(0), reader.GetInt64(1), reader.GetFloat(2), (byte)reader.GetInt16(3)));
        }
        var groups = MinuteGroup.Build(rows);
        await CopyAsync(connection, groups.Where(g => g.Minute >= watermark).ToList(), cancellationToken);
        await MergeLateAsync(connection, groups.Where(g => g.Minute < watermark).ToList(), cancellationToken);
        await StoreLatestAsync(connection, LastPerSensor(groups), cancellationToken);
        await ExecuteAsync(connection, $"UPDATE readings.rollup SET watermark = greatest(watermark, {end})", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>Minutes at or after the watermark have never been rolled up: their rows are new, so COPY them.</summary>
    private static async Task CopyAsync(NpgsqlConnection connection, List<MinuteGroup> groups, CancellationToken cancellationToken)
    {
        await using (var raw = await connection.BeginBinaryImportAsync("COPY readings.raw (sensor_id, minute, data) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var group in groups.OrderBy(g => g.Minute).ThenBy(g => g.SensorId))
            {
                await raw.StartRowAsync(cancellationToken);
                await raw.WriteAsync(group.SensorId, NpgsqlDbType.Integer, cancellationToken);
                await raw.WriteAsync(group.Minute, NpgsqlDbType.Integer, cancellationToken);
                await raw.WriteAsync(group.Encode(), NpgsqlDbType.Bytea, cancellationToken);
            }
            await raw.CompleteAsync(cancellationToken);
        }
        await using var minutes = await connection.BeginBinaryImportAsync(
            "COPY readings.minutes (sensor_id, minute, min, max, mean, last, count, quality) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var group in groups)
        {
            var a = group.Aggregate();
            await minutes.StartRowAsync(cancellationToken);
            await minutes.WriteAsync(a.SensorId, NpgsqlDbType.Integer, cancellationToken);
            await minutes.WriteAsync(a.Minute, NpgsqlDbType.Integer, cancellationToken);
            await minutes.WriteAsync(a.Min, NpgsqlDbType.Real, cancellationToken);
            await minutes.WriteAsync(a.Max, NpgsqlDbType.Real, cancellationToken);
            await minutes.WriteAsync(a.Mean, NpgsqlDbType.Real, cancellationToken);
            await minutes.WriteAsync(a.Last, NpgsqlDbType.Real, cancellationToken);
            await minutes.WriteAsync(a.Count, NpgsqlDbType.Integer, cancellationToken);
            await minutes.WriteAsync((short)a.Quality, NpgsqlDbType.Smallint, cancellationToken);
        }
        await minutes.CompleteAsync(cancellationToken);
    }

    /// <summary>Late readings: merge each group with what its minute already holds, then upsert the minute and its aggregate.</summary>
    private static async Task MergeLateAsync(NpgsqlConnection connection, List<MinuteGroup> groups, CancellationToken cancellationToken)
    {
        if (groups.Count == 0)
            return;
        var stored = new Dictionary<(int, int), byte[]>();
        await using (var select = Command(connection, """
            SELECT r.sensor_id, r.minute, r.data FROM readings.raw r
            JOIN unnest($1::integer[], $2::integer[]) AS k (sensor_id, minute) USING (sensor_id, minute)
            WHERE r.minute >= $3 AND r.minute <= $4
            """, groups.Select(g => g.SensorId).ToArray(), groups.Select(g => g.Minute).ToArray(), groups.Min(g => g.Minute), groups.Max(g => g.Minute)))
        await using (var reader = await select.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
                stored[(reader.GetInt32(0), reader.GetInt32(1))] = reader.GetFieldValue<byte[]>(2);
        }
        var merged = groups.Select(g => stored.TryGetValue((g.SensorId, g.Minute), out var data) ? g.MergeWith(data) : g).ToList();
        var aggregates = merged.Select(g => g.Aggregate()).ToList();
        // Two commands: positional parameters rule out several statements in one.
        await using (var raw = Command(connection, """
            INSERT INTO readings.raw (sensor_id, minute, data) SELECT * FROM unnest($1::integer[], $2::integer[], $3::bytea[])
            ON CONFLICT (sensor_id, minute) DO UPDATE SET data = excluded.data
            """, merged.Select(g => g.SensorId).ToArray(), merged.Select(g => g.Minute).ToArray(), merged.Select(g => g.Encode()).ToArray()))
            await raw.ExecuteNonQueryAsync(cancellationToken);
        await using var minutes = Command(connection, """
            INSERT INTO readings.minutes (sensor_id, minute, min, max, mean, last, count, quality)
            SELECT * FROM unnest($1::integer[], $2::integer[], $3::real[], $4::real[], $5::real[], $6::real[], $7::integer[], $8::smallint[])
            ON CONFLICT (sensor_id, minute) DO UPDATE SET min = excluded.min, max = excluded.max, mean = excluded.mean,
                last = excluded.last, count = excluded.count, quality = excluded.quality
            """,
            aggregates.Select(a => a.SensorId).ToArray(), aggregates.Select(a => a.Minute).ToArray(),
            aggregates.Select(a => a.Min).ToArray(), aggregates.Select(a => a.Max).ToArray(), aggregates.Select(a => a.Mean).ToArray(),
            aggregates.Select(a => a.Last).ToArray(), aggregates.Select(a => a.Count).ToArray(), aggregates.Select(a => (short)a.Quality).ToArray());
        await minutes.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task StoreLatestAsync(NpgsqlConnection connection, List<Reading> latest, CancellationToken cancellationToken)
    {
        await using var upsert = Command(connection, """
            INSERT INTO readings.latest (sensor_id, ts, value, quality)
            SELECT * FROM unnest($1::integer[], $2::bigint[], $3::real[], $4::smallint[])
            ON CONFLICT (sensor_id) DO UPDATE SET ts = excluded.ts, value = excluded.value, quality = excluded.quality
            WHERE readings.latest.ts <= excluded.ts
            """, latest.Select(r => r.SensorId).ToArray(), latest.Select(r => r.TimestampMs).ToArray(),
            latest.Select(r => (float)r.Value).ToArray(), latest.Select(r => (short)r.Quality).ToArray());
        await upsert.ExecuteNonQueryAsync(cancellationToken);
    }

    private protected override async Task<IReadOnlyList<string>> ListPartitionsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _source.OpenConnectionAsync(cancellationToken);
        return await PartitionNamesAsync(connection, cancellationToken);
    }

    private protected override async Task DropPartitionAsync(string name, CancellationToken cancellationToken)
    {
        await using var connection = await _source.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, $"SELECT pg_advisory_xact_lock({LockKey}); DROP TABLE IF EXISTS readings.\"{name}\"", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public override ValueTask DisposeAsync() => _source.DisposeAsync();

    /// <summary>Creates the missing day and month partitions, each in its own short transaction.</summary>
    private static async Task CreatePartitionsAsync(NpgsqlConnection connection, IEnumerable<int> days, IEnumerable<int> months, CancellationToken cancellationToken)
    {
        var existing = (await PartitionNamesAsync(connection, cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var wanted = days.Select(d => (Parent: "raw", Name: Partitions.RawName(d), From: Partitions.DayStartMinute(d), To: Partitions.DayStartMinute(d + 1)))
            .Concat(months.Select(m => (Parent: "minutes", Name: Partitions.MinutesName(m), From: Partitions.MonthStartMinute(m), To: Partitions.MonthStartMinute(m + 1))));
        foreach (var (parent, name, from, to) in wanted)
        {
            if (existing.Contains(name))
                continue;
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await ExecuteAsync(connection, $"""
                SELECT pg_advisory_xact_lock({LockKey});
                CREATE TABLE IF NOT EXISTS readings.{name} PARTITION OF readings.{parent} FOR VALUES FROM ({from}) TO ({to})
                """, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
    }

    private static async Task<List<string>> PartitionNamesAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var names = new List<string>();
        await using var command = Command(connection, """
            SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent
            JOIN pg_namespace n ON n.oid = p.relnamespace WHERE n.nspname = 'readings' AND p.relname IN ('raw', 'minutes')
            """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            names.Add(reader.GetString(0));
        return names;
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, params object[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection);
        foreach (var value in parameters)
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        return command;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, sql);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<object?> ScalarAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params object[] parameters)
    {
        await using var command = Command(connection, sql, parameters);
        var result = await command.ExecuteScalarAsync(cancellationToken);
        return result is DBNull ? null : result;
    }
}
