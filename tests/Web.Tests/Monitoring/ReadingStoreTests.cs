using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Tianshan.Core.Monitoring.Storage;

namespace Tianshan.Web.Tests.Monitoring;

/// <summary>The reading store on a real database of its own per test: a fresh SQLite file, a fresh PostgreSQL database.</summary>
public abstract class ReadingStoreTests : IAsyncLifetime
{
    /// <summary>Noon UTC; the clock the stores see (it decides which partitions are made ahead of time).</summary>
    protected static readonly DateTimeOffset Now = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    private readonly List<ReadingStore> _opened = [];

    protected abstract ValueTask CreateDatabaseAsync();

    protected abstract ValueTask DeleteDatabaseAsync();

    protected abstract ReadingStore Create(TimeProvider clock);

    public async ValueTask InitializeAsync() => await CreateDatabaseAsync();

    public async ValueTask DisposeAsync()
    {
        foreach (var store in _opened)
            await store.DisposeAsync();
        await DeleteDatabaseAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>A new store on this test's database, as a host would open it at start.</summary>
    protected async Task<ReadingStore> OpenAsync()
    {
        var store = Create(new FixedClock(Now));
        _opened.Add(store);
        await store.EnsureSchemaAsync(TestContext.Current.CancellationToken);
        return store;
    }

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>One reading a second from <paramref name="start"/>.</summary>
    protected static Reading[] Series(int sensorId, DateTimeOffset start, int seconds, Func<int, double> value, byte quality = 0) =>
        [.. Enumerable.Range(0, seconds).Select(i => new Reading(sensorId, start.AddSeconds(i).ToUnixTimeMilliseconds(), value(i), quality))];

    [Fact]
    public async Task Written_readings_come_back_as_latest_and_as_raw_trend()
    {
        var store = await OpenAsync();
        var start = Now.AddMinutes(-5);
        await store.WriteAsync(Series(1, start, 90, i => 50.28 + i / 100.0), Ct);
        await store.WriteAsync(Series(2, start, 90, i => -3.21, quality: 3), Ct);
        // An older reading arriving last does not become the latest.
        await store.WriteAsync(new[] { new Reading(2, start.AddSeconds(-30).ToUnixTimeMilliseconds(), 99, 0) }, Ct);

        var latest = await store.LatestAsync(null, Ct);
        Assert.Equal([1, 2], latest.Keys.Order());
        Assert.Equal(51.17, latest[1].Value);
        Assert.Equal(start.AddSeconds(89), latest[1].Time);
        Assert.Equal(-3.21, latest[2].Value);
        Assert.Equal(3, latest[2].Quality);
        Assert.Equal([2], (await store.LatestAsync([2, 404], Ct)).Keys);

        var trend = await store.TrendAsync(1, start, start.AddSeconds(90), Ct);
        Assert.Equal(90, trend.Count);
        Assert.Equal(50.28, trend[0].Last);
        Assert.Equal(start, trend[0].Time);
        Assert.All(trend, p => Assert.Equal(1, p.Count));
        Assert.Equal(trend.OrderBy(p => p.TimestampMs), trend);
        Assert.Equal(51.17, trend[^1].Max);
        Assert.Equal(10, (await store.TrendAsync(1, start.AddSeconds(80), start.AddSeconds(95), Ct)).Count);
    }

    [Fact]
    public async Task Latest_and_trend_are_rebuilt_by_a_new_store_before_and_after_roll_up()
    {
        var store = await OpenAsync();
        var start = Now.AddMinutes(-10);
        await store.WriteAsync(Series(5, start, 150, i => 20 + i), Ct);
        await store.WriteAsync(Series(6, start, 30, i => 7.5), Ct);
        await store.RollUpAsync(start.AddMinutes(2), Ct);   // two minutes packed, the rest still incoming

        var reopened = await OpenAsync();
        var latest = await reopened.LatestAsync(null, Ct);
        Assert.Equal(169, latest[5].Value);
        Assert.Equal(start.AddSeconds(149), latest[5].Time);
        Assert.Equal(7.5, latest[6].Value);
        var trend = await reopened.TrendAsync(5, start, start.AddMinutes(3), Ct);
        Assert.Equal(Enumerable.Range(0, 150).Select(i => 20.0 + i), trend.Select(p => p.Last));

        await reopened.RollUpAsync(Now, Ct);
        var third = await OpenAsync();
        Assert.Equal(169, (await third.LatestAsync([5], Ct))[5].Value);
        Assert.Equal(150, (await third.TrendAsync(5, start, start.AddMinutes(3), Ct)).Count);
    }

    [Fact]
    public async Task A_trend_across_midnight_reads_both_day_partitions()
    {
        var store = await OpenAsync();
        var midnight = new DateTimeOffset(2026, 11, 29, 0, 0, 0, TimeSpan.Zero);
        await store.WriteAsync(Series(3, midnight.AddMinutes(-2), 240, i => i), Ct);
        await store.RollUpAsync(midnight.AddMinutes(2), Ct);

        var raw = await store.TrendAsync(3, midnight.AddSeconds(-30), midnight.AddSeconds(30), Ct);
        Assert.Equal(60, raw.Count);
        Assert.Equal(midnight.AddSeconds(-30), raw[0].Time);
        Assert.Equal(midnight.AddSeconds(29), raw[^1].Time);
        Assert.Equal(Enumerable.Range(90, 60).Select(i => (double)i), raw.Select(p => p.Last));

        var minutes = await store.TrendAsync(3, midnight.AddHours(-3), midnight.AddHours(3), Ct);
        Assert.Equal([midnight.AddMinutes(-2), midnight.AddMinutes(-1), midnight, midnight.AddMinutes(1)], minutes.Select(p => p.Time));
        Assert.All(minutes, p => Assert.Equal(60, p.Count));
        Assert.Equal([0.0, 60, 120, 180], minutes.Select(p => p.Min));
        Assert.Equal([59.0, 119, 179, 239], minutes.Select(p => p.Last));
    }

    [Fact]
    public async Task Roll_up_keeps_min_max_mean_last_and_count_of_each_closed_minute()
    {
        var store = await OpenAsync();
        var minute = Now.AddHours(-1);
        var values = new (int Second, double Value, byte Quality)[] { (0, 10, 0), (10, 30, 0), (20, 20, 0), (30, 40, 2), (50, 25, 0) };
        await store.WriteAsync(values.Select(v => new Reading(7, minute.AddSeconds(v.Second).ToUnixTimeMilliseconds(), v.Value, v.Quality)).ToArray(), Ct);
        await store.WriteAsync(new[] { new Reading(7, minute.AddSeconds(65).ToUnixTimeMilliseconds(), 12.5, 0) }, Ct);

        // The second minute is still open at the roll-up; running it again changes nothing.
        await store.RollUpAsync(minute.AddSeconds(90), Ct);
        await store.RollUpAsync(minute.AddSeconds(90), Ct);
        var window = (From: minute.AddHours(-2), To: minute.AddHours(2));
        var points = await store.TrendAsync(7, window.From, window.To, Ct);
        Assert.Equal(2, points.Count);
        Assert.Equal(new TrendPoint(minute.ToUnixTimeMilliseconds(), 10, 40, 25, 25, 5, 2), points[0]);
        Assert.Equal(new TrendPoint(minute.AddMinutes(1).ToUnixTimeMilliseconds(), 12.5, 12.5, 12.5, 12.5, 1, 0), points[1]);

        await store.RollUpAsync(minute.AddMinutes(2), Ct);
        Assert.Equal(points, await store.TrendAsync(7, window.From, window.To, Ct));

        // A late reading is merged into its rolled-up minute.
        await store.WriteAsync(new[] { new Reading(7, minute.AddSeconds(55).ToUnixTimeMilliseconds(), 4, 0) }, Ct);
        await store.RollUpAsync(minute.AddMinutes(2), Ct);
        var merged = (await store.TrendAsync(7, window.From, window.To, Ct))[0];
        Assert.Equal(new TrendPoint(minute.ToUnixTimeMilliseconds(), 4, 40, 129 / 6.0, 4, 6, 2), merged with { Mean = Math.Round(merged.Mean, 4) } );
        var raw = await store.TrendAsync(7, minute, minute.AddMinutes(1), Ct);
        Assert.Equal([10.0, 30, 20, 40, 25, 4], raw.Select(p => p.Last));
        Assert.Equal([0, 0, 0, 2, 0, 0], raw.Select(p => p.Quality));
    }

    [Fact]
    public async Task Dropping_expired_partitions_keeps_thirty_days_raw_and_three_years_of_aggregates()
    {
        var store = await OpenAsync();
        var ages = new[] { TimeSpan.FromDays(3 * 365 + 40), TimeSpan.FromDays(40), TimeSpan.FromDays(31), TimeSpan.FromDays(29), TimeSpan.FromHours(1) };
        foreach (var age in ages)
            await store.WriteAsync(Series(9, Now - age, 60, i => age.TotalDays), Ct);
        await store.RollUpAsync(Now, Ct);

        // Raw days ending 30 days ago or earlier (3 of them) and the aggregate month of three years and 40 days ago.
        Assert.Equal(4, await store.DropExpiredAsync(Now, Ct));
        Assert.Equal(0, await store.DropExpiredAsync(Now, Ct));

        async Task<(int Raw, int Minutes)> Kept(TimeSpan age) =>
            ((await store.TrendAsync(9, Now - age, Now - age + TimeSpan.FromMinutes(1), Ct)).Count,
             (await store.TrendAsync(9, Now - age - TimeSpan.FromHours(3), Now - age + TimeSpan.FromHours(3), Ct)).Count);
        Assert.Equal((0, 0), await Kept(ages[0]));
        Assert.Equal((0, 1), await Kept(ages[1]));
        Assert.Equal((0, 1), await Kept(ages[2]));
        Assert.Equal((60, 1), await Kept(ages[3]));
        Assert.Equal((60, 1), await Kept(ages[4]));
    }

    [Fact]
    public async Task Ensuring_the_schema_again_keeps_the_data()
    {
        var store = await OpenAsync();
        var start = Now.AddMinutes(-3);
        await store.WriteAsync(Series(4, start, 120, i => 1.5), Ct);
        await store.RollUpAsync(start.AddMinutes(1), Ct);
        await store.EnsureSchemaAsync(Ct);
        await store.EnsureSchemaAsync(Ct);

        var reopened = await OpenAsync();
        Assert.Equal(120, (await reopened.TrendAsync(4, start, start.AddMinutes(2), Ct)).Count);
        Assert.Equal(start.AddSeconds(119), (await reopened.LatestAsync(null, Ct))[4].Time);
    }

    [Fact]
    public async Task A_batch_written_twice_is_stored_once()
    {
        var store = await OpenAsync();
        var start = Now.AddMinutes(-3);
        var batch = Series(8, start, 90, i => 100 - i);
        await store.WriteAsync(batch, Ct);
        await store.WriteAsync(batch, Ct);
        Assert.Equal(90, (await store.TrendAsync(8, start, Now, Ct)).Count);
        await store.RollUpAsync(start.AddMinutes(1), Ct);
        await store.WriteAsync(batch, Ct);   // a retry after the roll-up: the first minute's copy is merged away
        await store.RollUpAsync(Now, Ct);
        Assert.Equal(90, (await store.TrendAsync(8, start, Now, Ct)).Count);
        Assert.Equal(60, (await store.TrendAsync(8, start.AddHours(-2), Now, Ct))[0].Count);
    }

    [Fact]
    public async Task Readings_written_while_roll_ups_run_are_all_kept()
    {
        var store = await OpenAsync();
        var start = Now.AddMinutes(-10);
        var writing = Task.Run(async () =>
        {
            for (var second = 0; second < 150; second++)
            {
                var batch = Enumerable.Range(1, 20).Select(s => new Reading(s, start.AddSeconds(second).ToUnixTimeMilliseconds(), second, 0)).ToList();
                if (second >= 30)   // and sensor 99 half a minute late, often into a minute already rolled up
                    batch.Add(new Reading(99, start.AddSeconds(second - 30).ToUnixTimeMilliseconds(), second - 30, 0));
                await store.WriteAsync(batch.ToArray(), Ct);
            }
        }, Ct);
        for (var second = 0; !writing.IsCompleted; second = (second + 7) % 150)
            await store.RollUpAsync(start.AddSeconds(second), Ct);
        await writing;
        await store.RollUpAsync(Now, Ct);

        var minutes = await store.TrendAsync(99, start.AddHours(-1), Now, Ct);
        Assert.Equal(120, minutes.Sum(p => p.Count));
        Assert.Equal(Enumerable.Range(0, 120).Select(i => (double)i), (await store.TrendAsync(99, start, Now, Ct)).Select(p => p.Last));
        for (var sensor = 1; sensor <= 20; sensor++)
            Assert.Equal(150, (await store.TrendAsync(sensor, start, Now, Ct)).Count);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}

public sealed class ReadingStoreOnSqlite : ReadingStoreTests
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"tianshan-readings-test-{Guid.NewGuid():N}.db");

    private string MinuteFile(DateTimeOffset time) =>
        SqliteReadingStore.MinuteFile(SqliteReadingStore.IncomingFolderOf(_file), (int)(time.ToUnixTimeMilliseconds() / 60_000));

    [Fact]
    public async Task Writes_do_not_wait_for_the_roll_up_s_file()
    {
        var store = await OpenAsync();
        var start = Now.AddMinutes(-3);
        await store.WriteAsync(Series(1, start, 60, i => i), Ct);
        // What the roll-up does to the store file, another connection does here: hold its write lock.
        await using (var rollUp = new SqliteConnection($"Data Source={_file};Pooling=False"))
        {
            await rollUp.OpenAsync(Ct);
            await using var begin = rollUp.CreateCommand();
            begin.CommandText = "BEGIN IMMEDIATE";
            await begin.ExecuteNonQueryAsync(Ct);
            // The busy timeout is 60 s: a write that needed the lock would still be waiting.
            await store.WriteAsync(Series(1, start.AddMinutes(1), 60, i => 60 + i), Ct).WaitAsync(TimeSpan.FromSeconds(10), Ct);
            Assert.Equal(120, (await store.TrendAsync(1, start, Now, Ct)).Count);
        }
        await store.RollUpAsync(Now, Ct);
        Assert.Equal(Enumerable.Range(0, 120).Select(i => (double)i), (await store.TrendAsync(1, start, Now, Ct)).Select(p => p.Last));
        Assert.False(File.Exists(MinuteFile(start)));
    }

    [Fact]
    public async Task A_minute_file_left_behind_after_its_roll_up_is_deleted_at_start_not_stored_again()
    {
        var store = await OpenAsync();
        var start = Now.AddMinutes(-3);
        await store.WriteAsync(Series(2, start, 60, i => i), Ct);
        var copy = _file + ".minute-copy";
        await using (var connection = new SqliteConnection($"Data Source={MinuteFile(start)};Pooling=False"))
        {
            await connection.OpenAsync(Ct);
            await using var vacuum = connection.CreateCommand();
            vacuum.CommandText = $"VACUUM INTO '{copy}'";
            await vacuum.ExecuteNonQueryAsync(Ct);
        }
        await store.RollUpAsync(Now, Ct);
        // A late reading merged into the stored minute: storing the old file again would lose it.
        await store.WriteAsync(new[] { new Reading(2, start.AddSeconds(30.5).ToUnixTimeMilliseconds(), 99, 0) }, Ct);
        await store.RollUpAsync(Now, Ct);
        Assert.False(File.Exists(MinuteFile(start)));
        File.Move(copy, MinuteFile(start));   // as if the host had died between storing the minute and deleting its file

        var reopened = await OpenAsync();
        await reopened.RollUpAsync(Now, Ct);
        Assert.False(File.Exists(MinuteFile(start)));
        var trend = await reopened.TrendAsync(2, start, Now, Ct);
        Assert.Equal(61, trend.Count);
        Assert.Contains(trend, p => p.Last == 99);
    }

    [Fact]
    public async Task Readings_of_a_store_from_before_the_incoming_files_are_kept()
    {
        var start = Now.AddMinutes(-3);
        await using (var connection = new SqliteConnection($"Data Source={_file};Pooling=False"))
        {
            await connection.OpenAsync(Ct);
            await using var create = connection.CreateCommand();
            create.CommandText = """
                CREATE TABLE incoming (ts INTEGER NOT NULL, sensor_id INTEGER NOT NULL, value REAL NOT NULL, quality INTEGER NOT NULL,
                    PRIMARY KEY (ts, sensor_id)) WITHOUT ROWID;
                CREATE TABLE rollup (id INTEGER PRIMARY KEY CHECK (id = 1), watermark INTEGER NOT NULL);
                INSERT INTO rollup VALUES (1, 0);
                """;
            await create.ExecuteNonQueryAsync(Ct);
            foreach (var r in Series(3, start, 90, i => i * 0.5))
            {
                await using var insert = connection.CreateCommand();
                insert.CommandText = "INSERT INTO incoming VALUES ($ts, 3, $value, 0)";
                insert.Parameters.AddWithValue("$ts", r.TimestampMs);
                insert.Parameters.AddWithValue("$value", r.Value);
                await insert.ExecuteNonQueryAsync(Ct);
            }
        }
        var store = await OpenAsync();
        Assert.Equal(90, (await store.TrendAsync(3, start, Now, Ct)).Count);
        await store.RollUpAsync(Now, Ct);
        Assert.Equal(Enumerable.Range(0, 90).Select(i => i * 0.5), (await store.TrendAsync(3, start, Now, Ct)).Select(p => p.Last));
        Assert.Equal(44.5, (await (await OpenAsync()).LatestAsync([3], Ct))[3].Value);
    }

    protected override ValueTask CreateDatabaseAsync() => ValueTask.CompletedTask;

    protected override ReadingStore Create(TimeProvider clock) => new SqliteReadingStore($"Data Source={_file}", clock);

    protected override ValueTask DeleteDatabaseAsync()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            File.Delete(_file + suffix);
        var incoming = SqliteReadingStore.IncomingFolderOf(_file);
        if (Directory.Exists(incoming))
            Directory.Delete(incoming, recursive: true);
        return ValueTask.CompletedTask;
    }
}

public sealed class ReadingStoreOnPostgres : ReadingStoreTests
{
    private readonly string _database = $"tianshan_readings_test_{Guid.NewGuid():N}";

    protected override async ValueTask CreateDatabaseAsync() => await OnServerAsync($"CREATE DATABASE \"{_database}\"");

    protected override ReadingStore Create(TimeProvider clock) =>
        new PostgresReadingStore(new NpgsqlConnectionStringBuilder(PostgresApp.ServerConnectionString) { Database = _database }.ToString(), clock);

    protected override async ValueTask DeleteDatabaseAsync() => await OnServerAsync($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)");

    private static async Task OnServerAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(PostgresApp.ServerConnectionString) { Database = "postgres" }.ToString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

public sealed class ReadingStoreRegistrationTests
{
    [Fact]
    public void On_sqlite_the_readings_get_their_own_file_beside_the_main_database()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"tianshan-{Guid.NewGuid():N}");
        try
        {
            var readings = new SqliteConnectionStringBuilder(ReadingStoreRegistration.ReadingsFileBeside($"Data Source={folder}/tianshan.db"));
            Assert.Equal(Path.Combine(folder, "tianshan-readings.db"), readings.DataSource);
            Assert.True(Directory.Exists(folder));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void The_provider_setting_chooses_the_store()
    {
        IReadingStore Resolve(params (string, string?)[] settings)
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Item1, s.Item2))).Build();
            return new ServiceCollection().AddReadingStore(configuration).BuildServiceProvider().GetRequiredService<IReadingStore>();
        }
        Assert.IsType<PostgresReadingStore>(Resolve(("Database:Provider", "Postgres"), ("ConnectionStrings:Tianshan", "Host=127.0.0.1;Username=postgres")));
        Assert.IsType<SqliteReadingStore>(Resolve(("ConnectionStrings:Tianshan", $"Data Source={Path.GetTempPath()}/tianshan-{Guid.NewGuid():N}.db")));
    }
}
