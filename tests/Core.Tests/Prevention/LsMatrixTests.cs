using Tianshan.Core.Platform;
using Tianshan.Core.Prevention;

namespace Tianshan.Core.Tests.Prevention;

/// <summary>LS matrix under the national default, variant A (domain-rules §2.2): 20–25 red, 9–16 orange, 4–8 yellow, 1–3 blue.</summary>
public class LsMatrixTests
{
    [Theory]
    [InlineData(25, RiskLevel.Red)]
    [InlineData(20, RiskLevel.Red)]
    [InlineData(19, RiskLevel.Orange)]
    [InlineData(16, RiskLevel.Orange)]
    [InlineData(9, RiskLevel.Orange)]
    [InlineData(8, RiskLevel.Yellow)]
    [InlineData(4, RiskLevel.Yellow)]
    [InlineData(3, RiskLevel.Blue)]
    [InlineData(1, RiskLevel.Blue)]
    public void Every_band_edge_falls_on_the_side_the_rules_say(int r, RiskLevel level) =>
        Assert.Equal(level, LsMatrix.LevelOf(r, RiskGradingOptions.National));

    [Theory]
    [InlineData(4, 5, 20, RiskLevel.Red)]
    [InlineData(4, 4, 16, RiskLevel.Orange)]
    [InlineData(4, 3, 12, RiskLevel.Orange)]
    [InlineData(3, 3, 9, RiskLevel.Orange)]
    [InlineData(4, 2, 8, RiskLevel.Yellow)]
    [InlineData(2, 2, 4, RiskLevel.Yellow)]
    [InlineData(3, 1, 3, RiskLevel.Blue)]
    public void Products_of_the_matrix_take_their_colour(int l, int s, int r, RiskLevel level)
    {
        var result = LsMatrix.Assess(l, s);
        Assert.Equal(r, result.R);
        Assert.Equal(level, result.Level);
    }

    [Fact]
    public void Values_outside_one_to_five_are_refused_in_chinese()
    {
        var ex = Assert.Throws<DomainValidationException>(() => LsMatrix.Assess(6, 0));
        Assert.Contains("1～5", ex.Errors["l"][0], StringComparison.Ordinal);
        Assert.Contains("S（严重性）", ex.Errors["s"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void A_province_with_other_bands_is_configuration()
    {
        // The 20–25 / 15–16 / 9–12 / 1–8 variant (domain-rules §2.2, uncertain) as configuration.
        var other = new RiskGradingOptions { LsRedFrom = 20, LsOrangeFrom = 15, LsYellowFrom = 9 };
        Assert.Equal(RiskLevel.Yellow, LsMatrix.Assess(4, 3, other).Level);
        Assert.Equal(RiskLevel.Blue, LsMatrix.Assess(4, 2, other).Level);
    }
}
