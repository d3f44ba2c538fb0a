using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using MQTTnet;
using MQTTnet.Protocol;
using Tianshan.Core.Demo;

namespace Tianshan.Web.Tests.Monitoring;

/// <summary>Kill -9 the host in the middle of ingest, start it again on the same database: every reading whose QoS 1
/// PUBACK the gateway received is stored.</summary>
public sealed class CrashTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"tianshan-crash-{Guid.NewGuid():N}");
    private readonly int _http = TianshanApp.FreePort();
    private readonly int _mqtt = TianshanApp.FreePort();
    private Process? _host;

    public ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        return ValueTask.CompletedTask;
    }

    private async Task StartHostAsync()
    {
        var dll = typeof(Program).Assembly.Location;
        var psi = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { dll, "--urls", $"http://127.0.0.1:{_http}" },
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        psi.Environment["ConnectionStrings__Tianshan"] = $"Data Source={Path.Combine(_folder, "tianshan.db")}";
        psi.Environment["TIANSHAN_DEMO_PASSWORD"] = TianshanApp.DemoPassword;
        psi.Environment["Mqtt__Port"] = _mqtt.ToString(CultureInfo.InvariantCulture);
        psi.Environment["Monitoring__DemoFeed"] = "false";
        psi.Environment["Logging__LogLevel__Default"] = "Warning";
        _host = Process.Start(psi)!;
        _host.OutputDataReceived += (_, _) => { };
        _host.ErrorDataReceived += (_, _) => { };
        _host.BeginOutputReadLine();
        _host.BeginErrorReadLine();
        using var http = new HttpClient();
        var started = Stopwatch.StartNew();
        // A fresh host migrates and seeds the whole demo before /health answers; on a shared 2-core machine under load that
        // has taken over a minute, so the limit is generous: it guards against a host that never starts, not a slow one.
        while (started.Elapsed < TimeSpan.FromSeconds(180))
        {
            try
            {
                if ((await http.GetAsync($"http://127.0.0.1:{_http}/health")).IsSuccessStatusCode)
                    return;
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(200);
        }
        throw new TimeoutException("the host did not start");
    }

    [Fact]
    public async Task Every_acknowledged_reading_survives_a_kill_9()
    {
        await StartHostAsync();
        var enterprise = DemoSeeder.Load().Enterprises[1].CreditCode;
        const string sensor = "009-TT02";
        var factory = new MqttClientFactory();
        using var client = factory.CreateMqttClient();
        await client.ConnectAsync(factory.CreateClientOptionsBuilder().WithTcpServer("127.0.0.1", _mqtt).WithClientId("crash-test")
            .WithCredentials(enterprise, TianshanApp.DemoPassword).Build());

        // Publish one reading at a time, each awaited until its PUBACK; kill the host while they flow.
        var acknowledged = new List<long>();
        var start = DateTimeOffset.UtcNow.AddMinutes(-5);
        var publishing = Task.Run(async () =>
        {
            for (var i = 0; i < 100_000; i++)
            {
                var t = start.AddMilliseconds(i * 10);
                var message = new MqttApplicationMessageBuilder().WithTopic($"tianshan/{enterprise}/{sensor}")
                    .WithPayload($"{{\"t\":\"{t:O}\",\"v\":{20 + i % 7}}}").WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build();
                try
                {
                    var result = await client.PublishAsync(message);
                    if (!result.IsSuccess)
                        break;
                }
#pragma warning disable CA1031 // the broker died under us: that is the point
                catch (Exception)
#pragma warning restore CA1031
                {
                    break;
                }
                lock (acknowledged)
                    acknowledged.Add(t.ToUnixTimeMilliseconds());
            }
        });
        while (true)
        {
            lock (acknowledged)
            {
                if (acknowledged.Count >= 300)
                    break;
            }
            await Task.Delay(20);
        }
        _host!.Kill(entireProcessTree: true);
        await _host.WaitForExitAsync();
        await publishing;
        long[] acked;
        lock (acknowledged)
            acked = [.. acknowledged];
        Assert.True(acked.Length >= 300);

        await StartHostAsync();
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{_http}") };
        var login = await http.PostAsJsonAsync("/api/auth/login", new { userName = "enterprise2", password = TianshanApp.DemoPassword });
        var cookie = login.Headers.GetValues("Set-Cookie").First().Split(';')[0];
        http.DefaultRequestHeaders.Add("Cookie", cookie);
        var sensors = await http.GetFromJsonAsync<JsonElement>("/api/monitoring/sensors");
        var id = sensors.EnumerateArray().First(s => s.GetProperty("code").GetString() == sensor).GetProperty("id").GetString();
        var from = Uri.EscapeDataString(start.AddMinutes(-1).ToString("O"));
        var to = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddMinutes(1).ToString("O"));
        var trend = await http.GetFromJsonAsync<JsonElement>($"/api/monitoring/sensors/{id}/trend?from={from}&to={to}");
        var stored = trend.EnumerateArray().Select(p => p.GetProperty("timestampMs").GetInt64()).ToHashSet();
        var missing = acked.Where(t => !stored.Contains(t)).ToList();
        Assert.True(missing.Count == 0, $"{missing.Count} of {acked.Length} acknowledged readings were lost");
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is { HasExited: false })
        {
            _host.Kill(entireProcessTree: true);
            await _host.WaitForExitAsync();
        }
        _host?.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
