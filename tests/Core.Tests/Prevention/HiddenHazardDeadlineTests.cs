using Tianshan.Core.Platform;
using Tianshan.Core.Prevention;
using Tianshan.Core.Registry;

namespace Tianshan.Core.Tests.Prevention;

/// <summary>Reminder before the deadline and the overdue ladder (enterprise principal at once, street after 7 days,
/// bureau after 15), on explicit times.</summary>
public sealed class HiddenHazardDeadlineTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 2, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Deadline = Now.AddDays(10);
    private static readonly HiddenHazardDeadlineOptions Options = new();

    private static HiddenHazard Rectifying()
    {
        var hazard = HiddenHazard.Register(Guid.NewGuid(), "YH-2026-00002", HiddenHazardOrigin.Inspection,
            new HiddenHazardDetails { Title = "消防通道堵塞", Description = "二号仓库东侧消防通道堆放货物", FoundAt = Now }, "inspector", Now);
        hazard.Assess(HiddenHazardGrade.General, [], Sector.IndustryTrade, new FiveAssurances
        {
            ResponsiblePerson = "李强", Measures = "清理通道", Funds = 0, Deadline = Deadline, ContingencyPlan = "安排专人值守",
        }, null, "enterprise", Now);
        return hazard;
    }

    [Fact]
    public void Deadline_status_edges()
    {
        var hazard = Rectifying();
        var window = TimeSpan.FromDays(3);
        Assert.Equal(DeadlineStatus.OnTime, hazard.DeadlineStatusAt(Deadline - window - TimeSpan.FromTicks(1), window));
        Assert.Equal(DeadlineStatus.DueSoon, hazard.DeadlineStatusAt(Deadline - window, window));
        Assert.Equal(DeadlineStatus.DueSoon, hazard.DeadlineStatusAt(Deadline, window));
        Assert.Equal(DeadlineStatus.Overdue, hazard.DeadlineStatusAt(Deadline + TimeSpan.FromTicks(1), window));
    }

    [Fact]
    public void Submitted_in_time_is_not_overdue_while_awaiting_verification_and_a_closed_one_has_no_deadline()
    {
        var hazard = Rectifying();
        hazard.SubmitRectification(null, 1, "enterprise", Deadline.AddHours(-1));
        Assert.Equal(DeadlineStatus.OnTime, hazard.DeadlineStatusAt(Deadline.AddDays(2), TimeSpan.FromDays(3)));
        hazard.Verify(true, null, "inspector", Deadline.AddDays(2));
        Assert.Equal(DeadlineStatus.None, hazard.DeadlineStatusAt(Deadline.AddDays(30), TimeSpan.FromDays(3)));
        Assert.Empty(HiddenHazardDeadlines.Review(hazard, Deadline.AddDays(30), Options));
    }

    [Fact]
    public void The_reminder_comes_once_and_the_overdue_ladder_climbs_rung_by_rung()
    {
        var hazard = Rectifying();
        Assert.Empty(HiddenHazardDeadlines.Review(hazard, Deadline.AddDays(-4), Options));

        var reminder = HiddenHazardDeadlines.Review(hazard, Deadline.AddDays(-3), Options);
        Assert.Equal("李强", Assert.Single(reminder).Recipient);
        Assert.Empty(HiddenHazardDeadlines.Review(hazard, Deadline.AddDays(-1), Options));

        var first = HiddenHazardDeadlines.Review(hazard, Deadline.AddMinutes(1), Options);
        Assert.Equal("企业主要负责人", Assert.Single(first).Recipient);
        Assert.Empty(HiddenHazardDeadlines.Review(hazard, Deadline.AddDays(6.9), Options));
        Assert.Equal("属地街道", Assert.Single(HiddenHazardDeadlines.Review(hazard, Deadline.AddDays(7), Options)).Recipient);
        Assert.Equal("区应急管理局", Assert.Single(HiddenHazardDeadlines.Review(hazard, Deadline.AddDays(15), Options)).Recipient);
        Assert.Empty(HiddenHazardDeadlines.Review(hazard, Deadline.AddDays(60), Options));
        Assert.Equal(3, hazard.OverdueStep);
        Assert.Equal(["到期提醒", "逾期督办", "逾期督办", "逾期督办"], hazard.Events.Skip(2).Select(e => e.Action));
    }

    [Fact]
    public void A_review_long_after_the_deadline_sends_every_rung_due_at_once()
    {
        var hazard = Rectifying();
        var notices = HiddenHazardDeadlines.Review(hazard, Deadline.AddDays(20), Options);
        Assert.Equal(["企业主要负责人", "属地街道", "区应急管理局"], notices.Select(n => n.Recipient));
    }

    [Fact]
    public void Extending_the_deadline_restarts_reminder_and_ladder_and_must_move_it_later()
    {
        var hazard = Rectifying();
        HiddenHazardDeadlines.Review(hazard, Deadline.AddDays(1), Options);
        Assert.Equal(1, hazard.OverdueStep);
        Assert.Throws<DomainValidationException>(() => hazard.ExtendDeadline(Deadline.AddDays(-1), "x", "enterprise", Deadline.AddDays(1)));
        Assert.Throws<DomainValidationException>(() => hazard.ExtendDeadline(Deadline.AddDays(20), " ", "enterprise", Deadline.AddDays(1)));
        hazard.ExtendDeadline(Deadline.AddDays(20), "备件到货延迟", "enterprise", Deadline.AddDays(1));
        Assert.Equal(0, hazard.OverdueStep);
        Assert.False(hazard.Reminded);
        Assert.Equal(Deadline.AddDays(20), hazard.Rectification!.Deadline);
        Assert.Equal(DeadlineStatus.OnTime, hazard.DeadlineStatusAt(Deadline.AddDays(2), TimeSpan.FromDays(3)));
    }
}
