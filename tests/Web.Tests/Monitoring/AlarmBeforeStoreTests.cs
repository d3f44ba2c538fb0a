using System.Data.Common;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Tianshan.Core.Data;
using Tianshan.Core.Monitoring;
using Tianshan.Core.Monitoring.Storage;
using Tianshan.Core.Platform;
using Tianshan.Web.Features.Monitoring;

namespace Tianshan.Web.Tests.Monitoring;

/// <summary>
/// Alarms do not wait for the reading store (ADR 004): another connection holds the readings' write lock — as the SQLite
/// minute roll-up does for seconds under load — and a reading over HH still raises its alarm at once, while the reading
/// itself is acknowledged only after it commits, once the lock is gone.
/// </summary>
public abstract class AlarmBeforeStoreTests(TianshanApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Opens a connection that holds the write lock the store needs for a reading at <paramref name="timestampMs"/>
    /// until it is disposed.</summary>
    protected abstract Task<DbConnection> LockReadingStoreAsync(string mainConnectionString, long timestampMs);

    [Fact]
    public async Task A_reading_over_HH_raises_its_alarm_while_the_store_is_locked_and_is_acknowledged_only_after_it_commits()
    {
        using var bureau = await app.LoginAsync("bureau");
        var alreadyActive = (await bureau.GetFromJsonAsync<JsonElement>("/api/alarms?state=active", Ct)).EnumerateArray()
            .Where(a => a.GetProperty("kind").GetString() == "HighHigh").Select(a => a.GetProperty("sensorId").GetGuid()).ToHashSet();
        Sensor sensor;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(UserScope.System);
            var sensors = await scope.ServiceProvider.GetRequiredService<TianshanDb>().Sensors.AsNoTracking().ToListAsync(Ct);
            sensor = sensors.Where(s => s.Rules.HighHigh is not null && s.Rules.OnDelay == TimeSpan.Zero && !alreadyActive.Contains(s.Id))
                .OrderBy(s => s.StoreId).Last();
        }
        var value = sensor.Rules.HighHigh!.Value + 1;
        var ingest = app.Services.GetRequiredService<ReadingIngest>();
        // Let the ingest open its writer first, so the lock below is met by a live commit, not a first connection.
        await ingest.IngestAsync(new[] { new Sample(sensor.StoreId, DateTimeOffset.UtcNow.AddSeconds(-5).ToUnixTimeMilliseconds(), 0) }, Ct);

        Task stored;
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        await using (await LockReadingStoreAsync(app.Services.GetRequiredService<IConfiguration>().GetConnectionString("Tianshan")!, now))
        {
            stored = ingest.IngestAsync(new[] { new Sample(sensor.StoreId, now, value) }, Ct);
            JsonElement? alarm = null;
            for (var i = 0; i < 50 && alarm is null; i++)
            {
                var active = await bureau.GetFromJsonAsync<JsonElement>("/api/alarms?state=active", Ct);
                alarm = active.EnumerateArray().Cast<JsonElement?>().FirstOrDefault(a =>
                    a!.Value.GetProperty("sensorId").GetGuid() == sensor.Id && a.Value.GetProperty("kind").GetString() == "HighHigh");
                if (alarm is null)
                    await Task.Delay(100, Ct);
            }
            Assert.NotNull(alarm);   // raised while the reading is still waiting for the store
            await Task.Delay(300, Ct);
            Assert.False(stored.IsCompleted, "the reading was acknowledged before it could be stored");
        }
        await stored.WaitAsync(TimeSpan.FromSeconds(30), Ct);   // the lock is gone: committed, then acknowledged
        var latest = await bureau.GetFromJsonAsync<JsonElement>($"/api/monitoring/sensors/{sensor.Id}/latest", Ct);
        Assert.Equal(value, latest.GetProperty("value").GetDouble(), 3);
    }
}

public sealed class AlarmBeforeStoreOnSqlite(SqliteApp app) : AlarmBeforeStoreTests(app), IClassFixture<SqliteApp>
{
    /// <summary>BEGIN IMMEDIATE takes the write lock of the reading's minute file, as the ingest finds it (WAL); the
    /// store's writer waits on it (busy timeout 60 s). The roll-up no longer takes this lock (ADR 004, "Store"), so a
    /// test connection stands in for the kind of wait that used to come from it.</summary>
    protected override async Task<DbConnection> LockReadingStoreAsync(string mainConnectionString, long timestampMs)
    {
        var store = new SqliteConnectionStringBuilder(ReadingStoreRegistration.ReadingsFileBeside(mainConnectionString)).DataSource;
        var file = SqliteReadingStore.MinuteFile(SqliteReadingStore.IncomingFolderOf(store), (int)(timestampMs / 60_000));
        // Not pooled: a pooled connection would go back to the pool with its transaction open, keeping the lock.
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString());
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var begin = connection.CreateCommand();
        begin.CommandText = "PRAGMA journal_mode=WAL; BEGIN IMMEDIATE";
        await begin.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        return connection;   // closing it rolls the transaction back and frees the lock
    }
}

public sealed class AlarmBeforeStoreOnPostgres(PostgresApp app) : AlarmBeforeStoreTests(app), IClassFixture<PostgresApp>
{
    /// <summary>An EXCLUSIVE table lock on readings.incoming in an open transaction: the store's COPY waits on it.</summary>
    protected override async Task<DbConnection> LockReadingStoreAsync(string mainConnectionString, long timestampMs)
    {
        var connection = new NpgsqlConnection(mainConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var begin = new NpgsqlCommand("BEGIN; LOCK TABLE readings.incoming IN EXCLUSIVE MODE", connection);
        await begin.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        return connection;
    }
}
