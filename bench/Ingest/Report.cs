using System.Globalization;
using System.Text;

namespace Tianshan.Bench.Ingest;

internal static class Report
{
    public const string Heading = "# Ingest benchmark (end to end)";

    public static string Write(Settings s, string machine, Phase[] phases,
        List<(string Provider, Runs[] Phases, bool Verified, string Check, List<LatencyResult> Latency)> ours,
        Runs rawCopy, Runs[] broker, (Throughput Rate, long Stored)[] pipe, TimeSpan elapsed)
    {
        var t = new StringBuilder();
        void Line(FormattableString line) => t.AppendLine(line.ToString(CultureInfo.InvariantCulture));
        Line($"{Heading}");
        t.AppendLine();
        Line($"Written by `bench/run.sh` (bench/Ingest) on {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC in {elapsed.TotalSeconds:F0} s. Do not edit: run it again. Ours and the broker ceiling: the median of {s.Runs} runs of each case (min–max beside it); the pipe: one run of a fixed number of messages.");
        t.AppendLine();
        Line($"**Machine.** {machine}. Publishers, broker, host and database share the 2 cores.");
        t.AppendLine();
        Line($"**Setup.** The real host (`Tianshan.Web.dll`, separate process, demo seeded, demo feed off) with {s.Sensors:N0} benchmark sensors added to one demo enterprise ({s.Sensors - s.AlarmSensors:N0} carry the load, {s.AlarmSensors:N0} are kept for the latency probes); its embedded MQTT broker, gateway login. {s.Clients} MQTTnet publishers, each with {s.Window} QoS 1 publishes in flight (a slot sends its next message once the PUBACK arrives); {s.Seconds} s per run after a 2 s warm-up; every payload also from {s.Gateways} publishers (a district's gateways each hold one connection, and MQTTnet's broker handles one connection's messages one at a time, each PUBACK waiting for its commit, so throughput grows with the connections). A PUBACK means the readings are durably committed (SQLite synchronous=FULL; PostgreSQL fsync on) — *readings/s* counts acknowledged readings only. The peers run on the same publishers and payloads.");
        t.AppendLine();
        t.AppendLine("| Pipeline | payload | readings/s | messages/s | ours / raw COPY | ours / broker ceiling | ours / zero-code pipe | check |");
        t.AppendLine("|---|---|---|---|---|---|---|---|");
        var copy = rawCopy.Median.ReadingsPerSecond;
        Line($"| raw Npgsql binary COPY (database ceiling) | 5,000 rows a commit | {copy:N0} ({rawCopy.Min:N0}–{rawCopy.Max:N0}) | | peer | | | {rawCopy.Median.Readings:N0} rows |");
        for (var i = 0; i < phases.Length; i++)
        {
            var (b, p) = (broker[i].Median, pipe[i]);
            foreach (var o in ours)
            {
                var runs = o.Phases[i];
                var r = runs.Median;
                Line($"| **Tianshan, {(o.Provider == "Sqlite" ? "SQLite" : "PostgreSQL")}** | {phases[i].Payload} | **{r.ReadingsPerSecond:N0}** ({runs.Min:N0}–{runs.Max:N0}) | {r.MessagesPerSecond:N0} | {r.ReadingsPerSecond / copy:F2}× | {r.ReadingsPerSecond / b.ReadingsPerSecond:F2}× | {r.ReadingsPerSecond / p.Rate.ReadingsPerSecond:F2}× | {(i == 0 ? o.Check + " (all runs)" : runs.Failed == 0 ? "0 failed" : $"{runs.Failed} failed")} |");
            }
            Line($"| mosquitto → `mosquitto_sub` > /dev/null (broker ceiling) | {phases[i].Payload} | {b.ReadingsPerSecond:N0} ({broker[i].Min:N0}–{broker[i].Max:N0}) | {b.MessagesPerSecond:N0} | | peer | | {broker[i].Failed} failed |");
            Line($"| `mosquitto_sub \\| psql \\copy` (zero-code pipe) | {phases[i].Payload} | {p.Rate.ReadingsPerSecond:N0} | {p.Rate.MessagesPerSecond:N0} | | | peer | {p.Stored:N0} of {p.Rate.Readings:N0} stored |");
        }
        t.AppendLine();
        t.AppendLine("*check*: ours — the gateway's `accepted` counter (GET /api/monitoring/gateways, as bureau) against the readings whose PUBACK the publishers received; the pipe — rows in its table after psql exits. The broker ceiling acknowledges on receipt and stores nothing. The zero-code pipe's figure is the readings over the time from the first publish to psql's exit (one COPY, one commit at the end; peer-baselines §3–4); its PUBACKs come from mosquitto before anything is stored, so unlike ours it loses acknowledged readings on a crash. Its table is `(sensor_id int4, ts timestamptz, value float8, PRIMARY KEY (sensor_id, ts))`. *raw COPY*: the rows our PostgreSQL store writes, straight from memory into an unindexed table in 5,000-row durable commits over one connection — no MQTT, no JSON, no publishers on the cores (the reading store section above has more COPY peers).");
        t.AppendLine();
        Line($"**Where the cores go** (the median run of each case; CPU from /proc/stat over the run). *Publishers*: the benchmark process, which the pipelines under test share the cores with; raw COPY has none (its client is what is measured). *Pipeline*: every other process — for ours the host (MQTT broker, JSON, alarm engine, store) and PostgreSQL; for the peers mosquitto, mosquitto_sub, psql and PostgreSQL. *core-µs per reading* is the pipeline's CPU over the readings it took, so it compares pipelines whose publishers leave them different shares of the 2 cores.");
        t.AppendLine();
        t.AppendLine("| Pipeline | payload | readings/s | publishers, cores | pipeline, cores | core-µs per reading | raw COPY's µs / this |");
        t.AppendLine("|---|---|---|---|---|---|---|");
        var copyCost = rawCopy.Median.PipelineMicrosecondsPerReading;
        void CostLine(string pipeline, string payload, Throughput r) =>
            Line($"| {pipeline} | {payload} | {r.ReadingsPerSecond:N0} | {r.PublisherCores:F2} | {r.PipelineCores:F2} | {r.PipelineMicrosecondsPerReading:F2} | {copyCost / r.PipelineMicrosecondsPerReading:F2}× |");
        CostLine("raw Npgsql binary COPY", "5,000 rows a commit", rawCopy.Median);
        for (var i = 0; i < phases.Length; i++)
        {
            foreach (var o in ours)
                CostLine($"**Tianshan, {(o.Provider == "Sqlite" ? "SQLite" : "PostgreSQL")}**", phases[i].Payload, o.Phases[i].Median);
            CostLine("broker ceiling (mosquitto → /dev/null)", phases[i].Payload, broker[i].Median);
            CostLine("zero-code pipe", phases[i].Payload, pipe[i].Rate);
        }
        t.AppendLine();
        Line($"**Alarm latency**, publish → SignalR: a bureau client on /hubs/monitoring receives \"alarmChanged\"; while a background batch load runs at the given share of that store's measured batch rate, {s.AlarmsPerSecond} single readings a second over HH go to distinct sensors (each raises exactly one alarm) for {s.LatencySeconds} s — more than a minute, so the host's minute roll-up (every 15 s, of the minute that closed) runs inside each phase; latency from just before PublishAsync to the push's arrival (the first push per sensor). *Storm*: each of the {s.Sensors - s.AlarmSensors:N0} background sensors gets one reading over HH, in 50-reading batches spread over one second, no background load; *last push* is the time from the first publish to the last alarm's arrival. A duplicate is the same alarm pushed twice in the same state and escalation step.");
        t.AppendLine();
        t.AppendLine("| Store | load | background readings/s (achieved) | alarms sent | received | duplicate pushes | p50 ms | p99 ms | max ms | last push |");
        t.AppendLine("|---|---|---|---|---|---|---|---|---|---|");
        foreach (var o in ours)
        {
            foreach (var l in o.Latency)
                Line($"| {(o.Provider == "Sqlite" ? "SQLite" : "PostgreSQL")} | {l.Load} | {(l.LastPushSeconds >= 0 ? "—" : l.BackgroundReadingsPerSecond.ToString("N0", CultureInfo.InvariantCulture))} | {l.Sent} | {l.Received} | {l.Duplicates} | **{l.P50:F1}** | **{l.P99:F1}** | {l.Max:F1} | {(l.LastPushSeconds >= 0 ? $"{l.LastPushSeconds:F2} s" : "")} |");
        }
        t.AppendLine();
        t.AppendLine("A shared machine (see the load average): runs differ, the PostgreSQL cases most, so compare the ratios within one run. The ratio to the zero-code pipe compares both stores with that PostgreSQL pipe.");
        t.AppendLine();
        t.AppendLine("Goals (issue 3): ≥ 50,000 readings/s in batch mode on both stores; the full pipeline at ≥ 0.5× raw COPY and ≥ 1× the zero-code pipe; alarm p99 ≤ 200 ms at 50 % of saturation. Bytes on disk per reading: the reading store section above (the pipeline writes through that same store). Rule evaluation ns and bytes per reading: the rule evaluation section above.");
        return t.ToString();
    }
}
