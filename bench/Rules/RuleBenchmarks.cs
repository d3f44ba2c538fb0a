using BenchmarkDotNet.Attributes;
using Tianshan.Core.Monitoring;

namespace Tianshan.Bench.Rules;

/// <summary>
/// The alarm engine's inner loop: one reading through its sensor's <see cref="SensorAlarmEvaluator"/> (HH/H/L/LL with
/// deadband, rate of change, 通信恢复, chattering bookkeeping), in arrival order over 10,000 sensors — each second
/// every sensor — so the evaluators do not all sit in the CPU cache. Beside it, the floor of any rule engine: the same
/// readings compared with four limits held in arrays, with no state, deadband, delay or lifecycle.
/// </summary>
[MemoryDiagnoser]
public class RuleBenchmarks
{
    public const int Sensors = 10_000;
    public const int Seconds = 100;
    public const int Readings = Sensors * Seconds;

    private static readonly AlarmRules Rules = new()
    {
        HighHigh = 90, High = 80, Low = 20, LowLow = 10, Deadband = 1, RateOfChangePerMinute = 600,
        SamplingPeriod = TimeSpan.FromSeconds(1),
    };

    private readonly double[] _values = new double[Readings];
    private readonly AlarmTransition[] _changes = new AlarmTransition[SensorAlarmEvaluator.MaxChanges];
    private SensorAlarmEvaluator[] _evaluators = [];
    private readonly double[] _hh = new double[Sensors], _h = new double[Sensors], _l = new double[Sensors], _ll = new double[Sensors];
    private DateTimeOffset _start;

    /// <summary>Changes the evaluators reported (the run's check that alarms were really raised and cleared).</summary>
    public long Changes { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        // A random walk around 50 with rare excursions past the limits, so some readings raise and clear alarms.
        var random = new Random(2026);
        var level = new double[Sensors];
        Array.Fill(level, 50);
        for (var s = 0; s < Seconds; s++)
        {
            for (var i = 0; i < Sensors; i++)
            {
                level[i] = Math.Clamp(level[i] + ((random.NextDouble() - 0.5) * 4), 0, 100);
                _values[(s * Sensors) + i] = random.NextDouble() < 0.001 ? 95 : level[i];
            }
        }
        _start = new DateTimeOffset(2026, 11, 28, 0, 0, 0, TimeSpan.Zero);
        _evaluators = new SensorAlarmEvaluator[Sensors];
        for (var i = 0; i < Sensors; i++)
        {
            _evaluators[i] = new SensorAlarmEvaluator(Rules, _start);
            (_hh[i], _h[i], _l[i], _ll[i]) = (90, 80, 20, 10);
        }
    }

    /// <summary>One pass: 100 s of readings from 10,000 sensors; each pass continues where the last one ended in time.</summary>
    [Benchmark(OperationsPerInvoke = Readings)]
    public int Evaluator()
    {
        var changes = 0;
        var start = _start;
        for (var s = 0; s < Seconds; s++)
        {
            var time = start.AddSeconds(s + 1);
            for (var i = 0; i < Sensors; i++)
                changes += _evaluators[i].Evaluate(time, _values[(s * Sensors) + i], _changes);
        }
        _start = start.AddSeconds(Seconds);
        Changes += changes;
        return changes;
    }

    /// <summary>The floor: four comparisons a reading, nothing remembered.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Readings)]
    public int BareComparisons()
    {
        var crossings = 0;
        for (var s = 0; s < Seconds; s++)
        {
            for (var i = 0; i < Sensors; i++)
            {
                var v = _values[(s * Sensors) + i];
                if (v >= _hh[i] || v >= _h[i] || v <= _l[i] || v <= _ll[i])
                    crossings++;
            }
        }
        return crossings;
    }
}
