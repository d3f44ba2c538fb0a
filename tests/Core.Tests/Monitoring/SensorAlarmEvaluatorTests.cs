using Tianshan.Core.Monitoring;

namespace Tianshan.Core.Tests.Monitoring;

public class SensorAlarmEvaluatorTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 28, 8, 0, 0, TimeSpan.Zero);
    private readonly AlarmTransition[] _buffer = new AlarmTransition[SensorAlarmEvaluator.MaxChanges];

    private static DateTimeOffset At(double seconds) => T0.AddSeconds(seconds);

    private string[] Read(SensorAlarmEvaluator evaluator, double seconds, double value) =>
        Describe(_buffer.AsSpan(0, evaluator.Evaluate(At(seconds), value, _buffer)));

    private string[] Tick(SensorAlarmEvaluator evaluator, double seconds) =>
        Describe(_buffer.AsSpan(0, evaluator.Tick(At(seconds), _buffer)));

    private static string[] Describe(ReadOnlySpan<AlarmTransition> changes)
    {
        var lines = new string[changes.Length];
        for (var i = 0; i < changes.Length; i++)
            lines[i] = $"{changes[i].Kind} {changes[i].From}→{changes[i].To}";
        return lines;
    }

    [Fact]
    public void H_alarm_activates_at_the_limit_and_clears_only_below_the_deadband()
    {
        var e = new SensorAlarmEvaluator(new AlarmRules { High = 80, Deadband = 2 }, T0);
        Assert.Empty(Read(e, 0, 79.9));
        Assert.Equal(["High Normal→Unacknowledged"], Read(e, 10, 80));
        Assert.Empty(Read(e, 20, 78.5));
        Assert.Empty(Read(e, 30, 78));
        Assert.Equal(["High Unacknowledged→ReturnedUnacknowledged"], Read(e, 40, 77.9));
        Assert.Equal(77.9, _buffer[0].Value);
        Assert.Equal(At(40), _buffer[0].Time);
    }

    [Fact]
    public void L_alarm_clears_only_above_the_deadband()
    {
        var e = new SensorAlarmEvaluator(new AlarmRules { Low = 20, Deadband = 2 }, T0);
        Assert.Equal(["Low Normal→Unacknowledged"], Read(e, 0, 20));
        Assert.Empty(Read(e, 10, 22));
        Assert.Equal(["Low Unacknowledged→ReturnedUnacknowledged"], Read(e, 20, 22.1));
    }

    [Fact]
    public void HH_and_H_are_separate_alarms_with_their_own_priorities()
    {
        var e = new SensorAlarmEvaluator(new AlarmRules { HighHigh = 90, High = 80 }, T0);
        Assert.Equal(["HighHigh Normal→Unacknowledged", "High Normal→Unacknowledged"], Read(e, 0, 95));
        Assert.Equal((AlarmPriority.High, AlarmPriority.Medium), (_buffer[0].Priority, _buffer[1].Priority));
        Assert.Equal(["HighHigh Unacknowledged→ReturnedUnacknowledged"], Read(e, 10, 85));
    }

    [Fact]
    public void On_delay_activates_only_after_the_condition_held_on_every_reading_for_the_delay()
    {
        var e = new SensorAlarmEvaluator(new AlarmRules { High = 80, OnDelay = TimeSpan.FromSeconds(30) }, T0);
        Assert.Empty(Read(e, 0, 85));
        Assert.Empty(Read(e, 20, 85));
        Assert.Empty(Read(e, 25, 75));   // a dip starts the wait over
        Assert.Empty(Read(e, 30, 85));
        Assert.Empty(Read(e, 50, 85));
        Assert.Equal(["High Normal→Unacknowledged"], Read(e, 60, 85));
    }

    [Fact]
    public void Off_delay_keeps_the_alarm_until_the_value_stayed_normal_for_the_delay()
    {
        var e = new SensorAlarmEvaluator(new AlarmRules { High = 80, OffDelay = TimeSpan.FromSeconds(30) }, T0);
        Assert.Equal(["High Normal→Unacknowledged"], Read(e, 0, 85));
        Assert.Empty(Read(e, 10, 70));
        Assert.Empty(Read(e, 20, 85));   // back over the limit: the wait starts over
        Assert.Empty(Read(e, 30, 70));
        Assert.Empty(Read(e, 50, 70));
        Assert.Equal(["High Unacknowledged→ReturnedUnacknowledged"], Read(e, 60, 70));
    }

    [Fact]
    public void Rate_of_change_alarms_on_a_fast_rise_but_not_on_a_slow_drift()
    {
        var e = new SensorAlarmEvaluator(new AlarmRules { RateOfChangePerMinute = 5 }, T0);
        Assert.Empty(Read(e, 0, 50));
        Assert.Empty(Read(e, 10, 50.5));   // 3 per minute
        Assert.Empty(Read(e, 20, 51));
        Assert.Equal(["RateOfChange Normal→Unacknowledged"], Read(e, 30, 53));   // 12 per minute
        Assert.Equal(["RateOfChange Unacknowledged→ReturnedUnacknowledged"], Read(e, 40, 53.5));
        Assert.Equal(["RateOfChange ReturnedUnacknowledged→Unacknowledged"], Read(e, 70, 50));   // falls 7 per minute: either direction counts
    }

    [Fact]
    public void A_chattering_alarm_is_suppressed_until_a_quiet_window_passes()
    {
        var e = new SensorAlarmEvaluator(new AlarmRules { High = 80 }, T0);   // 3 activations in 60 s by default
        Assert.Equal(["High Normal→Unacknowledged"], Read(e, 0, 85));
        Assert.Single(Read(e, 5, 75));
        Assert.Equal(["High ReturnedUnacknowledged→Unacknowledged"], Read(e, 10, 85));
        Assert.Single(Read(e, 15, 75));
        Assert.Equal(["High ReturnedUnacknowledged→Suppressed"], Read(e, 20, 85));   // the third activation is not annunciated
        Assert.Equal(AlarmLifecycle.ChatteringReason, _buffer[0].Note);
        Assert.Empty(Read(e, 25, 75));
        Assert.Empty(Read(e, 30, 85));   // still chattering: the quiet window restarts
        Assert.Empty(Read(e, 35, 75));
        Assert.Empty(Read(e, 89, 75));
        Assert.Equal(["High Suppressed→Normal"], Read(e, 90, 75));
        Assert.Contains("抖动已停止", _buffer[0].Note, StringComparison.Ordinal);
    }

    [Fact]
    public void A_chattering_alarm_that_settles_above_its_limit_is_annunciated_when_suppression_ends()
    {
        var e = new SensorAlarmEvaluator(new AlarmRules { High = 80, ChatterActivations = 2, ChatterWindow = TimeSpan.FromSeconds(30) }, T0);
        Read(e, 0, 85);
        Read(e, 5, 75);
        Assert.Equal(["High ReturnedUnacknowledged→Suppressed"], Read(e, 10, 85));
        Assert.Empty(Read(e, 20, 86));
        Assert.Empty(Tick(e, 39));
        Assert.Equal(["High Suppressed→Unacknowledged"], Tick(e, 40));   // ends on the clock too, no reading needed
    }

    [Fact]
    public void An_operator_suppression_is_not_lifted_by_the_chattering_logic()
    {
        var e = new SensorAlarmEvaluator(new AlarmRules { High = 80 }, T0);
        e.Lifecycle(AlarmKind.High).Suppress("装置停车，按设计抑制", At(0), "工艺员丙");
        Assert.Empty(Read(e, 10, 85));
        Assert.Empty(Read(e, 200, 70));
        Assert.Equal(AlarmState.Suppressed, e.Lifecycle(AlarmKind.High).State);
    }

    [Fact]
    public void No_data_is_raised_after_the_missed_periods_and_cleared_by_the_next_reading()
    {
        var e = new SensorAlarmEvaluator(new AlarmRules { SamplingPeriod = TimeSpan.FromSeconds(10), MissedPeriods = 3 }, T0);
        Assert.Empty(Read(e, 0, 50));
        Assert.Empty(Tick(e, 29));
        Assert.Equal(["NoData Normal→Unacknowledged"], Tick(e, 30));
        Assert.Equal(AlarmPriority.Medium, _buffer[0].Priority);
        Assert.Empty(Tick(e, 40));
        Assert.Equal(["NoData Unacknowledged→ReturnedUnacknowledged"], Read(e, 45, 50));
    }

    [Fact]
    public void A_sensor_that_never_reports_goes_to_no_data()
    {
        var e = new SensorAlarmEvaluator(new AlarmRules(), T0);
        Assert.Empty(Tick(e, 29));
        Assert.Equal(["NoData Normal→Unacknowledged"], Tick(e, 30));
    }

    [Fact]
    public void Shelving_expires_on_the_evaluators_tick_at_the_chosen_time()
    {
        var e = new SensorAlarmEvaluator(new AlarmRules { High = 80, SamplingPeriod = TimeSpan.FromMinutes(5) }, T0);
        Read(e, 0, 85);
        e.Lifecycle(AlarmKind.High).Shelve("值班员甲", "液位计检修", At(600), At(10));
        Assert.Empty(Read(e, 20, 70));
        Assert.Empty(Read(e, 30, 85));
        Assert.Empty(Tick(e, 599));
        Assert.Equal(["High Shelved→Unacknowledged"], Tick(e, 600));
    }

    [Fact]
    public void Old_and_non_finite_readings_are_ignored()
    {
        var e = new SensorAlarmEvaluator(new AlarmRules { High = 80 }, T0);
        Assert.Single(Read(e, 10, 85));
        Assert.Empty(Read(e, 5, 50));
        Assert.Empty(Read(e, 10, 50));
        Assert.Empty(Read(e, 20, double.NaN));
        Assert.True(e.Lifecycle(AlarmKind.High).ConditionActive);
    }

    [Fact]
    public void A_restored_acknowledged_alarm_returns_to_normal_when_the_value_does()
    {
        var e = new SensorAlarmEvaluator(new AlarmRules { High = 80 }, T0);
        e.Restore(new AlarmSnapshot(AlarmKind.High, AlarmState.Acknowledged, ConditionActive: true, ActiveSince: At(-600), ChangedBy: "值班员甲"));
        Assert.Empty(Read(e, 0, 85));
        Assert.Equal(["High Acknowledged→Normal"], Read(e, 10, 70));
    }

    [Fact]
    public void A_change_buffer_smaller_than_the_maximum_is_refused()
    {
        var e = new SensorAlarmEvaluator(new AlarmRules(), T0);
        Assert.Throws<ArgumentException>(() => e.Evaluate(T0, 1, new AlarmTransition[1]));
    }

    [Fact]
    public void Evaluating_ten_thousand_readings_that_change_nothing_allocates_nothing()
    {
        var rules = new AlarmRules
        {
            HighHigh = 90, High = 80, Low = 20, LowLow = 10, Deadband = 1, RateOfChangePerMinute = 100,
            OnDelay = TimeSpan.FromSeconds(5), OffDelay = TimeSpan.FromSeconds(5),
        };
        var e = new SensorAlarmEvaluator(rules, T0);
        var buffer = new AlarmTransition[SensorAlarmEvaluator.MaxChanges];
        var changes = 0;
        for (var i = 0; i < 1000; i++)   // warm-up: JIT tiers, first-call initialisation
            changes += e.Evaluate(T0.AddSeconds(i), 50 + i % 7, buffer) + e.Tick(T0.AddSeconds(i), buffer);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 1000; i < 11_000; i++)
            changes += e.Evaluate(T0.AddSeconds(i), 50 + i % 7, buffer) + e.Tick(T0.AddSeconds(i), buffer);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, changes);
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void Raising_clearing_and_suppressing_alarms_allocates_nothing_either()
    {
        var e = new SensorAlarmEvaluator(new AlarmRules { HighHigh = 90, High = 80, Deadband = 1 }, T0);
        var buffer = new AlarmTransition[SensorAlarmEvaluator.MaxChanges];
        var changes = 0;
        for (var i = 0; i < 1000; i++)
            changes += e.Evaluate(T0.AddSeconds(i), i % 40 < 20 ? 50 : 95, buffer);

        changes = 0;
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 1000; i < 11_000; i++)
            changes += e.Evaluate(T0.AddSeconds(i), i % 40 < 20 ? 50 : 95, buffer);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(changes > 500);
        Assert.Equal(0, allocated);
    }
}
