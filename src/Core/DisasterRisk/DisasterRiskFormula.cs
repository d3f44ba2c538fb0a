namespace Tianshan.Core.DisasterRisk;

/// <summary>The four levels of a community's natural-disaster risk, as the census maps draw them (I high … IV low).</summary>
public enum DisasterRiskLevel
{
    High = 1,
    Elevated = 2,
    Moderate = 3,
    Low = 4,
}

/// <summary>The hazards around one community: each fault trace's distance (km) with its activity weight, the distances to
/// flood channels and reservoirs, and how many geological-hazard points lie within <see cref="DisasterRiskFormula.GeologicalRadiusKm"/>.</summary>
public sealed record HazardInputs(IReadOnlyList<(double Km, double Weight)> Faults, IReadOnlyList<double> FloodChannelKm,
    IReadOnlyList<double> ReservoirKm, int GeologicalPointsNearby);

/// <summary>The exposure of one community (承灾体): people, buildings, the weak and the old among them, schools and hospitals.</summary>
public sealed record ExposureInputs(int Population, int Buildings, int WeakBuildings, int BuildingsBefore2001, int Schools, int Hospitals);

public sealed record DisasterRiskAssessment(double FaultHazard, double FloodHazard, double GeologicalHazard, double Hazard,
    double PopulationShare, double Vulnerability, double Facilities, double Exposure, double Risk, DisasterRiskLevel Level);

/// <summary>
/// Tianshan's documented method for ranking the district's communities by natural-disaster risk — a screening index for
/// the consultation (会商) and the risk map, not the national census's assessment (which grades hazard and vulnerability
/// per hazard type with modelled intensities). Risk = Hazard × Exposure, each in [0, 1]:
/// <list type="bullet">
/// <item><b>Hazard</b> H = 0.5·Hf + 0.3·Hw + 0.2·Hg. Earthquake weighs most: the district plan (§一(三)2) names four active
/// faults south of the city, the Holocene 独山子-安集海 fault crossing its south-west edge; mountain-torrent floods come
/// second, geological hazards third.</item>
/// <item>Hf = max over fault traces of activity weight × proximity; proximity is 1 within 1 km (GB 50011-2010 §4.1.7 asks
/// buildings to stand 200–400 m clear of a Holocene fault, and damage concentrates in the first kilometre), falls linearly
/// to 0 at 5 km (the near-fault zone of a thrust's hanging wall; the whole city lies within ~5 km of 独山子-安集海, so a
/// wider reach would rank every community the same). Activity weight: Holocene 1.0, late Pleistocene 0.7, older or unknown 0.4
/// (GB 50011 §4.1.7 treats only Holocene faults as 发震断裂).</item>
/// <item>Hw = max of each flood channel's proximity (1 within 0.3 km, 0 beyond 1.5 km, linear between — the narrow flood
/// plain of a mountain torrent channel) and 0.8 × each reservoir's (overflow or dam-break water has to travel).</item>
/// <item>Hg = min(1, geological-hazard points within 2 km ÷ 3).</item>
/// <item><b>Exposure</b> E = 0.5·P/Pmax + 0.3·V + 0.2·min(1, (schools + hospitals) ÷ 3): P/Pmax is the community's
/// population against the district's largest; V = (weak-structure buildings + buildings from before 2001) ÷ (2 × buildings),
/// the share of 砖木/土木 and of pre-GB 50011-2001 stock; schools and hospitals are where the least mobile people are.</item>
/// <item><b>Levels</b>: R ≥ 0.40 high (I), ≥ 0.25 elevated (II), ≥ 0.10 moderate (III), below that low (IV).</item>
/// </list>
/// The weights and cut-offs are judgement, chosen so that the demo district spreads over the four levels; change them
/// here, with the reason, when the census's own results arrive.
/// </summary>
public static class DisasterRiskFormula
{
    public const double GeologicalRadiusKm = 2;

    public static double FaultProximity(double km) => km <= 1 ? 1 : km >= 5 ? 0 : (5 - km) / 4;

    public static double FloodProximity(double km) => km <= 0.3 ? 1 : km >= 1.5 ? 0 : (1.5 - km) / 1.2;

    /// <summary>The activity attribute of a fault ("全新世" / "Holocene", "晚更新世" / "Late Pleistocene", …) as a weight.</summary>
    public static double ActivityWeight(string? activity) => activity switch
    {
        null => 0.4,
        _ when activity.Contains("全新世", StringComparison.Ordinal) || activity.Contains("holocene", StringComparison.OrdinalIgnoreCase) => 1.0,
        _ when activity.Contains("晚更新世", StringComparison.Ordinal) || activity.Contains("late pleistocene", StringComparison.OrdinalIgnoreCase) => 0.7,
        _ => 0.4,
    };

    public static DisasterRiskAssessment Assess(HazardInputs hazard, ExposureInputs exposure, int maxPopulation)
    {
        ArgumentNullException.ThrowIfNull(hazard);
        ArgumentNullException.ThrowIfNull(exposure);
        var hf = hazard.Faults.Select(f => f.Weight * FaultProximity(f.Km)).DefaultIfEmpty(0).Max();
        var hw = hazard.FloodChannelKm.Select(FloodProximity).Concat(hazard.ReservoirKm.Select(k => 0.8 * FloodProximity(k))).DefaultIfEmpty(0).Max();
        var hg = Math.Min(1, hazard.GeologicalPointsNearby / 3.0);
        var h = (0.5 * hf) + (0.3 * hw) + (0.2 * hg);

        var p = maxPopulation > 0 ? Math.Min(1, (double)exposure.Population / maxPopulation) : 0;
        var v = exposure.Buildings > 0 ? Math.Min(1, (exposure.WeakBuildings + exposure.BuildingsBefore2001) / (2.0 * exposure.Buildings)) : 0;
        var f = Math.Min(1, (exposure.Schools + exposure.Hospitals) / 3.0);
        var e = (0.5 * p) + (0.3 * v) + (0.2 * f);

        var r = h * e;
        return new DisasterRiskAssessment(hf, hw, hg, h, p, v, f, e, r, LevelOf(r));
    }

    public static DisasterRiskLevel LevelOf(double risk) => risk switch
    {
        >= 0.40 => DisasterRiskLevel.High,
        >= 0.25 => DisasterRiskLevel.Elevated,
        >= 0.10 => DisasterRiskLevel.Moderate,
        _ => DisasterRiskLevel.Low,
    };

    public static string Label(DisasterRiskLevel level) => level switch
    {
        DisasterRiskLevel.High => "高风险",
        DisasterRiskLevel.Elevated => "较高风险",
        DisasterRiskLevel.Moderate => "中风险",
        _ => "低风险",
    };

    public static string Code(DisasterRiskLevel level) => level switch
    {
        DisasterRiskLevel.High => "high",
        DisasterRiskLevel.Elevated => "elevated",
        DisasterRiskLevel.Moderate => "moderate",
        _ => "low",
    };

    public static string Hex(DisasterRiskLevel level) => level switch
    {
        DisasterRiskLevel.High => "#d32f2f",
        DisasterRiskLevel.Elevated => "#f57c00",
        DisasterRiskLevel.Moderate => "#fbc02d",
        _ => "#1976d2",
    };
}
