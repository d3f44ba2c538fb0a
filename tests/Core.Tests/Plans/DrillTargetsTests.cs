using Tianshan.Core.Plans;
using Tianshan.Core.Registry;

namespace Tianshan.Core.Tests.Plans;

/// <summary>The half-year drill duty (708号令 第八条第二款; 2号令 第三十三条): who it reaches, and each half year done, pending or missed.</summary>
public sealed class DrillTargetsTests
{
    private static readonly DrillDutyInput Refinery = new(Guid.NewGuid(), "炼化", Sector.HazardousChemicals, true, false);
    private static readonly DrillDutyInput Mall = new(Guid.NewGuid(), "商场", Sector.CrowdedPlaces, false, false);
    private static readonly DrillDutyInput Factory = new(Guid.NewGuid(), "金属制品", Sector.IndustryTrade, false, false);
    private static readonly DrillDutyInput Station = new(Guid.NewGuid(), "热电", Sector.Power, false, true);

    [Fact]
    public void The_rule_reaches_dangerous_goods_crowded_places_and_on_site_plans_but_not_a_plain_factory()
    {
        Assert.NotNull(DrillTargets.Basis(Refinery));
        Assert.NotNull(DrillTargets.Basis(Mall));
        Assert.Contains("第三十三条", DrillTargets.Basis(Station), StringComparison.Ordinal);
        Assert.Null(DrillTargets.Basis(Factory));
    }

    [Fact]
    public void In_november_a_missing_first_half_is_missed_and_a_missing_second_half_is_pending()
    {
        var today = new DateOnly(2026, 11, 29);
        var checks = DrillTargets.Check([Refinery, Mall, Factory, Station],
            [(Refinery.EnterpriseId, new DateOnly(2026, 5, 20)), (Refinery.EnterpriseId, new DateOnly(2026, 9, 18)), (Mall.EnterpriseId, new DateOnly(2026, 8, 1)),
             (Station.EnterpriseId, new DateOnly(2025, 5, 1))], 2026, today);

        Assert.Equal(3, checks.Count);
        var refinery = checks.Single(c => c.EnterpriseId == Refinery.EnterpriseId);
        Assert.Equal((HalfYearState.Done, HalfYearState.Done, 1, 1), (refinery.FirstHalf, refinery.SecondHalf, refinery.FirstHalfDrills, refinery.SecondHalfDrills));
        var mall = checks.Single(c => c.EnterpriseId == Mall.EnterpriseId);
        Assert.Equal((HalfYearState.Missed, HalfYearState.Done), (mall.FirstHalf, mall.SecondHalf));
        // Last year's drill does not count for this year.
        var station = checks.Single(c => c.EnterpriseId == Station.EnterpriseId);
        Assert.Equal((HalfYearState.Missed, HalfYearState.Pending), (station.FirstHalf, station.SecondHalf));
        // Those that missed come first.
        Assert.NotEqual(Refinery.EnterpriseId, checks[0].EnterpriseId);
    }

    [Theory]
    [InlineData("2026-06-30", 1, HalfYearState.Pending)]
    [InlineData("2026-07-01", 1, HalfYearState.Missed)]
    [InlineData("2026-06-30", 2, HalfYearState.NotStarted)]
    [InlineData("2026-12-31", 2, HalfYearState.Pending)]
    [InlineData("2027-01-01", 2, HalfYearState.Missed)]
    public void A_half_year_is_missed_only_after_its_last_day(string today, int half, HalfYearState expected)
    {
        Assert.Equal(expected, DrillTargets.StateOf(2026, half, 0, DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));
    }
}
