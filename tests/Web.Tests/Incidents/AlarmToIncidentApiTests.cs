using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;

namespace Tianshan.Web.Tests.Incidents;

/// <summary>转为事件 through HTTP, on each database: a reading over 高高 raises an alarm; the duty desk takes an incident from it
/// (source 监测报警) and the incident is the alarm's enterprise's, where the enterprise is, linked to the alarm, graded, and in the
/// duty log — whatever enterprise the request names; an alarm outside the caller's scope, or none, takes nothing.</summary>
public abstract class AlarmToIncidentApiTests(TianshanApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Pushes a reading above the sensor's 高高 limit through the ingest pipeline and waits for the alarm.</summary>
    private async Task<JsonElement> RaiseAlarmAsync(HttpClient enterprise)
    {
        var sensor = (await enterprise.GetFromJsonAsync<JsonElement>("/api/monitoring/sensors", Ct)).EnumerateArray()
            .First(s => s.GetProperty("highHigh").ValueKind == JsonValueKind.Number);
        var sensorId = sensor.GetProperty("id").GetGuid();
        int storeId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<Core.Platform.CurrentUser>().Set(Core.Platform.UserScope.System);
            var db = scope.ServiceProvider.GetRequiredService<Core.Data.TianshanDb>();
            storeId = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Sensors.Where(x => x.Id == sensorId).Select(x => x.StoreId), Ct);
        }
        await app.Services.GetRequiredService<Features.Monitoring.ReadingIngest>().IngestAsync(
            new[] { new Features.Monitoring.Sample(storeId, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), sensor.GetProperty("highHigh").GetDouble() + 5) }, Ct);
        for (var i = 0; i < 100; i++)
        {
            var alarm = (await enterprise.GetFromJsonAsync<JsonElement>("/api/alarms?state=active", Ct)).EnumerateArray().Cast<JsonElement?>()
                .FirstOrDefault(a => a!.Value.GetProperty("sensorId").GetGuid() == sensorId);
            if (alarm is { } found)
                return found;
            await Task.Delay(100, Ct);
        }
        Assert.Fail("no alarm was raised");
        return default;
    }

    private static object FromAlarm(Guid? alarmId, Guid? enterpriseId = null, string title = "储罐液位高高报警后冒顶泄漏") => new
    {
        source = "MonitoringAlarm",
        alarmId,
        enterpriseId,
        subtype = "危险化学品事故",
        title,
        occurredAt = DateTimeOffset.UtcNow.AddMinutes(-5),
        latitude = 44.33,
        longitude = 84.87,
        address = "储罐区",
        narrative = "液位高高报警后储罐冒顶，少量物料泄漏，企业已启动应急处置。",
        reporter = "监测预警平台",
        seriousInjuries = 1,
    };

    [Fact]
    public async Task An_alarm_turns_into_an_incident_of_its_enterprise_linked_to_the_alarm_and_logged_at_the_desk()
    {
        using var enterprise = await app.LoginAsync("enterprise2");
        var alarm = await RaiseAlarmAsync(enterprise);
        var alarmId = alarm.GetProperty("id").GetGuid();
        var alarmEnterprise = alarm.GetProperty("enterpriseId").GetGuid();

        using var bureau = await app.LoginAsync("bureau");
        // The request names another enterprise: the alarm's own decides (an alarm belongs to the enterprise whose sensor raised it).
        var otherEnterprise = (await bureau.GetFromJsonAsync<JsonElement>("/api/enterprises?pageSize=50", Ct)).GetProperty("items").EnumerateArray()
            .Select(e => e.GetProperty("id").GetGuid()).First(id => id != alarmEnterprise);
        var response = await bureau.PostAsJsonAsync("/api/incidents", FromAlarm(alarmId, otherEnterprise), Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        var created = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var id = created.GetProperty("id").GetGuid();
        Assert.Equal("MonitoringAlarm", created.GetProperty("source").GetString());
        Assert.Equal("Accident", created.GetProperty("category").GetString());   // an alarm's incident is a production accident by default
        Assert.Equal("一般", created.GetProperty("gradeLabel").GetString());

        var detail = await bureau.GetFromJsonAsync<JsonElement>($"/api/incidents/{id}", Ct);
        Assert.Equal(alarmId, detail.GetProperty("alarmId").GetGuid());
        Assert.Equal(alarmEnterprise, detail.GetProperty("summary").GetProperty("enterpriseId").GetGuid());
        Assert.Contains(detail.GetProperty("timeline").EnumerateArray(), e => e.GetProperty("action").GetString() == "接报"
            && e.GetProperty("note").GetString()!.StartsWith("监测报警", StringComparison.Ordinal));
        var log = await bureau.GetFromJsonAsync<JsonElement>("/api/duty/log", Ct);
        Assert.Contains(log.EnumerateArray(), e => e.GetProperty("kind").GetString() == "Incident"
            && e.TryGetProperty("incidentId", out var i) && i.ValueKind == JsonValueKind.String && i.GetGuid() == id);

        // The enterprise whose sensor raised the alarm sees the incident as its own; another enterprise does not.
        Assert.Contains((await enterprise.GetFromJsonAsync<JsonElement>("/api/incidents", Ct)).EnumerateArray(), x => x.GetProperty("id").GetGuid() == id);
        using var other = await app.LoginAsync("enterprise");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/incidents/{id}", Ct)).StatusCode);
    }

    [Fact]
    public async Task An_alarm_outside_the_callers_scope_or_no_alarm_takes_no_incident()
    {
        using var enterprise = await app.LoginAsync("enterprise2");
        var alarmId = (await RaiseAlarmAsync(enterprise)).GetProperty("id").GetGuid();
        using var bureau = await app.LoginAsync("bureau");
        var before = (await bureau.GetFromJsonAsync<JsonElement>("/api/incidents", Ct)).GetArrayLength();

        // A department of other sectors (住建) cannot see this hazardous-chemicals enterprise's alarm, so cannot raise an incident from it.
        using var department = await app.LoginAsync("department");
        var foreign = await department.PostAsJsonAsync("/api/incidents", FromAlarm(alarmId, title: "越权转为事件"), Ct);
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Contains("报警记录不存在或不在您的管辖范围内", await foreign.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        // 监测报警 without an alarm is bad input, said in Chinese; an alarm id that does not exist is not found.
        var none = await bureau.PostAsJsonAsync("/api/incidents", FromAlarm(null, title: "无报警"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        Assert.Contains("来源为监测报警的事件须关联报警记录", await none.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await bureau.PostAsJsonAsync("/api/incidents", FromAlarm(Guid.CreateVersion7(), title: "不存在的报警"), Ct)).StatusCode);

        Assert.Equal(before, (await bureau.GetFromJsonAsync<JsonElement>("/api/incidents", Ct)).GetArrayLength());
    }
}

[Collection(OnSqlite.Name)]
public sealed class AlarmToIncidentApiOnSqlite(SqliteApp app) : AlarmToIncidentApiTests(app);

[Collection(OnPostgres.Name)]
public sealed class AlarmToIncidentApiOnPostgres(PostgresApp app) : AlarmToIncidentApiTests(app);
