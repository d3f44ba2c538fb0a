namespace Tianshan.Core.Platform;

/// <summary>Times are stored in UTC and shown in China Standard Time (Asia/Shanghai, UTC+8, no daylight saving).</summary>
public static class ChinaTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public static DateTimeOffset Now(TimeProvider time) => TimeZoneInfo.ConvertTime(time.GetUtcNow(), Zone);

    public static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(Now(time).DateTime);

    public static DateTimeOffset ToChina(DateTimeOffset value) => TimeZoneInfo.ConvertTime(value, Zone);

    /// <summary>The UTC instant at which a China-time day begins.</summary>
    public static DateTimeOffset StartOf(DateOnly day) => new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), Zone.BaseUtcOffset).ToUniversalTime();
}

/// <summary>Whole China-time days, <see cref="First"/> to <see cref="Last"/> inclusive, and the UTC instants that bound them.</summary>
public sealed record ChinaDays(DateOnly First, DateOnly Last)
{
    /// <summary>The most days one export covers: a year, what an annual review reads.</summary>
    public const int MaxExportDays = 366;

    public DateTimeOffset Start => ChinaTime.StartOf(First);

    /// <summary>Exclusive: the start of the day after <see cref="Last"/>.</summary>
    public DateTimeOffset End => ChinaTime.StartOf(Last.AddDays(1));

    /// <summary>An export's period: the days asked for, by default the 30 days up to today; refused in Chinese when reversed
    /// or longer than <see cref="MaxExportDays"/>.</summary>
    public static ChinaDays ForExport(DateOnly? from, DateOnly? to, TimeProvider time)
    {
        var last = to ?? ChinaTime.Today(time);
        var first = from ?? last.AddDays(-29);
        if (first > last)
            throw new DomainValidationException("from", "开始日期不能晚于结束日期");
        if (last.DayNumber - first.DayNumber + 1 > MaxExportDays)
            throw new DomainValidationException("from", $"一次最多导出 {MaxExportDays} 天，请缩小日期范围");
        return new ChinaDays(first, last);
    }
}
