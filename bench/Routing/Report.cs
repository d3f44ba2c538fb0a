namespace Tianshan.Bench.Routing;

internal static class Report
{
    public const string Heading = "# Routing benchmark";

    /// <summary>The ingest benchmark keeps everything before its own heading and rewrites the rest, so this section goes
    /// before it.</summary>
    private const string IngestHeading = "# Ingest benchmark (end to end)";

    /// <summary>Puts <paramref name="section"/> in place of this benchmark's section of <paramref name="existing"/>, or
    /// before the ingest section, or at the end.</summary>
    public static string Replace(string existing, string section)
    {
        section = section.TrimEnd() + "\n";
        var at = existing.IndexOf(Heading, StringComparison.Ordinal);
        if (at >= 0)
        {
            var next = existing.IndexOf("\n# ", at + Heading.Length, StringComparison.Ordinal);
            return existing[..at] + section + (next >= 0 ? "\n" + existing[(next + 1)..] : "");
        }
        var ingest = existing.IndexOf(IngestHeading, StringComparison.Ordinal);
        if (ingest >= 0)
            return existing[..ingest] + section + "\n" + existing[ingest..];
        return existing.TrimEnd() + (existing.Length > 0 ? "\n\n" : "") + section;
    }
}
