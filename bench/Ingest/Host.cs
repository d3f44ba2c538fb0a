using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Tianshan.Bench.Ingest;

/// <summary>The real Tianshan host (Tianshan.Web.dll) as a separate process, configured through the environment as an
/// operator would; its embedded MQTT broker and HTTP API are what the benchmark measures.</summary>
internal sealed class Host : IAsyncDisposable
{
    public const string Password = "Bench-Pass-2026!";

    private readonly Process _process;
    private readonly CookieContainer _cookies = new();
    private HttpClient? _http;

    public int HttpPort { get; }
    public int MqttPort { get; }
    public Uri BaseAddress => new($"http://127.0.0.1:{HttpPort}");

    private Host(Process process, int httpPort, int mqttPort)
    {
        _process = process;
        HttpPort = httpPort;
        MqttPort = mqttPort;
    }

    public static async Task<Host> StartAsync(string dll, string provider, string connectionString)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await TryStartAsync(dll, provider, connectionString);
            }
            catch (TimeoutException) when (attempt < 3)
            {
                Console.WriteLine("   (the host did not start, retrying on other ports)");
            }
        }
    }

    private static async Task<Host> TryStartAsync(string dll, string provider, string connectionString)
    {
        var http = Net.FreePort();
        var mqtt = Net.FreePort();
        var psi = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { dll, "--urls", $"http://127.0.0.1:{http}" },
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        psi.Environment["ConnectionStrings__Tianshan"] = connectionString;
        psi.Environment["Database__Provider"] = provider;
        psi.Environment["Database__SeedDemo"] = "true";
        psi.Environment["TIANSHAN_DEMO_PASSWORD"] = Password;
        psi.Environment["Mqtt__Port"] = mqtt.ToString(CultureInfo.InvariantCulture);
        psi.Environment["Monitoring__DemoFeed"] = "false";
        psi.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(psi) ?? throw new InvalidOperationException("could not start the host");
        var errors = new List<string>();
        process.OutputDataReceived += (_, e) => { if (e.Data is { } line && line.Contains("fail", StringComparison.Ordinal)) lock (errors) errors.Add(line); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { } line) lock (errors) errors.Add(line); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var host = new Host(process, http, mqtt);
        using var probe = new HttpClient();
        var started = Stopwatch.StartNew();
        while (started.Elapsed < TimeSpan.FromSeconds(120))
        {
            if (process.HasExited)
                break;
            try
            {
                if ((await probe.GetAsync(new Uri(host.BaseAddress, "/health"))).IsSuccessStatusCode)
                {
                    await Net.WaitForPortAsync(mqtt);
                    return host;
                }
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(200);
        }
        await host.DisposeAsync();
        string log;
        lock (errors)
            log = string.Join('\n', errors.TakeLast(20));
        throw new TimeoutException($"the host did not start:\n{log}");
    }

    /// <summary>Cookie login as the district bureau (sees every enterprise; receives every alarm push).</summary>
    public async Task LoginAsync()
    {
        _http = new HttpClient(new HttpClientHandler { CookieContainer = _cookies }) { BaseAddress = BaseAddress };
        var response = await _http.PostAsJsonAsync("/api/auth/login", new { userName = "bureau", password = Password });
        response.EnsureSuccessStatusCode();
    }

    public string CookieHeader => _cookies.GetCookieHeader(BaseAddress);

    /// <summary>The gateway's "accepted" counter: readings stored and acknowledged since the host started.</summary>
    public async Task<long> AcceptedAsync(string creditCode)
    {
        var gateways = await _http!.GetFromJsonAsync<JsonElement>("/api/monitoring/gateways");
        return gateways.EnumerateArray().First(g => g.GetProperty("creditCode").GetString() == creditCode).GetProperty("accepted").GetInt64();
    }

    public async ValueTask DisposeAsync()
    {
        _http?.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}

internal static class Net
{
    /// <summary>A free port below the ephemeral range, so it cannot collide with the publishers' own client sockets
    /// (thousands of connections, some in TIME_WAIT).</summary>
    public static int FreePort()
    {
        while (true)
        {
            var port = Random.Shared.Next(20_000, 30_000);
            try
            {
                using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, port);
                listener.Start();
                return port;
            }
            catch (System.Net.Sockets.SocketException)
            {
            }
        }
    }

    public static async Task WaitForPortAsync(int port)
    {
        var started = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var client = new System.Net.Sockets.TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (System.Net.Sockets.SocketException) when (started.Elapsed < TimeSpan.FromSeconds(30))
            {
                await Task.Delay(100);
            }
        }
    }
}
