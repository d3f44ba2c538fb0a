using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace Tianshan.Bench.Ingest;

/// <summary>The peers of reference/peer-baselines.md §3–4, driven by the same publishers: a mosquitto of our own
/// (persistence off) with mosquitto_sub to /dev/null — the broker ceiling — and the zero-code pipeline
/// `mosquitto_sub | psql \copy` into a (sensor_id, ts, value) table with PRIMARY KEY (sensor_id, ts).</summary>
internal sealed class Peers : IAsyncDisposable
{
    private readonly Process _mosquitto;
    public int Port { get; }
    public Broker Broker => new(Port, null, null);

    private Peers(Process mosquitto, int port)
    {
        _mosquitto = mosquitto;
        Port = port;
    }

    public static async Task<Peers> StartAsync(string directory)
    {
        var port = Net.FreePort();
        var conf = Path.Combine(directory, "mosquitto.conf");
        await File.WriteAllTextAsync(conf, $"listener {port} 127.0.0.1\nallow_anonymous true\npersistence false\nmax_queued_messages 1000000\n");
        var process = Process.Start(new ProcessStartInfo("/usr/sbin/mosquitto") { ArgumentList = { "-c", conf }, RedirectStandardError = true, RedirectStandardOutput = true })
            ?? throw new InvalidOperationException("could not start mosquitto");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await Net.WaitForPortAsync(port);
        return new Peers(process, port);
    }

    private static Process Shell(string command)
    {
        var process = Process.Start(new ProcessStartInfo("bash") { ArgumentList = { "-c", command }, RedirectStandardError = true })
            ?? throw new InvalidOperationException("could not start " + command);
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>The broker ceiling: publishers' acknowledged rate while mosquitto_sub (QoS 1) drains to /dev/null.</summary>
    public async Task<Throughput> BrokerAsync(Func<Message> next, int clients, int window, TimeSpan duration)
    {
        using var sub = Shell($"exec mosquitto_sub -h 127.0.0.1 -p {Port} -t 'tianshan/#' -q 1 > /dev/null");
        await Task.Delay(500);
        var result = await Publishers.RunAsync(Broker, clients, window, next, duration, id: "peer");
        sub.Kill(entireProcessTree: true);
        await sub.WaitForExitAsync();
        return result;
    }

    /// <summary>`mosquitto_sub -C n | psql \copy` in one COPY (one commit at the end); the rate is the readings over the
    /// time from the publishers' start to psql's exit, as in peer-baselines §3; the stored count is checked.</summary>
    public async Task<(Throughput Rate, long Stored)> PipeAsync(string postgres, Func<Message> next, int readingsPerMessage,
        long messages, int clients, int window)
    {
        var pg = new NpgsqlConnectionStringBuilder(postgres);
        await using (var source = NpgsqlDataSource.Create(postgres))
        {
            await using var create = source.CreateBatch();
            create.BatchCommands.Add(new NpgsqlBatchCommand("DROP TABLE IF EXISTS pipe_readings"));
            create.BatchCommands.Add(new NpgsqlBatchCommand("CREATE TABLE pipe_readings (sensor_id int4 NOT NULL, ts timestamptz NOT NULL, value float8 NOT NULL, PRIMARY KEY (sensor_id, ts))"));
            create.BatchCommands.Add(new NpgsqlBatchCommand("CHECKPOINT"));
            await create.ExecuteNonQueryAsync();
        }
        var psql = $"psql -X -q -h {pg.Host} -p {pg.Port} -U {pg.Username} -d {pg.Database ?? "postgres"} -c \"\\copy pipe_readings FROM STDIN (FORMAT csv)\"";
        using var pipe = Shell($"set -o pipefail; mosquitto_sub -h 127.0.0.1 -p {Port} -t 'tianshan/+/csv' -q 1 -C {messages} | {psql}");
        await Task.Delay(1000);   // let mosquitto_sub subscribe
        var cpu = Cpu.Now();
        var clock = Stopwatch.StartNew();
        var published = await Publishers.RunAsync(Broker, clients, window, next, TimeSpan.FromMinutes(2), budget: messages, id: "pipe");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await pipe.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            pipe.Kill(entireProcessTree: true);
        }
        var seconds = clock.Elapsed.TotalSeconds;
        var used = Cpu.Now() - cpu;
        await using var check = NpgsqlDataSource.Create(postgres);
        await using var count = check.CreateCommand("SELECT count(*) FROM pipe_readings");
        var stored = (long)(await count.ExecuteScalarAsync())!;
        return (published with { Seconds = seconds, Cpu = used }, stored);
    }

    /// <summary>The database ceiling: raw Npgsql binary COPY of the rows our PostgreSQL store writes (readings.incoming's
    /// shape: ts bigint, sensor_id int4, value real, quality int2, no index), 5,000 rows per durable commit, one
    /// connection, no MQTT and no JSON — what the database takes when nothing else runs.</summary>
    public static async Task<Throughput> RawCopyAsync(string postgres, int sensors, long readings)
    {
        const int RowsPerCommit = 5_000;
        await using var source = NpgsqlDataSource.Create(postgres);
        await using (var create = source.CreateBatch())
        {
            create.BatchCommands.Add(new NpgsqlBatchCommand("DROP TABLE IF EXISTS copy_readings"));
            create.BatchCommands.Add(new NpgsqlBatchCommand("CREATE TABLE copy_readings (ts bigint NOT NULL, sensor_id int4 NOT NULL, value real NOT NULL, quality int2 NOT NULL)"));
            create.BatchCommands.Add(new NpgsqlBatchCommand("CHECKPOINT"));
            await create.ExecuteNonQueryAsync();
        }
        var t0 = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        await using var connection = await source.OpenConnectionAsync();
        var cpu = Cpu.Now();
        var clock = Stopwatch.StartNew();
        for (long first = 0; first < readings; first += RowsPerCommit)
        {
            await using var copy = await connection.BeginBinaryImportAsync("COPY copy_readings (ts, sensor_id, value, quality) FROM STDIN (FORMAT BINARY)");
            for (var r = first; r < Math.Min(readings, first + RowsPerCommit); r++)
            {
                copy.StartRow();
                copy.Write(t0 + r / sensors * 1000, NpgsqlTypes.NpgsqlDbType.Bigint);
                copy.Write((int)(r % sensors), NpgsqlTypes.NpgsqlDbType.Integer);
                copy.Write(40 + (r % 37) * 0.5f, NpgsqlTypes.NpgsqlDbType.Real);
                copy.Write((short)0, NpgsqlTypes.NpgsqlDbType.Smallint);
            }
            await copy.CompleteAsync();
        }
        var seconds = clock.Elapsed.TotalSeconds;
        // No publishers here: the client is part of what is measured, so all of the machine's CPU counts.
        var used = Cpu.Now() - cpu;
        used = used with { OwnSeconds = 0 };
        await using var drop = source.CreateCommand("DROP TABLE copy_readings");
        await drop.ExecuteNonQueryAsync();
        return new Throughput((readings + RowsPerCommit - 1) / RowsPerCommit, readings, seconds, 0, used);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_mosquitto.HasExited)
        {
            _mosquitto.Kill();
            await _mosquitto.WaitForExitAsync();
        }
        _mosquitto.Dispose();
    }
}

internal static class Machine
{
    public static string Describe()
    {
        string Match(string file, string pattern) => File.Exists(file)
            ? System.Text.RegularExpressions.Regex.Match(File.ReadAllText(file), pattern).Groups[1].Value.Trim() : "?";
        return string.Create(CultureInfo.InvariantCulture,
            $"nproc {Environment.ProcessorCount}, {Match("/proc/cpuinfo", @"model name\s*:\s*(.+)")}, {Match("/etc/os-release", "PRETTY_NAME=\"([^\"]+)\"")}, .NET {Environment.Version}");
    }

    public static string Load() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
}
