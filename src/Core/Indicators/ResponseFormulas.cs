using Tianshan.Core.Dispatch;
using Tianshan.Core.Resources;

namespace Tianshan.Core.Indicators;

/// <summary>
/// The formulas of the indicators the response side's records feed (shelters, incident milestones, disaster relief,
/// accident figures), as pure functions over plain rows so each can be checked on a hand-computed fixture. The Web layer
/// only loads the rows.
/// </summary>
public static class ResponseFormulas
{
    /// <summary>An event measured from <see cref="From"/> (occurrence or receipt) to the moment something was done
    /// (<see cref="To"/>, null while not recorded).</summary>
    public sealed record TimedEvent(Guid Id, string Label, DateTimeOffset From, DateTimeOffset? To)
    {
        public double? Hours => To is { } to ? (to - From).TotalHours : null;
    }

    /// <summary>EP-10 / EP-17 ("取最大值"): the longest time, in hours to one decimal, over the events that recorded the
    /// milestone; null when none did. An event still without its milestone is not a time and is reported beside it.</summary>
    public static decimal? MaxHours(IEnumerable<TimedEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var hours = events.Select(e => e.Hours).Where(h => h is not null).Select(h => h!.Value).ToList();
        return hours.Count == 0 ? null : Math.Round((decimal)hours.Max(), 1, MidpointRounding.AwayFromZero);
    }

    /// <summary>Whether an event's milestone came within the limit ("8小时内", "2小时之内": the limit itself counts).</summary>
    public static bool Within(TimedEvent e, TimeSpan limit) => e.To is { } to && to - e.From <= limit;

    /// <summary>EP-11 / EP-12: events whose milestone came within the limit ÷ all the events, in per cent. An event with
    /// no milestone recorded has not met it.</summary>
    public static decimal? WithinRate(IReadOnlyCollection<TimedEvent> events, TimeSpan limit)
    {
        ArgumentNullException.ThrowIfNull(events);
        return IndicatorCatalogue.Rate(events.Count(e => Within(e, limit)), events.Count);
    }

    /// <summary>A community's disaster report for DP-02: the affected people it reports and when basic relief reached them.</summary>
    public sealed record ReliefReport(TimedEvent Event, int AffectedPeople);

    /// <summary>DP-02 ("按灾情报送的受灾群众计"): affected people whose report records basic relief within the limit ÷ all
    /// affected people reported, in per cent; reports without affected people do not count.</summary>
    public static decimal? PeopleRelievedWithin(IEnumerable<ReliefReport> reports, TimeSpan limit)
    {
        ArgumentNullException.ThrowIfNull(reports);
        var withPeople = reports.Where(r => r.AffectedPeople > 0).ToList();
        long all = withPeople.Sum(r => (long)r.AffectedPeople);
        long relieved = withPeople.Where(r => Within(r.Event, limit)).Sum(r => (long)r.AffectedPeople);
        return all == 0 ? null : Math.Round(100m * relieved / all, 1, MidpointRounding.AwayFromZero);
    }

    /// <summary>SP-01: this year's production-accident deaths minus last year's (≤ 0: down or level). Both years are
    /// counted from the record, so a year without accidents is a real 0, not missing data.</summary>
    public static decimal DeathsChange(int deathsThisYear, int deathsLastYear) => deathsThisYear - deathsLastYear;

    /// <summary>A community with its centre (Division.Latitude/Longitude) for EP-01.</summary>
    public sealed record Community(Guid Id, string Name, double? Latitude, double? Longitude);

    /// <summary>A shelter of the resource atlas for EP-01.</summary>
    public sealed record ShelterSite(Guid Id, string Name, Guid DivisionId, double? Latitude, double? Longitude, ShelterType Type, int Capacity,
        decimal UsableAreaM2, ShelterStatus Status);

    /// <summary>合格 (qualified): in use (not 暂停使用 — a closed, ready shelter is available to open) and more than
    /// <paramref name="areaPerPerson"/> m² of usable area per person of its capacity (GB 21734-2008 §5.4: 人均 > 1.5 m²,
    /// strictly greater). A shelter with no capacity recorded shelters nobody and does not qualify.</summary>
    public static bool Qualifies(ShelterSite s, decimal areaPerPerson)
    {
        ArgumentNullException.ThrowIfNull(s);
        return s.Status != ShelterStatus.OutOfUse && s.Capacity > 0 && s.UsableAreaM2 / s.Capacity > areaPerPerson;
    }

    /// <summary>How far a shelter serves: GB 50413-2007 (城市抗震防灾规划标准) §8.2 gives 紧急避震疏散场所 a service radius
    /// of about 500 m (a 10-minute walk) and 固定避震疏散场所 2–3 km (about an hour's walk); the lower 2 km is taken for
    /// every fixed and central shelter so coverage is not overstated.</summary>
    public static double ServiceRadiusKm(ShelterType type) => type == ShelterType.Emergency ? 0.5 : 2.0;

    /// <summary>EP-01: for each community, the first qualified shelter that covers it — one the community manages itself,
    /// or one whose service radius reaches the community's centre — or null.</summary>
    public static IReadOnlyList<(Community Community, ShelterSite? CoveredBy)> ShelterCoverage(IEnumerable<Community> communities,
        IEnumerable<ShelterSite> shelters, decimal areaPerPerson)
    {
        ArgumentNullException.ThrowIfNull(communities);
        ArgumentNullException.ThrowIfNull(shelters);
        var qualified = shelters.Where(s => Qualifies(s, areaPerPerson)).ToList();
        return communities.Select(c => (c, qualified.FirstOrDefault(s => s.DivisionId == c.Id || Reaches(s, c)))).ToList();
    }

    private static bool Reaches(ShelterSite s, Community c) =>
        s is { Latitude: { } slat, Longitude: { } slon } && c is { Latitude: { } clat, Longitude: { } clon }
        && GeoMath.Kilometres(slat, slon, clat, clon) <= ServiceRadiusKm(s.Type);
}
