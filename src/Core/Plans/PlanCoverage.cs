using Tianshan.Core.Registry;

namespace Tianshan.Core.Plans;

/// <summary>What the coverage check needs of a plan.</summary>
public sealed record CoveragePlan(Guid Id, PlanKind Kind, Guid? EnterpriseId, Guid? MajorHazardSourceId, Guid? HiddenHazardId, Sector Sectors, bool IsCurrent);

public sealed record CoverageItem(Guid Id, string Name, Guid? EnterpriseId, string? EnterpriseName);

public sealed record CoverageResult(
    int MajorHazardSources, List<CoverageItem> UncoveredMajorHazardSources,
    int MajorHiddenHazards, List<CoverageItem> UncoveredMajorHiddenHazards,
    List<Sector> UncoveredSectors);

/// <summary>
/// Coverage: 一源一案 (every major hazard source has a current plan bound to it), 一患一案 (every open major hidden hazard — whose
/// treatment plan must include its emergency plan, 总局令第16号 第十五条(六) — has one), and every key sector has a current special or
/// department plan of the government side. Only current plans (filed, not due for revision) count.
/// </summary>
public static class PlanCoverage
{
    public static CoverageResult Check(IReadOnlyCollection<CoveragePlan> plans, IReadOnlyCollection<CoverageItem> majorHazardSources,
        IReadOnlyCollection<CoverageItem> openMajorHiddenHazards, IEnumerable<Sector> sectors)
    {
        ArgumentNullException.ThrowIfNull(plans);
        ArgumentNullException.ThrowIfNull(majorHazardSources);
        ArgumentNullException.ThrowIfNull(openMajorHiddenHazards);
        var current = plans.Where(p => p.IsCurrent).ToList();
        var sources = current.Where(p => p.MajorHazardSourceId is not null).Select(p => p.MajorHazardSourceId!.Value).ToHashSet();
        var hazards = current.Where(p => p.HiddenHazardId is not null).Select(p => p.HiddenHazardId!.Value).ToHashSet();
        var sectorPlans = current.Where(p => p.EnterpriseId is null && p.Kind is PlanKind.Special or PlanKind.Department)
            .Aggregate((Sector)0, (all, p) => all | p.Sectors);
        return new CoverageResult(
            majorHazardSources.Count, majorHazardSources.Where(s => !sources.Contains(s.Id)).ToList(),
            openMajorHiddenHazards.Count, openMajorHiddenHazards.Where(h => !hazards.Contains(h.Id)).ToList(),
            sectors.Where(s => (sectorPlans & s) == 0).ToList());
    }
}
