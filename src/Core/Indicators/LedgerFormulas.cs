using Tianshan.Core.DisasterRisk;
using Tianshan.Core.Registry;
using Tianshan.Core.Resources;

namespace Tianshan.Core.Indicators;

/// <summary>
/// The formulas of the indicators counted over the standing ledgers (major hazard sources and their sensors, high-risk
/// enterprises and their inspections, the rescue-team ledger, demonstration communities), as pure functions over plain
/// rows so each can be checked on a hand-worked fixture. The Web layer only loads the rows.
/// </summary>
public static class LedgerFormulas
{
    /// <summary>A major hazard source with the number of monitoring sensors installed on it (EP-03).</summary>
    public sealed record HazardSourceSensors(Guid Id, string Label, int Sensors);

    /// <summary>EP-03 counts a major hazard source as having a monitoring terminal when at least one sensor is installed on
    /// it (40号令 第十三条 requires the monitoring of major hazard sources).</summary>
    public static bool IsMonitored(HazardSourceSensors source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return source.Sensors > 0;
    }

    /// <summary>EP-03: major hazard sources with a monitoring terminal ÷ all major hazard sources, in per cent.</summary>
    public static decimal? MonitoringTerminalRate(IReadOnlyCollection<HazardSourceSensors> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        return IndicatorCatalogue.Rate(sources.Count(IsMonitored), sources.Count);
    }

    /// <summary>The 安全生产高危行业 among the registry's sectors (矿山、危险化学品、金属冶炼 within 工贸).</summary>
    public static readonly IReadOnlyList<Sector> HighRiskSectors = [Sector.HazardousChemicals, Sector.NonCoalMines, Sector.IndustryTrade];

    /// <summary>An enterprise with the inspections recorded on it in the year (EP-05).</summary>
    public sealed record EnterpriseInspections(Guid Id, string Label, Sector Sector, int InspectionsInYear);

    /// <summary>EP-05: high-risk-sector enterprises inspected at least once in the year ÷ all high-risk-sector enterprises,
    /// in per cent. Enterprises of other sectors are not in the indicator at all.</summary>
    public static decimal? InspectionCoverage(IEnumerable<EnterpriseInspections> enterprises)
    {
        ArgumentNullException.ThrowIfNull(enterprises);
        var highRisk = enterprises.Where(e => HighRiskSectors.Contains(e.Sector)).ToList();
        return IndicatorCatalogue.Rate(highRisk.Count(e => e.InspectionsInYear > 0), highRisk.Count);
    }

    /// <summary>A rescue team's strength against its authorised figures (EP-06, EP-07, EP-15).</summary>
    public sealed record TeamStrength(Guid Id, string Label, RescueTeamType Type, int Members, int AuthorisedMembers, int EquipmentHeld,
        int EquipmentRequired);

    /// <summary>The staffing and equipment rates count the comprehensive teams: every team except the social (civil)
    /// forces, whose strength the district does not set.</summary>
    public static bool IsComprehensive(TeamStrength team)
    {
        ArgumentNullException.ThrowIfNull(team);
        return team.Type != RescueTeamType.Civil;
    }

    /// <summary>Staffed: at least the authorised strength. A team without an authorised strength is not counted as met —
    /// an unset figure is not a target reached.</summary>
    public static bool IsStaffed(TeamStrength team)
    {
        ArgumentNullException.ThrowIfNull(team);
        return team.AuthorisedMembers > 0 && team.Members >= team.AuthorisedMembers;
    }

    /// <summary>Equipped: at least the equipment its standard requires; none required recorded is not met.</summary>
    public static bool IsEquipped(TeamStrength team)
    {
        ArgumentNullException.ThrowIfNull(team);
        return team.EquipmentRequired > 0 && team.EquipmentHeld >= team.EquipmentRequired;
    }

    /// <summary>EP-06: comprehensive teams staffed to their authorised strength ÷ all comprehensive teams, in per cent.</summary>
    public static decimal? StaffingRate(IEnumerable<TeamStrength> teams)
    {
        ArgumentNullException.ThrowIfNull(teams);
        var counted = teams.Where(IsComprehensive).ToList();
        return IndicatorCatalogue.Rate(counted.Count(IsStaffed), counted.Count);
    }

    /// <summary>EP-07: comprehensive teams holding their required equipment ÷ all comprehensive teams, in per cent.</summary>
    public static decimal? EquipmentRate(IEnumerable<TeamStrength> teams)
    {
        ArgumentNullException.ThrowIfNull(teams);
        var counted = teams.Where(IsComprehensive).ToList();
        return IndicatorCatalogue.Rate(counted.Count(IsEquipped), counted.Count);
    }

    /// <summary>EP-15: the number of social (civil) rescue forces in the ledger.</summary>
    public static int CivilForces(IEnumerable<TeamStrength> teams)
    {
        ArgumentNullException.ThrowIfNull(teams);
        return teams.Count(t => !IsComprehensive(t));
    }

    /// <summary>A community's standing in the demonstration-community programme (DP-05).</summary>
    public sealed record Demonstration(Guid DivisionId, string Label, DemonstrationStatus Status, DemonstrationLevel? Level, int? AwardedYear);

    /// <summary>DP-05 counts a community once it holds the national title (全国综合减灾示范社区) awarded in or before the
    /// year asked; regional and city titles, applications and candidates do not count.</summary>
    public static bool IsNationalBy(Demonstration d, int year)
    {
        ArgumentNullException.ThrowIfNull(d);
        return d.Status == DemonstrationStatus.Awarded && d.Level == DemonstrationLevel.National && d.AwardedYear <= year;
    }

    /// <summary>DP-05: national demonstration communities by the end of <paramref name="year"/>.</summary>
    public static int NationalDemonstrationCommunities(IEnumerable<Demonstration> communities, int year)
    {
        ArgumentNullException.ThrowIfNull(communities);
        return communities.Count(d => IsNationalBy(d, year));
    }
}
