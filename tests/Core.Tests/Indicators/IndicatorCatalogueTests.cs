using Tianshan.Core.Indicators;
using Tianshan.Core.Platform;

namespace Tianshan.Core.Tests.Indicators;

public class IndicatorCatalogueTests
{
    [Fact]
    public void The_emergency_plan_table_is_complete_and_codes_are_unique()
    {
        var emergency = IndicatorCatalogue.All.Where(d => d.Plan == IndicatorCatalogue.EmergencyPlan).Select(d => d.Code).ToList();
        Assert.Equal(Enumerable.Range(1, 17).Select(i => $"EP-{i:00}"), emergency);
        Assert.Equal(IndicatorCatalogue.All.Count, IndicatorCatalogue.All.Select(d => d.Code).Distinct().Count());
        Assert.Equal("各类突发事件预警信息公众覆盖率", IndicatorCatalogue.Find("ep-02")!.Name);
        Assert.Equal(90m, IndicatorCatalogue.Find("EP-02")!.Target);
        Assert.Null(IndicatorCatalogue.Find("EP-18"));
    }

    [Theory]
    [InlineData(0, 0, null)]        // nothing to count: no data, neither 0 % nor 100 %
    [InlineData(0, 7, "0")]
    [InlineData(7, 7, "100")]
    [InlineData(15, 16, "93.8")]    // 93.75 rounds away from zero
    [InlineData(1, 3, "33.3")]
    [InlineData(2, 3, "66.7")]
    public void A_rate_is_a_percentage_with_one_decimal(int numerator, int denominator, string? expected) =>
        Assert.Equal(expected is null ? null : decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            IndicatorCatalogue.Rate(numerator, denominator));

    [Fact]
    public void A_rate_whose_part_exceeds_its_whole_is_a_programming_error() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => IndicatorCatalogue.Rate(4, 3));

    [Theory]
    [InlineData("EP-02", null, IndicatorStatus.NoData)]
    [InlineData("EP-02", "90", IndicatorStatus.Met)]         // ≥ 90 %: the edge meets it
    [InlineData("EP-02", "89.9", IndicatorStatus.NotMet)]
    [InlineData("EP-17", "24", IndicatorStatus.Met)]         // ≤ 24 h: the edge meets it
    [InlineData("EP-17", "24.1", IndicatorStatus.NotMet)]
    [InlineData("EP-15", "0", IndicatorStatus.NotMet)]       // ≥ 1 civil rescue team
    [InlineData("SP-01", "0", IndicatorStatus.Met)]          // deaths not above last year's
    [InlineData("SP-01", "1", IndicatorStatus.NotMet)]
    public void The_status_compares_the_actual_with_the_target_edge_included(string code, string? actual, IndicatorStatus expected) =>
        Assert.Equal(expected, IndicatorCatalogue.Find(code)!.StatusOf(actual is null ? null : decimal.Parse(actual, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void An_entry_needs_a_year_a_value_in_range_and_its_evidence_and_only_entered_indicators_take_one()
    {
        var now = new DateTimeOffset(2026, 11, 29, 4, 0, 0, TimeSpan.Zero);
        var fire = IndicatorCatalogue.Find("EP-08")!;
        var entry = IndicatorEntry.Enter(fire, 2026, 100, "  区林草局报送（独林草〔2026〕5号）", "bureau", now);
        Assert.Equal(("EP-08", 2026, 100m, "区林草局报送（独林草〔2026〕5号）"), (entry.Code, entry.Year, entry.Value, entry.Evidence));

        var errors = Assert.Throws<DomainValidationException>(() => IndicatorEntry.Enter(fire, 2027, 101, " ", "bureau", now)).Errors;
        Assert.Equal(["year", "value", "evidence"], errors.Keys.Order(StringComparer.Ordinal).Reverse().ToArray());
        Assert.Throws<WorkflowException>(() => IndicatorEntry.Enter(IndicatorCatalogue.Find("EP-03")!, 2026, 100, "x", "bureau", now));
    }
}
