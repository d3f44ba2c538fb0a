using Tianshan.Core.Platform;
using Tianshan.Core.Prevention;

namespace Tianshan.Core.Tests.Prevention;

public class RiskPointTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 28, 8, 0, 0, TimeSpan.Zero);

    private static RiskPointDetails Details(RiskMethod method, decimal l, decimal? e = null, decimal? c = null, int? s = null) => new()
    {
        Name = "液化烃球罐区装卸",
        Location = "储运车间球罐区",
        Activity = "槽车装卸",
        HazardType = "火灾、爆炸",
        ControlMeasures = "万向管道充装系统；静电接地；可燃气体检测报警",
        ResponsiblePerson = "王强",
        Method = method,
        L = l,
        E = e,
        C = c,
        S = s,
    };

    [Fact]
    public void A_point_graded_by_lec_keeps_its_inputs_score_band_and_colour()
    {
        var point = RiskPoint.Create(Guid.CreateVersion7(), Details(RiskMethod.Lec, 3, 6, 15, s: 4), RiskGradingOptions.National, At, "enterprise");
        Assert.Equal(270m, point.Score);
        Assert.Equal(LecBand.High, point.Band);
        Assert.Equal(RiskLevel.Orange, point.Level);
        Assert.Null(point.S);
        Assert.Equal("enterprise", point.AssessedBy);
    }

    [Fact]
    public void Reassessing_by_ls_replaces_the_lec_inputs()
    {
        var point = RiskPoint.Create(Guid.CreateVersion7(), Details(RiskMethod.Lec, 3, 6, 15), RiskGradingOptions.National, At, "a");
        point.Assess(Details(RiskMethod.Ls, 4, s: 5), RiskGradingOptions.National, At.AddDays(1), "b");
        Assert.Equal(20m, point.Score);
        Assert.Equal(RiskLevel.Red, point.Level);
        Assert.Null(point.Band);
        Assert.Null(point.E);
        Assert.Equal(At.AddDays(1), point.AssessedAt);
    }

    [Fact]
    public void Missing_facts_and_off_scale_inputs_are_named_field_by_field()
    {
        var bad = Details(RiskMethod.Lec, 4, 6, 15) with { Name = " ", ResponsiblePerson = "" };
        var ex = Assert.Throws<DomainValidationException>(() => RiskPoint.Create(Guid.CreateVersion7(), bad, RiskGradingOptions.National, At, "a"));
        Assert.Equal("风险点名称不能为空", ex.Errors["Name"][0]);
        Assert.Equal("责任人不能为空", ex.Errors["ResponsiblePerson"][0]);
        Assert.Contains("不在评分表中", ex.Errors["L"][0], StringComparison.Ordinal);
        var fractional = Assert.Throws<DomainValidationException>(() =>
            RiskPoint.Create(Guid.CreateVersion7(), Details(RiskMethod.Ls, 2.5m, s: 3), RiskGradingOptions.National, At, "a"));
        Assert.Contains("整数", fractional.Errors["L"][0], StringComparison.Ordinal);
    }
}
