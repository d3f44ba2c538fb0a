using Tianshan.Core.Platform;
using Tianshan.Core.Prevention;

namespace Tianshan.Core.Tests.Prevention;

/// <summary>LEC under the national defaults (domain-rules §2.1): &gt;320 / 160–320 / 70–160 / 20–70 / &lt;20.</summary>
public class LecTests
{
    private static readonly RiskGradingOptions National = RiskGradingOptions.National;

    [Theory]
    [InlineData("320.01", LecBand.Extreme, RiskLevel.Red)]
    [InlineData("320", LecBand.High, RiskLevel.Orange)]
    [InlineData("160", LecBand.High, RiskLevel.Orange)]
    [InlineData("159.99", LecBand.Significant, RiskLevel.Yellow)]
    [InlineData("70", LecBand.Significant, RiskLevel.Yellow)]
    [InlineData("69.99", LecBand.Possible, RiskLevel.Blue)]
    [InlineData("20", LecBand.Possible, RiskLevel.Blue)]
    [InlineData("19.99", LecBand.Slight, RiskLevel.Blue)]
    public void Every_band_edge_falls_on_the_side_the_rules_say(string d, LecBand band, RiskLevel level)
    {
        var value = decimal.Parse(d, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(band, Lec.BandOf(value, National));
        Assert.Equal(level, Lec.LevelOf(Lec.BandOf(value, National)));
    }

    [Fact]
    public void Issue_example_three_six_fifteen_is_270_highly_dangerous_orange()
    {
        var result = Lec.Assess(3, 6, 15);
        Assert.Equal(270m, result.D);
        Assert.Equal(LecBand.High, result.Band);
        Assert.Equal(RiskLevel.Orange, result.Level);
        Assert.Equal("高度危险，需立即整改", result.BandLabel);
    }

    [Theory]
    [InlineData(10, 6, 7, 420, LecBand.Extreme)]        // just above 320 among reachable products
    [InlineData(1, 10, 7, 70, LecBand.Significant)]     // exactly on the 70 edge
    [InlineData(10, 2, 1, 20, LecBand.Possible)]        // exactly on the 20 edge
    [InlineData(6, 3, 1, 18, LecBand.Slight)]
    [InlineData(0.1, 0.5, 1, 0.05, LecBand.Slight)]     // the smallest D
    [InlineData(10, 10, 100, 10000, LecBand.Extreme)]   // the largest D
    public void Reachable_products_are_exact_and_banded(double l, double e, double c, double d, LecBand band)
    {
        var result = Lec.Assess((decimal)l, (decimal)e, (decimal)c);
        Assert.Equal((decimal)d, result.D);
        Assert.Equal(band, result.Band);
    }

    [Fact]
    public void Values_off_the_published_scale_are_refused_in_chinese_per_field()
    {
        var ex = Assert.Throws<DomainValidationException>(() => Lec.Assess(4, 6, 15));
        Assert.Equal(["l"], ex.Errors.Keys);
        Assert.Contains("不在评分表中", ex.Errors["l"][0], StringComparison.Ordinal);
        Assert.Contains("10、6、3、1、0.5、0.2、0.1", ex.Errors["l"][0], StringComparison.Ordinal);

        var all = Assert.Throws<DomainValidationException>(() => Lec.Assess(0, 7, 20));
        Assert.Equal(3, all.Errors.Count);
    }

    [Fact]
    public void Configured_edges_move_the_bands()
    {
        var strict = new RiskGradingOptions { LecExtremeAbove = 240, LecHighFrom = 160, LecSignificantFrom = 70, LecPossibleFrom = 20 };
        Assert.Equal(LecBand.Extreme, Lec.Assess(3, 6, 15, strict).Band);
    }
}
