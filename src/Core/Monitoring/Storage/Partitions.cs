using System.Globalization;

namespace Tianshan.Core.Monitoring.Storage;

/// <summary>Names and bounds of the time partitions: raw_YYYYMMDD (a UTC day of packed readings) and minutes_YYYYMM
/// (a UTC month of aggregates). Days count from the Unix epoch; months are year × 12 + month − 1.</summary>
internal static class Partitions
{
    public const string RawPrefix = "raw_";
    public const string MinutesPrefix = "minutes_";

    public static int DayOf(int minute) => minute / ReadingStore.MinutesPerDay;

    public static int MonthOf(int minute)
    {
        var date = DateTime.UnixEpoch.AddMinutes(minute);
        return date.Year * 12 + date.Month - 1;
    }

    public static int DayStartMinute(int day) => day * ReadingStore.MinutesPerDay;

    public static int MonthStartMinute(int month) =>
        (int)(new DateTime(month / 12, month % 12 + 1, 1, 0, 0, 0, DateTimeKind.Utc) - DateTime.UnixEpoch).TotalMinutes;

    public static string RawName(int day) => RawPrefix + DateTime.UnixEpoch.AddDays(day).ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    public static string MinutesName(int month) => string.Create(CultureInfo.InvariantCulture, $"{MinutesPrefix}{month / 12:D4}{month % 12 + 1:D2}");

    /// <summary>A raw day is expired once its end is <see cref="ReadingStore.RawRetention"/> old; an aggregate month once
    /// its end is <see cref="ReadingStore.AggregateRetentionYears"/> old. Other names are never expired.</summary>
    public static bool IsExpired(string name, DateTimeOffset now)
    {
        if (TryParse(name, RawPrefix, "yyyyMMdd", out var day))
            return day.AddDays(1) <= now - ReadingStore.RawRetention;
        if (TryParse(name, MinutesPrefix, "yyyyMM", out var month))
            return month.AddMonths(1) <= now.AddYears(-ReadingStore.AggregateRetentionYears);
        return false;
    }

    private static bool TryParse(string name, string prefix, string format, out DateTimeOffset start)
    {
        start = default;
        return name.StartsWith(prefix, StringComparison.Ordinal) && name.Length == prefix.Length + format.Length
            && DateTimeOffset.TryParseExact(name.AsSpan(prefix.Length), format, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out start);
    }
}
