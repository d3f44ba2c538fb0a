using Tianshan.Core.Registry;

namespace Tianshan.Core.Plans;

public enum HalfYearState
{
    /// <summary>At least one drill held in the half year.</summary>
    Done = 1,
    /// <summary>The half year is still running and no drill is recorded yet.</summary>
    Pending = 2,
    /// <summary>The half year ended without a drill.</summary>
    Missed = 3,
    /// <summary>The half year has not started.</summary>
    NotStarted = 4,
}

/// <summary>What the half-year check needs to know about an enterprise.</summary>
public sealed record DrillDutyInput(Guid EnterpriseId, string Name, Sector Sector, bool HasMajorHazardSource, bool HasOnSitePlan);

public sealed record HalfYearCheck(Guid EnterpriseId, string Name, Sector Sector, string Basis, HalfYearState FirstHalf, HalfYearState SecondHalf,
    int FirstHalfDrills, int SecondHalfDrills);

/// <summary>
/// The twice-a-year drill duty. 《生产安全事故应急条例》(国务院令第708号) 第八条第二款 and 应急管理部令第2号 第三十三条第二款: units
/// producing, trading, storing or transporting dangerous goods, mines, metal smelting, construction, and crowded places (hotels, shopping
/// malls, entertainment, tourist sites) drill their plans at least once every half year; 第三十三条第一款: every unit drills its on-site
/// disposal plans at least once every half year. Half years are January–June and July–December in China time.
/// </summary>
public static class DrillTargets
{
    /// <summary>The sectors 第八条第二款 names (dangerous goods, mines, construction, crowded places, tourist sites).</summary>
    public const Sector HalfYearlySectors = Sector.HazardousChemicals | Sector.NonCoalMines | Sector.Construction | Sector.CrowdedPlaces | Sector.CultureTourism;

    /// <summary>Why the enterprise must drill every half year, or null if the rule does not reach it.</summary>
    public static string? Basis(DrillDutyInput e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (e.HasMajorHazardSource)
            return "重大危险源单位（708号令第八条第二款）";
        if ((e.Sector & HalfYearlySectors) != 0)
            return $"{SectorSet.Label(e.Sector)}单位（708号令第八条第二款）";
        if (e.HasOnSitePlan)
            return "现场处置方案每半年演练（2号令第三十三条第一款）";
        return null;
    }

    public static HalfYearState StateOf(int year, int half, int drills, DateOnly today)
    {
        var start = new DateOnly(year, half == 1 ? 1 : 7, 1);
        var end = half == 1 ? new DateOnly(year, 6, 30) : new DateOnly(year, 12, 31);
        if (drills > 0)
            return HalfYearState.Done;
        if (today < start)
            return HalfYearState.NotStarted;
        return today > end ? HalfYearState.Missed : HalfYearState.Pending;
    }

    /// <summary>Every enterprise the rule reaches, with its drills in each half of <paramref name="year"/>.</summary>
    public static List<HalfYearCheck> Check(IEnumerable<DrillDutyInput> enterprises, IEnumerable<(Guid EnterpriseId, DateOnly HeldOn)> drills, int year, DateOnly today)
    {
        var byEnterprise = drills.Where(d => d.HeldOn.Year == year).ToLookup(d => d.EnterpriseId, d => d.HeldOn);
        var result = new List<HalfYearCheck>();
        foreach (var e in enterprises)
        {
            if (Basis(e) is not { } basis)
                continue;
            var held = byEnterprise[e.EnterpriseId].ToList();
            int first = held.Count(d => d.Month <= 6), second = held.Count(d => d.Month > 6);
            result.Add(new HalfYearCheck(e.EnterpriseId, e.Name, e.Sector, basis, StateOf(year, 1, first, today), StateOf(year, 2, second, today), first, second));
        }
        return result.OrderBy(r => r.FirstHalf == HalfYearState.Missed || r.SecondHalf == HalfYearState.Missed ? 0 : 1).ThenBy(r => r.Name, StringComparer.Ordinal).ToList();
    }

    public static string Label(HalfYearState state) => state switch
    {
        HalfYearState.Done => "已演练",
        HalfYearState.Pending => "未演练（半年未结束）",
        HalfYearState.Missed => "未完成",
        HalfYearState.NotStarted => "未开始",
        _ => state.ToString(),
    };
}
