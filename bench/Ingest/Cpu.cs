using System.Globalization;

namespace Tianshan.Bench.Ingest;

/// <summary>
/// CPU time used during a run: the whole machine's (from /proc/stat) and the benchmark process's own (the publishers, or
/// the client of raw COPY). The difference is what the pipeline under test cost — broker, host and database, or
/// mosquitto, mosquitto_sub, psql and database — with the publishers' share taken out. On 2 shared cores the rate of a
/// pipeline is bounded by the cores its publishers leave it; its CPU per reading is not, so it compares pipelines whose
/// publishers cost different amounts, and with raw COPY, which has none.
/// </summary>
internal readonly record struct Cpu(double MachineSeconds, double OwnSeconds)
{
    /// <summary>Linux reports /proc/stat in USER_HZ ticks, 100 a second on every architecture .NET runs on.</summary>
    private const double TicksPerSecond = 100;

    public static Cpu Now()
    {
        // cpu  user nice system idle iowait irq softirq steal guest guest_nice: busy is what ran here (guest time is
        // already in user); idle, iowait and steal (taken by the hypervisor for other machines) are not.
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        double Field(int i) => double.Parse(fields[i], CultureInfo.InvariantCulture);
        var busy = Field(1) + Field(2) + Field(3) + Field(6) + Field(7);
        return new Cpu(busy / TicksPerSecond, Environment.CpuUsage.TotalTime.TotalSeconds);
    }

    public static Cpu operator -(Cpu end, Cpu start) => new(end.MachineSeconds - start.MachineSeconds, end.OwnSeconds - start.OwnSeconds);

    /// <summary>CPU outside this process: the pipeline under test, without the publishers.</summary>
    public double OthersSeconds => Math.Max(0, MachineSeconds - OwnSeconds);
}
