using Tianshan.Core.Platform;

namespace Tianshan.Core.People;

/// <summary>How far ahead certificates are flagged. A special-operation certificate must be reviewed (复审) before it lapses
/// (总局令第30号 第二十一条、第二十二条: 复审 60 日前提出申请), and a lapsed one means the person may not work in that post
/// (安全生产法 第三十条) — so the defaults warn at 90 and 30 days. Local practice differs, hence configuration.</summary>
public sealed class CertificateAlertOptions
{
    public const string Section = "People:CertificateAlerts";

    /// <summary>Alert windows in days before expiry, any order; the nearest window a certificate falls into is its alert.</summary>
    public List<int> WindowDays { get; set; } = [90, 30];
}

public enum CertificateState
{
    Valid = 1,
    /// <summary>Within an alert window (<see cref="CertificateAlert.WindowDays"/> says which).</summary>
    ExpiringSoon = 2,
    Expired = 3,
}

/// <summary>One certificate's state on a day: days left (negative once expired) and the nearest window it is inside.</summary>
public sealed record CertificateAlert(CertificateState State, int DaysLeft, int? WindowDays)
{
    public string Label => State switch
    {
        CertificateState.Expired => $"已过期 {-DaysLeft} 天",
        CertificateState.ExpiringSoon when DaysLeft == 0 => "今日到期",
        CertificateState.ExpiringSoon => $"{DaysLeft} 天后到期（{WindowDays} 天内）",
        _ => "有效",
    };
}

public static class CertificateExpiry
{
    /// <summary>
    /// The state of a certificate valid through <paramref name="expiresOn"/> on <paramref name="today"/> (China's calendar
    /// day): valid through its expiry day inclusive, expired from the day after; inside a window when the days left are at
    /// most the window (so on the 90th day before expiry it is inside the 90-day window).
    /// </summary>
    public static CertificateAlert On(DateOnly expiresOn, DateOnly today, CertificateAlertOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var daysLeft = expiresOn.DayNumber - today.DayNumber;
        if (daysLeft < 0)
            return new CertificateAlert(CertificateState.Expired, daysLeft, null);
        var window = options.WindowDays.Where(w => w >= 0 && daysLeft <= w).DefaultIfEmpty(-1).Min();
        return window >= 0 ? new CertificateAlert(CertificateState.ExpiringSoon, daysLeft, window) : new CertificateAlert(CertificateState.Valid, daysLeft, null);
    }

    /// <summary>The same at the instant the clock gives, on China's calendar.</summary>
    public static CertificateAlert At(DateOnly expiresOn, TimeProvider time, CertificateAlertOptions options) =>
        On(expiresOn, ChinaTime.Today(time), options);
}
