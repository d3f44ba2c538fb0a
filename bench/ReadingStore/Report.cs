using System.Globalization;
using System.Text;

namespace Tianshan.Bench;

internal static class Report
{
    public static string Write(Settings settings, Workload workload, List<CaseResult> results, string machine, TimeSpan elapsed)
    {
        var n = workload.Readings.Length;
        var byName = results.ToDictionary(r => r.Name);
        string Rate(CaseResult c, Func<Run, double> seconds)
        {
            var (median, min, max) = c.Rate(n, seconds);
            return $"**{K(median)}** ({K(min)}–{K(max)})";
        }
        double Median(string name) => byName[name].Rate(n, r => r.WriteSeconds).Median;
        string Ratio(string name, string peer) => $"{Median(name) / Median(peer):F2}× {Short(peer)}";

        var text = new StringBuilder();
        text.AppendLine("# Reading store benchmark").AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Written by `bench/run.sh` on {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC in {elapsed.TotalSeconds:F0} s. Do not edit: run it again.").AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"**Machine.** {machine}. PostgreSQL is a throwaway cluster started by run.sh with the durability defaults (as in peer-baselines); SQLite files live on the same disk.").AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"**Workload.** {n:N0} readings: {workload.Sensors:N0} sensors × {workload.Seconds} s at 1 Hz in arrival order (each second, every sensor), a random walk rounded to 2 decimals, written in batches of {Workload.BatchSize:N0}; every batch is one durable commit before the next starts. Each case: a warm-up on 200k readings, then {settings.Runs} runs on a fresh database; median (min–max). A CHECKPOINT precedes each timed phase.").AppendLine();
        text.AppendLine("| Case | write, readings/s | ratio | write + roll-up, readings/s | bytes on disk per reading | of which |");
        text.AppendLine("|---|---|---|---|---|---|");
        foreach (var c in results)
        {
            var ours = c.Name is Cases.SqliteStore or Cases.PostgresStore;
            var ratio = c.Name switch
            {
                Cases.SqliteStore => Ratio(Cases.SqliteStore, Cases.SqlitePeer),
                Cases.PostgresStore => $"{Ratio(Cases.PostgresStore, Cases.PostgresPeerKey)}, {Ratio(Cases.PostgresStore, Cases.PostgresPeerHeap)}",
                _ => "peer",
            };
            var last = c.Runs[^1];
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {c.Name} | {Rate(c, r => r.WriteSeconds)} | {ratio} | {(ours ? Rate(c, r => r.WriteSeconds + r.RollUpSeconds) : "—")} | **{last.BytesPerReading:F1}** | {last.Bytes} |");
        }
        text.AppendLine();
        text.AppendLine("*write*: the batches alone, each committed (our stores append them to `incoming`). *write + roll-up*: the same readings also packed into their minutes, aggregated, and removed from `incoming` — what the store sustains when roll-up keeps pace. *bytes*: our stores after roll-up, raw minutes + 1-minute aggregates (tables and indexes, not free pages); the peers' whole table or file.").AppendLine();

        var queries = results.Where(r => r.Runs[^1].Queries.Count > 0).ToList();
        if (queries.Count > 0)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"**Queries** (the last run's database; median of 21 calls, ms; one sensor's trend; {workload.Sensors:N0} sensors).").AppendLine();
            text.AppendLine("| Query | " + string.Join(" | ", queries.Select(q => Short(q.Name))) + " |");
            text.AppendLine("|---|" + string.Concat(queries.Select(_ => "---|")));
            foreach (var (query, _) in queries[0].Runs[^1].Queries)
            {
                var cells = queries.Select(q => q.Runs[^1].Queries.First(x => x.Query == query).Ms is var ms && double.IsNaN(ms) ? "—" : ms.ToString("F2", CultureInfo.InvariantCulture));
                text.AppendLine("| " + query + " | " + string.Join(" | ", cells) + " |");
            }
            text.AppendLine();
        }
        return text.ToString();
    }

    private static string Short(string name) => name switch
    {
        Cases.SqlitePeer => "SQLite peer",
        Cases.PostgresPeerKey => "COPY+PK peer",
        Cases.PostgresPeerHeap => "COPY no-index peer",
        Cases.SqliteStore => "SQLite store",
        Cases.PostgresStore => "PostgreSQL store",
        _ => name,
    };

    private static string K(double rate) => string.Create(CultureInfo.InvariantCulture, $"{rate / 1000:N0}k");
}
