using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Tianshan.Web.Tests.Warnings;

/// <summary>
/// Local gateways for every HTTP channel kind, on a real Kestrel server on 127.0.0.1: an SMS gateway (/sms, de-duplicates by
/// the Idempotency-Key and answers a message id), a WeCom group robot (/wecom?key=…, errcode JSON), and the broadcast,
/// display-screen and loudspeaker platforms (/broadcast, /screen, /loudspeaker). Every request is recorded. It can fail the
/// first N requests, or every request to one path, with 503 — the retry tests — or hold every request to one path until
/// released (a slow gateway), counting how many it held at once.
/// </summary>
public sealed class TestGateways : IAsyncDisposable
{
    public sealed record Request(string Path, string? Key, string Body, bool Failed);

    private readonly WebApplication _app;
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _gate = new();
    private int _failFirst;
    private int _held;

    public ConcurrentQueue<Request> Requests { get; } = new();

    /// <summary>Keys the SMS and device gateways actually sent (a repeated key is answered but not sent again).</summary>
    public ConcurrentDictionary<string, int> Sent { get; } = new();

    /// <summary>Requests to this path fail with 503 while set.</summary>
    public string? FailPath { get; set; }

    /// <summary>Requests to this path wait until <see cref="ReleaseHeld"/> while set.</summary>
    public string? HoldPath { get; set; }

    /// <summary>The most requests to <see cref="HoldPath"/> held at the same time.</summary>
    public int MostHeldAtOnce { get; private set; }

    public int HeldNow
    {
        get
        {
            lock (_gate)
                return _held;
        }
    }

    public void ReleaseHeld() => _release.TrySetResult();

    public string BaseUrl { get; }

    private TestGateways(WebApplication app, string baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    public void FailFirst(int n) => Interlocked.Exchange(ref _failFirst, n);

    public static async Task<TestGateways> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        TestGateways? self = null;
        app.Run(async http =>
        {
            using var reader = new StreamReader(http.Request.Body);
            var body = await reader.ReadToEndAsync();
            var path = http.Request.Path.Value ?? "";
            var key = http.Request.Headers["Idempotency-Key"].FirstOrDefault();
            var gateway = self!;
            if (path == gateway.HoldPath)
            {
                lock (gateway._gate)
                    gateway.MostHeldAtOnce = Math.Max(gateway.MostHeldAtOnce, ++gateway._held);
                await gateway._release.Task;
                lock (gateway._gate)
                    gateway._held--;
            }
            if (Interlocked.Decrement(ref gateway._failFirst) >= 0 || path == gateway.FailPath)
            {
                gateway.Requests.Enqueue(new Request(path, key, body, true));
                http.Response.StatusCode = 503;
                return;
            }
            gateway.Requests.Enqueue(new Request(path, key, body, false));
            if (path == "/wecom")
            {
                // The robot has no key: identify the message by its text and robot key, as a person reading the group would.
                gateway.Sent.AddOrUpdate("wecom:" + http.Request.Query["key"] + ":" + body.GetHashCode(StringComparison.Ordinal), 1, (_, n) => n + 1);
                await http.Response.WriteAsJsonAsync(new { errcode = 0, errmsg = "ok" });
                return;
            }
            if (key is not null)
                gateway.Sent.TryAdd(key, 1);   // a key seen before is answered, not sent again
            if (path == "/sms")
                await http.Response.WriteAsJsonAsync(new { messageId = "SMS-" + key![^8..] });
        });
        await app.StartAsync();
        var url = app.Urls.First();
        self = new TestGateways(app, url);
        return self;
    }

    public int Succeeded(string path, string key) => Requests.Count(r => r.Path == path && r.Key == key && !r.Failed);

    public static JsonElement BodyOf(Request request) => JsonSerializer.Deserialize<JsonElement>(request.Body);

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
