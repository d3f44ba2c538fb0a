using Tianshan.Core.Monitoring;

namespace Tianshan.Core.Tests.Monitoring;

public class AlarmFloodTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 28, 8, 0, 0, TimeSpan.Zero);

    private static DateTimeOffset At(double seconds) => T0.AddSeconds(seconds);

    [Fact]
    public void Ten_alarms_in_ten_minutes_are_not_a_flood_but_the_eleventh_starts_one()
    {
        var flood = new AlarmFlood();
        for (var i = 0; i < 10; i++)
            Assert.Equal(FloodChange.None, flood.Record(At(i * 50)));
        Assert.False(flood.IsFlooding);
        Assert.Equal(FloodChange.Started, flood.Record(At(500)));
        Assert.True(flood.IsFlooding);
        Assert.Equal(At(500), flood.FloodStartedAt);
        Assert.Equal(FloodChange.None, flood.Record(At(510)));
    }

    [Fact]
    public void Eleven_alarms_spread_over_ten_minutes_or_more_are_not_a_flood()
    {
        var flood = new AlarmFlood();
        for (var i = 0; i <= 10; i++)
            Assert.Equal(FloodChange.None, flood.Record(At(i * 60)));
        Assert.False(flood.IsFlooding);
    }

    [Fact]
    public void A_flood_ends_when_fewer_than_five_alarms_remain_in_the_window()
    {
        var flood = new AlarmFlood();
        for (var i = 0; i <= 10; i++)
            flood.Record(At(i * 10));   // starts at 100 s; the fifth latest alarm is at 60 s
        Assert.True(flood.IsFlooding);
        Assert.Equal(FloodChange.None, flood.Tick(At(659)));
        Assert.Equal(FloodChange.Ended, flood.Tick(At(660)));
        Assert.False(flood.IsFlooding);
        Assert.Equal(TimeSpan.FromSeconds(560), flood.TimeInFlood(At(5000)));
    }

    [Fact]
    public void The_next_alarm_after_a_quiet_spell_ends_the_flood_at_the_moment_it_calmed()
    {
        var flood = new AlarmFlood();
        for (var i = 0; i <= 10; i++)
            flood.Record(At(i * 10));
        Assert.Equal(FloodChange.Ended, flood.Record(At(900)));
        Assert.Equal(TimeSpan.FromSeconds(560), flood.TimeInFlood(At(900)));
        Assert.Null(flood.FloodStartedAt);
    }

    [Fact]
    public void Thresholds_and_window_are_configurable()
    {
        var flood = new AlarmFlood(threshold: 3, window: TimeSpan.FromMinutes(1), endBelow: 2);
        flood.Record(At(0));
        flood.Record(At(10));
        flood.Record(At(20));
        Assert.Equal(FloodChange.Started, flood.Record(At(30)));
        Assert.Equal(TimeSpan.FromSeconds(15), flood.TimeInFlood(At(45)));
        Assert.Equal(FloodChange.Ended, flood.Tick(At(80)));   // the second latest (20 s) left the window
        Assert.Throws<ArgumentOutOfRangeException>(() => new AlarmFlood(threshold: 3, endBelow: 4));
    }

    [Fact]
    public void Recording_alarms_allocates_nothing()
    {
        var flood = new AlarmFlood();
        for (var i = 0; i < 1000; i++)
            flood.Record(At(i * 7));
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 1000; i < 11_000; i++)
        {
            flood.Record(At(i * 7));
            flood.Tick(At(i * 7 + 3));
        }
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
