using Tianshan.Core.Resources;

namespace Tianshan.Core.Tests.Resources;

/// <summary>Gaps on a small fixture whose every figure is computed by hand in the comments.</summary>
public sealed class ResourceGapsTests
{
    private static readonly ResourceNorms Norms = new();

    private static ReliefMaterial Material(string code, string category, decimal? people) =>
        new() { Code = code, Name = code, Category = category, Unit = "个", PeoplePerUnit = people };

    [Fact]
    public void Relief_capacity_counts_tents_at_four_people_each_against_five_to_seven_thousand()
    {
        var tent12 = Material("T12", ResourceGaps.TentCategory, 4);
        var tent36 = Material("T36", ResourceGaps.TentCategory, 12);
        var quilt = Material("Q", "生活类", 1);
        var generator = Material("G", "动力类", null);
        // Tents: (300 + 200) × 4 = 2,000 people in two lots; 50 large tents × 12 = 600 → capacity 2,600.
        // Gap to 5,000 = 2,400; to 7,000 = 4,400. Quilts: 4,000 → 1,000 short of 5,000 (1,000 quilts), 3,000 short of 7,000.
        var gap = ResourceGaps.Relief([(tent12, 300m), (tent12, 200m), (tent36, 50m), (quilt, 4000m), (generator, 20m)], Norms);

        Assert.Equal(2600m, gap.RelocationCapacity);
        Assert.Equal(2400m, gap.GapToMin);
        Assert.Equal(4400m, gap.GapToMax);
        Assert.Equal(["T12", "T36", "Q"], gap.Lines.Select(l => l.MaterialCode));
        var t12 = gap.Lines[0];
        Assert.Equal(500m, t12.Quantity);
        Assert.Equal(2000m, t12.PeopleCovered);
        Assert.Equal(750m, t12.UnitsToMin);   // (5,000 − 2,000) / 4
        Assert.Equal(1250m, t12.UnitsToMax);  // (7,000 − 2,000) / 4
        var t36 = gap.Lines[1];
        Assert.Equal(367m, t36.UnitsToMin);   // (5,000 − 600) / 12 = 366.67 → 367 tents
        var q = gap.Lines[2];
        Assert.Equal(1000m, q.GapToMin);
        Assert.Equal(3000m, q.GapToMax);
    }

    [Fact]
    public void Relief_above_the_upper_target_has_no_gap()
    {
        var gap = ResourceGaps.Relief([(Material("T", ResourceGaps.TentCategory, 4), 2000m)], Norms);
        Assert.Equal(8000m, gap.RelocationCapacity);
        Assert.Equal(0m, gap.GapToMin);
        Assert.Equal(0m, gap.GapToMax);
    }

    [Theory]
    [InlineData(15, 9)]     // 15 / 1.5 = 10 exactly: 10 people would have 1.5 m², not more than 1.5 → 9
    [InlineData(16, 10)]    // 16 / 10 = 1.6 > 1.5; 11 people → 1.45
    [InlineData(3200, 2133)] // 3200 / 1.5 = 2133.3 → 2133 people at 1.5002 m²
    [InlineData(0, 0)]
    public void Capacity_for_an_area_keeps_strictly_more_than_one_and_a_half_square_metres_each(int area, int people) =>
        Assert.Equal(people, ResourceGaps.CapacityForArea(area, 1.5m));

    [Fact]
    public void Shelters_over_their_area_are_flagged_with_the_excess_and_fixed_capacity_is_held_against_fifteen_percent_of_residents()
    {
        Shelter S(string code, ShelterType type, int capacity, decimal area, ShelterStatus status = ShelterStatus.Closed) =>
            new() { Code = code, Name = code, Type = type, Capacity = capacity, UsableAreaM2 = area, Status = status, Water = true, Power = true, FireFighting = true };
        var gap = ResourceGaps.Shelters(
        [
            S("A", ShelterType.FixedShortTerm, 1000, 1200),  // 1.2 m²/person: fails; area takes 799 (1200/1.5 = 800 exactly → 799); excess 201
            S("B", ShelterType.FixedShortTerm, 500, 1000),   // 2.0 m²/person: meets; area takes 666
            S("C", ShelterType.Emergency, 3000, 6000),       // emergency: not counted as fixed
            S("D", ShelterType.FixedMidTerm, 900, 2000, ShelterStatus.OutOfUse), // out of use: left out
        ], residents: 10000, Norms);

        Assert.Equal(["A", "B", "C"], gap.Lines.Select(l => l.Code));
        var a = gap.Lines[0];
        Assert.False(a.MeetsArea);
        Assert.Equal(1.2m, a.AreaPerPerson);
        Assert.Equal(799, a.CapacitySupportedByArea);
        Assert.Equal(201, a.Excess);
        Assert.False(a.AllFacilities); // no sewage
        Assert.True(gap.Lines[1].MeetsArea);
        Assert.Equal(4500, gap.TotalCapacity);
        Assert.Equal(799 + 500 + 3000, gap.CapacityMeetingNorm);
        Assert.Equal(799 + 500, gap.FixedCapacity);
        Assert.Equal(1500, gap.FixedCapacityRequired);  // 15% of 10,000
        Assert.Equal(201, gap.FixedCapacityGap);        // 1,500 − 1,299
    }

    [Fact]
    public void Team_rates_are_members_over_authorised_and_sets_over_required()
    {
        RescueTeam T(string code, int members, int authorised, int held, int required) =>
            new() { Code = code, Name = code, Members = members, AuthorisedMembers = authorised, EquipmentHeld = held, EquipmentRequired = required };
        var gap = ResourceGaps.Teams([T("J2", 30, 40, 12, 20), T("J1", 45, 50, 25, 25), T("J3", 10, 0, 0, 0)], Norms);

        Assert.Equal(["J1", "J2", "J3"], gap.Lines.Select(l => l.Code));
        Assert.Equal(0.9m, gap.Lines[0].StaffingRate);     // 45/50
        Assert.Equal(5, gap.Lines[0].StaffingGap);
        Assert.Equal(1m, gap.Lines[0].EquipmentRate);
        Assert.Equal(0.75m, gap.Lines[1].StaffingRate);    // 30/40
        Assert.Equal(10, gap.Lines[1].StaffingGap);
        Assert.Equal(0.6m, gap.Lines[1].EquipmentRate);    // 12/20
        Assert.Equal(8, gap.Lines[1].EquipmentGap);
        Assert.Null(gap.Lines[2].StaffingRate);            // nothing authorised: no rate, no gap
        Assert.Equal(0, gap.Lines[2].StaffingGap);
        Assert.Equal(3, gap.Teams);
        Assert.Equal(27, gap.PlannedTeams);
        Assert.Equal(0.9444m, gap.StaffingRate);           // (45 + 30 + 10) / (50 + 40 + 0) = 85 / 90
        Assert.Equal(0.8222m, gap.EquipmentRate);          // (25 + 12 + 0) / (25 + 20 + 0) = 37 / 45
    }
}
