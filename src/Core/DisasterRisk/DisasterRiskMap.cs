using NetTopologySuite.Geometries;

namespace Tianshan.Core.DisasterRisk;

/// <summary>A community placed on the map with its exposure (null when not yet surveyed).</summary>
public sealed record CommunityAtRisk(Guid DivisionId, string Code, string Name, double Latitude, double Longitude, CommunityExposure? Exposure);

public sealed record CommunityRisk(CommunityAtRisk Community, double? NearestFaultKm, double? NearestFloodChannelKm, int GeologicalPointsNearby,
    DisasterRiskAssessment? Assessment);

/// <summary>Measures each community's distances to the hazard layers and applies <see cref="DisasterRiskFormula"/>.</summary>
public static class DisasterRiskMap
{
    public static IReadOnlyList<CommunityRisk> Assess(IReadOnlyList<CommunityAtRisk> communities, IReadOnlyList<HazardFeature> features)
    {
        ArgumentNullException.ThrowIfNull(communities);
        ArgumentNullException.ThrowIfNull(features);
        var parsed = features.Select(f => (Feature: f, Geometry: HazardGeometry.Parse(f.Geometry))).ToList();
        var faults = parsed.Where(p => p.Feature.Kind == HazardLayerKind.ActiveFault)
            .Select(p => (p.Geometry, Weight: DisasterRiskFormula.ActivityWeight(p.Feature.Attribute("activity")))).ToList();
        List<Geometry> Of(HazardLayerKind kind) => parsed.Where(p => p.Feature.Kind == kind).Select(p => p.Geometry).ToList();
        var channels = Of(HazardLayerKind.FloodChannel);
        var reservoirs = Of(HazardLayerKind.Reservoir);
        var points = Of(HazardLayerKind.GeologicalHazardPoint);
        var maxPopulation = communities.Select(c => c.Exposure?.Population ?? 0).DefaultIfEmpty(0).Max();

        return communities.Select(c =>
        {
            double Km(Geometry g) => HazardGeometry.DistanceKm(g, c.Latitude, c.Longitude);
            var faultKm = faults.Select(f => (Km: Km(f.Geometry), f.Weight)).ToList();
            var channelKm = channels.Select(Km).ToList();
            var reservoirKm = reservoirs.Select(Km).ToList();
            var nearby = points.Count(p => Km(p) <= DisasterRiskFormula.GeologicalRadiusKm);
            var assessment = c.Exposure is { } e
                ? DisasterRiskFormula.Assess(new HazardInputs(faultKm, channelKm, reservoirKm, nearby),
                    new ExposureInputs(e.Population, e.Buildings, e.BuildingsWeak, e.BuildingsBefore1990 + e.Buildings1990To2001, e.Schools, e.Hospitals),
                    maxPopulation)
                : null;
            return new CommunityRisk(c, faultKm.Count == 0 ? null : faultKm.Min(f => f.Km),
                channelKm.Count == 0 ? null : channelKm.Min(), nearby, assessment);
        }).OrderByDescending(r => r.Assessment?.Risk ?? -1).ThenBy(r => r.Community.Code, StringComparer.Ordinal).ToList();
    }
}
