using Tianshan.Core.Platform;
using Tianshan.Core.Reports;

namespace Tianshan.Core.Tests.Reports;

public class ReportPeriodTests
{
    [Fact]
    public void A_month_runs_midnight_to_midnight_China_time_and_compares_with_the_month_before()
    {
        var p = ReportPeriod.OfMonth(2026, 3);
        Assert.Equal(new DateTimeOffset(2026, 2, 28, 16, 0, 0, TimeSpan.Zero), p.From);
        Assert.Equal(new DateTimeOffset(2026, 3, 31, 16, 0, 0, TimeSpan.Zero), p.To);
        Assert.Equal(new DateTimeOffset(2026, 1, 31, 16, 0, 0, TimeSpan.Zero), p.PreviousFrom);
        Assert.Equal("2026年3月", p.Label);
        Assert.Equal("2026年2月", p.PreviousLabel);
        Assert.Equal(new DateOnly(2026, 3, 31), p.LastDay);
        Assert.True(p.Contains(new DateTimeOffset(2026, 3, 31, 15, 59, 59, TimeSpan.Zero)));
        Assert.False(p.Contains(p.To));
    }

    [Fact]
    public void January_compares_with_December_of_the_year_before()
    {
        var p = ReportPeriod.OfMonth(2026, 1);
        Assert.Equal("2025年12月", p.PreviousLabel);
        Assert.Equal(new DateOnly(2025, 12, 1), p.PreviousFirstDay);
    }

    [Fact]
    public void A_year_compares_with_the_year_before()
    {
        var p = ReportPeriod.OfYear(2025);
        Assert.Equal("2025年", p.Label);
        Assert.Equal("2024年", p.PreviousLabel);
        Assert.Equal(new DateOnly(2025, 12, 31), p.LastDay);
        Assert.Equal("本年", p.Name);
    }

    [Fact]
    public void A_month_outside_one_to_twelve_is_refused_in_Chinese()
    {
        var e = Assert.Throws<DomainValidationException>(() => ReportPeriod.OfMonth(2026, 13));
        Assert.Equal("月份须在 1–12 之间", e.Errors["month"][0]);
    }
}
