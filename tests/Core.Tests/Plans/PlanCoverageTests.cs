using Tianshan.Core.Plans;
using Tianshan.Core.Registry;

namespace Tianshan.Core.Tests.Plans;

/// <summary>一源一案, 一患一案 and sector coverage on a small fixture: only current plans count, and a sector counts only through the
/// government's special or department plans.</summary>
public sealed class PlanCoverageTests
{
    private static readonly Guid Refinery = Guid.NewGuid();
    private static readonly CoverageItem TankFarm = new(Guid.NewGuid(), "MHS-001 原油罐区", Refinery, "炼化");
    private static readonly CoverageItem Sphere = new(Guid.NewGuid(), "MHS-003 球罐区", Refinery, "炼化");
    private static readonly CoverageItem Ammonia = new(Guid.NewGuid(), "MHS-013 液氨罐区", Guid.NewGuid(), "瑞丰");
    private static readonly CoverageItem MajorHazard = new(Guid.NewGuid(), "YH-2026-00001 围堰破损", Refinery, "炼化");

    [Fact]
    public void Sources_hazards_and_sectors_without_a_current_plan_are_listed()
    {
        CoveragePlan[] plans =
        [
            new(Guid.NewGuid(), PlanKind.Special, Refinery, TankFarm.Id, null, 0, IsCurrent: true),
            // Bound but not current (a draft, or past its three years): does not cover.
            new(Guid.NewGuid(), PlanKind.Special, Refinery, Sphere.Id, null, 0, IsCurrent: false),
            new(Guid.NewGuid(), PlanKind.Special, null, null, null, Sector.HazardousChemicals | Sector.Construction, IsCurrent: true),
            new(Guid.NewGuid(), PlanKind.Department, null, null, null, Sector.RoadTransport, IsCurrent: false),
            // An enterprise's special plan does not cover its sector for the district.
            new(Guid.NewGuid(), PlanKind.Special, Refinery, null, null, Sector.Power, IsCurrent: true),
        ];
        var result = PlanCoverage.Check(plans, [TankFarm, Sphere, Ammonia], [MajorHazard],
            [Sector.HazardousChemicals, Sector.Construction, Sector.RoadTransport, Sector.Power]);

        Assert.Equal(3, result.MajorHazardSources);
        Assert.Equal([Sphere.Id, Ammonia.Id], result.UncoveredMajorHazardSources.Select(s => s.Id));
        Assert.Equal(1, result.MajorHiddenHazards);
        Assert.Equal([MajorHazard.Id], result.UncoveredMajorHiddenHazards.Select(h => h.Id));
        Assert.Equal([Sector.RoadTransport, Sector.Power], result.UncoveredSectors);
    }

    [Fact]
    public void A_current_plan_for_the_major_hidden_hazard_covers_it()
    {
        var result = PlanCoverage.Check([new CoveragePlan(Guid.NewGuid(), PlanKind.Special, Refinery, null, MajorHazard.Id, 0, true)], [], [MajorHazard], []);
        Assert.Empty(result.UncoveredMajorHiddenHazards);
        Assert.Equal(0, result.MajorHazardSources);
    }

    [Fact]
    public void With_no_plans_everything_is_uncovered()
    {
        var result = PlanCoverage.Check([], [TankFarm], [MajorHazard], [Sector.CultureTourism]);
        Assert.Single(result.UncoveredMajorHazardSources);
        Assert.Single(result.UncoveredMajorHiddenHazards);
        Assert.Equal([Sector.CultureTourism], result.UncoveredSectors);
    }
}
