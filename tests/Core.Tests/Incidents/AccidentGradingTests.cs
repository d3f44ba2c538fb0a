using Tianshan.Core.Incidents;
using Tianshan.Core.Platform;

namespace Tianshan.Core.Tests.Incidents;

/// <summary>国务院令493号 第三条 at every threshold of every criterion ("以上"含本数, "以下"不含), and the highest criterion wins.</summary>
public sealed class AccidentGradingTests
{
    [Theory]
    [InlineData(0, AccidentGrade.General)]
    [InlineData(2, AccidentGrade.General)]
    [InlineData(3, AccidentGrade.Larger)]
    [InlineData(9, AccidentGrade.Larger)]
    [InlineData(10, AccidentGrade.Major)]
    [InlineData(29, AccidentGrade.Major)]
    [InlineData(30, AccidentGrade.ExtraordinarilyMajor)]
    [InlineData(31, AccidentGrade.ExtraordinarilyMajor)]
    public void Deaths_grade_at_three_ten_and_thirty(int deaths, AccidentGrade expected)
    {
        var result = AccidentGrading.Of(deaths, 0, 0);
        Assert.Equal(expected, result.Grade);
        Assert.Equal(expected, result.ByDeaths);
    }

    [Theory]
    [InlineData(9, AccidentGrade.General)]
    [InlineData(10, AccidentGrade.Larger)]
    [InlineData(49, AccidentGrade.Larger)]
    [InlineData(50, AccidentGrade.Major)]
    [InlineData(99, AccidentGrade.Major)]
    [InlineData(100, AccidentGrade.ExtraordinarilyMajor)]
    public void Serious_injuries_including_acute_poisoning_grade_at_ten_fifty_and_a_hundred(int injuries, AccidentGrade expected)
    {
        var result = AccidentGrading.Of(0, injuries, 0);
        Assert.Equal(expected, result.Grade);
        Assert.Equal(expected, result.BySeriousInjuries);
    }

    [Theory]
    [InlineData("9999999.99", AccidentGrade.General)]
    [InlineData("10000000", AccidentGrade.Larger)]
    [InlineData("49999999.99", AccidentGrade.Larger)]
    [InlineData("50000000", AccidentGrade.Major)]
    [InlineData("99999999.99", AccidentGrade.Major)]
    [InlineData("100000000", AccidentGrade.ExtraordinarilyMajor)]
    public void Direct_loss_grades_at_ten_fifty_and_a_hundred_million_yuan(string loss, AccidentGrade expected)
    {
        var result = AccidentGrading.Of(0, 0, decimal.Parse(loss, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(expected, result.Grade);
        Assert.Equal(expected, result.ByDirectLoss);
    }

    [Fact]
    public void The_highest_criterion_sets_the_grade_and_the_reason_names_it()
    {
        var result = AccidentGrading.Of(2, 55, 12_000_000m);
        Assert.Equal(AccidentGrade.Major, result.Grade);
        Assert.Equal(AccidentGrade.General, result.ByDeaths);
        Assert.Equal(AccidentGrade.Larger, result.ByDirectLoss);
        Assert.Equal("重伤（含急性工业中毒） 55 人", result.Reason(2, 55, 12_000_000m));
        Assert.Equal(ResponseLevel.II, IncidentLabels.LevelOf(result.Grade));
    }

    [Fact]
    public void Negative_figures_are_refused_in_Chinese()
    {
        var e = Assert.Throws<DomainValidationException>(() => AccidentGrading.Of(-1, 0, 0));
        Assert.Contains("不能为负数", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(AccidentGrade.General, ReportLevel.City)]
    [InlineData(AccidentGrade.Larger, ReportLevel.Province)]
    [InlineData(AccidentGrade.Major, ReportLevel.StateCouncil)]
    [InlineData(AccidentGrade.ExtraordinarilyMajor, ReportLevel.StateCouncil)]
    public void Reports_climb_to_the_ceiling_of_the_grade(AccidentGrade grade, ReportLevel ceiling) =>
        Assert.Equal(ceiling, ReportingClocks.Ceiling(grade));
}
