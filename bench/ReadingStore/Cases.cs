using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;
using Tianshan.Core.Monitoring.Storage;

namespace Tianshan.Bench;

internal sealed class Cases(Workload workload, Settings settings) : IAsyncDisposable
{
    public const string SqliteStore = "SQLite: Tianshan store";
    public const string SqlitePeer = "SQLite peer: prepared INSERT, PK (sensor_id, ts)";
    public const string PostgresStore = "PostgreSQL: Tianshan store";
    public const string PostgresPeerKey = "PostgreSQL peer: COPY, PK (sensor_id, ts)";
    public const string PostgresPeerHeap = "PostgreSQL peer: COPY, no index";

    private readonly NpgsqlDataSource _server = NpgsqlDataSource.Create(settings.Postgres);
    private int _databases;

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    // ---- Tianshan stores -------------------------------------------------------------------------------------

    public async Task<Run> SqliteStoreAsync(int count, bool withQueries)
    {
        var file = Path.Combine(settings.WorkDirectory, $"store-{Guid.NewGuid():N}.db");
        try
        {
            await using var store = new SqliteReadingStore($"Data Source={file}", new FixedClock(workload.Start));
            var (write, rollUp, queries) = await DriveAsync(store, count, withQueries,
                () => new SqliteReadingStore($"Data Source={file}", new FixedClock(workload.Start)),
                // The minute files and their WALs (never checkpointed: each is deleted whole after its roll-up).
                () => Task.FromResult((double)new DirectoryInfo(SqliteReadingStore.IncomingFolderOf(file)).EnumerateFiles().Sum(f => f.Length)));
            await using var connection = new SqliteConnection($"Data Source={file}");
            await connection.OpenAsync();
            // This build of SQLite has no dbstat: measure the pages in use, then again without the aggregate tables.
            var used = await SqliteUsedBytesAsync(connection);
            foreach (var table in await SqliteTablesAsync(connection, "minutes_%"))
                await SqliteExecuteAsync(connection, $"DROP TABLE {table}");
            double raw = await SqliteUsedBytesAsync(connection), minutes = used - raw;
            var file_ = new FileInfo(file).Length;
            if (withQueries)
            {
                await using var again = new SqliteReadingStore($"Data Source={file}", new FixedClock(workload.Start));
                queries = [.. queries, .. await WritesDuringRollUpAsync(again)];
            }
            return new Run(write.TotalSeconds, rollUp.TotalSeconds, (raw + minutes) / count,
                $"raw {raw / count:F2} + aggregates {minutes / count:F2}; before roll-up, incoming {_incomingBytes / count:F1}; file {file_ / (double)count:F1}",
                queries);
        }
        finally
        {
            DeleteSqlite(file);
        }
    }

    public async Task<Run> PostgresStoreAsync(int count, bool withQueries)
    {
        var database = await CreateDatabaseAsync();
        var connectionString = new NpgsqlConnectionStringBuilder(settings.Postgres) { Database = database }.ToString();
        try
        {
            (TimeSpan, TimeSpan, IReadOnlyList<(string, double)>) timings;
            await using (var store = new PostgresReadingStore(connectionString, new FixedClock(workload.Start)))
                timings = await DriveAsync(store, count, withQueries, () => new PostgresReadingStore(connectionString, new FixedClock(workload.Start)),
                    async () =>
                    {
                        await using var source = NpgsqlDataSource.Create(connectionString);
                        return await ScalarAsync<long>(source, "SELECT pg_total_relation_size('readings.incoming')");
                    });
            await using var source = NpgsqlDataSource.Create(connectionString);
            await ExecuteAsync(source, "VACUUM readings.incoming");
            double raw = await ScalarAsync<long>(source, "SELECT coalesce(sum(pg_total_relation_size(inhrelid)), 0)::bigint FROM pg_inherits WHERE inhparent = 'readings.raw'::regclass");
            double minutes = await ScalarAsync<long>(source, "SELECT coalesce(sum(pg_total_relation_size(inhrelid)), 0)::bigint FROM pg_inherits WHERE inhparent = 'readings.minutes'::regclass");
            double incoming = await ScalarAsync<long>(source, "SELECT pg_total_relation_size('readings.incoming')");
            if (withQueries)
            {
                await using var again = new PostgresReadingStore(connectionString, new FixedClock(workload.Start));
                timings.Item3 = [.. timings.Item3, .. await WritesDuringRollUpAsync(again)];
            }
            return new Run(timings.Item1.TotalSeconds, timings.Item2.TotalSeconds, (raw + minutes) / count,
                $"raw {raw / count:F2} + aggregates {minutes / count:F2}; before roll-up, incoming {_incomingBytes / count:F1}; after, incoming {incoming / count:F2}",
                timings.Item3);
        }
        finally
        {
            await ExecuteAsync(_server, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
        }
    }

    private double _incomingBytes;

    /// <summary>Writes the batches (timed), measures incoming's size, rolls up every minute (timed) and, on the last
    /// run, times the queries.</summary>
    private async Task<(TimeSpan Write, TimeSpan RollUp, IReadOnlyList<(string, double)> Queries)> DriveAsync(
        ReadingStore store, int count, bool withQueries, Func<ReadingStore> reopen, Func<Task<double>> incomingBytes)
    {
        await store.EnsureSchemaAsync(default);
        await CheckpointAsync();
        var clock = Stopwatch.StartNew();
        foreach (var batch in workload.Batches(count))
            await store.WriteAsync(batch, default);
        var write = clock.Elapsed;
        _incomingBytes = await incomingBytes();

        var queries = new List<(string, double)>();
        var sensor = workload.Sensors / 2;
        var twoMinutes = (From: workload.Start, To: workload.Start.AddMinutes(2));
        if (withQueries)
            queries.Add(("trend, 2 min raw, all still incoming", await MedianMsAsync(() => store.TrendAsync(sensor, twoMinutes.From, twoMinutes.To, default))));

        await CheckpointAsync();
        clock.Restart();
        await store.RollUpAsync(workload.Start.AddSeconds(Math.Ceiling(count / (double)workload.Sensors / 60) * 60), default);
        var rollUp = clock.Elapsed;

        if (withQueries)
        {
            queries.Add(("trend, 2 min raw, rolled up", await MedianMsAsync(() => store.TrendAsync(sensor, twoMinutes.From, twoMinutes.To, default))));
            queries.Add(("trend, 6 h of 1-min aggregates", await MedianMsAsync(() => store.TrendAsync(sensor, workload.Start.AddHours(-3), workload.Start.AddHours(3), default))));
            queries.Add(($"latest of {workload.Sensors:N0} sensors (memory)", await MedianMsAsync(() => store.LatestAsync(null, default))));
            await using var fresh = reopen();
            var rebuild = Stopwatch.StartNew();
            await fresh.LatestAsync(null, default);
            queries.Add(("latest, first call of a new store (rebuild)", rebuild.Elapsed.TotalMilliseconds));
        }
        return (write, rollUp, queries);
    }

    /// <summary>How long a batch commit waits while a roll-up runs (on SQLite the roll-up takes the writer's lock only
    /// to close the minute and to clear late readings): one more minute of readings is written, then rolled up while the next minute is written as fast as
    /// the store takes it.</summary>
    private async Task<IReadOnlyList<(string, double)>> WritesDuringRollUpAsync(ReadingStore store)
    {
        var perMinute = workload.Sensors * 60;
        if (workload.Readings.Length < 2 * perMinute)
            return [];
        var shift = workload.Seconds * 1000L;
        Reading[] Shifted(int from) => [.. workload.Readings.Skip(from).Take(perMinute).Select(r => r with { TimestampMs = r.TimestampMs + shift })];
        var (first, second) = (Shifted(0), Shifted(perMinute));
        for (var at = 0; at < first.Length; at += Workload.BatchSize)
            await store.WriteAsync(first.AsMemory(at, Math.Min(Workload.BatchSize, first.Length - at)), default);
        var alone = new List<double>();
        var during = new List<double>();
        var rollUp = Stopwatch.StartNew();
        var rolling = Task.Run(() => store.RollUpAsync(workload.End.AddMinutes(1), default));
        for (var at = 0; at < second.Length; at += Workload.BatchSize)
        {
            var clock = Stopwatch.StartNew();
            await store.WriteAsync(second.AsMemory(at, Math.Min(Workload.BatchSize, second.Length - at)), default);
            (rolling.IsCompleted ? alone : during).Add(clock.Elapsed.TotalMilliseconds);
        }
        await rolling;
        var rolledIn = rollUp.Elapsed.TotalMilliseconds;
        return [
            ($"roll-up of 1 minute ({perMinute:N0} readings) while writing", rolledIn),
            ("— a 5,000-reading batch commit during it: median", Median(during)),
            ("— the slowest batch commit during it", during.DefaultIfEmpty(double.NaN).Max()),
            ("— a batch commit after it: median", Median(alone)),
        ];
    }

    private static double Median(List<double> values) => values.Count == 0 ? double.NaN : values.Order().ElementAt(values.Count / 2);

    private static async Task<double> MedianMsAsync<T>(Func<Task<T>> query)
    {
        await query();
        var times = new List<double>();
        for (var i = 0; i < 21; i++)
        {
            var clock = Stopwatch.StartNew();
            await query();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        return times.Order().ElementAt(times.Count / 2);
    }

    // ---- peers -----------------------------------------------------------------------------------------------

    /// <summary>A raw prepared INSERT into a WITHOUT ROWID table keyed (sensor_id, ts), 5,000 rows a transaction,
    /// WAL, synchronous=FULL — the same settings as our store.</summary>
    public async Task<Run> SqlitePeerAsync(int count, bool withQueries)
    {
        var file = Path.Combine(settings.WorkDirectory, $"peer-{Guid.NewGuid():N}.db");
        try
        {
            double seconds;
            await using (var connection = new SqliteConnection($"Data Source={file}"))
            {
                await connection.OpenAsync();
                await SqliteExecuteAsync(connection, """
                    PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;
                    CREATE TABLE readings (sensor_id INTEGER NOT NULL, ts INTEGER NOT NULL, value REAL NOT NULL, PRIMARY KEY (sensor_id, ts)) WITHOUT ROWID;
                    """);
                await using var insert = connection.CreateCommand();
                insert.CommandText = "INSERT INTO readings (sensor_id, ts, value) VALUES ($s, $t, $v)";
                var (s, t, v) = (insert.Parameters.Add("$s", SqliteType.Integer), insert.Parameters.Add("$t", SqliteType.Integer), insert.Parameters.Add("$v", SqliteType.Real));
                insert.Prepare();
                var clock = Stopwatch.StartNew();
                foreach (var batch in workload.Batches(count))
                {
                    await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
                    insert.Transaction = transaction;
                    for (var i = 0; i < batch.Length; i++)
                    {
                        var r = batch.Span[i];
                        s.Value = r.SensorId;
                        t.Value = r.TimestampMs;
                        v.Value = r.Value;
                        insert.ExecuteNonQuery();
                    }
                    await transaction.CommitAsync();
                }
                seconds = clock.Elapsed.TotalSeconds;
                await SqliteExecuteAsync(connection, "PRAGMA wal_checkpoint(TRUNCATE)");
            }
            double bytes = new FileInfo(file).Length;
            return new Run(seconds, 0, bytes / count, $"file {bytes / count:F1}", []);
        }
        finally
        {
            DeleteSqlite(file);
        }
    }

    /// <summary>Raw Npgsql binary COPY of (sensor_id int4, ts timestamptz, value float8), one COPY (one commit) per
    /// 5,000-row batch — the peer-baselines table with and without its primary key.</summary>
    public async Task<Run> PostgresPeerAsync(int count, bool withKey)
    {
        var database = await CreateDatabaseAsync();
        try
        {
            await using var source = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(settings.Postgres) { Database = database }.ToString());
            await ExecuteAsync(source, "CREATE TABLE readings (sensor_id int4 NOT NULL, ts timestamptz NOT NULL, value float8 NOT NULL"
                + (withKey ? ", PRIMARY KEY (sensor_id, ts))" : ")"));
            await CheckpointAsync();
            var clock = Stopwatch.StartNew();
            foreach (var batch in workload.Batches(count))
            {
                await using var connection = await source.OpenConnectionAsync();
                await using var copy = await connection.BeginBinaryImportAsync("COPY readings (sensor_id, ts, value) FROM STDIN (FORMAT BINARY)");
                for (var i = 0; i < batch.Length; i++)
                {
                    var r = batch.Span[i];
                    await copy.StartRowAsync();
                    await copy.WriteAsync(r.SensorId, NpgsqlDbType.Integer);
                    await copy.WriteAsync(DateTime.UnixEpoch.AddMilliseconds(r.TimestampMs), NpgsqlDbType.TimestampTz);
                    await copy.WriteAsync(r.Value, NpgsqlDbType.Double);
                }
                await copy.CompleteAsync();
            }
            var seconds = clock.Elapsed.TotalSeconds;
            double bytes = await ScalarAsync<long>(source, "SELECT pg_total_relation_size('readings')");
            return new Run(seconds, 0, bytes / count, $"table {bytes / count:F1}", []);
        }
        finally
        {
            await ExecuteAsync(_server, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
        }
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    private async Task<string> CreateDatabaseAsync()
    {
        var name = $"bench_{++_databases}";
        await ExecuteAsync(_server, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        await ExecuteAsync(_server, $"CREATE DATABASE {name}");
        return name;
    }

    /// <summary>Each timed phase starts after a checkpoint, as in peer-baselines, so none pays for another's dirty pages.</summary>
    private Task CheckpointAsync() => ExecuteAsync(_server, "CHECKPOINT");

    /// <summary>Bytes in pages in use (not free), after moving the WAL into the file.</summary>
    private static async Task<double> SqliteUsedBytesAsync(SqliteConnection connection)
    {
        await SqliteExecuteAsync(connection, "PRAGMA wal_checkpoint(TRUNCATE)");
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT (page_count - freelist_count) * page_size FROM pragma_page_count, pragma_freelist_count, pragma_page_size";
        return Convert.ToDouble(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private static async Task<List<string>> SqliteTablesAsync(SqliteConnection connection, string like)
    {
        var tables = new List<string>();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE $like";
        command.Parameters.AddWithValue("$like", like);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            tables.Add(reader.GetString(0));
        return tables;
    }

    private static void DeleteSqlite(string file)
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            File.Delete(file + suffix);
        var incoming = SqliteReadingStore.IncomingFolderOf(file);
        if (Directory.Exists(incoming))
            Directory.Delete(incoming, recursive: true);
    }

    private static async Task SqliteExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task ExecuteAsync(NpgsqlDataSource source, string sql)
    {
        await using var command = source.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlDataSource source, string sql)
    {
        await using var command = source.CreateCommand(sql);
        return (T)Convert.ChangeType((await command.ExecuteScalarAsync())!, typeof(T), CultureInfo.InvariantCulture);
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
