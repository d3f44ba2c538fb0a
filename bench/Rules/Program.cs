using System.Globalization;
using System.Text;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Tianshan.Bench.Rules;

// Rule evaluation benchmark (issue 3 goal: < 100 ns and 0 B allocated per reading), with BenchmarkDotNet in process
// (no generated project to build). Usage: dotnet bench/Rules/bin/Release/net10.0/Tianshan.Bench.Rules.dll [--out bench/RESULTS.md]
var output = args.SkipWhile(a => a != "--out").Skip(1).FirstOrDefault();
var config = ManualConfig.CreateMinimumViable()
    .AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithWarmupCount(3).WithIterationCount(15))
    .WithOptions(ConfigOptions.DisableLogFile);
var summary = BenchmarkRunner.Run<RuleBenchmarks>(config);

var rows = summary.Reports
    .Where(r => r.ResultStatistics is not null)
    .ToDictionary(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name,
        r => (Ns: r.ResultStatistics!.Median, Min: r.ResultStatistics.Min, Max: r.ResultStatistics.Max,
            Bytes: r.GcStats.GetBytesAllocatedPerOperation(r.BenchmarkCase) ?? -1));
if (!rows.TryGetValue(nameof(RuleBenchmarks.Evaluator), out var ours) || !rows.TryGetValue(nameof(RuleBenchmarks.BareComparisons), out var floor))
{
    Console.Error.WriteLine("a benchmark did not run");
    return 1;
}

// The changes the evaluators reported: a run that raised no alarm would not measure the alarm path.
var check = new RuleBenchmarks();
check.Setup();
check.Evaluator();

var inv = CultureInfo.InvariantCulture;
var report = new StringBuilder()
    .AppendLine(Report.Heading)
    .AppendLine()
    .AppendLine(inv, $"Written by `bench/run.sh` (bench/Rules, BenchmarkDotNet {typeof(BenchmarkRunner).Assembly.GetName().Version}, in process) on {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC. Do not edit: run it again.")
    .AppendLine()
    .AppendLine(inv, $"**Workload.** {RuleBenchmarks.Sensors:N0} sensors (HH 90, H 80, L 20, LL 10, deadband 1, rate of change, 1 s sampling), {RuleBenchmarks.Seconds} s of 1 Hz readings in arrival order (each second, every sensor): a random walk with 0.1 % excursions to 95, so alarms are raised and return to normal (nobody acknowledges them here) ({check.Changes:N0} alarm changes in one pass of {RuleBenchmarks.Readings:N0} readings). Median of 15 iterations after 3 warm-ups; 1-minute load average {Report.Load()}.")
    .AppendLine()
    .AppendLine("| Case | ns per reading | min–max | bytes allocated per reading | ratio |")
    .AppendLine("|---|---|---|---|---|")
    .AppendLine(inv, $"| **Tianshan `SensorAlarmEvaluator`** | **{ours.Ns:F1}** | {ours.Min:F1}–{ours.Max:F1} | **{ours.Bytes}** | {ours.Ns / floor.Ns:F1}× the floor |")
    .AppendLine(inv, $"| floor: four comparisons with limits in arrays, no state | {floor.Ns:F1} | {floor.Min:F1}–{floor.Max:F1} | {floor.Bytes} | peer |")
    .AppendLine()
    .AppendLine(inv, $"Goal (issue 3): < 100 ns and 0 B per reading — {(ours.Ns < 100 && ours.Bytes == 0 ? "met" : "**not met**")}. The floor is what any rule engine costs at least (the readings must be read and compared); the difference is the ISA-18.2 state: deadband, delays, rate, chattering ring, lifecycle.")
    .ToString();
Console.WriteLine();
Console.WriteLine(report);
if (output is not null)
    await File.WriteAllTextAsync(output, Report.Replace(File.Exists(output) ? await File.ReadAllTextAsync(output) : "", report));
return 0;
