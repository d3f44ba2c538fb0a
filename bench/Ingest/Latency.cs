using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using MQTTnet;
using MQTTnet.Protocol;

namespace Tianshan.Bench.Ingest;

internal sealed record LatencyResult(string Load, double BackgroundReadingsPerSecond, int Sent, int Received, int Duplicates,
    double P50, double P99, double Max, double LastPushSeconds);

/// <summary>
/// Publish → SignalR latency of alarms: a bureau client listens for "alarmChanged" while a background batch load runs at
/// a fixed rate; meanwhile single readings over HH go to sensors that have had no reading yet (each raises exactly one
/// alarm), and the time from just before PublishAsync to the push's arrival is recorded per sensor.
/// </summary>
internal sealed class Latency : IAsyncDisposable
{
    private readonly HubConnection _hub;
    private readonly ConcurrentDictionary<string, long> _sent = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _received = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _pushes = new(StringComparer.Ordinal);
    private int _duplicates;
    private int _nextSensor;
    private readonly int _firstSensor;
    private readonly int _lastSensor;

    private Latency(HubConnection hub, int firstSensor, int lastSensor)
    {
        _hub = hub;
        _firstSensor = firstSensor;
        _nextSensor = firstSensor;
        _lastSensor = lastSensor;
        hub.On<JsonElement>("alarmChanged", view =>
        {
            var now = Stopwatch.GetTimestamp();
            var code = view.GetProperty("sensorCode").GetString() ?? "";
            // The same alarm in the same state and escalation step pushed twice is a duplicate; a later change is not.
            var identity = $"{view.GetProperty("id")}/{view.GetProperty("state")}/{view.GetProperty("escalationStep")}";
            if (!_pushes.TryAdd(identity, 0))
                Interlocked.Increment(ref _duplicates);
            if (_sent.TryGetValue(code, out var sent))
                _received.TryAdd(code, now - sent);
        });
    }

    public static async Task<Latency> ConnectAsync(Host host, int firstSensor, int lastSensor)
    {
        var cookie = host.CookieHeader;
        var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(host.BaseAddress, "/hubs/monitoring"), o => o.Headers["Cookie"] = cookie)
            .Build();
        var latency = new Latency(hub, firstSensor, lastSensor);
        await hub.StartAsync();
        return latency;
    }

    public async Task<LatencyResult> MeasureAsync(string load, Broker broker, Feed background, double readingsPerSecond,
        int alarmsPerSecond, TimeSpan duration, string enterpriseCode, int clients, int window)
    {
        _sent.Clear();
        _received.Clear();
        _pushes.Clear();
        Interlocked.Exchange(ref _duplicates, 0);
        var backgroundTask = Publishers.RunAsync(broker, clients, window, background.Batch, duration,
            messagesPerSecond: readingsPerSecond / Feed.BatchSize, id: "background");

        var factory = new MqttClientFactory();
        using var client = factory.CreateMqttClient();
        await client.ConnectAsync(factory.CreateClientOptionsBuilder().WithTcpServer("127.0.0.1", broker.Port)
            .WithClientId("alarms-" + Guid.NewGuid().ToString("N")).WithCredentials(broker.User, broker.Password).Build());
        var publishes = new List<Task>();
        var clock = Stopwatch.StartNew();
        for (var i = 0; clock.Elapsed < duration && _nextSensor <= _lastSensor; i++)
        {
            var wait = TimeSpan.FromSeconds((double)i / alarmsPerSecond) - clock.Elapsed;
            if (wait > TimeSpan.Zero)
                await Task.Delay(wait);
            var code = Feed.SensorCode(_nextSensor++);
            var payload = string.Create(CultureInfo.InvariantCulture, $"{{\"t\":\"{DateTimeOffset.UtcNow.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss.fff'Z'}\",\"v\":150}}");
            var message = new MqttApplicationMessageBuilder().WithTopic($"tianshan/{enterpriseCode}/{code}")
                .WithPayload(Encoding.UTF8.GetBytes(payload)).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build();
            _sent[code] = Stopwatch.GetTimestamp();
            publishes.Add(client.PublishAsync(message));
        }
        await Task.WhenAll(publishes);
        var achieved = await backgroundTask;
        var settle = Stopwatch.StartNew();
        while (_received.Count < _sent.Count && settle.Elapsed < TimeSpan.FromSeconds(5))
            await Task.Delay(50);
        await client.DisconnectAsync();

        return Summarise(load, achieved.ReadingsPerSecond, -1);
    }

    private LatencyResult Summarise(string load, double backgroundReadingsPerSecond, double lastPushSeconds)
    {
        var ms = _received.Values.Select(t => t * 1000.0 / Stopwatch.Frequency).Order().ToList();
        double Pct(double p) => ms.Count == 0 ? double.NaN : ms[Math.Min(ms.Count - 1, (int)Math.Ceiling(p * ms.Count) - 1)];
        return new LatencyResult(load, backgroundReadingsPerSecond, _sent.Count, _received.Count, _duplicates, Pct(0.5), Pct(0.99),
            ms.Count == 0 ? double.NaN : ms[^1], lastPushSeconds);
    }

    /// <summary>The alarm storm: every background sensor (their last reading lies in the past) gets one reading over HH,
    /// in 50-reading batches spread over one second; every alarm must arrive exactly once.</summary>
    public async Task<LatencyResult> StormAsync(Broker broker, int sensors, string enterpriseCode)
    {
        _sent.Clear();
        _received.Clear();
        _pushes.Clear();
        Interlocked.Exchange(ref _duplicates, 0);
        var factory = new MqttClientFactory();
        using var client = factory.CreateMqttClient();
        await client.ConnectAsync(factory.CreateClientOptionsBuilder().WithTcpServer("127.0.0.1", broker.Port)
            .WithClientId("storm-" + Guid.NewGuid().ToString("N")).WithCredentials(broker.User, broker.Password).Build());
        var messages = (sensors + Feed.BatchSize - 1) / Feed.BatchSize;
        var publishes = new List<Task>();
        var clock = Stopwatch.StartNew();
        var start = Stopwatch.GetTimestamp();
        for (var m = 0; m < messages; m++)
        {
            var wait = TimeSpan.FromSeconds((double)m / messages) - clock.Elapsed;
            if (wait > TimeSpan.Zero)
                await Task.Delay(wait);
            var now = DateTimeOffset.UtcNow.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
            var text = new StringBuilder("{\"readings\":[");
            var sent = Stopwatch.GetTimestamp();
            for (var i = m * Feed.BatchSize; i < Math.Min(sensors, (m + 1) * Feed.BatchSize); i++)
            {
                var code = Feed.SensorCode(i);
                text.Append(CultureInfo.InvariantCulture, $"{(i > m * Feed.BatchSize ? "," : "")}{{\"s\":\"{code}\",\"t\":\"{now}\",\"v\":150}}");
                _sent[code] = sent;
            }
            var message = new MqttApplicationMessageBuilder().WithTopic($"tianshan/{enterpriseCode}/batch")
                .WithPayload(Encoding.UTF8.GetBytes(text.Append("]}").ToString())).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build();
            publishes.Add(client.PublishAsync(message));
        }
        await Task.WhenAll(publishes);
        var settle = Stopwatch.StartNew();
        while (_received.Count < _sent.Count && settle.Elapsed < TimeSpan.FromSeconds(20))
            await Task.Delay(50);
        var last = _received.IsEmpty ? double.NaN : (double)(_received.Max(r => r.Value + _sent[r.Key]) - start) / Stopwatch.Frequency;
        await Task.Delay(1000);   // late duplicates
        await client.DisconnectAsync();
        return Summarise($"storm: {sensors:N0} sensors over HH in 1 s", 0, last);
    }

    public int SensorsUsed => _nextSensor - _firstSensor;

    public async ValueTask DisposeAsync() => await _hub.DisposeAsync();
}
