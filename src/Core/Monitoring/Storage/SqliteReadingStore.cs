using Microsoft.Data.Sqlite;

namespace Tianshan.Core.Monitoring.Storage;

/// <summary>
/// The reading store on SQLite (<see cref="ReadingStore"/> explains the shape). SQLite has one writer per file, so the
/// store is split in files by who writes them, and the ingest never waits for the roll-up (ADR 004, "Store"):
/// <list type="bullet">
/// <item><b>The store file</b> beside the main database (<see cref="ReadingStoreRegistration"/>): <c>raw_YYYYMMDD</c>
/// (rowid = minute × 2³² + sensor id, data = the packed minute; the key grows with time, so roll-up appends to full
/// pages), <c>minutes_YYYYMM</c> (rowid = sensor id × 2³² + minute, so a sensor's aggregates are one rowid range),
/// <c>latest</c> and the roll-up state. Only the roll-up and expiry write it.</item>
/// <item><b>One incoming file per minute</b> in the folder beside it (<see cref="IncomingFolderOf"/>): table
/// <c>incoming</c>, WITHOUT ROWID, primary key (ts, sensor_id), so each batch appends at the end of one b-tree and a
/// repeated reading replaces itself. Once its minute is rolled up the file is deleted whole. Deleting rows instead
/// held the one write lock 0.1–0.6 s per minute at 100,000 readings/s, and even DROP TABLE frees page by page
/// (0.45 s for 3 M rows, measured here): the ingest's commits, and so the PUBACKs, waited behind it.</item>
/// <item><b><c>late.db</c></b> in the same folder: readings of a minute already rolled up (or being rolled up), merged
/// into their stored minute by the next roll-up.</item>
/// </list>
/// Every file is WAL with synchronous=FULL: a batch is acknowledged to the gateway (QoS 1 PUBACK) only after it commits,
/// so the commit must survive a power cut too, not only a killed process. Group commit in the ingest makes that one
/// fsync per batch (two when a batch spans a minute's end). A minute file is never checkpointed: it is written for a
/// minute and then deleted, so copying its WAL into it would only double the writes.
/// One process owns a store (the embedded database): which minutes are closed to the writer is kept in memory.
/// </summary>
public sealed class SqliteReadingStore : ReadingStore
{
    /// <summary>The writer's target for readings of a minute already closed (<see cref="_closedBelow"/>).</summary>
    private const int Late = -1;

    private readonly string _connectionString;
    private readonly string _incomingFolder;

    /// <summary>Held while writing a batch, and briefly by the roll-up to close a minute or to clear late readings.</summary>
    private readonly SemaphoreSlim _writeLock = new(1, 1);

    /// <summary>The writer's open files (minute, or <see cref="Late"/>), each with its prepared insert.</summary>
    private readonly Dictionary<int, Segment> _segments = [];

    private readonly List<int> _targets = [];

    /// <summary>Minutes before this go to the late file: the roll-up has taken (or is taking) their file. Starts at the
    /// roll-up watermark; -1 until read.</summary>
    private int _closedBelow = -1;

    /// <summary>Incoming files are deleted only while no query reads them; until then they wait in <see cref="_doomed"/>.</summary>
    private readonly Lock _filesLock = new();
    private int _readers;
    private readonly List<int> _doomed = [];

    public SqliteReadingStore(string connectionString, TimeProvider? time = null) : base(time ?? TimeProvider.System)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString) { Pooling = true, DefaultTimeout = 60 };
        _connectionString = builder.ToString();
        _incomingFolder = IncomingFolderOf(builder.DataSource);
    }

    /// <summary>The folder of the incoming files beside a store file: data/tianshan-readings.db → data/tianshan-readings-incoming.</summary>
    public static string IncomingFolderOf(string storeFile)
    {
        var path = Path.GetFullPath(storeFile);
        return Path.Combine(Path.GetDirectoryName(path)!, Path.GetFileNameWithoutExtension(path) + "-incoming");
    }

    /// <summary>The incoming file of a minute (minutes since the Unix epoch).</summary>
    public static string MinuteFile(string incomingFolder, int minute) =>
        Path.Combine(incomingFolder, minute.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".db");

    private string LateFile => Path.Combine(_incomingFolder, "late.db");

    public override async Task EnsureSchemaAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(_incomingFolder);
        await using var connection = await OpenAsync(cancellationToken);
        await ExecuteAsync(connection, "PRAGMA journal_mode=WAL", cancellationToken);
        await ExecuteAsync(connection, """
            CREATE TABLE IF NOT EXISTS latest (sensor_id INTEGER PRIMARY KEY, ts INTEGER NOT NULL, value REAL NOT NULL, quality INTEGER NOT NULL);
            CREATE TABLE IF NOT EXISTS rollup (id INTEGER PRIMARY KEY CHECK (id = 1), watermark INTEGER NOT NULL);
            INSERT OR IGNORE INTO rollup (id, watermark) VALUES (1, 0);
            """, cancellationToken);
        // late_done: the last late reading (by id) merged into the store; stores made before the late file lack it.
        if ((long)(await ScalarAsync(connection, "SELECT count(*) FROM pragma_table_info('rollup') WHERE name = 'late_done'", cancellationToken))! == 0)
            await ExecuteAsync(connection, "ALTER TABLE rollup ADD COLUMN late_done INTEGER NOT NULL DEFAULT 0", cancellationToken);
        var (days, months) = PartitionsAhead();
        await CreatePartitionsAsync(connection, days, months, cancellationToken);

        var (watermark, lateDone) = await RollUpStateAsync(connection, cancellationToken);
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            _closedBelow = Math.Max(_closedBelow, watermark);
        }
        finally
        {
            _writeLock.Release();
        }
        // What a roll-up had stored before the host stopped, without getting to delete it.
        foreach (var minute in MinuteFiles().Where(m => m < watermark))
            Retire(minute);
        await ClearLateAsync(lateDone, cancellationToken);
        await MoveOldIncomingAsync(connection, cancellationToken);
    }

    /// <summary>Stores made before the incoming files kept an <c>incoming</c> table in the store file: its readings go
    /// where the writer would put them now, then the table goes. Repeating this after a crash stores nothing twice.</summary>
    private async Task MoveOldIncomingAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        if (!await HasTableAsync(connection, "incoming", cancellationToken))
            return;
        var rows = new List<Reading>();
        await ReadReadingsAsync(connection, "SELECT sensor_id, ts, value, quality FROM incoming", rows, cancellationToken);
        if (rows.Count > 0)
            await WriteIncomingAsync(rows.ToArray(), cancellationToken);
        await ExecuteAsync(connection, "DROP TABLE incoming", cancellationToken);
    }

    private protected override async Task WriteIncomingAsync(ReadOnlyMemory<Reading> batch, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            if (_closedBelow < 0)
            {
                await using var connection = await OpenAsync(cancellationToken);
                _closedBelow = (await RollUpStateAsync(connection, cancellationToken)).Watermark;
            }
            // Usually one minute; two when the batch spans a minute's end; the late file for readings of a closed minute.
            _targets.Clear();
            foreach (ref readonly var r in batch.Span)
            {
                var target = TargetOf(r);
                if (!_targets.Contains(target))
                    _targets.Add(target);
            }
            foreach (var target in _targets)
            {
                if (!_segments.TryGetValue(target, out var segment))
                    _segments[target] = segment = await OpenSegmentAsync(target, cancellationToken);
                segment.Insert(batch.Span, target, this);
            }
        }
        catch
        {
            // A connection that failed mid-batch is not trusted with the next one.
            await CloseSegmentsAsync(_ => true);
            throw;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private int TargetOf(in Reading reading)
    {
        var minute = MinuteGroup.MinuteOf(reading.TimestampMs);
        return minute < _closedBelow ? Late : minute;
    }

    /// <summary>A file the writer appends to, with its prepared insert.</summary>
    private sealed class Segment(SqliteConnection connection, SqliteCommand insert) : IAsyncDisposable
    {
        public void Insert(ReadOnlySpan<Reading> batch, int target, SqliteReadingStore store)
        {
            using var transaction = connection.BeginTransaction();
            insert.Transaction = transaction;
            var (ts, sensor, value, quality) = (insert.Parameters[0], insert.Parameters[1], insert.Parameters[2], insert.Parameters[3]);
            foreach (ref readonly var r in batch)
            {
                if (store.TargetOf(r) != target)
                    continue;
                ts.Value = r.TimestampMs;
                sensor.Value = r.SensorId;
                value.Value = (double)(float)r.Value;
                quality.Value = r.Quality;
                insert.ExecuteNonQuery();
            }
            transaction.Commit();
        }

        public async ValueTask DisposeAsync()
        {
            await insert.DisposeAsync();
            await connection.DisposeAsync();
        }
    }

    private async Task<Segment> OpenSegmentAsync(int target, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(_incomingFolder);
        var connection = target == Late
            ? await OpenIncomingAsync(LateFile, minuteFile: false, create: true, cancellationToken)
            : await OpenIncomingAsync(MinuteFile(_incomingFolder, target), minuteFile: true, create: true, cancellationToken);
        try
        {
            await ExecuteAsync(connection, target == Late ? CreateLate : CreateIncoming, cancellationToken);
            var insert = connection.CreateCommand();
            insert.CommandText = target == Late
                ? "INSERT INTO late (ts, sensor_id, value, quality) VALUES ($ts, $sensor, $value, $quality)"
                : "INSERT OR REPLACE INTO incoming (ts, sensor_id, value, quality) VALUES ($ts, $sensor, $value, $quality)";
            insert.Parameters.Add("$ts", SqliteType.Integer);
            insert.Parameters.Add("$sensor", SqliteType.Integer);
            insert.Parameters.Add("$value", SqliteType.Real);
            insert.Parameters.Add("$quality", SqliteType.Integer);
            insert.Prepare();
            return new Segment(connection, insert);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private const string CreateIncoming = """
        CREATE TABLE IF NOT EXISTS incoming (ts INTEGER NOT NULL, sensor_id INTEGER NOT NULL, value REAL NOT NULL,
            quality INTEGER NOT NULL, PRIMARY KEY (ts, sensor_id)) WITHOUT ROWID
        """;

    /// <summary>AUTOINCREMENT: ids never come back after a delete, so "merged up to id N" (rollup.late_done) stays true.
    /// The same reading twice is two rows here; the merge keeps one.</summary>
    private const string CreateLate = """
        CREATE TABLE IF NOT EXISTS late (id INTEGER PRIMARY KEY AUTOINCREMENT, ts INTEGER NOT NULL, sensor_id INTEGER NOT NULL,
            value REAL NOT NULL, quality INTEGER NOT NULL);
        CREATE INDEX IF NOT EXISTS late_sensor ON late (sensor_id, ts)
        """;

    /// <summary>An incoming file's connection, not pooled (a pool per minute would keep deleted files open). A minute
    /// file is never checkpointed, neither as it grows nor on close: it is deleted whole after its roll-up.</summary>
    private static async Task<SqliteConnection> OpenIncomingAsync(string path, bool minuteFile, bool create, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = create ? SqliteOpenMode.ReadWriteCreate : SqliteOpenMode.ReadWrite,
            Pooling = false,
            DefaultTimeout = 60,
        }.ToString());
        try
        {
            await connection.OpenAsync(cancellationToken);
            if (minuteFile)
                SQLitePCL.raw.sqlite3_db_config(connection.Handle, SQLitePCL.raw.SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, out _);
            await ExecuteAsync(connection, minuteFile
                ? "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA wal_autocheckpoint=0"
                : "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL", cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private async Task CloseSegmentsAsync(Func<int, bool> which)
    {
        foreach (var target in _segments.Keys.Where(which).ToList())
        {
            await _segments[target].DisposeAsync();
            _segments.Remove(target);
        }
    }

    /// <summary>The minutes that have an incoming file, oldest first.</summary>
    private List<int> MinuteFiles()
    {
        if (!Directory.Exists(_incomingFolder))
            return [];
        var minutes = new List<int>();
        foreach (var file in Directory.EnumerateFiles(_incomingFolder, "*.db"))
            if (int.TryParse(Path.GetFileNameWithoutExtension(file), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var minute))
                minutes.Add(minute);
        minutes.Sort();
        return minutes;
    }

    private void DeleteMinuteFile(int minute)
    {
        var file = MinuteFile(_incomingFolder, minute);
        // The database first: with it gone nobody opens the WAL that holds its content.
        foreach (var suffix in (string[])["", "-wal", "-shm", "-journal"])
            File.Delete(file + suffix);
    }

    /// <summary>Reads incoming files while no roll-up deletes them: <paramref name="read"/> gets a connection to each
    /// file of a minute in [firstMinute, lastMinute] and then to the late file (true), skipping a file whose table is
    /// not there yet (the writer has just created it).</summary>
    private async Task ReadIncomingFilesAsync(int firstMinute, int lastMinute, Func<SqliteConnection, bool, Task> read, CancellationToken cancellationToken)
    {
        List<int> minutes;
        lock (_filesLock)
        {
            _readers++;
            minutes = [.. MinuteFiles().Where(m => m >= firstMinute && m <= lastMinute && !_doomed.Contains(m))];
        }
        try
        {
            foreach (var (file, isLate) in minutes.Select(m => (MinuteFile(_incomingFolder, m), false)).Append((LateFile, true)))
            {
                if (!File.Exists(file))
                    continue;
                await using var connection = await OpenIncomingAsync(file, minuteFile: !isLate, create: false, cancellationToken);
                if (await HasTableAsync(connection, isLate ? "late" : "incoming", cancellationToken))
                    await read(connection, isLate);
            }
        }
        finally
        {
            lock (_filesLock)
            {
                if (--_readers == 0)
                {
                    foreach (var minute in _doomed)
                        DeleteMinuteFile(minute);
                    _doomed.Clear();
                }
            }
        }
    }

    /// <summary>Deletes a rolled-up minute's file now, or when the last query reading incoming files is done.</summary>
    private void Retire(int minute)
    {
        lock (_filesLock)
        {
            if (_readers == 0)
                DeleteMinuteFile(minute);
            else
                _doomed.Add(minute);
        }
    }

    private protected override async Task ReadLatestAsync(List<Reading> into, CancellationToken cancellationToken)
    {
        await ReadIncomingFilesAsync(0, int.MaxValue, (connection, isLate) =>
            ReadReadingsAsync(connection, $"SELECT sensor_id, ts, value, quality FROM {(isLate ? "late" : "incoming")}", into, cancellationToken), cancellationToken);
        await using var store = await OpenAsync(cancellationToken);
        await ReadReadingsAsync(store, "SELECT sensor_id, ts, value, quality FROM latest", into, cancellationToken);
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
        await ReadIncomingFilesAsync(MinuteGroup.MinuteOf(fromMs), MinuteGroup.MinuteOf(toMs - 1), (connection, isLate) =>
            ReadReadingsAsync(connection, isLate
                ? "SELECT sensor_id, ts, value, quality FROM late WHERE sensor_id = $sensor AND ts >= $from AND ts < $to"
                : "SELECT sensor_id, ts, value, quality FROM incoming WHERE ts >= $from AND ts < $to AND sensor_id = $sensor",
                into, cancellationToken, ("$from", fromMs), ("$to", toMs), ("$sensor", sensorId)), cancellationToken);
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

    /// <summary>The oldest minute file before the boundary (or any closed one), else the late readings. The writer is
    /// held only to close the minute (a moment) and to clear the merged late readings, never while packing.</summary>
    private protected override async Task<bool> RollUpChunkAsync(int boundaryMinute, CancellationToken cancellationToken)
    {
        var oldest = MinuteFiles().Where(m => !IsDoomed(m)).Cast<int?>().FirstOrDefault();
        if (oldest is int minute && (minute < boundaryMinute || minute < Volatile.Read(ref _closedBelow)))
        {
            await CloseMinuteAsync(minute, cancellationToken);
            await RollUpMinuteAsync(minute, cancellationToken);
            return true;
        }
        return await RollUpLateAsync(cancellationToken);
    }

    private bool IsDoomed(int minute)
    {
        lock (_filesLock)
            return _doomed.Contains(minute);
    }

    /// <summary>From now on readings of the minute (and any before it) go to the late file, so its file is final.</summary>
    private async Task CloseMinuteAsync(int minute, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            _closedBelow = Math.Max(_closedBelow, minute + 1);
            await CloseSegmentsAsync(target => target != Late && target <= minute);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private async Task RollUpMinuteAsync(int minute, CancellationToken cancellationToken)
    {
        var rows = new List<Reading>();
        await using (var incoming = await OpenIncomingAsync(MinuteFile(_incomingFolder, minute), minuteFile: true, create: false, cancellationToken))
        {
            // A file created but not yet given its table (the host stopped in between) holds nothing.
            if (await HasTableAsync(incoming, "incoming", cancellationToken))
                await ReadReadingsAsync(incoming, "SELECT sensor_id, ts, value, quality FROM incoming", rows, cancellationToken);
        }
        // Below the watermark, the minute was stored before the host stopped without deleting its file.
        await StoreAsync(MinuteGroup.Build(rows), mergeBefore: minute, state => minute < state.Watermark,
            "UPDATE rollup SET watermark = max(watermark, $value)", minute + 1, cancellationToken);
        Retire(minute);
    }

    /// <summary>Merges the late readings into their stored minutes, then clears them from the late file.</summary>
    private async Task<bool> RollUpLateAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(LateFile))
            return false;
        var rows = new List<Reading>();
        long lastId;
        await using (var late = await OpenIncomingAsync(LateFile, minuteFile: false, create: false, cancellationToken))
        {
            if (!await HasTableAsync(late, "late", cancellationToken))
                return false;
            await ExecuteAsync(late, "BEGIN", cancellationToken);
            try
            {
                if (await ScalarAsync(late, "SELECT max(id) FROM late", cancellationToken) is not long max)
                    return false;
                lastId = max;
                // In arrival order, so of two copies of a reading the later one is kept.
                await ReadReadingsAsync(late, "SELECT sensor_id, ts, value, quality FROM late WHERE id <= $last ORDER BY id", rows, cancellationToken, ("$last", lastId));
            }
            finally
            {
                await ExecuteAsync(late, "COMMIT", CancellationToken.None);
            }
        }
        // At or below late_done, these were merged before the host stopped without deleting them.
        await StoreAsync(MinuteGroup.Build(rows), mergeBefore: int.MaxValue, state => lastId <= state.LateDone,
            "UPDATE rollup SET late_done = $value", lastId, cancellationToken);
        await ClearLateAsync(lastId, cancellationToken);
        return true;
    }

    /// <summary>Stores the groups (packed minutes, aggregates, each sensor's last reading) in one transaction of the
    /// store file, together with the roll-up state change that records them (<paramref name="record"/>, given
    /// <paramref name="value"/>); nothing when <paramref name="storedBefore"/> says the state already records them.</summary>
    private async Task StoreAsync(List<MinuteGroup> groups, int mergeBefore, Func<(int Watermark, long LateDone), bool> storedBefore,
        string record, long value, CancellationToken cancellationToken)
    {
        await using var store = await OpenAsync(cancellationToken);
        await ExecuteAsync(store, "BEGIN IMMEDIATE", cancellationToken);
        try
        {
            if (!storedBefore(await RollUpStateAsync(store, cancellationToken)))
            {
                if (groups.Count > 0)
                {
                    await CreatePartitionsAsync(store, groups.Select(g => Partitions.DayOf(g.Minute)).Distinct(),
                        groups.Select(g => Partitions.MonthOf(g.Minute)).Distinct(), cancellationToken);
                    await StoreGroupsAsync(store, groups, mergeBefore, cancellationToken);
                    await StoreLatestAsync(store, LastPerSensor(groups), cancellationToken);
                }
                await using var state = Command(store, record, ("$value", value));
                await state.ExecuteNonQueryAsync(cancellationToken);
            }
            await ExecuteAsync(store, "COMMIT", cancellationToken);
        }
        catch
        {
            await ExecuteAsync(store, "ROLLBACK", CancellationToken.None);
            throw;
        }
    }

    /// <summary>Deletes the late readings merged into the store (ids up to <paramref name="lastId"/>), in turn with the writer.</summary>
    private async Task ClearLateAsync(long lastId, CancellationToken cancellationToken)
    {
        if (lastId == 0 || !File.Exists(LateFile))
            return;
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            await using var late = await OpenIncomingAsync(LateFile, minuteFile: false, create: false, cancellationToken);
            if (!await HasTableAsync(late, "late", cancellationToken))
                return;
            await using var delete = Command(late, "DELETE FROM late WHERE id <= $last", ("$last", lastId));
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private static async Task<bool> HasTableAsync(SqliteConnection connection, string name, CancellationToken cancellationToken) =>
        (long)(await ScalarAsync(connection, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = $name", cancellationToken, ("$name", name)))! > 0;

    /// <summary>Adds the rows of a query that selects sensor_id, ts, value, quality.</summary>
    private static async Task ReadReadingsAsync(SqliteConnection connection, string sql, List<Reading> into, CancellationToken cancellationToken,
        params (string Name, object Value)[] parameters)
    {
        await using var command = Command(connection, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            into.Add(new Reading(reader.GetInt32(0), reader.GetInt64(1), reader.GetDouble(2), reader.GetByte(3)));
    }

    private static async Task<(int Watermark, long LateDone)> RollUpStateAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, "SELECT watermark, late_done FROM rollup");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.GetInt32(0), reader.GetInt64(1));
    }

    private const string SelectRaw = "SELECT data FROM {0} WHERE id = $id";
    private const string InsertRaw = "INSERT OR REPLACE INTO {0} (id, data) VALUES ($id, $data)";
    private const string InsertMinute = "INSERT OR REPLACE INTO {0} (id, min, max, mean, last, count, quality) VALUES ($id, $min, $max, $mean, $last, $count, $quality)";

    /// <summary>Packs each group into its day table (in key order, so pages fill up) and stores its aggregate; a group
    /// of a minute before <paramref name="mergeBefore"/> is first merged with what that minute already holds.</summary>
    private static async Task StoreGroupsAsync(SqliteConnection connection, List<MinuteGroup> groups, int mergeBefore, CancellationToken cancellationToken)
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
                if (group.Minute < mergeBefore)
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
        await CloseSegmentsAsync(_ => true);
        _writeLock.Dispose();
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
