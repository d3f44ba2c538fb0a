using Microsoft.Extensions.Time.Testing;
using Tianshan.Core.People;

namespace Tianshan.Core.Tests.People;

/// <summary>Certificate expiry alerts on a fake clock: before the window, inside each window, on the boundary days, expired.</summary>
public sealed class CertificateExpiryTests
{
    private static readonly CertificateAlertOptions Options = new() { WindowDays = [90, 30] };

    private static readonly DateOnly Expiry = new(2026, 6, 30);

    /// <summary>A clock at 10:00 China time on the given day (02:00 UTC).</summary>
    private static FakeTimeProvider ClockOn(DateOnly day) => new(new DateTimeOffset(day.Year, day.Month, day.Day, 2, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Ninety_one_days_before_expiry_the_certificate_is_valid()
    {
        var alert = CertificateExpiry.At(Expiry, ClockOn(Expiry.AddDays(-91)), Options);
        Assert.Equal(CertificateState.Valid, alert.State);
        Assert.Equal(91, alert.DaysLeft);
        Assert.Null(alert.WindowDays);
    }

    [Fact]
    public void On_the_ninetieth_day_before_expiry_it_enters_the_ninety_day_window()
    {
        var alert = CertificateExpiry.At(Expiry, ClockOn(Expiry.AddDays(-90)), Options);
        Assert.Equal(CertificateState.ExpiringSoon, alert.State);
        Assert.Equal(90, alert.WindowDays);
    }

    [Fact]
    public void Thirty_one_days_before_it_is_in_the_ninety_day_window_and_thirty_days_before_in_the_thirty_day_one()
    {
        Assert.Equal(90, CertificateExpiry.At(Expiry, ClockOn(Expiry.AddDays(-31)), Options).WindowDays);
        var alert = CertificateExpiry.At(Expiry, ClockOn(Expiry.AddDays(-30)), Options);
        Assert.Equal(30, alert.WindowDays);
        Assert.Equal("30 天后到期（30 天内）", alert.Label);
    }

    [Fact]
    public void On_its_expiry_day_it_is_still_valid_and_due_today_and_the_next_day_it_is_expired()
    {
        var onTheDay = CertificateExpiry.At(Expiry, ClockOn(Expiry), Options);
        Assert.Equal(CertificateState.ExpiringSoon, onTheDay.State);
        Assert.Equal(0, onTheDay.DaysLeft);
        Assert.Equal("今日到期", onTheDay.Label);

        var clock = ClockOn(Expiry);
        clock.Advance(TimeSpan.FromDays(1));
        var after = CertificateExpiry.At(Expiry, clock, Options);
        Assert.Equal(CertificateState.Expired, after.State);
        Assert.Equal("已过期 1 天", after.Label);
    }

    [Fact]
    public void The_day_turns_at_midnight_china_time_not_utc()
    {
        // 15:30 UTC on the expiry day is 23:30 in Beijing (still due today); an hour later it is the next day there: expired.
        var clock = new FakeTimeProvider(new DateTimeOffset(Expiry.Year, Expiry.Month, Expiry.Day, 15, 30, 0, TimeSpan.Zero));
        Assert.Equal(CertificateState.ExpiringSoon, CertificateExpiry.At(Expiry, clock, Options).State);
        clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(CertificateState.Expired, CertificateExpiry.At(Expiry, clock, Options).State);
    }

    [Fact]
    public void The_windows_come_from_configuration()
    {
        var sixty = new CertificateAlertOptions { WindowDays = [60] };
        Assert.Equal(CertificateState.Valid, CertificateExpiry.At(Expiry, ClockOn(Expiry.AddDays(-61)), sixty).State);
        Assert.Equal(60, CertificateExpiry.At(Expiry, ClockOn(Expiry.AddDays(-60)), sixty).WindowDays);
    }

    [Fact]
    public void A_certificate_that_expires_before_it_was_issued_is_refused_in_chinese()
    {
        var e = Assert.Throws<Platform.DomainValidationException>(() => Certificate.Create(Guid.NewGuid(), new CertificateDetails
        {
            Kind = CertificateKind.SpecialOperation, Category = "电工作业", Number = "T1", IssuingAuthority = "克拉玛依市应急管理局",
            IssuedOn = new DateOnly(2026, 1, 1), ExpiresOn = new DateOnly(2025, 1, 1),
        }));
        Assert.Contains("有效期至应晚于发证日期", e.Message, StringComparison.Ordinal);
    }
}
