using Tianshan.Core.DisasterRisk;
using Tianshan.Core.Registry;
using Tianshan.Core.Resources;
using static Tianshan.Core.Indicators.LedgerFormulas;

namespace Tianshan.Core.Tests.Indicators;

/// <summary>The ledger indicators (EP-03, EP-05, EP-06, EP-07, EP-15, DP-05) on small fixtures whose expected values are
/// worked out by hand in the comments.</summary>
public class LedgerFormulasTests
{
    private static HazardSourceSensors Source(int sensors) => new(Guid.NewGuid(), "source", sensors);

    [Fact]
    public void Monitoring_terminal_rate_counts_sources_with_at_least_one_sensor()
    {
        // 3, 1 and 0 sensors: 2 of 3 monitored → 66.7 %.
        Assert.Equal(66.7m, MonitoringTerminalRate([Source(3), Source(1), Source(0)]));
        Assert.Equal(100m, MonitoringTerminalRate([Source(1)]));
        Assert.Equal(0m, MonitoringTerminalRate([Source(0), Source(0)]));
        Assert.Null(MonitoringTerminalRate([]));   // no major hazard source: nothing to count, not 0 %
    }

    private static EnterpriseInspections Enterprise(Sector sector, int inspections) => new(Guid.NewGuid(), "enterprise", sector, inspections);

    [Fact]
    public void Inspection_coverage_counts_only_high_risk_sectors()
    {
        // High-risk: chemicals ×2 (inspected, not), mines (inspected), industry-trade (not) → 2 of 4 = 50 %.
        // The uninspected construction and the inspected road-transport enterprise are outside the indicator.
        EnterpriseInspections[] fixture =
        [
            Enterprise(Sector.HazardousChemicals, 2), Enterprise(Sector.HazardousChemicals, 0), Enterprise(Sector.NonCoalMines, 1),
            Enterprise(Sector.IndustryTrade, 0), Enterprise(Sector.Construction, 0), Enterprise(Sector.RoadTransport, 5),
        ];
        Assert.Equal(50m, InspectionCoverage(fixture));
        // 1 of 3 → 33.3 %.
        Assert.Equal(33.3m, InspectionCoverage([Enterprise(Sector.NonCoalMines, 1), Enterprise(Sector.NonCoalMines, 0), Enterprise(Sector.IndustryTrade, 0)]));
        Assert.Null(InspectionCoverage([Enterprise(Sector.Construction, 3)]));
    }

    private static TeamStrength Team(RescueTeamType type, int members, int authorised, int held, int required) =>
        new(Guid.NewGuid(), "team", type, members, authorised, held, required);

    [Fact]
    public void Staffing_and_equipment_rates_count_comprehensive_teams_only()
    {
        TeamStrength[] fixture =
        [
            Team(RescueTeamType.FireRescue, 40, 40, 120, 100),   // staffed (exactly the authorised 40), equipped
            Team(RescueTeamType.Professional, 18, 20, 50, 50),        // short of staff, equipped (exactly)
            Team(RescueTeamType.GovernmentLed, 12, 0, 0, 0),           // nothing authorised or required recorded: neither met
            Team(RescueTeamType.Civil, 30, 10, 5, 1),            // civil force: outside both rates
        ];
        // Staffing: 1 of 3 comprehensive teams → 33.3 %. Equipment: 2 of 3 → 66.7 %.
        Assert.Equal(33.3m, StaffingRate(fixture));
        Assert.Equal(66.7m, EquipmentRate(fixture));
        // EP-15 counts the civil forces: 1.
        Assert.Equal(1, CivilForces(fixture));
        Assert.Null(StaffingRate([Team(RescueTeamType.Civil, 5, 5, 1, 1)]));
        Assert.Equal(0, CivilForces([]));
    }

    [Fact]
    public void Staffing_is_met_at_the_authorised_strength_not_one_below()
    {
        Assert.True(IsStaffed(Team(RescueTeamType.FireRescue, 25, 25, 0, 0)));
        Assert.False(IsStaffed(Team(RescueTeamType.FireRescue, 24, 25, 0, 0)));
        Assert.False(IsEquipped(Team(RescueTeamType.FireRescue, 0, 0, 99, 100)));
        Assert.True(IsEquipped(Team(RescueTeamType.FireRescue, 0, 0, 100, 100)));
    }

    private static Demonstration Community(DemonstrationStatus status, DemonstrationLevel? level, int? year) =>
        new(Guid.NewGuid(), "community", status, level, year);

    [Fact]
    public void Demonstration_communities_count_national_titles_awarded_by_the_year()
    {
        Demonstration[] fixture =
        [
            Community(DemonstrationStatus.Awarded, DemonstrationLevel.National, 2019),   // counts from 2019
            Community(DemonstrationStatus.Awarded, DemonstrationLevel.National, 2024),   // counts from 2024
            Community(DemonstrationStatus.Awarded, DemonstrationLevel.Region, 2018),     // regional title: never
            Community(DemonstrationStatus.Applying, null, null),                         // applying: never
        ];
        Assert.Equal(0, NationalDemonstrationCommunities(fixture, 2018));
        Assert.Equal(1, NationalDemonstrationCommunities(fixture, 2023));
        Assert.Equal(2, NationalDemonstrationCommunities(fixture, 2024));
        Assert.Equal(2, NationalDemonstrationCommunities(fixture, 2025));
    }
}
