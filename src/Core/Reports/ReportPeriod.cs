using System.Globalization;
using Tianshan.Core.Platform;

namespace Tianshan.Core.Reports;

/// <summary>
/// A month or a year as the bureau counts it — midnight to midnight China Standard Time — with the previous period of the
/// same length the report compares against (上月 / 上年). <see cref="From"/> is inclusive, <see cref="To"/> exclusive, both UTC.
/// </summary>
public sealed record ReportPeriod(int Year, int? Month, DateTimeOffset From, DateTimeOffset To, DateTimeOffset PreviousFrom, string Label,
    string PreviousLabel)
{
    public const int FirstYear = 2000;

    public DateTimeOffset PreviousTo => From;

    /// <summary>"本月" or "本年"; "上月" or "上年".</summary>
    public string Name => Month is null ? "本年" : "本月";

    public string PreviousName => Month is null ? "上年" : "上月";

    public DateOnly FirstDay => DateOnly.FromDateTime(ChinaTime.ToChina(From).DateTime);

    /// <summary>The last day inside the period.</summary>
    public DateOnly LastDay => DateOnly.FromDateTime(ChinaTime.ToChina(To).DateTime).AddDays(-1);

    public DateOnly PreviousFirstDay => DateOnly.FromDateTime(ChinaTime.ToChina(PreviousFrom).DateTime);

    public bool Contains(DateTimeOffset at) => at >= From && at < To;

    public bool Contains(DateOnly day) => day >= FirstDay && day <= LastDay;

    public static ReportPeriod OfMonth(int year, int month)
    {
        Check(year, month);
        var first = new DateTime(year, month, 1, 0, 0, 0, DateTimeKind.Unspecified);
        var previous = first.AddMonths(-1);
        return new ReportPeriod(year, month, Utc(first), Utc(first.AddMonths(1)), Utc(previous),
            string.Create(CultureInfo.InvariantCulture, $"{year}年{month}月"), string.Create(CultureInfo.InvariantCulture, $"{previous.Year}年{previous.Month}月"));
    }

    public static ReportPeriod OfYear(int year)
    {
        Check(year, null);
        var first = new DateTime(year, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);
        return new ReportPeriod(year, null, Utc(first), Utc(first.AddYears(1)), Utc(first.AddYears(-1)),
            string.Create(CultureInfo.InvariantCulture, $"{year}年"), string.Create(CultureInfo.InvariantCulture, $"{year - 1}年"));
    }

    private static void Check(int year, int? month)
    {
        var errors = new Dictionary<string, string[]>();
        if (year < FirstYear || year > 2100)
            errors["year"] = [$"年度须在 {FirstYear}–2100 之间"];
        if (month is { } m && (m < 1 || m > 12))
            errors["month"] = ["月份须在 1–12 之间"];
        if (errors.Count > 0)
            throw new DomainValidationException(errors);
    }

    private static DateTimeOffset Utc(DateTime chinaLocal) =>
        new DateTimeOffset(chinaLocal, ChinaTime.Zone.GetUtcOffset(chinaLocal)).ToUniversalTime();
}
