using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace Tianshan.Web.Tests.Monitoring;

/// <summary>With Mqtt:Broker set, the host subscribes to Debian's mosquitto: a reading published there becomes an alarm.</summary>
[Collection(WithExternalMqtt.Name)]
public sealed class ExternalBrokerTests(ExternalMqttSqliteApp app)
{
    [Fact]
    public async Task A_reading_over_HH_published_to_mosquitto_becomes_an_active_alarm()
    {
        using var client = await app.LoginAsync("bureau");
        var sensors = await client.GetFromJsonAsync<JsonElement>("/api/monitoring/sensors");
        var sensor = sensors.EnumerateArray().First(s => s.GetProperty("kind").GetString() == "Temperature" && s.GetProperty("highHigh").ValueKind == JsonValueKind.Number);
        var code = sensor.GetProperty("code").GetString()!;
        var enterprise = sensor.GetProperty("enterpriseCode").GetString()!;
        var value = (sensor.GetProperty("highHigh").GetDouble() + 1).ToString(CultureInfo.InvariantCulture);
        var (host, port) = (app.ExternalBroker!.Split(':')[0], app.ExternalBroker.Split(':')[1]);

        var started = Stopwatch.StartNew();
        JsonElement? alarm = null;
        // The subscription is made when the host starts; publish until the alarm shows (the first may precede it).
        while (alarm is null && started.Elapsed < TimeSpan.FromSeconds(15))
        {
            var psi = new ProcessStartInfo("mosquitto_pub") { ArgumentList = { "-h", host, "-p", port, "-q", "1", "-t", $"tianshan/{enterprise}/{code}", "-m", $"{{\"t\":\"{DateTimeOffset.UtcNow:O}\",\"v\":{value}}}" } };
            using (var p = Process.Start(psi)!)
                await p.WaitForExitAsync();
            await Task.Delay(300);
            var active = await client.GetFromJsonAsync<JsonElement>("/api/alarms?state=active");
            alarm = active.EnumerateArray().Cast<JsonElement?>().FirstOrDefault(a => a!.Value.GetProperty("sensorCode").GetString() == code);
        }
        Assert.NotNull(alarm);
        Assert.Equal("HighHigh", alarm.Value.GetProperty("kind").GetString());
    }
}
