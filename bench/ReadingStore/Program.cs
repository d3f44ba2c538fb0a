using System.Diagnostics;
using System.Globalization;
using Tianshan.Bench;

// Reading store write benchmark: Tianshan's SQLite and PostgreSQL stores beside their peers (raw Npgsql binary COPY,
// a raw SQLite prepared insert), same rows, same run. Usage (bench/run.sh starts the PostgreSQL):
//   dotnet run -c Release --project bench/ReadingStore -- --postgres "Host=…;Port=…;Username=postgres" --out bench/RESULTS.md
var settings = Settings.Parse(args);
var workload = new Workload(settings.Sensors, settings.Seconds, new DateTimeOffset(2026, 11, 28, 0, 0, 0, TimeSpan.Zero));
Console.WriteLine($"{workload.Readings.Length:N0} readings: {settings.Sensors:N0} sensors × {settings.Seconds} s at 1 Hz, batches of {Workload.BatchSize:N0}, {settings.Runs} runs + warm-up");
Directory.CreateDirectory(settings.WorkDirectory);

var cases = new Cases(workload, settings);
var results = new List<CaseResult>();
async Task Measure(string name, Func<int, bool, Task<Run>> run)
{
    Console.Write($"{name,-48}");
    await run(Math.Min(workload.Readings.Length, 200_000), false);   // warm-up: JIT, pools, page cache
    var runs = new List<Run>();
    for (var i = 0; i < settings.Runs; i++)
    {
        runs.Add(await run(workload.Readings.Length, i == settings.Runs - 1));
        Console.Write($" {workload.Readings.Length / runs[^1].WriteSeconds / 1000,8:N0}k/s");
    }
    Console.WriteLine();
    results.Add(new CaseResult(name, runs));
}

static string Load() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
var loadBefore = Load();
var total = Stopwatch.StartNew();
await Measure(Cases.SqliteStore, cases.SqliteStoreAsync);
await Measure(Cases.SqlitePeer, cases.SqlitePeerAsync);
await Measure(Cases.PostgresStore, cases.PostgresStoreAsync);
await Measure(Cases.PostgresPeerKey, (n, last) => cases.PostgresPeerAsync(n, withKey: true));
await Measure(Cases.PostgresPeerHeap, (n, last) => cases.PostgresPeerAsync(n, withKey: false));
await cases.DisposeAsync();

var machine = await Machine.DescribeAsync(settings.Postgres) + $"; 1-minute load average {loadBefore} before, {Load()} after (other work on the machine shows here)";
var report = Report.Write(settings, workload, results, machine, total.Elapsed);
Console.WriteLine();
Console.WriteLine(report);
if (settings.Output is { } output)
{
    // This section comes first: replace it and keep the sections after it (bench/run.sh can run one benchmark alone).
    var existing = File.Exists(output) ? await File.ReadAllTextAsync(output) : "";
    var rest = existing.StartsWith("# Reading store benchmark", StringComparison.Ordinal)
        ? (existing.IndexOf("\n# ", StringComparison.Ordinal) is var next and >= 0 ? existing[(next + 1)..] : "")
        : existing;
    await File.WriteAllTextAsync(output, report.TrimEnd() + (rest.Length > 0 ? "\n\n" + rest : "\n"));
}

internal sealed record Settings(string Postgres, string? Output, string WorkDirectory, int Sensors, int Seconds, int Runs)
{
    public static Settings Parse(string[] args)
    {
        string? Arg(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        return new Settings(
            Arg("--postgres") ?? Environment.GetEnvironmentVariable("TIANSHAN_TEST_POSTGRES")
                ?? throw new ArgumentException("--postgres <server connection string> is required (bench/run.sh passes it)"),
            Arg("--out"),
            Arg("--dir") ?? Path.Combine(Path.GetTempPath(), "tianshan-bench"),
            int.Parse(Arg("--sensors") ?? "10000", CultureInfo.InvariantCulture),
            int.Parse(Arg("--seconds") ?? "120", CultureInfo.InvariantCulture),
            int.Parse(Arg("--runs") ?? "3", CultureInfo.InvariantCulture));
    }
}

/// <summary>One timed run: the batch writes (each a durable commit), then the roll-up (our stores only), bytes on disk
/// per reading, and for our stores' last run the query timings.</summary>
internal sealed record Run(double WriteSeconds, double RollUpSeconds, double BytesPerReading, string Bytes, IReadOnlyList<(string Query, double Ms)> Queries);

internal sealed record CaseResult(string Name, IReadOnlyList<Run> Runs)
{
    public (double Median, double Min, double Max) Rate(int readings, Func<Run, double> seconds)
    {
        var rates = Runs.Select(r => readings / seconds(r)).Order().ToList();
        return (rates[rates.Count / 2], rates[0], rates[^1]);
    }
}
