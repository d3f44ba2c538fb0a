using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Tianshan.Bench.Ingest;
using Tianshan.Core.Data;
using Tianshan.Core.Demo;
using Tianshan.Core.Monitoring;

// End-to-end ingest benchmark: the real host (a separate process) on SQLite and PostgreSQL, MQTT publishers → embedded
// broker → group commit → alarm engine → SignalR, beside mosquitto and `mosquitto_sub | psql \copy` in the same run.
// Usage (bench/run.sh starts the PostgreSQL and builds src/Web in Release):
//   dotnet bench/Ingest/bin/Release/net10.0/Tianshan.Bench.Ingest.dll --postgres "Host=…;Port=…;Username=postgres" --out bench/RESULTS.md
var s = Settings.Parse(args);
Directory.CreateDirectory(s.WorkDirectory);
var code = DemoSeeder.Load().Enterprises[1].CreditCode;
var backgroundSensors = s.Sensors - s.AlarmSensors;
var loadBefore = Machine.Load();
var total = Stopwatch.StartNew();
Console.WriteLine($"Ingest benchmark: {s.Sensors:N0} sensors of {code}, {s.Clients} publishers × {s.Window} in flight, {s.Seconds} s a phase");

// Batches from 64 publishers too: a district's feed comes from many gateways, one connection each, and MQTTnet's broker
// handles one connection's messages one at a time (each PUBACK waits for its commit), so 8 connections bound a commit
// at 8 messages while the pipe's mosquitto acknowledges on receipt.
Phase[] phases = [
    new($"1 reading, {s.Clients} publishers", false, s.Clients),
    new($"1 reading, {s.Gateways} publishers", false, s.Gateways),
    new($"50-reading batch, {s.Clients} publishers", true, s.Clients),
    new($"50-reading batch, {s.Gateways} publishers", true, s.Gateways),
];
var ours = new List<(string Provider, Runs[] Phases, bool Verified, string Check, List<LatencyResult> Latency)>();
foreach (var provider in s.Providers)
{
    string connection;
    if (provider == "Sqlite")
    {
        var folder = Path.Combine(s.WorkDirectory, "ingest-sqlite");
        if (Directory.Exists(folder))
            Directory.Delete(folder, recursive: true);
        Directory.CreateDirectory(folder);
        connection = $"Data Source={Path.Combine(folder, "tianshan.db")}";
    }
    else
    {
        await using (var server = NpgsqlDataSource.Create(s.Postgres))
        await using (var drop = server.CreateCommand("DROP DATABASE IF EXISTS tianshan_ingest WITH (FORCE)"))
            await drop.ExecuteNonQueryAsync();
        connection = new NpgsqlConnectionStringBuilder(s.Postgres) { Database = "tianshan_ingest" }.ConnectionString;
    }

    Console.WriteLine($"== {provider}: migrate and seed the demo");
    await using (await Host.StartAsync(s.WebDll, provider, connection))
    {
    }
    await AddSensorsAsync(provider, connection, code, s.Sensors);
    await using var host = await Host.StartAsync(s.WebDll, provider, connection);
    await host.LoginAsync();
    var broker = new Broker(host.MqttPort, code, Host.Password);
    var feed = new Feed(code, backgroundSensors);

    await Publishers.RunAsync(broker, s.Clients, s.Window, feed.Batch, TimeSpan.FromSeconds(2));   // warm-up: JIT, pools, engine load
    var before = await host.AcceptedAsync(code);
    var measured = new Runs[phases.Length];
    for (var i = 0; i < phases.Length; i++)
    {
        var phase = phases[i];
        measured[i] = await Runs.MeasureAsync(s.Runs, () => Publishers.RunAsync(broker, phase.Publishers, s.Window, phase.Batch ? feed.Batch : feed.Single, TimeSpan.FromSeconds(s.Seconds)));
        Console.WriteLine($"   {phase.Payload,-32} {measured[i].Median.ReadingsPerSecond,10:N0}/s median ({measured[i].Min:N0}–{measured[i].Max:N0}, {measured[i].Failed} failed), {measured[i].Median.PipelineMicrosecondsPerReading:F2} core-µs a reading outside the publishers ({measured[i].Median.PublisherCores:F2} cores publishing)");
    }
    var batch = measured[2].Median;   // the latency loads are shares of the 8-publisher batch rate
    var accepted = await host.AcceptedAsync(code) - before;
    var acknowledged = measured.Sum(m => m.Readings);
    var verified = accepted == acknowledged;
    var check = verified ? $"{accepted:N0} = acked" : $"stored {accepted:N0} ≠ acked {acknowledged:N0}";
    Console.WriteLine($"   accepted {accepted:N0}, acknowledged {acknowledged:N0}");

    var latency = new List<LatencyResult>();
    await using (var alarms = await Latency.ConnectAsync(host, backgroundSensors, s.Sensors - 1))
    {
        await alarms.MeasureAsync("warm-up", broker, feed, 0.1 * batch.ReadingsPerSecond, s.AlarmsPerSecond, TimeSpan.FromSeconds(2), code, s.Clients, s.Window);
        foreach (var share in new[] { 0.5, 0.8 })
        {
            var r = await alarms.MeasureAsync($"{share:P0} of batch saturation (target {share * batch.ReadingsPerSecond:N0}/s)", broker, feed, share * batch.ReadingsPerSecond,
                s.AlarmsPerSecond, TimeSpan.FromSeconds(s.LatencySeconds), code, s.Clients, s.Window);
            Console.WriteLine($"   alarms at {r.Load}: {r.Received}/{r.Sent} received, p50 {r.P50:F1} ms, p99 {r.P99:F1} ms, max {r.Max:F1} ms, {r.Duplicates} duplicate pushes");
            latency.Add(r);
        }
        var storm = await alarms.StormAsync(broker, backgroundSensors, code);
        Console.WriteLine($"   {storm.Load}: {storm.Received}/{storm.Sent} received, p50 {storm.P50:F1} ms, p99 {storm.P99:F1} ms, max {storm.Max:F1} ms, last push {storm.LastPushSeconds:F2} s after the first publish, {storm.Duplicates} duplicate pushes");
        latency.Add(storm);
    }
    ours.Add((provider, measured, verified, check, latency));
}

if (!s.Peers)
    return ours.All(o => o.Verified) ? 0 : 1;   // a quick look at our own figures: no peers, no report

Console.WriteLine("== peers: mosquitto → /dev/null, mosquitto_sub | psql \\copy");
var rawCopy = await Runs.MeasureAsync(s.Runs, () => Peers.RawCopyAsync(s.Postgres, backgroundSensors, s.RawCopyReadings));
Console.WriteLine($"   raw COPY (database ceiling)      {rawCopy.Median.ReadingsPerSecond,10:N0}/s median, {rawCopy.Median.PipelineMicrosecondsPerReading:F2} core-µs a reading");
var brokerRuns = new Runs[phases.Length];
var pipeRuns = new (Throughput Rate, long Stored)[phases.Length];
await using (var peers = await Peers.StartAsync(s.WorkDirectory))
{
    var feed = new Feed(code, backgroundSensors);
    await Publishers.RunAsync(peers.Broker, s.Clients, s.Window, feed.Single, TimeSpan.FromSeconds(1));   // warm-up
    var csv = new Feed(code, backgroundSensors);
    for (var i = 0; i < phases.Length; i++)
    {
        var phase = phases[i];
        brokerRuns[i] = await Runs.MeasureAsync(s.Runs, () => peers.BrokerAsync(phase.Batch ? feed.Batch : feed.Single, phase.Publishers, s.Window, TimeSpan.FromSeconds(s.Seconds)));
        Console.WriteLine($"   broker, {phase.Payload,-32} {brokerRuns[i].Median.ReadingsPerSecond,10:N0}/s median");
        // The pipe commits once, at the end: one run of a fixed number of messages.
        pipeRuns[i] = phase.Batch
            ? await peers.PipeAsync(s.Postgres, () => csv.Csv(Feed.BatchSize), Feed.BatchSize, s.PipeBatchMessages, phase.Publishers, s.Window)
            : await peers.PipeAsync(s.Postgres, () => csv.Csv(1), 1, s.PipeSingleMessages, phase.Publishers, s.Window);
        Console.WriteLine($"   pipe, {phase.Payload,-32} {pipeRuns[i].Rate.ReadingsPerSecond,10:N0}/s ({pipeRuns[i].Stored:N0} stored)");
    }
}

var report = Report.Write(s, Machine.Describe() + $"; 1-minute load average {loadBefore} before, {Machine.Load()} after",
    phases, ours, rawCopy, brokerRuns, pipeRuns, total.Elapsed);
Console.WriteLine();
Console.WriteLine(report);
if (s.Output is { } output)
{
    // Replace our own section (a re-run without the reading store benchmark) and keep everything before it.
    var existing = File.Exists(output) ? await File.ReadAllTextAsync(output) : "";
    var at = existing.IndexOf(Report.Heading, StringComparison.Ordinal);
    if (at >= 0)
        existing = existing[..at];
    await File.WriteAllTextAsync(output, existing.TrimEnd() + (existing.Length > 0 ? "\n\n" : "") + report);
}
return ours.All(o => o.Verified) ? 0 : 1;

/// <summary>The benchmark sensors, straight into the database while the host is stopped (the API reloads the engine per
/// sensor): temperature points with only an HH limit of 100 and a 1-hour sampling period, so idle sensors raise no
/// 通信中断 during the run and a reading of 150 raises exactly one alarm. The first sensors − alarm sensors (10,000) carry
/// the background load and the storm; the rest are kept fresh for the latency probes.</summary>
static async Task AddSensorsAsync(string provider, string connection, string creditCode, int count)
{
    await using TianshanDb db = provider == "Postgres"
        ? new PostgresTianshanDb(new DbContextOptionsBuilder<PostgresTianshanDb>().UseNpgsql(connection).Options)
        : new SqliteTianshanDb(new DbContextOptionsBuilder<SqliteTianshanDb>().UseSqlite(connection).Options);
    var enterprise = await db.Enterprises.Where(e => e.CreditCode == creditCode).Select(e => e.Id).SingleAsync();
    var storeId = await db.Sensors.MaxAsync(x => (int?)x.StoreId) ?? 0;
    db.ChangeTracker.AutoDetectChangesEnabled = false;
    var rules = new AlarmRules { HighHigh = 100, SamplingPeriod = TimeSpan.FromHours(1), ChatterActivations = 0 };
    for (var i = 0; i < count; i++)
    {
        db.Sensors.Add(Sensor.Create(enterprise, ++storeId, new SensorDetails
        {
            Code = Feed.SensorCode(i),
            Name = $"基准测点{i}",
            Kind = SensorKind.Temperature,
            RangeMin = 0,
            RangeMax = 200,
            Rules = rules,
        }));
    }
    await db.SaveChangesAsync();
}

internal sealed record Settings(string Postgres, string WebDll, string? Output, string WorkDirectory, int Sensors, int AlarmSensors,
    int Clients, int Gateways, int Window, int Seconds, int Runs, int LatencySeconds, int AlarmsPerSecond, long PipeSingleMessages, long PipeBatchMessages, long RawCopyReadings,
    IReadOnlyList<string> Providers, bool Peers)
{
    public static Settings Parse(string[] args)
    {
        string? Arg(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        int Int(string name, int fallback) => Arg(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        var here = AppContext.BaseDirectory;
        var web = Path.GetFullPath(Path.Combine(here, "../../../../../src/Web/bin/Release/net10.0/Tianshan.Web.dll"));
        return new Settings(
            Arg("--postgres") ?? Environment.GetEnvironmentVariable("TIANSHAN_TEST_POSTGRES")
                ?? throw new ArgumentException("--postgres <server connection string> is required (bench/run.sh passes it)"),
            Arg("--web") ?? web,
            Arg("--out"),
            Arg("--dir") ?? Path.Combine(Path.GetTempPath(), "tianshan-bench"),
            Int("--sensors", 12_000), Int("--alarm-sensors", 2_000), Int("--clients", 8), Int("--gateways", 64), Int("--window", 16),
            Int("--seconds", 8), Int("--runs", 3), Int("--latency-seconds", 65), Int("--alarms-per-second", 10),
            Int("--pipe-single", 150_000), Int("--pipe-batch", 20_000), Int("--raw-copy", 3_000_000),
            (Arg("--providers") ?? "Sqlite,Postgres").Split(','), !args.Contains("--no-peers"));
    }
}
