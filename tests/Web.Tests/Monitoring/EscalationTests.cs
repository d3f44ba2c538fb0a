using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Tianshan.Web.Tests.Monitoring;

/// <summary>An unacknowledged alarm climbs the ladder (enterprise duty at once, principal after 5 minutes, street after
/// 15, bureau after 30) on a fake clock; acknowledging it stops the climb.</summary>
public sealed class EscalationTests(ClockedSqliteApp app) : IClassFixture<ClockedSqliteApp>
{
    private static async Task<JsonElement?> AlarmAsync(HttpClient client, string code)
    {
        for (var i = 0; i < 100; i++)
        {
            var active = await client.GetFromJsonAsync<JsonElement>("/api/alarms?state=active");
            var alarm = active.EnumerateArray().Cast<JsonElement?>().FirstOrDefault(a => a!.Value.GetProperty("sensorCode").GetString() == code && a.Value.GetProperty("kind").GetString() == "HighHigh");
            if (alarm is not null)
                return alarm;
            await Task.Delay(100);
        }
        return null;
    }

    private static async Task<List<JsonElement>> NotificationsAsync(HttpClient client, Guid alarmId, int atLeast, int tries = 100)
    {
        List<JsonElement> found = [];
        for (var i = 0; i < tries && found.Count < atLeast; i++)
        {
            found = (await client.GetFromJsonAsync<JsonElement>("/api/alarms/notifications")).EnumerateArray()
                .Where(n => n.GetProperty("alarmId").GetGuid() == alarmId).OrderBy(n => n.GetProperty("step").GetInt32()).ToList();
            if (found.Count < atLeast)
                await Task.Delay(100);
        }
        return found;
    }

    [Fact]
    public async Task An_unacknowledged_alarm_escalates_rung_by_rung_until_acknowledged()
    {
        using var client = await app.LoginAsync("enterprise");
        var sensor = (await client.GetFromJsonAsync<JsonElement>("/api/monitoring/sensors")).EnumerateArray()
            .First(s => s.GetProperty("kind").GetString() == "Level");
        var code = sensor.GetProperty("code").GetString()!;
        var enterprise = sensor.GetProperty("enterpriseCode").GetString()!;
        var now = app.Clock!.GetUtcNow();
        var (exit, output) = await MqttIngestTests.PublishAsync(app.MqttPort!.Value, enterprise, TianshanApp.DemoPassword,
            $"tianshan/{enterprise}/{code}", $"{{\"t\":\"{now:O}\",\"v\":{(sensor.GetProperty("highHigh").GetDouble() + 1).ToString(CultureInfo.InvariantCulture)}}}");
        Assert.True(exit == 0, output);
        var alarm = await AlarmAsync(client, code);
        Assert.NotNull(alarm);
        var id = alarm.Value.GetProperty("id").GetGuid();

        app.Clock.Advance(TimeSpan.FromMinutes(6));
        var notified = await NotificationsAsync(client, id, 2);
        Assert.Equal(["企业值班人员", "企业主要负责人"], notified.Select(n => n.GetProperty("recipient").GetString()));
        Assert.Contains(code, notified[0].GetProperty("message").GetString(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsJsonAsync($"/api/alarms/{id}/acknowledge", new { note = "值班员已到场" })).StatusCode);
        app.Clock.Advance(TimeSpan.FromMinutes(30));
        await Task.Delay(1500);
        Assert.Equal(2, (await NotificationsAsync(client, id, 3, tries: 1)).Count);
    }

    [Fact]
    public async Task More_than_ten_alarms_in_ten_minutes_put_the_operator_area_in_flood()
    {
        using var client = await app.LoginAsync("enterprise2");
        var sensors = (await client.GetFromJsonAsync<JsonElement>("/api/monitoring/sensors")).EnumerateArray()
            .Where(s => s.GetProperty("high").ValueKind == JsonValueKind.Number).ToList();
        var enterprise = sensors[0].GetProperty("enterpriseCode").GetString()!;
        var now = app.Clock!.GetUtcNow();
        var readings = sensors.Select(s => $"{{\"s\":\"{s.GetProperty("code").GetString()}\",\"t\":\"{now:O}\",\"v\":{(s.GetProperty("high").GetDouble() * 10 + 100).ToString(CultureInfo.InvariantCulture)}}}");
        var (exit, output) = await MqttIngestTests.PublishAsync(app.MqttPort!.Value, enterprise, TianshanApp.DemoPassword,
            $"tianshan/{enterprise}/batch", $"{{\"readings\":[{string.Join(",", readings)}]}}");
        Assert.True(exit == 0, output);
        Assert.True(sensors.Count > 10);

        JsonElement floods = default;
        for (var i = 0; i < 100; i++)
        {
            floods = await client.GetFromJsonAsync<JsonElement>("/api/alarms/floods");
            if (floods.GetArrayLength() > 0)
                break;
            await Task.Delay(100);
        }
        Assert.Equal(1, floods.GetArrayLength());
        Assert.Equal("独山子金泰石化储运有限公司", floods[0].GetProperty("enterpriseName").GetString());
    }
}
