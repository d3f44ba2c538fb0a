using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using Tianshan.Core.Demo;

namespace Tianshan.Web.Tests.Monitoring;

/// <summary>The real MQTT client (mosquitto_pub) publishes to the embedded broker; the reading becomes an alarm that
/// the API lists and a SignalR client receives.</summary>
public abstract class MqttIngestTests(TianshanApp app)
{
    private static readonly DemoData Demo = DemoSeeder.Load();

    /// <summary>Runs mosquitto_pub and returns its exit code and output.</summary>
    internal static async Task<(int Code, string Output)> PublishAsync(int port, string user, string password, string topic, string message, int qos = 1)
    {
        var psi = new ProcessStartInfo("mosquitto_pub")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            ArgumentList = { "-h", "127.0.0.1", "-p", port.ToString(CultureInfo.InvariantCulture), "-u", user, "-P", password, "-q", qos.ToString(CultureInfo.InvariantCulture), "-t", topic, "-m", message, "-V", "mqttv5", "-d" },
        };
        using var process = Process.Start(psi)!;
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, output);
    }

    private static async Task<JsonElement> SensorAsync(HttpClient client, string kind)
    {
        var sensors = await client.GetFromJsonAsync<JsonElement>("/api/monitoring/sensors");
        return sensors.EnumerateArray().First(s => s.GetProperty("kind").GetString() == kind && s.GetProperty("highHigh").ValueKind == JsonValueKind.Number);
    }

    [Fact]
    public async Task A_reading_over_HH_from_mosquitto_pub_becomes_an_active_alarm_in_the_api_and_over_signalr()
    {
        using var client = await app.LoginAsync("enterprise");
        var sensor = await SensorAsync(client, "Pressure");
        var code = sensor.GetProperty("code").GetString()!;
        var enterprise = sensor.GetProperty("enterpriseCode").GetString()!;
        var hh = sensor.GetProperty("highHigh").GetDouble();

        await using var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(app.Server.BaseAddress, "/hubs/monitoring"), o =>
            {
                o.HttpMessageHandlerFactory = _ => app.Server.CreateHandler();
                o.Transports = Microsoft.AspNetCore.Http.Connections.HttpTransportType.LongPolling;
                o.Headers["Cookie"] = app.CookieOf(client);
            })
            .Build();
        var pushed = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.On<JsonElement>("alarmChanged", a =>
        {
            if (a.GetProperty("sensorCode").GetString() == code)
                pushed.TrySetResult(a);
        });
        await hub.StartAsync();

        var payload = $"{{\"t\":\"{DateTimeOffset.UtcNow:O}\",\"v\":{(hh + 0.1).ToString(CultureInfo.InvariantCulture)}}}";
        var started = Stopwatch.StartNew();
        var (exit, output) = await PublishAsync(app.MqttPort!.Value, enterprise, TianshanApp.DemoPassword, $"tianshan/{enterprise}/{code}", payload);
        Assert.True(exit == 0, output);

        JsonElement? alarm = null;
        while (alarm is null && started.Elapsed < TimeSpan.FromSeconds(10))
        {
            var active = await client.GetFromJsonAsync<JsonElement>("/api/alarms?state=active");
            alarm = active.EnumerateArray().Cast<JsonElement?>().FirstOrDefault(a => a!.Value.GetProperty("sensorCode").GetString() == code && a.Value.GetProperty("kind").GetString() == "HighHigh");
            if (alarm is null)
                await Task.Delay(100);
        }
        Assert.NotNull(alarm);
        Assert.Equal("Unacknowledged", alarm.Value.GetProperty("state").GetString());
        var viaHub = await pushed.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(code, viaHub.GetProperty("sensorCode").GetString());

        // Acknowledge by a named user.
        var ack = await client.PostAsJsonAsync($"/api/alarms/{alarm.Value.GetProperty("id")}/acknowledge", new { note = "现场确认" });
        Assert.Equal(HttpStatusCode.NoContent, ack.StatusCode);
        var after = (await client.GetFromJsonAsync<JsonElement>($"/api/alarms?state=active")).EnumerateArray()
            .First(a => a.GetProperty("id").GetGuid() == alarm.Value.GetProperty("id").GetGuid());
        Assert.Equal("Acknowledged", after.GetProperty("state").GetString());
        Assert.Equal("enterprise", after.GetProperty("acknowledgedBy").GetString());
    }

    [Fact]
    public async Task A_gateway_publishing_under_another_enterprise_code_is_refused()
    {
        var own = Demo.Enterprises[0].CreditCode;
        var other = Demo.Enterprises[1].CreditCode;
        var (exit, output) = await PublishAsync(app.MqttPort!.Value, own, TianshanApp.DemoPassword, $"tianshan/{other}/001-PT02",
            $"{{\"t\":\"{DateTimeOffset.UtcNow:O}\",\"v\":99}}");
        Assert.Contains("Not authorized", output, StringComparison.OrdinalIgnoreCase);
        _ = exit;
        using var bureau = await app.LoginAsync("bureau");
        var gateways = await bureau.GetFromJsonAsync<JsonElement>("/api/monitoring/gateways");
        var stats = gateways.EnumerateArray().First(g => g.GetProperty("creditCode").GetString() == own);
        Assert.True(stats.GetProperty("refused").GetInt64() >= 1);
    }

    /// <summary>The embedded broker is the platform's intake: a gateway may not subscribe (it would read other enterprises'
    /// process data), and a stored reading is acknowledged as Success, not as "no matching subscribers".</summary>
    [Fact]
    public async Task A_gateway_cannot_subscribe_to_read_another_enterprise_s_readings()
    {
        var own = Demo.Enterprises[0].CreditCode;
        using var client = await app.LoginAsync("bureau");
        var sensors = await client.GetFromJsonAsync<JsonElement>("/api/monitoring/sensors");
        var theirs = sensors.EnumerateArray().First(s => s.GetProperty("enterpriseCode").GetString() != own);
        var other = theirs.GetProperty("enterpriseCode").GetString()!;

        var factory = new MqttClientFactory();
        MqttClientOptions Options(string user) => factory.CreateClientOptionsBuilder().WithTcpServer("127.0.0.1", app.MqttPort!.Value)
            .WithClientId($"{user}-{Guid.NewGuid():N}").WithCredentials(user, TianshanApp.DemoPassword)
            .WithProtocolVersion(MqttProtocolVersion.V500).Build();
        using var spy = factory.CreateMqttClient();
        var received = 0;
        spy.ApplicationMessageReceivedAsync += _ =>
        {
            Interlocked.Increment(ref received);
            return Task.CompletedTask;
        };
        await spy.ConnectAsync(Options(own));
        var subscribed = await spy.SubscribeAsync(factory.CreateSubscribeOptionsBuilder()
            .WithTopicFilter("tianshan/#", MqttQualityOfServiceLevel.AtLeastOnce).Build());
        Assert.Equal(MqttClientSubscribeResultCode.NotAuthorized, subscribed.Items.Single().ResultCode);

        using var gateway = factory.CreateMqttClient();
        await gateway.ConnectAsync(Options(other));
        var published = await gateway.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic($"tianshan/{other}/{theirs.GetProperty("code").GetString()}")
            .WithPayload($"{{\"t\":\"{DateTimeOffset.UtcNow:O}\",\"v\":1}}")
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());
        Assert.Equal(MqttClientPublishReasonCode.Success, published.ReasonCode);
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(0, Volatile.Read(ref received));
    }

    [Fact]
    public async Task A_wrong_gateway_password_cannot_connect()
    {
        var own = Demo.Enterprises[0].CreditCode;
        var (exit, output) = await PublishAsync(app.MqttPort!.Value, own, "wrong-password", $"tianshan/{own}/x", "{}");
        Assert.NotEqual(0, exit);
        Assert.Contains("bad user name or password", output, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Sends a hand-built MQTT 3.1.1 CONNECT (clean session, user name and password) and returns the CONNACK
    /// return code.</summary>
    private static async Task<int> ConnectReturnCodeAsync(int port, string clientId, string user, string password)
    {
        static byte[] Field(string value)
        {
            var bytes = System.Text.Encoding.UTF8.GetBytes(value);
            return [(byte)(bytes.Length >> 8), (byte)bytes.Length, .. bytes];
        }
        byte[] body = [.. Field("MQTT"), 4, 0x80 | 0x40 | 0x02, 0, 60, .. Field(clientId), .. Field(user), .. Field(password)];
        Assert.True(body.Length < 128);                                     // one-byte remaining length
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync("127.0.0.1", port);
        var stream = tcp.GetStream();
        await stream.WriteAsync((byte[])[0x10, (byte)body.Length, .. body]);
        var connack = new byte[4];
        await stream.ReadExactlyAsync(connack);
        Assert.Equal(0x20, connack[0]);
        return connack[3];
    }

    /// <summary>MQTT 3.1.1 §3.1.3.1: a server MAY accept a zero-byte client id (and then assign one); if it does not, it MUST
    /// answer CONNACK 0x02 (identifier rejected). The embedded broker (MQTTnet) assigns ids only to MQTT 5 clients, so a 3.1.1
    /// gateway must name itself — and it gets the clear 0x02, not a dropped connection. A named 3.1.1 gateway publishes.</summary>
    [Fact]
    public async Task An_MQTT_3_1_1_gateway_must_name_itself_and_then_publishes()
    {
        using var client = await app.LoginAsync("enterprise");
        var sensor = await SensorAsync(client, "Level");
        var code = sensor.GetProperty("code").GetString()!;
        var enterprise = sensor.GetProperty("enterpriseCode").GetString()!;
        var port = app.MqttPort!.Value;
        Assert.Equal(0x02, await ConnectReturnCodeAsync(port, "", enterprise, TianshanApp.DemoPassword));
        Assert.Equal(0x00, await ConnectReturnCodeAsync(port, "gw-311-raw", enterprise, TianshanApp.DemoPassword));

        var factory = new MQTTnet.MqttClientFactory();
        using var gateway = factory.CreateMqttClient();
        var connected = await gateway.ConnectAsync(factory.CreateClientOptionsBuilder().WithTcpServer("127.0.0.1", port)
            .WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V311).WithClientId("gw-311").WithCredentials(enterprise, TianshanApp.DemoPassword).Build());
        Assert.Equal(MQTTnet.MqttClientConnectResultCode.Success, connected.ResultCode);
        var value = 1.375;
        var published = await gateway.PublishAsync(new MQTTnet.MqttApplicationMessageBuilder().WithTopic($"tianshan/{enterprise}/{code}")
            .WithPayload($"{{\"t\":\"{DateTimeOffset.UtcNow:O}\",\"v\":{value.ToString(CultureInfo.InvariantCulture)}}}")
            .WithQualityOfServiceLevel(MQTTnet.Protocol.MqttQualityOfServiceLevel.AtLeastOnce).Build());
        Assert.True(published.IsSuccess, published.ReasonString);
        // The PUBACK came after the commit, so the reading is there now.
        var latest = await client.GetFromJsonAsync<JsonElement>($"/api/monitoring/sensors/{sensor.GetProperty("id")}/latest");
        Assert.Equal(value, latest.GetProperty("value").GetDouble(), 3);
        await gateway.DisconnectAsync(new MQTTnet.MqttClientDisconnectOptions());
    }

    [Fact]
    public async Task Alarm_history_exports_to_Excel_with_who_acknowledged_scoped_to_the_user()
    {
        using var client = await app.LoginAsync("enterprise");
        using var bureau = await app.LoginAsync("bureau");
        var sensor = await SensorAsync(client, "Temperature");
        var code = sensor.GetProperty("code").GetString()!;
        var enterprise = sensor.GetProperty("enterpriseCode").GetString()!;
        var payload = $"{{\"t\":\"{DateTimeOffset.UtcNow:O}\",\"v\":{(sensor.GetProperty("highHigh").GetDouble() + 0.5).ToString(CultureInfo.InvariantCulture)}}}";
        var (exit, output) = await PublishAsync(app.MqttPort!.Value, enterprise, TianshanApp.DemoPassword, $"tianshan/{enterprise}/{code}", payload);
        Assert.True(exit == 0, output);
        JsonElement? alarm = null;
        for (var i = 0; i < 100 && alarm is null; i++)
        {
            alarm = (await client.GetFromJsonAsync<JsonElement>("/api/alarms?state=active")).EnumerateArray().Cast<JsonElement?>()
                .FirstOrDefault(a => a!.Value.GetProperty("sensorCode").GetString() == code && a.Value.GetProperty("kind").GetString() == "HighHigh");
            if (alarm is null)
                await Task.Delay(100);
        }
        Assert.NotNull(alarm);
        Assert.Equal(HttpStatusCode.NoContent,
            (await client.PostAsJsonAsync($"/api/alarms/{alarm.Value.GetProperty("id")}/acknowledge", new { note = "导出前确认" })).StatusCode);

        static async Task<List<ClosedXML.Excel.IXLRangeRow>> RowsAsync(HttpClient c, string url)
        {
            var response = await c.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var book = new ClosedXML.Excel.XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
            return book.Worksheet("报警记录").RangeUsed()!.Rows().Skip(1).ToList();
        }
        var own = await RowsAsync(client, "/api/alarms/export");
        var row = Assert.Single(own, r => r.Cell(2).GetString() == code && r.Cell(4).GetString().Contains("高高", StringComparison.Ordinal));
        Assert.Equal("enterprise", row.Cell(11).GetString());                  // 确认人
        Assert.Contains("enterprise：导出前确认", row.Cell(20).GetString(), StringComparison.Ordinal);   // the journal keeps who and why
        Assert.Single(own.Select(r => r.Cell(1).GetString()).Distinct());     // an enterprise exports only its own alarms
        var all = await RowsAsync(bureau, "/api/alarms/export");
        Assert.Contains(all, r => r.Cell(2).GetString() == code);
        Assert.True(all.Count >= own.Count);
        // A range that ends before today holds nothing from today.
        Assert.DoesNotContain(await RowsAsync(bureau, "/api/alarms/export?from=2020-01-01&to=2020-12-31"), r => r.Cell(2).GetString() == code);

        var tooLong = await bureau.GetAsync("/api/alarms/export?from=2024-01-01&to=2025-06-30");
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("366", await tooLong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await bureau.GetAsync("/api/alarms/export?from=2025-02-01&to=2025-01-01")).StatusCode);
        var notADate = await bureau.GetAsync("/api/alarms/export?from=2025-13-45");
        Assert.Equal(HttpStatusCode.BadRequest, notADate.StatusCode);
        var problem = await notADate.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("参数 from 的值“2025-13-45”格式不正确，应为日期（yyyy-MM-dd）", problem.GetProperty("errors").GetProperty("from")[0].GetString());
    }

    [Fact]
    public async Task Malformed_and_unknown_readings_are_counted_and_valid_neighbours_stored()
    {
        using var client = await app.LoginAsync("enterprise2");
        var sensors = await client.GetFromJsonAsync<JsonElement>("/api/monitoring/sensors");
        var sensor = sensors[0];
        var code = sensor.GetProperty("code").GetString()!;
        var enterprise = sensor.GetProperty("enterpriseCode").GetString()!;
        var now = DateTimeOffset.UtcNow;
        var batch = $$"""{"readings":[{"s":"{{code}}","t":"{{now:O}}","v":1.25},{"s":"no-such-sensor","t":"{{now:O}}","v":1},{"s":"{{code}}","t":"not a time","v":2},{"s":"{{code}}","t":"{{now.AddYears(-1):O}}","v":3}]}""";
        var (exit, output) = await PublishAsync(app.MqttPort!.Value, enterprise, TianshanApp.DemoPassword, $"tianshan/{enterprise}/batch", batch);
        Assert.True(exit == 0, output);
        var (exit2, _) = await PublishAsync(app.MqttPort!.Value, enterprise, TianshanApp.DemoPassword, $"tianshan/{enterprise}/{code}", "{not json");
        Assert.Equal(0, exit2);

        var latest = await client.GetFromJsonAsync<JsonElement>($"/api/monitoring/sensors/{sensor.GetProperty("id")}/latest");
        Assert.Equal(1.25, latest.GetProperty("value").GetDouble(), 3);
        var stats = (await client.GetFromJsonAsync<JsonElement>("/api/monitoring/gateways")).EnumerateArray().Single();
        Assert.True(stats.GetProperty("accepted").GetInt64() >= 1);
        Assert.True(stats.GetProperty("malformed").GetInt64() >= 2);
        Assert.True(stats.GetProperty("unknownSensor").GetInt64() >= 1);
        Assert.True(stats.GetProperty("outOfRangeTime").GetInt64() >= 1);
    }
}

[Collection(WithMqttOnSqlite.Name)]
public sealed class MqttIngestOnSqlite(MqttSqliteApp app) : MqttIngestTests(app);

[Collection(WithMqttOnPostgres.Name)]
public sealed class MqttIngestOnPostgres(MqttPostgresApp app) : MqttIngestTests(app);
