using Microsoft.EntityFrameworkCore;
using Tianshan.Core.Data;
using Tianshan.Core.DisasterRisk;
using Tianshan.Core.Platform;

namespace Tianshan.Web.Features.DisasterRisk;

/// <summary>GET /api/disaster-risk/map: each community's natural-disaster risk (<see cref="DisasterRiskFormula"/>), with
/// the hazard features to draw beside it.</summary>
public static class DisasterRiskCensusMap
{
    public sealed record Community(Guid DivisionId, string Code, string Name, double Latitude, double Longitude, int? Population,
        int? Buildings, double? NearestFaultKm, double? NearestFloodChannelKm, int GeologicalPointsNearby, double? Hazard, double? Exposure,
        double? Risk, DisasterRiskLevel? Level, string LevelCode, string LevelLabel, string Colour);

    public sealed record Feature(Guid Id, HazardLayerKind Kind, string Layer, string Name, bool IsDemo, System.Text.Json.JsonElement Geometry,
        System.Text.Json.JsonElement Attributes);

    public sealed record LevelCount(DisasterRiskLevel Level, string Label, int Communities);

    public sealed record Response(IReadOnlyList<Community> Communities, IReadOnlyList<LevelCount> Levels, IReadOnlyList<Feature> Features);

    public static async Task<Response> Handle(TianshanDb db, CancellationToken ct)
    {
        var divisions = await db.Divisions.AsNoTracking().Where(d => d.Level == DivisionLevel.Community && d.Latitude != null && d.Longitude != null)
            .ToListAsync(ct);
        var exposures = await db.CommunityExposures.AsNoTracking().ToDictionaryAsync(e => e.DivisionId, ct);
        var features = await db.HazardFeatures.AsNoTracking().OrderBy(f => f.Kind).ThenBy(f => f.Name).ToListAsync(ct);
        var risks = DisasterRiskMap.Assess(divisions.Select(d => new CommunityAtRisk(d.Id, d.Code, d.Name, d.Latitude!.Value, d.Longitude!.Value,
            exposures.GetValueOrDefault(d.Id))).ToList(), features);

        var communities = risks.Select(r => new Community(r.Community.DivisionId, r.Community.Code, r.Community.Name, r.Community.Latitude,
            r.Community.Longitude, r.Community.Exposure?.Population, r.Community.Exposure?.Buildings, Round(r.NearestFaultKm), Round(r.NearestFloodChannelKm),
            r.GeologicalPointsNearby, Round(r.Assessment?.Hazard), Round(r.Assessment?.Exposure), Round(r.Assessment?.Risk), r.Assessment?.Level,
            r.Assessment is { } a ? DisasterRiskFormula.Code(a.Level) : "none",
            r.Assessment is { } b ? DisasterRiskFormula.Label(b.Level) : "未调查",
            r.Assessment is { } c ? DisasterRiskFormula.Hex(c.Level) : "#90a4ae")).ToList();
        var levels = Enum.GetValues<DisasterRiskLevel>()
            .Select(l => new LevelCount(l, DisasterRiskFormula.Label(l), communities.Count(c => c.Level == l))).ToList();
        return new Response(communities, levels, features.Select(ToView).ToList());
    }

    public static Feature ToView(HazardFeature f)
    {
        using var geometry = System.Text.Json.JsonDocument.Parse(f.Geometry);
        using var attributes = System.Text.Json.JsonDocument.Parse(f.Attributes);
        return new Feature(f.Id, f.Kind, HazardLayers.Code(f.Kind), f.Name, f.IsDemo, geometry.RootElement.Clone(), attributes.RootElement.Clone());
    }

    private static double? Round(double? value) => value is { } v ? Math.Round(v, 4) : null;
}
