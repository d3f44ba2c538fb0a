using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tianshan.Core.Data;
using Tianshan.Core.Monitoring;
using Tianshan.Core.Platform;
using Tianshan.Web.Features.Monitoring;

namespace Tianshan.Web.Tests.Monitoring;

/// <summary>
/// The database refuses alarm writes for a while (a trigger that raises an error while a flag row exists — a real
/// failure of the real database, nothing mocked): an operator's acknowledgement is answered 503 with a Chinese message,
/// an alarm raised meanwhile is not lost, and once the database takes writes again both are stored, exactly once.
/// </summary>
public abstract class AlarmStoreRetryTests(TianshanApp app)
{
    /// <summary>SQL that makes every insert into and update of "Alarms" fail while fail_alarm_store has a row.</summary>
    protected abstract string FailureTriggerSql { get; }

    private async Task ExecuteAsync(string sql)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(UserScope.System);
        await scope.ServiceProvider.GetRequiredService<TianshanDb>().Database.ExecuteSqlRawAsync(sql, TestContext.Current.CancellationToken);
    }

    private async Task<List<Sensor>> SensorsWithHighHighAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(UserScope.System);
        var sensors = await scope.ServiceProvider.GetRequiredService<TianshanDb>().Sensors.AsNoTracking()
            .ToListAsync(TestContext.Current.CancellationToken);
        return sensors.Where(s => s.Rules.HighHigh is not null && s.Rules.OnDelay == TimeSpan.Zero).OrderBy(s => s.StoreId).ToList();
    }

    private async Task<int> StoredAlarmsAsync(Guid sensorId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(UserScope.System);
        return await scope.ServiceProvider.GetRequiredService<TianshanDb>().Alarms
            .CountAsync(a => a.SensorId == sensorId && a.Kind == AlarmKind.HighHigh, TestContext.Current.CancellationToken);
    }

    private Task OverHighHighAsync(Sensor sensor) =>
        app.Services.GetRequiredService<ReadingIngest>().IngestAsync(
            new[] { new Sample(sensor.StoreId, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), sensor.Rules.HighHigh!.Value + 1) },
            TestContext.Current.CancellationToken);

    private static async Task<JsonElement?> ActiveAlarmAsync(HttpClient client, Guid sensorId, string? state = null, int tries = 100)
    {
        for (var i = 0; i < tries; i++)
        {
            var active = await client.GetFromJsonAsync<JsonElement>("/api/alarms?state=active");
            var alarm = active.EnumerateArray().Cast<JsonElement?>().FirstOrDefault(a =>
                a!.Value.GetProperty("sensorId").GetGuid() == sensorId && a.Value.GetProperty("kind").GetString() == "HighHigh"
                && (state is null || a.Value.GetProperty("state").GetString() == state));
            if (alarm is not null)
                return alarm;
            if (i < tries - 1)
                await Task.Delay(100);
        }
        return null;
    }

    [Fact]
    public async Task Alarm_changes_refused_by_the_database_are_stored_once_it_recovers_and_none_is_lost_or_doubled()
    {
        using var bureau = await app.LoginAsync("bureau");
        var sensors = await SensorsWithHighHighAsync();
        var (first, second) = (sensors[0], sensors[1]);

        await OverHighHighAsync(first);
        var raised = await ActiveAlarmAsync(bureau, first.Id);
        Assert.NotNull(raised);

        await ExecuteAsync(FailureTriggerSql);
        try
        {
            var ack = await bureau.PostAsJsonAsync($"/api/alarms/{raised.Value.GetProperty("id").GetGuid()}/acknowledge", new { note = "数据库故障期间确认" },
                TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ack.StatusCode);
            Assert.Contains("自动重试", (await ack.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("detail").GetString(),
                StringComparison.Ordinal);

            await OverHighHighAsync(second);
            await Task.Delay(1500, TestContext.Current.CancellationToken);
            Assert.Equal(0, await StoredAlarmsAsync(second.Id));
        }
        finally
        {
            await ExecuteAsync("DELETE FROM fail_alarm_store");
        }

        Assert.NotNull(await ActiveAlarmAsync(bureau, second.Id));
        Assert.NotNull(await ActiveAlarmAsync(bureau, first.Id, state: "Acknowledged"));
        Assert.Equal(1, await StoredAlarmsAsync(first.Id));
        Assert.Equal(1, await StoredAlarmsAsync(second.Id));
    }
}

public sealed class AlarmStoreRetryOnSqlite(SqliteApp app) : AlarmStoreRetryTests(app), IClassFixture<SqliteApp>
{
    protected override string FailureTriggerSql => """
        CREATE TABLE fail_alarm_store (x INTEGER);
        INSERT INTO fail_alarm_store VALUES (1);
        CREATE TRIGGER fail_alarm_insert BEFORE INSERT ON "Alarms" WHEN EXISTS (SELECT 1 FROM fail_alarm_store)
        BEGIN SELECT RAISE(ABORT, 'injected failure'); END;
        CREATE TRIGGER fail_alarm_update BEFORE UPDATE ON "Alarms" WHEN EXISTS (SELECT 1 FROM fail_alarm_store)
        BEGIN SELECT RAISE(ABORT, 'injected failure'); END;
        """;
}

public sealed class AlarmStoreRetryOnPostgres(PostgresApp app) : AlarmStoreRetryTests(app), IClassFixture<PostgresApp>
{
    protected override string FailureTriggerSql => """
        CREATE TABLE fail_alarm_store (x int);
        INSERT INTO fail_alarm_store VALUES (1);
        CREATE FUNCTION fail_alarm_store() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF EXISTS (SELECT 1 FROM fail_alarm_store) THEN RAISE EXCEPTION 'injected failure'; END IF;
            RETURN NEW;
        END $$;
        CREATE TRIGGER fail_alarm_store BEFORE INSERT OR UPDATE ON "Alarms" FOR EACH ROW EXECUTE FUNCTION fail_alarm_store();
        """;
}
