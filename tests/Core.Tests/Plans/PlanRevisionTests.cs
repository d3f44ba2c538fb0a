using Tianshan.Core.Incidents;
using Tianshan.Core.Plans;
using Tianshan.Core.Platform;

namespace Tianshan.Core.Tests.Plans;

/// <summary>应急管理部令第2号 第三十五条 (evaluated every three years) and 第三十六条 (a trigger makes the revision due now), with the
/// boundary day: a plan is still current on its due date and overdue the day after.</summary>
public sealed class PlanRevisionTests
{
    private static readonly DateOnly Published = new(2023, 6, 1);
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 2, 0, 0, TimeSpan.Zero);

    private static EmergencyPlan FiledPlan(DateOnly today)
    {
        var plan = EmergencyPlan.Register(new PlanDetails
        {
            Title = "液氨储罐区事故专项应急预案", Kind = PlanKind.Special, Owner = "瑞丰化工", Version = "2023版", PublishedOn = Published, EnterpriseId = Guid.NewGuid(),
            Levels = [new PlanLevel { Level = ResponseLevel.III, Triggers = "液氨泄漏", Actions = "紧急切断，疏散下风向人员" }],
        }, "/650202/", "bureau", Now, today);
        plan.File("650202-2023-001", Published.AddDays(10), "bureau", today);
        return plan;
    }

    [Fact]
    public void Due_three_years_after_publication()
    {
        Assert.Equal(new DateOnly(2026, 6, 1), PlanRevision.DueOn(Published, null));
    }

    [Fact]
    public void A_later_evaluation_restarts_the_three_years_and_an_earlier_one_does_not()
    {
        Assert.Equal(new DateOnly(2028, 3, 15), PlanRevision.DueOn(Published, new DateOnly(2025, 3, 15)));
        Assert.Equal(new DateOnly(2026, 6, 1), PlanRevision.DueOn(Published, new DateOnly(2022, 1, 1)));
    }

    [Theory]
    [InlineData("2026-03-02", RevisionState.Current)]
    [InlineData("2026-03-03", RevisionState.DueSoon)]
    [InlineData("2026-06-01", RevisionState.DueSoon)]
    [InlineData("2026-06-02", RevisionState.Overdue)]
    public void The_due_date_itself_is_still_current_and_the_next_day_is_overdue(string today, RevisionState expected)
    {
        Assert.Equal(expected, PlanRevision.StateOn(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture), new DateOnly(2026, 6, 1), false));
    }

    [Fact]
    public void A_filed_plan_is_current_until_its_due_date_and_not_after()
    {
        var plan = FiledPlan(new DateOnly(2024, 1, 1));
        Assert.True(plan.IsCurrentOn(new DateOnly(2026, 6, 1)));
        Assert.False(plan.IsCurrentOn(new DateOnly(2026, 6, 2)));
    }

    [Fact]
    public void A_recorded_trigger_makes_the_plan_due_for_revision_now_and_a_revision_needs_a_new_filing()
    {
        var today = new DateOnly(2024, 5, 1);
        var plan = FiledPlan(today);
        Assert.True(plan.IsCurrentOn(today));
        plan.RecordTrigger(RevisionTrigger.RiskChanged, today, "新增液氨储罐", today);
        Assert.Equal(RevisionState.TriggerPending, plan.RevisionStateOn(today));
        Assert.False(plan.IsCurrentOn(today));
        // An evaluation alone cannot settle a trigger (第三十六条: the plan must be revised).
        Assert.Throws<WorkflowException>(() => plan.RecordEvaluation(today, today));

        plan.Revise("2024版", today, today);
        Assert.Equal(FilingStatus.Draft, plan.Filing);
        Assert.Null(plan.PendingTrigger);
        Assert.Equal(new DateOnly(2027, 5, 1), plan.RevisionDueOn);
        Assert.False(plan.IsCurrentOn(today));
        plan.File("650202-2024-009", today, "bureau", today);
        Assert.True(plan.IsCurrentOn(today));
    }

    [Fact]
    public void A_draft_plan_is_never_current()
    {
        var today = new DateOnly(2024, 1, 1);
        var plan = EmergencyPlan.Register(new PlanDetails
        {
            Title = "总体应急预案", Kind = PlanKind.Overall, Owner = "区政府", Version = "1", PublishedOn = today,
            Levels = [new PlanLevel { Level = ResponseLevel.IV, Triggers = "一般事件", Actions = "区应急局处置" }],
        }, "/650202/", "bureau", Now, today);
        Assert.Equal(RevisionState.Current, plan.RevisionStateOn(today));
        Assert.False(plan.IsCurrentOn(today));
    }

    [Fact]
    public void A_plan_without_response_levels_or_with_a_duplicate_level_is_refused_in_chinese()
    {
        var today = new DateOnly(2024, 1, 1);
        var empty = Assert.Throws<DomainValidationException>(() => EmergencyPlan.Register(new PlanDetails
        {
            Title = "专项预案", Kind = PlanKind.Special, Owner = "区应急局", Version = "1", PublishedOn = today,
        }, "/650202/", "bureau", Now, today));
        Assert.Contains("响应级别", empty.Errors["levels"][0], StringComparison.Ordinal);
        var twice = Assert.Throws<DomainValidationException>(() => EmergencyPlan.Register(new PlanDetails
        {
            Title = "专项预案", Kind = PlanKind.Special, Owner = "区应急局", Version = "1", PublishedOn = today,
            Levels = [new PlanLevel { Level = ResponseLevel.IV, Triggers = "a", Actions = "b" }, new PlanLevel { Level = ResponseLevel.IV, Triggers = "c", Actions = "d" }],
        }, "/650202/", "bureau", Now, today));
        Assert.Contains("重复", twice.Errors["levels[1].level"][0], StringComparison.Ordinal);
    }
}
