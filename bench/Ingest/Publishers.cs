using System.Diagnostics;
using System.Globalization;
using System.Text;
using MQTTnet;
using MQTTnet.Protocol;

namespace Tianshan.Bench.Ingest;

/// <summary>An MQTT broker to publish to: the host's embedded broker (gateway login) or a mosquitto (anonymous).</summary>
internal sealed record Broker(int Port, string? User, string? Password);

/// <summary>One message of a workload: topic, payload, and how many readings it carries.</summary>
internal readonly record struct Message(string Topic, byte[] Payload, int Readings);

/// <summary>Acknowledged messages and readings over the publishing time, and the CPU used meanwhile.</summary>
internal sealed record Throughput(long Messages, long Readings, double Seconds, long Failed, Cpu Cpu)
{
    public double ReadingsPerSecond => Readings / Seconds;
    public double MessagesPerSecond => Messages / Seconds;

    /// <summary>Core-microseconds per reading outside the benchmark process: the pipeline under test, publishers excluded.</summary>
    public double PipelineMicrosecondsPerReading => Cpu.OthersSeconds * 1e6 / Readings;

    /// <summary>Cores busy on average outside the benchmark process, and inside it.</summary>
    public double PipelineCores => Cpu.OthersSeconds / Seconds;
    public double PublisherCores => Cpu.OwnSeconds / Seconds;
}

/// <summary>The runs of one case: the median run by readings/s, the range, and the totals for the checks.</summary>
internal sealed record Runs(IReadOnlyList<Throughput> All)
{
    public Throughput Median => All.OrderBy(r => r.ReadingsPerSecond).ElementAt(All.Count / 2);
    public double Min => All.Min(r => r.ReadingsPerSecond);
    public double Max => All.Max(r => r.ReadingsPerSecond);
    public long Readings => All.Sum(r => r.Readings);
    public long Failed => All.Sum(r => r.Failed);

    public static async Task<Runs> MeasureAsync(int count, Func<Task<Throughput>> run)
    {
        var all = new List<Throughput>();
        for (var i = 0; i < count; i++)
            all.Add(await run());
        return new Runs(all);
    }
}

/// <summary>A throughput case: the payload and how many publishers send it.</summary>
internal sealed record Phase(string Payload, bool Batch, int Publishers);

/// <summary>
/// Readings for the benchmark sensors B00000…: reading number r is sensor r mod N, stamped with the clock as a gateway
/// stamps it (a millisecond later than the sensor's previous reading if the clock has not moved on, so a sensor's readings
/// never repeat and every phase of a run writes new rows). Readings of the current minute are what the store sees from
/// real gateways, so its minute roll-up runs as in production: once a minute, on the minute that just closed. JSON is
/// the gateway contract (single reading on tianshan/{code}/{sensor}, 50-reading batch on tianshan/{code}/batch); CSV
/// lines are for the zero-code pipe.
/// </summary>
internal sealed class Feed(string enterpriseCode, int sensors)
{
    public const int BatchSize = 50;
    private long _next;
    private readonly long[] _lastMs = new long[sensors];

    private DateTimeOffset Time(long r)
    {
        ref var last = ref _lastMs[r % sensors];
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        while (true)
        {
            var previous = Volatile.Read(ref last);
            var next = Math.Max(now, previous + 1);
            if (Interlocked.CompareExchange(ref last, next, previous) == previous)
                return DateTimeOffset.FromUnixTimeMilliseconds(next);
        }
    }
    private static double Value(long r) => 40 + (r % 37) * 0.5;   // well below the HH limit of 100
    private static string Iso(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
    public static string SensorCode(long index) => string.Create(CultureInfo.InvariantCulture, $"B{index:00000}");

    public Message Single()
    {
        var r = Interlocked.Increment(ref _next) - 1;
        var payload = string.Create(CultureInfo.InvariantCulture, $"{{\"t\":\"{Iso(Time(r))}\",\"v\":{Value(r)}}}");
        return new Message($"tianshan/{enterpriseCode}/{SensorCode(r % sensors)}", Encoding.UTF8.GetBytes(payload), 1);
    }

    public Message Batch()
    {
        var r0 = Interlocked.Add(ref _next, BatchSize) - BatchSize;
        var text = new StringBuilder("{\"readings\":[", 2600);
        for (var r = r0; r < r0 + BatchSize; r++)
        {
            if (r > r0)
                text.Append(',');
            text.Append(CultureInfo.InvariantCulture, $"{{\"s\":\"{SensorCode(r % sensors)}\",\"t\":\"{Iso(Time(r))}\",\"v\":{Value(r)}}}");
        }
        return new Message($"tianshan/{enterpriseCode}/batch", Encoding.UTF8.GetBytes(text.Append("]}").ToString()), BatchSize);
    }

    /// <summary>CSV rows "sensor_id,ts,value" for `mosquitto_sub | psql \copy`, one or <see cref="BatchSize"/> per message.</summary>
    public Message Csv(int rows)
    {
        var r0 = Interlocked.Add(ref _next, rows) - rows;
        var text = new StringBuilder(rows * 40);
        for (var r = r0; r < r0 + rows; r++)
        {
            if (r > r0)
                text.Append('\n');
            text.Append(CultureInfo.InvariantCulture, $"{r % sensors},{Iso(Time(r))},{Value(r)}");
        }
        return new Message($"tianshan/{enterpriseCode}/csv", Encoding.UTF8.GetBytes(text.ToString()), rows);
    }
}

internal static class Publishers
{
    /// <summary>
    /// <paramref name="clients"/> MQTT connections, each with <paramref name="window"/> concurrent QoS 1 publishes (every
    /// publish awaits its PUBACK before that slot sends the next), until <paramref name="duration"/> is up or
    /// <paramref name="budget"/> messages are sent; at most <paramref name="messagesPerSecond"/> when that is above zero.
    /// </summary>
    public static async Task<Throughput> RunAsync(Broker broker, int clients, int window, Func<Message> next, TimeSpan duration,
        long budget = long.MaxValue, double messagesPerSecond = 0, string id = "bench")
    {
        var factory = new MqttClientFactory();
        var connections = new List<IMqttClient>();
        for (var c = 0; c < clients; c++)
        {
            var client = factory.CreateMqttClient();
            var options = factory.CreateClientOptionsBuilder().WithTcpServer("127.0.0.1", broker.Port)
                .WithClientId($"{id}-{c}-{Guid.NewGuid():N}").WithCleanSession().WithTimeout(TimeSpan.FromSeconds(60));
            if (broker.User is not null)
                options = options.WithCredentials(broker.User, broker.Password);
            await client.ConnectAsync(options.Build());
            connections.Add(client);
        }
        long issued = 0, messages = 0, readings = 0, failed = 0;
        var cpu = Cpu.Now();
        var clock = Stopwatch.StartNew();
        async Task Slot(IMqttClient client)
        {
            while (true)
            {
                var n = Interlocked.Increment(ref issued) - 1;
                if (n >= budget || clock.Elapsed >= duration)
                    return;
                if (messagesPerSecond > 0)
                {
                    var wait = TimeSpan.FromSeconds(n / messagesPerSecond) - clock.Elapsed;
                    if (wait > TimeSpan.FromMilliseconds(1))
                        await Task.Delay(wait);
                }
                var m = next();
                var message = new MqttApplicationMessageBuilder().WithTopic(m.Topic).WithPayload(m.Payload)
                    .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build();
                try
                {
                    var result = await client.PublishAsync(message);
                    if (result.IsSuccess)
                    {
                        Interlocked.Increment(ref messages);
                        Interlocked.Add(ref readings, m.Readings);
                        continue;
                    }
                }
                catch (Exception)
                {
                }
                Interlocked.Increment(ref failed);
                if (!client.IsConnected)
                    return;
            }
        }
        await Task.WhenAll(connections.SelectMany(c => Enumerable.Range(0, window).Select(_ => Task.Run(() => Slot(c)))));
        var seconds = clock.Elapsed.TotalSeconds;
        var used = Cpu.Now() - cpu;
        foreach (var c in connections)
        {
            if (c.IsConnected)
                await c.DisconnectAsync();
            c.Dispose();
        }
        return new Throughput(messages, readings, seconds, failed, used);
    }
}
