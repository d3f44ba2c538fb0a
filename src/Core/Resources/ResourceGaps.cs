namespace Tianshan.Core.Resources;

/// <summary>The norms gaps are measured against. Defaults are the national figures; a deployment may override them
/// (configuration section <c>Resources:Norms</c>).</summary>
public sealed class ResourceNorms
{
    public const string Section = "Resources:Norms";

    /// <summary>救灾物资储备库建设标准 建标121-2009 (via 湖南 2016 guidance): a county-level reserve covers the emergency
    /// relocation of 0.5–0.7万 people.</summary>
    public int ReliefTargetMin { get; set; } = 5000;
    public int ReliefTargetMax { get; set; } = 7000;

    /// <summary>GB 21734-2008 §5.4: 人均居住面积应大于 1.5 m² (strictly greater).</summary>
    public decimal ShelterAreaPerPerson { get; set; } = 1.5m;

    /// <summary>GB 51143-2015 (强制性条文): 固定避难场所容量不小于责任区规划人口的 15%.</summary>
    public decimal FixedShelterShare { get; set; } = 0.15m;

    /// <summary>Staffing and equipment targets as shares of the authorised figures (100%).</summary>
    public decimal StaffingTarget { get; set; } = 1m;
    public decimal EquipmentTarget { get; set; } = 1m;

    /// <summary>The district's emergency plan counts 27 rescue teams.</summary>
    public int PlannedTeams { get; set; } = 27;
}

public sealed record ReliefLine(string MaterialCode, string Material, string Category, string Unit, decimal Quantity, decimal PeoplePerUnit,
    decimal PeopleCovered, decimal GapToMin, decimal GapToMax, decimal UnitsToMin, decimal UnitsToMax);

public sealed record ReliefGap(int TargetMin, int TargetMax, decimal RelocationCapacity, decimal GapToMin, decimal GapToMax, IReadOnlyList<ReliefLine> Lines);

public sealed record ShelterLine(string Code, string Name, ShelterType Type, int Capacity, decimal UsableAreaM2, decimal? AreaPerPerson,
    bool MeetsArea, int CapacitySupportedByArea, int Excess, bool AllFacilities);

public sealed record ShelterGap(decimal AreaPerPersonNorm, int TotalCapacity, int CapacityMeetingNorm, int FixedCapacity, int Residents,
    int FixedCapacityRequired, int FixedCapacityGap, IReadOnlyList<ShelterLine> Lines);

public sealed record TeamLine(string Code, string Name, RescueTeamType Type, int Members, int AuthorisedMembers, decimal? StaffingRate,
    int StaffingGap, int EquipmentHeld, int EquipmentRequired, decimal? EquipmentRate, int EquipmentGap);

public sealed record TeamGap(int Teams, int PlannedTeams, int Members, int AuthorisedMembers, decimal? StaffingRate, int EquipmentHeld,
    int EquipmentRequired, decimal? EquipmentRate, IReadOnlyList<TeamLine> Lines);

/// <summary>
/// Gaps of the resource atlas against the norms, as pure functions of the ledgers.
/// Relief stock: each material that shelters people has a conversion (<see cref="ReliefMaterial.PeoplePerUnit"/>): a 12 m²
/// 救灾帐篷 takes 4 people — the figure that reproduces the district plan's own statement that its tents relocate about 2,000
/// people (500 tents); a quilt, mattress or folding bed serves 1. The relocation capacity is what the tents (category
/// <see cref="TentCategory"/>) hold; every counted material is also shown against the target on its own line.
/// </summary>
public static class ResourceGaps
{
    public const string TentCategory = "帐篷";

    public static ReliefGap Relief(IEnumerable<(ReliefMaterial Material, decimal Quantity)> stock, ResourceNorms norms)
    {
        var lines = stock
            .Where(s => s.Material.PeoplePerUnit is > 0)
            .GroupBy(s => s.Material.Id)
            .Select(g =>
            {
                var m = g.First().Material;
                var quantity = g.Sum(x => x.Quantity);
                var per = m.PeoplePerUnit!.Value;
                var people = quantity * per;
                var gapMin = Math.Max(0, norms.ReliefTargetMin - people);
                var gapMax = Math.Max(0, norms.ReliefTargetMax - people);
                return new ReliefLine(m.Code, m.Name, m.Category, m.Unit, quantity, per, people, gapMin, gapMax,
                    Math.Ceiling(gapMin / per), Math.Ceiling(gapMax / per));
            })
            .OrderBy(l => l.Category != TentCategory).ThenBy(l => l.MaterialCode, StringComparer.Ordinal)
            .ToList();
        var capacity = lines.Where(l => l.Category == TentCategory).Sum(l => l.PeopleCovered);
        return new ReliefGap(norms.ReliefTargetMin, norms.ReliefTargetMax, capacity,
            Math.Max(0, norms.ReliefTargetMin - capacity), Math.Max(0, norms.ReliefTargetMax - capacity), lines);
    }

    /// <summary>The most people a usable area takes with strictly more than the norm per person (GB 21734 §5.4 “大于”).</summary>
    public static int CapacityForArea(decimal usableAreaM2, decimal areaPerPerson) =>
        usableAreaM2 <= 0 ? 0 : (int)Math.Ceiling(usableAreaM2 / areaPerPerson) - 1;

    public static ShelterGap Shelters(IEnumerable<Shelter> shelters, int residents, ResourceNorms norms)
    {
        var usable = shelters.Where(s => s.Status != ShelterStatus.OutOfUse).ToList();
        var lines = usable.Select(s =>
        {
            var supported = CapacityForArea(s.UsableAreaM2, norms.ShelterAreaPerPerson);
            decimal? perPerson = s.Capacity > 0 ? Math.Round(s.UsableAreaM2 / s.Capacity, 2) : null;
            var meets = s.Capacity == 0 || s.UsableAreaM2 / s.Capacity > norms.ShelterAreaPerPerson;
            return new ShelterLine(s.Code, s.Name, s.Type, s.Capacity, s.UsableAreaM2, perPerson, meets, supported,
                Math.Max(0, s.Capacity - supported), s.Water && s.Power && s.FireFighting && s.Sewage);
        }).OrderBy(l => l.Code, StringComparer.Ordinal).ToList();
        var fixedCapacity = usable.Where(s => s.Type != ShelterType.Emergency).Sum(s => Math.Min(s.Capacity, CapacityForArea(s.UsableAreaM2, norms.ShelterAreaPerPerson)));
        var required = (int)Math.Ceiling(residents * norms.FixedShelterShare);
        return new ShelterGap(norms.ShelterAreaPerPerson, lines.Sum(l => l.Capacity), lines.Sum(l => Math.Min(l.Capacity, l.CapacitySupportedByArea)),
            fixedCapacity, residents, required, Math.Max(0, required - fixedCapacity), lines);
    }

    public static TeamGap Teams(IEnumerable<RescueTeam> teams, ResourceNorms norms)
    {
        var lines = teams.Select(t => new TeamLine(t.Code, t.Name, t.Type, t.Members, t.AuthorisedMembers, Rate(t.Members, t.AuthorisedMembers),
                Math.Max(0, (int)Math.Ceiling(t.AuthorisedMembers * norms.StaffingTarget) - t.Members),
                t.EquipmentHeld, t.EquipmentRequired, Rate(t.EquipmentHeld, t.EquipmentRequired),
                Math.Max(0, (int)Math.Ceiling(t.EquipmentRequired * norms.EquipmentTarget) - t.EquipmentHeld)))
            .OrderBy(l => l.Code, StringComparer.Ordinal).ToList();
        int members = lines.Sum(l => l.Members), authorised = lines.Sum(l => l.AuthorisedMembers);
        int held = lines.Sum(l => l.EquipmentHeld), required = lines.Sum(l => l.EquipmentRequired);
        return new TeamGap(lines.Count, norms.PlannedTeams, members, authorised, Rate(members, authorised), held, required, Rate(held, required), lines);
    }

    /// <summary>A share rounded to four places (0.8333 = 83.33%); null when nothing is required.</summary>
    public static decimal? Rate(int actual, int required) => required <= 0 ? null : Math.Round((decimal)actual / required, 4);
}
