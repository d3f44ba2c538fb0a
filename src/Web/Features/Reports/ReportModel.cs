using Tianshan.Core.Data;
using Tianshan.Core.Platform;
using Tianshan.Core.Reports;

namespace Tianshan.Web.Features.Reports;

/// <summary>A table of a report: a caption, column headers and rows. Cells are strings or numbers (int, decimal, double) so
/// Excel keeps numbers as numbers; null is an empty cell.</summary>
public sealed record ReportTable(string Caption, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<object?>> Rows);

/// <summary>What one section contributes: its sentences (the report's prose) and tables.</summary>
public sealed record ReportSectionContent(IReadOnlyList<string> Sentences, IReadOnlyList<ReportTable> Tables)
{
    public static ReportSectionContent Of(IEnumerable<string> sentences, params ReportTable[] tables) => new([.. sentences], tables);
}

/// <summary>A built section, numbered in the report (一、二、…).</summary>
public sealed record ReportSection(string Heading, ReportSectionContent Content);

/// <summary>The whole report, ready for <see cref="ReportExcel"/> and <see cref="ReportPdf"/>.</summary>
public sealed record ReportDocument(string Title, string Subtitle, string FileStem, DateTimeOffset GeneratedAt, string GeneratedBy,
    IReadOnlyList<ReportSection> Sections);

/// <summary>What a section builder is given: the database bound to the requester's scope, the job's choices, the time, and
/// a per-report cache so sections of one report can share what they loaded.</summary>
public sealed class ReportContext(TianshanDb db, ReportJob job, DateTimeOffset now, IServiceProvider services)
{
    private readonly Dictionary<string, object> _cache = new(StringComparer.Ordinal);

    public TianshanDb Db { get; } = db;
    public ReportKind Kind => job.Kind;
    public ReportPeriod Period { get; } = job.Period;
    public Guid? EnterpriseId => job.EnterpriseId;
    public UserScope Scope => job.Scope;
    public DateTimeOffset Now { get; } = now;
    public DateOnly Today => DateOnly.FromDateTime(ChinaTime.ToChina(Now).DateTime);
    public IServiceProvider Services { get; } = services;

    /// <summary>The enterprise of a 一企一策 report.</summary>
    public Guid RequiredEnterpriseId => EnterpriseId ?? throw new DomainValidationException("enterpriseId", "一企一策报告须选择企业");

    public async Task<T> SharedAsync<T>(string key, Func<Task<T>> load) where T : class
    {
        ArgumentNullException.ThrowIfNull(load);
        if (_cache.TryGetValue(key, out var value))
            return (T)value;
        var loaded = await load();
        _cache[key] = loaded;
        return loaded;
    }
}

/// <summary>
/// One section of one or more report kinds. Sections are registered in DI (<see cref="ReportRegistration.AddReportSection{T}"/>)
/// and run in <see cref="Order"/>; a new capability (drills, training) adds its own section without touching the generator.
/// </summary>
public interface IReportSection
{
    /// <summary>Position in the report; the built-in sections use steps of 10 so others can go between.</summary>
    int Order { get; }

    /// <summary>The section's heading (without its number) — also what the progress bar shows while it is built.</summary>
    string Title { get; }

    bool AppliesTo(ReportKind kind);

    Task<ReportSectionContent> BuildAsync(ReportContext context, CancellationToken ct);
}

/// <summary>Wording shared by sections: signed differences, counts with their comparison.</summary>
public static class ReportText
{
    /// <summary>"+2", "-1", "0".</summary>
    public static string Delta(decimal now, decimal before) =>
        (now - before) switch { > 0 and var d => "+" + d.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture), var d => d.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) };

    /// <summary>"增加 2" / "减少 1" / "持平".</summary>
    public static string Change(decimal now, decimal before, string unit) =>
        now > before ? $"增加 {now - before:0.##} {unit}" : now < before ? $"减少 {before - now:0.##} {unit}" : "持平";

    public static string Percent(int part, int whole) =>
        whole == 0 ? "—" : (100.0 * part / whole).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + "%";

    public static string Day(DateTimeOffset? at) => at is { } v ? ChinaTime.ToChina(v).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : "—";
}
