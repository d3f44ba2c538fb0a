namespace Tianshan.Core.Dispatch;

/// <summary>One distance band of an earthquake scenario: communities whose centre lies within <see cref="MaxKm"/> of the
/// fault trace (and beyond the previous band) need shelter for <see cref="Share"/> of their residents.</summary>
public sealed record ShelterBand(double MaxKm, double Share);

/// <summary>
/// 地震情景 (the response plan's exercise of "what if the fault ruptures"): which communities are affected by their
/// distance from a fault trace, how many people need shelter, where they go, and what relief that takes against the
/// stock. The bands are planning assumptions the bureau sets for its scenario — a share of residents by distance, not a
/// seismic intensity model — so every figure can be traced to a number someone chose and can change.
/// </summary>
public static class EarthquakeScenario
{
    /// <summary>Default bands: 30 % of residents within 5 km of the trace, 15 % within 10 km, 5 % within 20 km. Illustrative
    /// planning figures (the near-fault zone where damage concentrates, then falling off), to be replaced by the
    /// district's own damage assessment.</summary>
    public static readonly IReadOnlyList<ShelterBand> DefaultBands = [new(5, 0.30), new(10, 0.15), new(20, 0.05)];

    /// <summary>A community in the scenario: its distance to the trace, the share of its residents to shelter, the people.</summary>
    public sealed record AffectedCommunity(string Code, string Name, double Lat, double Lon, double DistanceKm, double Share, int Residents, int People);

    /// <summary>Checks the bands: 1–10 of them, distances increasing and positive, shares between 0 and 1.</summary>
    public static IReadOnlyList<string> Problems(IReadOnlyList<ShelterBand> bands)
    {
        ArgumentNullException.ThrowIfNull(bands);
        var problems = new List<string>();
        if (bands.Count is 0 or > 10)
            problems.Add("应给出 1 到 10 个距离分带");
        for (var i = 0; i < bands.Count; i++)
        {
            if (bands[i].MaxKm is <= 0 or > 500 || double.IsNaN(bands[i].MaxKm))
                problems.Add($"第 {i + 1} 带的距离应在 0 到 500 公里之间");
            else if (i > 0 && bands[i].MaxKm <= bands[i - 1].MaxKm)
                problems.Add($"第 {i + 1} 带的距离应大于第 {i} 带");
            if (bands[i].Share is < 0 or > 1 || double.IsNaN(bands[i].Share))
                problems.Add($"第 {i + 1} 带的需安置比例应在 0 到 1 之间");
        }
        return problems;
    }

    /// <summary>The band share for a distance: the first band whose edge reaches it (the edge itself belongs to the band),
    /// 0 beyond the last.</summary>
    public static double ShareAt(double distanceKm, IReadOnlyList<ShelterBand> bands)
    {
        ArgumentNullException.ThrowIfNull(bands);
        foreach (var band in bands)
        {
            if (distanceKm <= band.MaxKm)
                return band.Share;
        }
        return 0;
    }

    /// <summary>Every community with its distance and people to shelter (residents × share, rounded half up), nearest first;
    /// communities beyond the last band are listed with 0.</summary>
    public static IReadOnlyList<AffectedCommunity> Affected(IEnumerable<(PopulationPoint Place, double DistanceKm)> communities, IReadOnlyList<ShelterBand> bands)
    {
        ArgumentNullException.ThrowIfNull(communities);
        return communities.Select(c =>
            {
                var share = ShareAt(c.DistanceKm, bands);
                return new AffectedCommunity(c.Place.Code, c.Place.Name, c.Place.At.Lat, c.Place.At.Lon, Math.Round(c.DistanceKm, 2), share, c.Place.People,
                    (int)Math.Round(c.Place.People * share, MidpointRounding.AwayFromZero));
            })
            .OrderBy(c => c.DistanceKm).ThenBy(c => c.Code, StringComparer.Ordinal).ToList();
    }

    /// <summary>A relief material the sheltered people need: how many units (people ÷ people per unit, rounded up), the
    /// stock held, and the shortfall.</summary>
    public sealed record MaterialNeed(string Code, string Name, string Category, string Unit, decimal PeoplePerUnit, decimal Needed, decimal InStock, decimal Gap);

    /// <summary>For each stocked material that shelters people (a conversion per unit, as the gaps page uses: a 12 m² tent
    /// takes 4, a quilt or folding bed 1), the units the people need against the stock held.</summary>
    public static IReadOnlyList<MaterialNeed> Materials(int people,
        IEnumerable<(string Code, string Name, string Category, string Unit, decimal PeoplePerUnit, decimal Quantity)> stock)
    {
        ArgumentNullException.ThrowIfNull(stock);
        ArgumentOutOfRangeException.ThrowIfNegative(people);
        return stock.Where(s => s.PeoplePerUnit > 0)
            .GroupBy(s => s.Code, StringComparer.Ordinal)
            .Select(g =>
            {
                var m = g.First();
                var needed = Math.Ceiling(people / m.PeoplePerUnit);
                var held = g.Sum(s => s.Quantity);
                return new MaterialNeed(m.Code, m.Name, m.Category, m.Unit, m.PeoplePerUnit, needed, held, Math.Max(0, needed - held));
            })
            .OrderBy(n => n.Code, StringComparer.Ordinal).ToList();
    }
}
