using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Caching.Memory;
using Tianshan.Core.Dispatch;

namespace Tianshan.Web.Features.Dispatch;

/// <summary>
/// Fire-station coverage takes a multi-source search and a polygon union over the whole network (~0.3 s on the demo), and
/// the map asks for it on every visit though its inputs rarely change. Answers are kept per road network and per fingerprint
/// of what they were computed from — the fire stations as the caller's scope sees them (id, position, planned) and the
/// communities' positions and residents — with the request's parameters. Importing a network gives a new network id and any
/// change to the atlas or the communities a new fingerprint, so a changed input is never answered from the cache, whichever
/// node or path made the change; old entries simply age out.
/// </summary>
public sealed class CoverageCache : IDisposable
{
    private static readonly MemoryCacheEntryOptions Entry = new() { SlidingExpiration = TimeSpan.FromHours(1), Size = 1 };

    /// <summary>An answer carries the covered area as GeoJSON: a few dozen of them (scopes × what-if stations) is plenty.</summary>
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = 64 });

    public void Dispose() => _cache.Dispose();

    public DispatchQueries.CoverageResponse GetOrCompute(RoadNetwork network, IReadOnlyList<FacilityPoint> facilities,
        IReadOnlyList<PopulationPoint> population, double minutes, double turnout, GeoPoint? whatIf, double serviceMeters,
        Func<DispatchQueries.CoverageResponse> compute)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(compute);
        var key = "coverage:" + network.Id.ToString("N") + ":" + Fingerprint(facilities, population, minutes, turnout, whatIf, serviceMeters);
        if (_cache.TryGetValue(key, out DispatchQueries.CoverageResponse? hit) && hit is not null)
            return hit;
        var computed = compute();
        _cache.Set(key, computed, Entry);
        return computed;
    }

    internal static string Fingerprint(IReadOnlyList<FacilityPoint> facilities, IReadOnlyList<PopulationPoint> population, double minutes,
        double turnout, GeoPoint? whatIf, double serviceMeters)
    {
        var text = new StringBuilder();
        void Add(FormattableString part) => text.Append(part.ToString(CultureInfo.InvariantCulture)).Append('\n');
        Add($"{minutes:R}|{turnout:R}|{serviceMeters:R}|{whatIf?.Lat:R}|{whatIf?.Lon:R}");
        foreach (var f in facilities.Where(f => f.Kind == FacilityKind.FireStation).OrderBy(f => f.Id, StringComparer.Ordinal))
            Add($"s|{f.Id}|{f.Name}|{f.At.Lat:R}|{f.At.Lon:R}|{f.Planned}");
        foreach (var p in population.OrderBy(p => p.Code, StringComparer.Ordinal))
            Add($"p|{p.Code}|{p.Name}|{p.At.Lat:R}|{p.At.Lon:R}|{p.People}");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
