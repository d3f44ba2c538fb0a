using System.ComponentModel.DataAnnotations;
using Tianshan.Core.Platform;
using Tianshan.Core.Prevention;

namespace Tianshan.Core.Tests.Prevention;

/// <summary>The ministry's 100-point guide (domain-rules §2.3): 红 &lt; 60, 橙 60–&lt;75, 黄 75–&lt;90, 蓝 ≥ 90.</summary>
public class EnterpriseRiskGradingTests
{
    private static readonly DateOnly Assessed = new(2026, 9, 15);

    [Theory]
    [InlineData("0", RiskLevel.Red)]
    [InlineData("59.9", RiskLevel.Red)]
    [InlineData("60", RiskLevel.Orange)]
    [InlineData("74.9", RiskLevel.Orange)]
    [InlineData("75", RiskLevel.Yellow)]
    [InlineData("89.9", RiskLevel.Yellow)]
    [InlineData("90", RiskLevel.Blue)]
    [InlineData("100", RiskLevel.Blue)]
    public void Every_score_edge_falls_on_the_side_the_guide_says(string score, RiskLevel level)
    {
        var grade = EnterpriseRiskGrading.Grade(decimal.Parse(score, System.Globalization.CultureInfo.InvariantCulture), DirectRedCondition.None, Assessed);
        Assert.Equal(level, grade.Level);
        Assert.False(grade.DirectRed);
    }

    [Theory]
    [InlineData(DirectRedCondition.UntestedNewProcess)]
    [InlineData(DirectRedCondition.UndesignedPlant)]
    [InlineData(DirectRedCondition.UncertifiedSpecialOperators)]
    [InlineData(DirectRedCondition.SeriousAccidentRecord)]
    public void Any_direct_red_situation_makes_a_full_score_red(DirectRedCondition condition)
    {
        var grade = EnterpriseRiskGrading.Grade(100, condition, Assessed);
        Assert.Equal(RiskLevel.Red, grade.Level);
        Assert.True(grade.DirectRed);
    }

    [Fact]
    public void Reassessment_is_due_three_years_after()
    {
        Assert.Equal(new DateOnly(2029, 9, 15), EnterpriseRiskGrading.Grade(80, DirectRedCondition.None, Assessed).NextDue);
        Assert.Equal(new DateOnly(2031, 2, 28), EnterpriseRiskGrading.Grade(80, DirectRedCondition.None, new DateOnly(2028, 2, 29)).NextDue);
    }

    [Fact]
    public void Scores_outside_the_hundred_point_scale_are_refused_in_chinese()
    {
        var ex = Assert.Throws<DomainValidationException>(() => EnterpriseRiskGrading.Grade(100.5m, DirectRedCondition.None, Assessed));
        Assert.Contains("百分制", ex.Errors["score"][0], StringComparison.Ordinal);
        Assert.Throws<DomainValidationException>(() => EnterpriseRiskGrading.Grade(50, (DirectRedCondition)64, Assessed));
    }

    [Fact]
    public void National_defaults_are_valid_and_crossed_edges_are_not()
    {
        Assert.Empty(Validate(RiskGradingOptions.National));
        Assert.NotEmpty(Validate(new RiskGradingOptions { LsOrangeFrom = 25 }));
        Assert.NotEmpty(Validate(new RiskGradingOptions { EnterpriseYellowFrom = 95 }));
    }

    private static List<ValidationResult> Validate(RiskGradingOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results;
    }
}
