using Tianshan.Core.Prevention;
using Tianshan.Core.Reports;

namespace Tianshan.Core.Tests.Reports;

public class EnterpriseAdviceTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 2, 0, 0, TimeSpan.Zero);

    private static EnterpriseFacts Clean => new()
    {
        Today = new DateOnly(2026, 6, 1), Now = Now, Sensors = 20, SensorsOnline = 20, EnterpriseGrade = RiskLevel.Yellow,
        EnterpriseGradeDue = new DateOnly(2027, 1, 1), Credit = CreditGrade.A, CreditLabel = "A 守信",
    };

    private static IReadOnlyList<Advice> For(EnterpriseFacts facts) => EnterpriseAdvice.For(facts, new EnterpriseAdviceOptions());

    [Fact]
    public void An_open_major_hazard_not_yet_listed_asks_for_listed_supervision_and_names_the_hazard()
    {
        var advice = For(Clean with { OpenHazards = [new("YH-2026-00007", "罐区探测器失效", HiddenHazardGrade.Major, false, Now.AddDays(5))] });
        var line = Assert.Single(advice);
        Assert.Contains("实行挂牌督办", line.Text, StringComparison.Ordinal);
        Assert.Equal("重大隐患 YH-2026-00007“罐区探测器失效”未销号，尚未挂牌督办", line.Trigger);
    }

    [Fact]
    public void A_listed_major_hazard_is_followed_rather_than_listed_again()
    {
        var line = Assert.Single(For(Clean with { OpenHazards = [new("YH-1", "x", HiddenHazardGrade.Major, true, Now.AddDays(5))] }));
        Assert.StartsWith("跟踪挂牌督办隐患 YH-1", line.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_overdue_rectification_says_how_many_days_it_is_late()
    {
        var line = Assert.Single(For(Clean with { OpenHazards = [new("YH-2", "护栏缺失", HiddenHazardGrade.General, false, Now.AddDays(-3).AddHours(-1))] }));
        Assert.Contains("第一百零二条", line.Text, StringComparison.Ordinal);
        Assert.Equal("隐患 YH-2“护栏缺失”整改期限已过 3 天", line.Trigger);
    }

    [Fact]
    public void An_online_rate_just_below_the_target_triggers_advice_and_exactly_at_it_does_not()
    {
        Assert.Equal("传感器在线率 94%（47/50），低于目标 95%", Assert.Single(For(Clean with { Sensors = 50, SensorsOnline = 47 })).Trigger);
        Assert.Equal("无未销号重大隐患、逾期隐患、到期评估，在线率达标", Assert.Single(For(Clean with { Sensors = 20, SensorsOnline = 19 })).Trigger);
    }

    [Fact]
    public void A_major_hazard_source_due_for_reassessment_within_ninety_days_or_with_a_trigger_is_named()
    {
        var advice = For(Clean with
        {
            HazardSources =
            [
                new("0001", "罐区", new DateOnly(2026, 8, 30), null),
                new("0002", "装置", new DateOnly(2026, 8, 31), null),
                new("0003", "仓库", new DateOnly(2029, 1, 1), "新建、改建、扩建"),
            ],
        });
        Assert.Equal(["重大危险源 0001“罐区”将于 2026-08-30 评估到期", "重大危险源 0003“仓库”出现复评情形：新建、改建、扩建"], advice.Select(a => a.Trigger));
    }

    [Fact]
    public void No_enterprise_grade_a_red_grade_red_points_and_a_poor_credit_each_give_their_own_line()
    {
        var advice = For(Clean with { EnterpriseGrade = null, EnterpriseGradeDue = null, RedRiskPoints = 2, Credit = CreditGrade.C, CreditLabel = "C 失信风险" });
        Assert.Equal(["企业尚无安全风险分级记录", "红色（重大风险）风险点 2 个", "安全生产信用等级 C 失信风险"], advice.Select(a => a.Trigger));
        Assert.Contains("企业安全风险等级为红（重大风险）", For(Clean with { EnterpriseGrade = RiskLevel.Red }).Select(a => a.Trigger));
    }
}
