using Tianshan.Core.DisasterRisk;
using Tianshan.Core.Platform;

namespace Tianshan.Core.Tests.DisasterRisk;

/// <summary>Tianshan's community risk index (DisasterRiskFormula's documented method) on small fixtures computed by hand.</summary>
public class DisasterRiskFormulaTests
{
    private const double Tolerance = 1e-9;

    [Fact]
    public void A_community_two_km_from_a_Holocene_fault_by_a_channel_with_old_buildings_is_high_risk()
    {
        // Hf = 1.0 × (5 − 2) / 4 = 0.75; Hw = max((1.5 − 1) / 1.2, 0.8 × (1.5 − 1.2) / 1.2) = max(0.41666…, 0.2) = 0.41666…; Hg = 1/3.
        // H = 0.5 × 0.75 + 0.3 × 0.41666… + 0.2 × 0.333… = 0.375 + 0.125 + 0.0666… = 0.56666…
        // E = 0.5 × 5000/5000 + 0.3 × (10 + 30) / 200 + 0.2 × min(1, 3/3) = 0.5 + 0.06 + 0.2 = 0.76.  R = 0.56666… × 0.76 = 0.430666…
        var hazard = new HazardInputs([(2, DisasterRiskFormula.ActivityWeight("全新世")), (12, 0.7)], [1], [1.2], 1);
        var exposure = new ExposureInputs(5000, 100, 10, 30, 2, 1);

        var a = DisasterRiskFormula.Assess(hazard, exposure, maxPopulation: 5000);

        Assert.Equal(0.75, a.FaultHazard, Tolerance);
        Assert.Equal(5.0 / 12, a.FloodHazard, Tolerance);
        Assert.Equal(1.0 / 3, a.GeologicalHazard, Tolerance);
        Assert.Equal(0.375 + 0.125 + (0.2 / 3), a.Hazard, Tolerance);
        Assert.Equal(0.2, a.Vulnerability, Tolerance);
        Assert.Equal(0.76, a.Exposure, Tolerance);
        Assert.Equal((0.375 + 0.125 + (0.2 / 3)) * 0.76, a.Risk, Tolerance);
        Assert.Equal(DisasterRiskLevel.High, a.Level);
    }

    [Fact]
    public void A_new_small_community_far_from_every_hazard_but_a_Pleistocene_fault_is_low_risk()
    {
        // Hf = 0.7 × (5 − 4) / 4 = 0.175; Hw = 0 (5 km); Hg = 0.  H = 0.0875.
        // E = 0.5 × 1000/5000 + 0.3 × 0/100 + 0.2 × 0 = 0.1.  R = 0.00875 → low.
        var a = DisasterRiskFormula.Assess(new HazardInputs([(4, DisasterRiskFormula.ActivityWeight("晚更新世"))], [5], [], 0),
            new ExposureInputs(1000, 50, 0, 0, 0, 0), maxPopulation: 5000);

        Assert.Equal(0.175, a.FaultHazard, Tolerance);
        Assert.Equal(0, a.FloodHazard, Tolerance);
        Assert.Equal(0.0875, a.Hazard, Tolerance);
        Assert.Equal(0.1, a.Exposure, Tolerance);
        Assert.Equal(0.00875, a.Risk, Tolerance);
        Assert.Equal(DisasterRiskLevel.Low, a.Level);
    }

    [Theory]
    [InlineData(0.40, DisasterRiskLevel.High)]
    [InlineData(0.3999, DisasterRiskLevel.Elevated)]
    [InlineData(0.25, DisasterRiskLevel.Elevated)]
    [InlineData(0.2499, DisasterRiskLevel.Moderate)]
    [InlineData(0.10, DisasterRiskLevel.Moderate)]
    [InlineData(0.0999, DisasterRiskLevel.Low)]
    public void Each_level_edge_belongs_to_the_higher_level(double risk, DisasterRiskLevel level) =>
        Assert.Equal(level, DisasterRiskFormula.LevelOf(risk));

    [Theory]
    [InlineData(0.5, 1.0)]
    [InlineData(1.0, 1.0)]
    [InlineData(3.0, 0.5)]
    [InlineData(5.0, 0.0)]
    [InlineData(25.0, 0.0)]
    public void Fault_proximity_is_full_within_a_kilometre_and_gone_at_five(double km, double proximity) =>
        Assert.Equal(proximity, DisasterRiskFormula.FaultProximity(km), Tolerance);

    [Fact]
    public void The_map_measures_a_community_a_hundredth_of_a_degree_south_of_a_fault_at_1_1_km()
    {
        // 0.01° of latitude = 1.10574 km; proximity (5 − 1.10574) / 4; no channel, no reservoir, no points → H = 0.5 × that.
        var district = new Division("650202", "区", DivisionLevel.District, null);
        var street = new Division("650202001", "街道", DivisionLevel.Street, district);
        var community = new Division("650202001001", "社区", DivisionLevel.Community, street);
        var exposure = CommunityExposure.Create(community, new CommunityExposure.Details(4000, 1500, 50, 50, 0, 0, 50, 50, 0, 0));
        var fault = HazardFeature.Create(HazardLayerKind.ActiveFault, "F1",
            """{"type":"LineString","coordinates":[[84.9,44.31],[85.1,44.31]]}""", """{"activity":"Holocene"}""");
        var point = HazardFeature.Create(HazardLayerKind.GeologicalHazardPoint, "P1", """{"type":"Point","coordinates":[85.0,44.28]}""", null);

        var risk = Assert.Single(DisasterRiskMap.Assess([new CommunityAtRisk(community.Id, community.Code, community.Name, 44.30, 85.0, exposure)], [fault, point]));

        Assert.Equal(1.10574, risk.NearestFaultKm!.Value, 1e-6);
        Assert.Equal(0, risk.GeologicalPointsNearby); // 2.21 km away: outside the 2 km radius
        Assert.Equal(0.5 * (5 - 1.10574) / 4, risk.Assessment!.Hazard, 1e-6);
        // E = 0.5 × 1 + 0.3 × (0 + 50) / 200 + 0 = 0.575.
        Assert.Equal(0.575, risk.Assessment.Exposure, Tolerance);
    }

    [Theory]
    [InlineData(HazardLayerKind.ActiveFault, """{"type":"Point","coordinates":[84.9,44.3]}""", "几何类型 Point")]
    [InlineData(HazardLayerKind.GeologicalHazardPoint, """{"type":"Point","coordinates":[44.3,84.9]}""", "不在独山子区及周边范围内")]
    [InlineData(HazardLayerKind.FloodChannel, """{"type":"LineString","coordinates":[[84.9]]}""", "无法解析")]
    [InlineData(HazardLayerKind.Reservoir, """{"type":"Polygon","coordinates":[[[84.9,44.3],[84.91,44.31],[84.91,44.3],[84.9,44.31],[84.9,44.3]]]}""", "几何对象无效")]
    public void A_geometry_unfit_for_its_layer_is_refused_in_Chinese(HazardLayerKind kind, string geometry, string problem)
    {
        var error = HazardGeometry.Validate(kind, geometry);
        Assert.NotNull(error);
        Assert.Contains(problem, error, StringComparison.Ordinal);
    }
}
