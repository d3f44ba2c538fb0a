using Tianshan.Core.Platform;
using Tianshan.Core.Prevention;
using Tianshan.Core.Registry;

namespace Tianshan.Core.Tests.Prevention;

public sealed class HiddenHazardWorkflowTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 2, 0, 0, TimeSpan.Zero);

    private static HiddenHazard NewHazard(HiddenHazardOrigin source = HiddenHazardOrigin.SelfInspection) =>
        HiddenHazard.Register(Guid.NewGuid(), "YH-2026-00001", source, new HiddenHazardDetails
        {
            Title = "储罐区可燃气体探测器失效",
            Description = "3号罐组东侧 GT-04 探测器无响应",
            Location = "3号罐组",
            FoundAt = Now.AddHours(-1),
        }, "enterprise", Now);

    private static FiveAssurances Five(int days = 10) => new()
    {
        ResponsiblePerson = "张伟",
        Measures = "更换探测器并标定",
        Funds = 12000m,
        Deadline = Now.AddDays(days),
        ContingencyPlan = "更换前每 2 小时便携式检测仪巡检",
    };

    private static MajorHazardTreatmentPlan Plan() => new()
    {
        Objectives = "恢复罐区泄漏检测报警",
        Methods = "更换探测器、接入 SIS",
        FundsAndMaterials = "专项资金 12 万元",
        Organisation = "设备部 张伟",
        TimeLimits = "10 日内完成",
        SafetyMeasures = "临时巡检，启用应急预案",
    };

    [Fact]
    public void A_hazard_goes_round_the_whole_loop_and_every_step_is_on_the_timeline()
    {
        var hazard = NewHazard();
        Assert.Equal(HiddenHazardStatus.Registered, hazard.Status);
        hazard.Assess(HiddenHazardGrade.General, [], Sector.IndustryTrade, Five(), null, "enterprise", Now);
        Assert.Equal(HiddenHazardStatus.Rectifying, hazard.Status);
        Assert.Equal(HiddenHazardGrade.General, hazard.Grade);
        hazard.SubmitRectification("已更换", evidenceCount: 2, "enterprise", Now.AddDays(1));
        Assert.Equal(HiddenHazardStatus.AwaitingVerification, hazard.Status);
        hazard.Verify(passed: true, "现场复核合格", "inspector", Now.AddDays(2));
        Assert.Equal(HiddenHazardStatus.Closed, hazard.Status);
        Assert.False(hazard.IsOpen);
        Assert.Equal(["登记", "评估", "提交整改", "验收销号"], hazard.Events.Select(e => e.Action));
        Assert.Equal([null, HiddenHazardStatus.Registered, HiddenHazardStatus.Rectifying, HiddenHazardStatus.AwaitingVerification],
            hazard.Events.Select(e => e.From));
        Assert.Equal("inspector", hazard.Events[^1].By);
    }

    [Fact]
    public void The_submitter_cannot_verify_their_own_rectification()
    {
        var hazard = NewHazard();
        hazard.Assess(HiddenHazardGrade.General, [], Sector.IndustryTrade, Five(), null, "enterprise", Now);
        hazard.SubmitRectification(null, 1, "enterprise", Now);
        var e = Assert.Throws<WorkflowException>(() => hazard.Verify(true, null, "ENTERPRISE", Now));
        Assert.Contains("验收人不能是整改提交人", e.Message, StringComparison.Ordinal);
        Assert.Equal(HiddenHazardStatus.AwaitingVerification, hazard.Status);
    }

    [Fact]
    public void A_failed_verification_sends_it_back_with_the_reason_and_it_can_be_submitted_again()
    {
        var hazard = NewHazard();
        hazard.Assess(HiddenHazardGrade.General, [], Sector.IndustryTrade, Five(), null, "enterprise", Now);
        hazard.SubmitRectification(null, 1, "enterprise", Now);
        Assert.Throws<DomainValidationException>(() => hazard.Verify(false, " ", "inspector", Now));
        hazard.Verify(false, "探测器未标定", "inspector", Now);
        Assert.Equal(HiddenHazardStatus.Rectifying, hazard.Status);
        Assert.Null(hazard.SubmittedBy);
        hazard.SubmitRectification("已标定", 1, "enterprise", Now);
        hazard.Verify(true, null, "inspector", Now);
        Assert.Equal(HiddenHazardStatus.Closed, hazard.Status);
    }

    public static TheoryData<string> IllegalSteps => ["submit", "verify", "extend", "list"];

    [Theory]
    [MemberData(nameof(IllegalSteps))]
    public void Steps_out_of_order_are_refused_with_a_Chinese_message_and_change_nothing(string step)
    {
        var hazard = NewHazard();
        var events = hazard.Events.Count;
        var e = Assert.Throws<WorkflowException>(() =>
        {
            switch (step)
            {
                case "submit": hazard.SubmitRectification(null, 1, "enterprise", Now); break;
                case "verify": hazard.Verify(true, null, "inspector", Now); break;
                case "extend": hazard.ExtendDeadline(Now.AddDays(30), "设备到货延迟", "enterprise", Now); break;
                default: hazard.ListForSupervision("独应急督〔2026〕1号", "独山子区安委办", "bureau", Now); break;
            }
        });
        Assert.Contains("隐患当前为“已登记”", e.Message, StringComparison.Ordinal);
        Assert.Equal(HiddenHazardStatus.Registered, hazard.Status);
        Assert.Equal(events, hazard.Events.Count);
    }

    [Fact]
    public void A_closed_hazard_cannot_be_assessed_submitted_or_dismissed_again()
    {
        var hazard = NewHazard();
        hazard.Dismiss("经核实不属实", "inspector", Now);
        Assert.Equal(HiddenHazardStatus.Dismissed, hazard.Status);
        Assert.Throws<WorkflowException>(() => hazard.Assess(HiddenHazardGrade.General, [], Sector.IndustryTrade, Five(), null, "x", Now));
        Assert.Throws<WorkflowException>(() => hazard.Dismiss("again", "x", Now));
        Assert.Throws<WorkflowException>(() => hazard.SubmitRectification(null, 1, "x", Now));
    }

    [Fact]
    public void Assessment_requires_all_five_implementations_with_a_message_for_each_missing_one()
    {
        var hazard = NewHazard();
        var e = Assert.Throws<DomainValidationException>(() => hazard.Assess(HiddenHazardGrade.General, [], Sector.IndustryTrade,
            new FiveAssurances { Funds = -1, Deadline = Now.AddDays(-1) }, null, "enterprise", Now));
        Assert.Equal(["contingencyPlan", "deadline", "funds", "measures", "responsiblePerson"], e.Errors.Keys.Order());
        Assert.Contains("五落实", e.Errors["deadline"][0], StringComparison.Ordinal);
        Assert.Equal(HiddenHazardStatus.Registered, hazard.Status);
    }

    [Fact]
    public void A_chemical_enterprise_hazard_meeting_any_2017_criterion_is_major_and_needs_the_six_part_plan()
    {
        var hazard = NewHazard();
        var e = Assert.Throws<DomainValidationException>(() =>
            hazard.Assess(HiddenHazardGrade.General, [12], Sector.HazardousChemicals, Five(), null, "enterprise", Now));
        Assert.True(e.Errors.ContainsKey("plan"));
        var partial = Plan() with { Methods = "", TimeLimits = " " };
        e = Assert.Throws<DomainValidationException>(() =>
            hazard.Assess(HiddenHazardGrade.General, [12], Sector.HazardousChemicals, Five(), partial, "enterprise", Now));
        Assert.Equal(["plan.methods", "plan.timeLimits"], e.Errors.Keys.Order());

        hazard.Assess(HiddenHazardGrade.General, [12, 5, 12], Sector.HazardousChemicals, Five(), Plan(), "enterprise", Now);
        Assert.Equal(HiddenHazardGrade.Major, hazard.Grade);
        Assert.Equal([5, 12], hazard.Criteria);
        Assert.Contains("第 5、12 项", hazard.Events[^1].Note, StringComparison.Ordinal);
    }

    [Fact]
    public void The_2017_criteria_do_not_decide_for_other_sectors_and_unknown_numbers_are_refused()
    {
        var hazard = NewHazard();
        Assert.Throws<DomainValidationException>(() =>
            hazard.Assess(HiddenHazardGrade.General, [21], Sector.HazardousChemicals, Five(), Plan(), "enterprise", Now));
        hazard.Assess(HiddenHazardGrade.General, [12], Sector.IndustryTrade, Five(), null, "enterprise", Now);
        Assert.Equal(HiddenHazardGrade.General, hazard.Grade);
        Assert.Equal(20, MajorHiddenHazardCriteria.All.Count);
    }

    [Fact]
    public void Only_an_assessed_open_major_hazard_can_be_listed_for_supervision_and_only_once()
    {
        var general = NewHazard();
        general.Assess(HiddenHazardGrade.General, [], Sector.IndustryTrade, Five(), null, "enterprise", Now);
        Assert.Throws<WorkflowException>(() => general.ListForSupervision("文号", "区安委办", "bureau", Now));

        var major = NewHazard();
        major.Assess(HiddenHazardGrade.Major, [], Sector.IndustryTrade, Five(), Plan(), "enterprise", Now);
        Assert.Throws<DomainValidationException>(() => major.ListForSupervision(" ", "区安委办", "bureau", Now));
        major.ListForSupervision("独安委督〔2026〕3号", "独山子区安委办", "bureau", Now);
        Assert.Equal(Now, major.ListedAt);
        Assert.Equal(HiddenHazardStatus.Rectifying, major.Status);
        Assert.Throws<WorkflowException>(() => major.ListForSupervision("again", "区安委办", "bureau", Now));
    }

    [Fact]
    public void Submission_needs_evidence_and_an_alarm_hazard_needs_its_alarm()
    {
        var hazard = NewHazard();
        hazard.Assess(HiddenHazardGrade.General, [], Sector.IndustryTrade, Five(), null, "enterprise", Now);
        var e = Assert.Throws<DomainValidationException>(() => hazard.SubmitRectification("done", 0, "enterprise", Now));
        Assert.Contains("佐证", e.Message, StringComparison.Ordinal);
        Assert.Throws<DomainValidationException>(() => NewHazard(HiddenHazardOrigin.Monitoring));
    }

    [Fact]
    public void Registration_checks_title_description_and_time()
    {
        var e = Assert.Throws<DomainValidationException>(() => HiddenHazard.Register(Guid.NewGuid(), "n", HiddenHazardOrigin.PublicReport,
            new HiddenHazardDetails { Title = " ", Description = "", FoundAt = Now.AddDays(1) }, null, Now));
        Assert.Equal(["description", "foundAt", "title"], e.Errors.Keys.Order());
    }
}
