using Tianshan.Core.Monitoring;
using Tianshan.Core.Monitoring.Storage;
using Tianshan.Web.Features.Monitoring;

namespace Tianshan.Web.Tests.Monitoring;

/// <summary>The pure arithmetic of the monitoring KPIs, with hand-computed expectations (24 h = 144 ten-minute intervals).</summary>
public sealed class KpiCalculatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    private static List<DateTimeOffset> Many(int count, DateTimeOffset at) => Enumerable.Repeat(at, count).ToList();

    [Fact]
    public void No_alarms_give_zero_load_and_no_peak()
    {
        var load = KpiCalculator.Load([], Now);
        Assert.Equal(new KpiCalculator.AlarmLoad(0, 0, 0, null, 0), load);
    }

    [Fact]
    public void Ten_alarms_in_ten_minutes_are_not_a_flood()
    {
        var load = KpiCalculator.Load(Many(10, Now.AddMinutes(-5)), Now);
        Assert.Equal(0, load.TimeInFloodPercent);
        Assert.Equal(10, load.Per10MinPeak);
    }

    [Fact]
    public void Eleven_alarms_in_ten_minutes_flood_one_interval_of_144()
    {
        // 100 × 1 / 144 = 0.694… → 0.7 %; 11 / 144 = 0.0763… → 0.08 per interval.
        var load = KpiCalculator.Load(Many(11, Now.AddMinutes(-25)), Now);
        Assert.Equal(0.7, load.TimeInFloodPercent);
        Assert.Equal(11, load.Count);
        Assert.Equal(0.08, load.Per10MinAverage);
        Assert.Equal(11, load.Per10MinPeak);
        // 25 minutes ago lies in the interval [now − 30 min, now − 20 min).
        Assert.Equal(Now.AddMinutes(-30), load.PeakIntervalStart);
    }

    [Fact]
    public void Eleven_alarms_split_across_an_interval_boundary_are_not_a_flood()
    {
        // Six just before now − 20 min and five at it: two intervals of 6 and 5.
        var raised = Many(6, Now.AddMinutes(-20).AddSeconds(-1)).Concat(Many(5, Now.AddMinutes(-20))).ToList();
        var load = KpiCalculator.Load(raised, Now);
        Assert.Equal(0, load.TimeInFloodPercent);
        Assert.Equal(6, load.Per10MinPeak);
        Assert.Equal(Now.AddMinutes(-30), load.PeakIntervalStart);
    }

    [Fact]
    public void The_earliest_of_equal_peaks_is_reported()
    {
        var raised = Many(3, Now.AddHours(-2)).Concat(Many(3, Now.AddMinutes(-1))).ToList();
        Assert.Equal(Now.AddHours(-2), KpiCalculator.Load(raised, Now).PeakIntervalStart);
    }

    [Fact]
    public void The_window_includes_its_start_and_excludes_now()
    {
        var buckets = KpiCalculator.PerInterval([Now.AddHours(-24), Now, Now.AddHours(-24).AddTicks(-1), Now.AddTicks(-1)],
            Now, KpiCalculator.Window, KpiCalculator.Interval);
        Assert.Equal(144, buckets.Length);
        Assert.Equal(1, buckets[0]);
        Assert.Equal(1, buckets[143]);
        Assert.Equal(2, buckets.Sum());
    }

    [Fact]
    public void An_alarm_open_exactly_24_hours_is_not_yet_stale()
    {
        Assert.False(KpiCalculator.IsStale(Now.AddHours(-24), Now));
        Assert.True(KpiCalculator.IsStale(Now.AddHours(-24).AddTicks(-1), Now));
        Assert.False(KpiCalculator.IsStale(Now.AddHours(-1), Now));
    }

    [Fact]
    public void Three_activations_within_sixty_seconds_chatter_and_sixty_one_do_not()
    {
        var a = Guid.NewGuid();
        var b = Guid.NewGuid();
        List<(Guid, AlarmKind, DateTimeOffset)> alarms =
        [
            // Sensor a, High: 0 s, 30 s, 60 s → chattering.
            (a, AlarmKind.High, Now), (a, AlarmKind.High, Now.AddSeconds(30)), (a, AlarmKind.High, Now.AddSeconds(60)),
            // Sensor b, High: 0 s, 30 s, 61 s → not.
            (b, AlarmKind.High, Now), (b, AlarmKind.High, Now.AddSeconds(30)), (b, AlarmKind.High, Now.AddSeconds(61)),
            // Sensor b, two kinds in one second: two activations each, not three of one alarm.
            (b, AlarmKind.HighHigh, Now), (b, AlarmKind.HighHigh, Now.AddSeconds(1)), (b, AlarmKind.Low, Now.AddSeconds(1)),
        ];
        Assert.Equal(1, KpiCalculator.Chattering(alarms));
        Assert.Equal(0, KpiCalculator.Chattering([]));
    }

    [Fact]
    public void A_rate_is_a_rounded_percentage_and_null_when_there_is_nothing_to_count()
    {
        Assert.Null(KpiCalculator.Rate(0, 0));
        Assert.Equal(33.3, KpiCalculator.Rate(1, 3));
        Assert.Equal(100, KpiCalculator.Rate(4, 4));
        Assert.Equal(0, KpiCalculator.Rate(0, 7));
    }

    [Fact]
    public void A_sensor_is_online_up_to_its_no_data_window_and_offline_after()
    {
        var rules = new AlarmRules { SamplingPeriod = TimeSpan.FromSeconds(10), MissedPeriods = 3 }; // 30 s
        static Reading At(DateTimeOffset t) => new(1, t.ToUnixTimeMilliseconds(), 1, 0);
        Assert.True(KpiCalculator.IsOnline(rules, At(Now.AddSeconds(-30)), Now));
        Assert.False(KpiCalculator.IsOnline(rules, At(Now.AddSeconds(-30).AddMilliseconds(-1)), Now));
        Assert.False(KpiCalculator.IsOnline(rules, null, Now));
    }

    [Fact]
    public void Priority_shares_list_every_priority_highest_first()
    {
        var shares = KpiCalculator.Priorities([AlarmPriority.High, AlarmPriority.High, AlarmPriority.Low]);
        Assert.Equal(
            [(AlarmPriority.Critical, 0, 0.0), (AlarmPriority.High, 2, 66.7), (AlarmPriority.Medium, 0, 0.0), (AlarmPriority.Low, 1, 33.3)],
            shares.Select(s => (s.Priority, s.Count, s.Percent)));
        Assert.Equal("高", shares[1].Label);
        Assert.All(KpiCalculator.Priorities([]), s => Assert.Equal((0, 0.0), (s.Count, s.Percent)));
    }
}
