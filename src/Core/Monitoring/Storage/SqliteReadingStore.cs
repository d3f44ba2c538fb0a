using Microsoft.Data.Sqlite;

namespace Tianshan.Core.Monitoring.Storage;

/// <summary>
/// The reading store on SQLite, in its own file beside the main database (see <see cref="ReadingStoreRegistration"/>).
/// WAL with synchronous=FULL: a batch is acknowledged to the gateway (QoS 1 PUBACK) only after it commits, so the commit
/// must survive a power cut too, not only a killed process (NORMAL would let the last commits roll back). Group commit in
/// the ingest makes that one fsync per batch, not per message. Tables (<see cref="ReadingStore"/> explains the shape):
/// <list type="bullet">
/// <item><c>incoming</c>: WITHOUT ROWID, primary key (ts, sensor_id), so each batch appends at the end of one b-tree
/// and a repeated reading replaces itself.</item>
/// <item><c>raw_YYYYMMDD</c>: rowid = minute × 2³² + sensor id, data = the packed minute. The key grows with time,
/// so roll-up appends to full pages, and a sensor's minute is one rowid lookup.</item>
/// <item><c>minutes_YYYYMM</c>: rowid = sensor id × 2³² + minute, so a sensor's aggregates are one rowid range.</item>
/// </list>
/// Writes hold one connection and one prepared statement, reused for every batch.
/// </summary>
public sealed class SqliteReadingStore : ReadingStore
{
    private readonly string _connectionString;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private SqliteConnection? _writer;
    private SqliteCommand? _insert;

    public SqliteReadingStore(string connectionString, TimeProvider? time = null) : base(time ?? TimeProvider.System)
    {
        _connectionString = new SqliteConnectionStringBuilder(connectionString) { Pooling = true, DefaultTimeout = 60 }.ToString();
    }

    public override async Task EnsureSchemaAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await ExecuteAsync(connection, "PRAGMA journal_mode=WAL", cancellationToken);
        await ExecuteAsync(connection, """
            CREATE TABLE IF NOT EXISTS incoming (ts INTEGER NOT NULL, sensor_id INTEGER NOT NULL, value REAL NOT NULL,
                quality INTEGER NOT NULL, PRIMARY KEY (ts, sensor_id)) WITHOUT ROWID;
            CREATE TABLE IF NOT EXISTS latest (sensor_id INTEGER PRIMARY KEY, ts INTEGER NOT NULL, value REAL NOT NULL, quality INTEGER NOT NULL);
            CREATE TABLE IF NOT EXISTS rollup (id INTEGER PRIMARY KEY CHECK (id = 1), watermark INTEGER NOT NULL);
            INSERT OR IGNORE INTO rollup VALUES (1, 0);
            """, cancellationToken);
        var (days, months) = PartitionsAhead();
        await CreatePartitionsAsync(connection, days, months, cancellationToken);
    }

    private protected override async Task WriteIncomingAsync(ReadOnlyMemory<Reading> batch, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            if (_writer is null)
            {
                _writer = await OpenAsync(cancellationToken);
                _insert = _writer.CreateCommand();
                _insert.CommandText = "INSERT OR REPLACE INTO incoming (ts, sensor_id, value, quality) VALUES ($ts, $sensor, $value, $quality)";
                _insert.Parameters.Add("$ts", SqliteType.Integer);
                _insert.Parameters.Add("$sensor", SqliteType.Integer);
                _insert.Parameters.Add("$value", SqliteType.Real);
                _insert.Parameters.Add("$quality", SqliteType.Integer);
                _insert.Prepare();
            }
            Insert(_writer, _insert!, batch.Span);
        }
        catch
        {
            // A connection that failed mid-batch is not trusted with the next one.
            await CloseWriterAsync();
            throw;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private static void Insert(SqliteConnection connection, SqliteCommand insert, ReadOnlySpan<Reading> batch)
    {
        using var transaction = connection.BeginTransaction();
        insert.Transaction = transaction;
        var (ts, sensor, value, quality) = (insert.Parameters[0], insert.Parameters[1], insert.Parameters[2], insert.Parameters[3]);
        foreach (ref readonly var r in batch)
        {
            ts.Value = r.TimestampMs;
            sensor.Value = r.SensorId;
            value.Value = (double)(float)r.Value;
            quality.Value = r.Quality;
            insert.ExecuteNonQuery();
        }
        transaction.Commit();
    }

    private protected override async Task ReadLatestAsync(List<Reading> into, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        foreach (var table in (string[])["incoming", "latest"])
        {
            await using var command = Command(connection, $"SELECT sensor_id, ts, value, quality FROM {table}");
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
                into.Add(new Reading(reader.GetInt32(0), reader.GetInt64(1), reader.GetDouble(2), reader.GetByte(3)));
        }
    }

    private protected override async Task ReadPackedAsync(int sensorId, long fromMs, long toMs, List<Reading> into, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        int first = MinuteGroup.MinuteOf(fromMs), last = MinuteGroup.MinuteOf(toMs - 1);
        var tables = await ExistingTablesAsync(connection, cancellationToken);
        for (var day = Partitions.DayOf(first); day <= Partitions.DayOf(last); day++)
        {
            var table = Partitions.RawName(day);
            if (!tables.Contains(table))
                continue;
            // One rowid lookup per minute: the key is time-first, so a sensor's minutes are not adjacent.
            await using var command = Command(connection, $"SELECT data FROM {table} WHERE id = $id", ("$id", 0L));
            var dayEnd = Partitions.DayStartMinute(day + 1);
            for (var minute = Math.Max(first, Partitions.DayStartMinute(day)); minute <= last && minute < dayEnd; minute++)
            {
                command.Parameters[0].Value = RawKey(minute, sensorId);
                if (await command.ExecuteScalarAsync(cancellationToken) is byte[] data)
                    MinuteBlock.Decode(data, sensorId, minute * MinuteMs, into, fromMs, toMs);
            }
        }
    }

    private protected override async Task ReadIncomingAsync(int sensorId, long fromMs, long toMs, List<Reading> into, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, "SELECT ts, value, quality FROM incoming WHERE ts >= $from AND ts < $to AND sensor_id = $sensor",
            ("$from", fromMs), ("$to", toMs), ("$sensor", sensorId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            into.Add(new Reading(sensorId, reader.GetInt64(0), reader.GetDouble(1), reader.GetByte(2)));
    }

    private protected override async Task ReadAggregatesAsync(int sensorId, int firstMinute, int endMinute, List<MinuteAggregate> into, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var tables = await ExistingTablesAsync(connection, cancellationToken);
        for (var month = Partitions.MonthOf(firstMinute); month <= Partitions.MonthOf(endMinute - 1); month++)
        {
            var table = Partitions.MinutesName(month);
            if (!tables.Contains(table))
                continue;
            await using var command = Command(connection, $"SELECT id, min, max, mean, last, count, quality FROM {table} WHERE id >= $lo AND id < $hi ORDER BY id",
                ("$lo", MinutesKey(sensorId, firstMinute)), ("$hi", MinutesKey(sensorId, endMinute)));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                into.Add(new MinuteAggregate(sensorId, (int)(reader.GetInt64(0) & uint.MaxValue), (float)reader.GetDouble(1), (float)reader.GetDouble(2),
                    (float)reader.GetDouble(3), (float)reader.GetDouble(4), reader.GetInt32(5), reader.GetByte(6)));
            }
        }
    }

    private protected override async Task<bool> RollUpChunkAsync(int boundaryMinute, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        // Read and group in a read transaction, which in WAL mode does not block the writer (plain SQL rather than
        // SqliteTransaction, which every command would have to carry)...
        await ExecuteAsync(connection, "BEGIN", cancellationToken);
        Chunk? chunk;
        try
        {
            chunk = await ReadChunkAsync(connection, boundaryMinute, cancellationToken);
        }
        finally
        {
            await ExecuteAsync(connection, "COMMIT", CancellationToken.None);
        }
        if (chunk is null)
            return false;
        // ...and hold the write lock only to delete and store, after checking that no reading of the chunk arrived
        // meanwhile (a late one); if one did, read again. (A repeat of a reading already read replaces it in place
        // and is not noticed; a repeat carries the same value.) Queuing on the writer's semaphore first hands the file
        // over in turn: SQLite's own busy wait polls, and loses to a writer that commits back to back.
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            return await StoreChunkAsync(connection, chunk, boundaryMinute, cancellationToken);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private static async Task<bool> StoreChunkAsync(SqliteConnection connection, Chunk read, int boundaryMinute, CancellationToken cancellationToken)
    {
        await ExecuteAsync(connection, "BEGIN IMMEDIATE", cancellationToken);
        try
        {
            var count = (long)(await ScalarAsync(connection, "SELECT count(*) FROM incoming WHERE ts < $end", cancellationToken, ("$end", read.End * MinuteMs)))!;
            var chunk = await WatermarkAsync(connection, cancellationToken) == read.Watermark && count == read.Count
                ? read
                : await ReadChunkAsync(connection, boundaryMinute, cancellationToken);
            if (chunk is not null)
            {
                await using (var delete = Command(connection, "DELETE FROM incoming WHERE ts < $end", ("$end", chunk.End * MinuteMs)))
                    await delete.ExecuteNonQueryAsync(cancellationToken);
                await CreatePartitionsAsync(connection, chunk.Groups.Select(g => Partitions.DayOf(g.Minute)).Distinct(),
                    chunk.Groups.Select(g => Partitions.MonthOf(g.Minute)).Distinct(), cancellationToken);
                await StoreGroupsAsync(connection, chunk.Groups, chunk.Watermark, cancellationToken);
                await StoreLatestAsync(connection, LastPerSensor(chunk.Groups), cancellationToken);
                await using var advance = Command(connection, "UPDATE rollup SET watermark = max(watermark, $end)", ("$end", chunk.End));
                await advance.ExecuteNonQueryAsync(cancellationToken);
            }
            await ExecuteAsync(connection, "COMMIT", cancellationToken);
            return true;
        }
        catch
        {
            await ExecuteAsync(connection, "ROLLBACK", CancellationToken.None);
            throw;
        }
    }

    /// <summary>The incoming readings before <see cref="End"/> (a minute), grouped, and the watermark they were read under.</summary>
    private sealed record Chunk(int Watermark, int End, long Count, List<MinuteGroup> Groups);

    private static async Task<Chunk?> ReadChunkAsync(SqliteConnection connection, int boundaryMinute, CancellationToken cancellationToken)
    {
        var watermark = await WatermarkAsync(connection, cancellationToken);
        if (await ScalarAsync(connection, "SELECT min(ts) FROM incoming WHERE ts < $end", cancellationToken, ("$end", boundaryMinute * MinuteMs)) is not long oldestMs)
            return null;
        var end = ChunkEnd(boundaryMinute, watermark, oldestMs);
        var rows = new List<Reading>();
        await using var select = Command(connection, "SELECT sensor_id, ts, value, quality FROM incoming WHERE ts < $end", ("$end", end * MinuteMs));
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            rows.Add(new Reading(reader.GetInt32(0), reader.GetInt64(1), reader.GetDouble(2), reader.GetByte(3)));
        return new Chunk(watermark, end, rows.Count, MinuteGroup.Build(rows));
    }

    private static async Task<int> WatermarkAsync(SqliteConnection connection, CancellationToken cancellationToken) =>
        Convert.ToInt32(await ScalarAsync(connection, "SELECT watermark FROM rollup", cancellationToken), System.Globalization.CultureInfo.InvariantCulture);

    private const string SelectRaw = "SELECT data FROM {0} WHERE id = $id";
    private const string InsertRaw = "INSERT OR REPLACE INTO {0} (id, data) VALUES ($id, $data)";
    private const string InsertMinute = "INSERT OR REPLACE INTO {0} (id, min, max, mean, last, count, quality) VALUES ($id, $min, $max, $mean, $last, $count, $quality)";

    /// <summary>Packs each group into its day table (in key order, so pages fill up) and stores its aggregate; a group
    /// of a minute before the watermark is first merged with what that minute already holds.</summary>
    private static async Task StoreGroupsAsync(SqliteConnection connection, List<MinuteGroup> groups, int watermark, CancellationToken cancellationToken)
    {
        var prepared = new Dictionary<string, SqliteCommand>(StringComparer.Ordinal);
        SqliteCommand Prepared(string template, string table)
        {
            var sql = string.Format(System.Globalization.CultureInfo.InvariantCulture, template, table);
            if (!prepared.TryGetValue(sql, out var command))
            {
                command = Command(connection, sql);
                foreach (System.Text.RegularExpressions.Match name in System.Text.RegularExpressions.Regex.Matches(sql, @"\$[a-z]+"))
                    command.Parameters.Add(new SqliteParameter { ParameterName = name.Value });
                command.Prepare();
                prepared[sql] = command;
            }
            return command;
        }
        try
        {
            foreach (var found in groups.OrderBy(g => g.Minute).ThenBy(g => g.SensorId))
            {
                var group = found;
                var raw = Partitions.RawName(Partitions.DayOf(group.Minute));
                var key = RawKey(group.Minute, group.SensorId);
                if (group.Minute < watermark)
                {
                    var select = Prepared(SelectRaw, raw);
                    select.Parameters[0].Value = key;
                    if (await select.ExecuteScalarAsync(cancellationToken) is byte[] stored)
                        group = group.MergeWith(stored);
                }
                var insert = Prepared(InsertRaw, raw);
                insert.Parameters[0].Value = key;
                insert.Parameters[1].Value = group.Encode();
                await insert.ExecuteNonQueryAsync(cancellationToken);

                var a = group.Aggregate();
                var minute = Prepared(InsertMinute, Partitions.MinutesName(Partitions.MonthOf(group.Minute)));
                minute.Parameters[0].Value = MinutesKey(a.SensorId, a.Minute);
                minute.Parameters[1].Value = (double)a.Min;
                minute.Parameters[2].Value = (double)a.Max;
                minute.Parameters[3].Value = (double)a.Mean;
                minute.Parameters[4].Value = (double)a.Last;
                minute.Parameters[5].Value = a.Count;
                minute.Parameters[6].Value = a.Quality;
                await minute.ExecuteNonQueryAsync(cancellationToken);
            }
        }
        finally
        {
            foreach (var command in prepared.Values)
                await command.DisposeAsync();
        }
    }

    private static async Task StoreLatestAsync(SqliteConnection connection, List<Reading> latest, CancellationToken cancellationToken)
    {
        await using var upsert = Command(connection, """
            INSERT INTO latest (sensor_id, ts, value, quality) VALUES ($sensor, $ts, $value, $quality)
            ON CONFLICT (sensor_id) DO UPDATE SET ts = excluded.ts, value = excluded.value, quality = excluded.quality
            WHERE excluded.ts >= latest.ts
            """, ("$sensor", 0), ("$ts", 0L), ("$value", 0.0), ("$quality", 0));
        upsert.Prepare();
        foreach (var r in latest)
        {
            upsert.Parameters[0].Value = r.SensorId;
            upsert.Parameters[1].Value = r.TimestampMs;
            upsert.Parameters[2].Value = r.Value;
            upsert.Parameters[3].Value = r.Quality;
            await upsert.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private protected override async Task<IReadOnlyList<string>> ListPartitionsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return [.. await ExistingTablesAsync(connection, cancellationToken)];
    }

    private protected override async Task DropPartitionAsync(string name, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await ExecuteAsync(connection, $"DROP TABLE IF EXISTS \"{name}\"", cancellationToken);
    }

    public override async ValueTask DisposeAsync()
    {
        await CloseWriterAsync();
        _writeLock.Dispose();
    }

    private async Task CloseWriterAsync()
    {
        if (_insert is not null)
            await _insert.DisposeAsync();
        if (_writer is not null)
            await _writer.DisposeAsync();
        (_insert, _writer) = (null, null);
    }

    private static long RawKey(int minute, int sensorId) => ((long)minute << 32) | (uint)sensorId;

    private static long MinutesKey(int sensorId, int minute) => ((long)sensorId << 32) | (uint)minute;

    private static async Task CreatePartitionsAsync(SqliteConnection connection, IEnumerable<int> days, IEnumerable<int> months, CancellationToken cancellationToken)
    {
        foreach (var day in days)
            await ExecuteAsync(connection, $"CREATE TABLE IF NOT EXISTS {Partitions.RawName(day)} (id INTEGER PRIMARY KEY, data BLOB NOT NULL)", cancellationToken);
        foreach (var month in months)
        {
            await ExecuteAsync(connection, $"""
                CREATE TABLE IF NOT EXISTS {Partitions.MinutesName(month)} (id INTEGER PRIMARY KEY, min REAL NOT NULL, max REAL NOT NULL,
                    mean REAL NOT NULL, last REAL NOT NULL, count INTEGER NOT NULL, quality INTEGER NOT NULL)
                """, cancellationToken);
        }
    }

    private static async Task<HashSet<string>> ExistingTablesAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        var tables = new HashSet<string>(StringComparer.Ordinal);
        await using var command = Command(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND (name LIKE 'raw%' OR name LIKE 'minutes%')");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            tables.Add(reader.GetString(0));
        return tables;
    }

    /// <summary>A pooled connection with the settings SQLite keeps per connection.</summary>
    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await ExecuteAsync(connection, "PRAGMA synchronous=FULL; PRAGMA temp_store=MEMORY", cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value);
        return command;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, sql);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken, params (string, object)[] parameters)
    {
        await using var command = Command(connection, sql, parameters);
        var result = await command.ExecuteScalarAsync(cancellationToken);
        return result is DBNull ? null : result;
    }
}
