using System.Diagnostics;
using System.Globalization;
using System.Text;
using MQTTnet;
using MQTTnet.Protocol;
using Tianshan.Core.Monitoring;

// Plays N sensors of one enterprise gateway against an MQTT broker:
//   dotnet run --project src/Simulator -- --sensors 1000 --rate 1 --broker 127.0.0.1:1883 [--batch 50]
//       [--enterprise CODE --password P] [--seconds 60] [--qos 1]
// Sensors are named S00001…; each follows SensorSimulation (random walk, daily cycle, excursions, dropouts).
var time = TimeProvider.System;
var options = Options.Parse(args);
if (options is null)
{
    Console.Error.WriteLine("用法 / usage: --sensors N --rate HZ --broker HOST:PORT [--batch K] [--enterprise CODE --password P] [--seconds S] [--qos 0|1]");
    return 2;
}

var factory = new MqttClientFactory();
using var client = factory.CreateMqttClient();
var builder = factory.CreateClientOptionsBuilder().WithTcpServer(options.Host, options.Port).WithClientId("tianshan-simulator-" + Environment.ProcessId);
if (options.Enterprise is not null)
    builder = builder.WithCredentials(options.Enterprise, options.Password);
await client.ConnectAsync(builder.Build());

var enterprise = options.Enterprise ?? "SIMULATED";
var sensors = Enumerable.Range(1, options.Sensors)
    .Select(i => (Code: $"S{i:00000}", Play: new SensorSimulation(50, 0.5, 80, i)))
    .ToArray();
var qos = options.Qos == 0 ? MqttQualityOfServiceLevel.AtMostOnce : MqttQualityOfServiceLevel.AtLeastOnce;
var period = TimeSpan.FromSeconds(1 / options.Rate);
var clock = Stopwatch.StartNew();
long sent = 0;
using var cts = new CancellationTokenSource(options.Seconds is { } s ? TimeSpan.FromSeconds(s) : Timeout.InfiniteTimeSpan);
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cts.Cancel(); };
try
{
    var next = clock.Elapsed;
    while (!cts.IsCancellationRequested)
    {
        var now = time.GetUtcNow();
        var stamp = now.ToString("O", CultureInfo.InvariantCulture);
        foreach (var chunk in sensors.Chunk(Math.Max(1, options.Batch)))
        {
            var body = new StringBuilder();
            string topic;
            if (options.Batch <= 1)
            {
                var value = chunk[0].Play.Next(now);
                if (value is null)
                    continue;
                topic = $"tianshan/{enterprise}/{chunk[0].Code}";
                body.Append(CultureInfo.InvariantCulture, $"{{\"t\":\"{stamp}\",\"v\":{value}}}");
            }
            else
            {
                topic = $"tianshan/{enterprise}/batch";
                body.Append("{\"readings\":[");
                var first = true;
                foreach (var (code, play) in chunk)
                {
                    if (play.Next(now) is not { } value)
                        continue;
                    body.Append(first ? "" : ",").Append(CultureInfo.InvariantCulture, $"{{\"s\":\"{code}\",\"t\":\"{stamp}\",\"v\":{value}}}");
                    first = false;
                }
                body.Append("]}");
            }
            await client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(body.ToString())
                .WithQualityOfServiceLevel(qos).Build(), cts.Token);
            sent += chunk.Length;
        }
        next += period;
        var wait = next - clock.Elapsed;
        if (wait > TimeSpan.Zero)
            await Task.Delay(wait, cts.Token);
    }
}
catch (OperationCanceledException) when (cts.IsCancellationRequested)
{
}
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"sent {sent} readings in {clock.Elapsed.TotalSeconds:0.0} s ({sent / clock.Elapsed.TotalSeconds:0} /s)"));
return 0;

internal sealed record Options(int Sensors, double Rate, string Host, int Port, int Batch, string? Enterprise, string? Password, double? Seconds, int Qos)
{
    public static Options? Parse(string[] args)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
            map[args[i]] = args[i + 1];
        if (!map.TryGetValue("--sensors", out var n) || !map.TryGetValue("--rate", out var rate) || !map.TryGetValue("--broker", out var broker))
            return null;
        var colon = broker.LastIndexOf(':');
        return new Options(
            int.Parse(n, CultureInfo.InvariantCulture),
            double.Parse(rate, CultureInfo.InvariantCulture),
            colon > 0 ? broker[..colon] : broker,
            colon > 0 ? int.Parse(broker[(colon + 1)..], CultureInfo.InvariantCulture) : 1883,
            map.TryGetValue("--batch", out var b) ? int.Parse(b, CultureInfo.InvariantCulture) : 1,
            map.GetValueOrDefault("--enterprise"),
            map.GetValueOrDefault("--password"),
            map.TryGetValue("--seconds", out var sec) ? double.Parse(sec, CultureInfo.InvariantCulture) : null,
            map.TryGetValue("--qos", out var q) ? int.Parse(q, CultureInfo.InvariantCulture) : 1);
    }
}
