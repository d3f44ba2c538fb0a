namespace Tianshan.Core.Platform;

/// <summary>Times are stored in UTC and shown in China Standard Time (Asia/Shanghai, UTC+8, no daylight saving).</summary>
public static class ChinaTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public static DateTimeOffset Now(TimeProvider time) => TimeZoneInfo.ConvertTime(time.GetUtcNow(), Zone);

    public static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(Now(time).DateTime);

    public static DateTimeOffset ToChina(DateTimeOffset value) => TimeZoneInfo.ConvertTime(value, Zone);
}
