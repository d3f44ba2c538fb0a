using Microsoft.Extensions.Time.Testing;
using Tianshan.Core.Incidents;
using Tianshan.Core.Platform;

namespace Tianshan.Core.Tests.Incidents;

/// <summary>The reporting clocks of 493号令 on a fake clock: on time, counting down, missed (迟报), and the clocks a re-grade adds.</summary>
public sealed class ReportingClockTests
{
    private static readonly DateTimeOffset Occurred = new(2026, 11, 28, 2, 0, 0, TimeSpan.Zero); // 10:00 Beijing

    private static Incident Accident(FakeTimeProvider clock, int deaths = 1, string subtype = "危险化学品事故", TimeSpan? receivedAfter = null) =>
        Incident.Intake("SJ-2026-00001", new IncidentDetails
        {
            Source = IncidentSource.Enterprise,
            Category = IncidentCategory.Accident,
            Subtype = subtype,
            Title = "乙烯装置泄漏着火",
            OccurredAt = Occurred,
            ReceivedAt = Occurred + (receivedAfter ?? TimeSpan.FromMinutes(30)),
            Address = "独山子石化乙烯厂",
            Narrative = "裂解炉区域管线泄漏着火",
            Figures = new IncidentFigures { Deaths = deaths },
        }, "/650202/", "bureau", clock.GetUtcNow());

    private static ReportingClock Report(Incident i, ReportLevel level, DateTimeOffset now) =>
        i.ClocksAt(now).Single(c => c.Kind == ClockKind.Report && c.Level == level);

    [Fact]
    public void A_unit_report_within_an_hour_is_on_time_and_the_city_counts_down_two_hours_from_it()
    {
        var clock = new FakeTimeProvider(Occurred.AddMinutes(30));
        var incident = Accident(clock);
        var now = clock.GetUtcNow();
        Assert.Equal(ClockState.OnTime, Report(incident, ReportLevel.County, now).State);
        var city = Report(incident, ReportLevel.City, now);
        Assert.Equal(ClockState.Due, city.State);
        Assert.Equal(Occurred.AddMinutes(150), city.Deadline);
        Assert.Equal(TimeSpan.FromHours(2), city.RemainingAt(now));
        // 一般 stops at the city (第十条): no province clock.
        Assert.DoesNotContain(incident.ClocksAt(now), c => c.Level == ReportLevel.Province);

        clock.Advance(TimeSpan.FromHours(1));
        incident.RecordReport(ReportLevel.City, clock.GetUtcNow(), "克拉玛依市应急管理局", "bureau", clock.GetUtcNow());
        Assert.Equal(ClockState.OnTime, Report(incident, ReportLevel.City, clock.GetUtcNow()).State);
    }

    [Fact]
    public void A_city_report_after_two_hours_is_late_and_stays_late()
    {
        var clock = new FakeTimeProvider(Occurred.AddMinutes(30));
        var incident = Accident(clock);
        clock.Advance(TimeSpan.FromHours(2) + TimeSpan.FromMinutes(1));
        Assert.Equal(ClockState.Missed, Report(incident, ReportLevel.City, clock.GetUtcNow()).State);
        incident.RecordReport(ReportLevel.City, clock.GetUtcNow(), null, "bureau", clock.GetUtcNow());
        clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(ClockState.Missed, Report(incident, ReportLevel.City, clock.GetUtcNow()).State);
        Assert.Contains(incident.Events, e => e.Action == "上报" && e.Note!.Contains("迟报", StringComparison.Ordinal));
    }

    [Fact]
    public void A_unit_that_reports_after_an_hour_is_late()
    {
        var clock = new FakeTimeProvider(Occurred.AddMinutes(90));
        var incident = Accident(clock, receivedAfter: TimeSpan.FromMinutes(61));
        Assert.Equal(ClockState.Missed, Report(incident, ReportLevel.County, clock.GetUtcNow()).State);
        // The city's two hours run from the county's actual report, not from its missed deadline.
        Assert.Equal(Occurred.AddMinutes(61 + 120), Report(incident, ReportLevel.City, clock.GetUtcNow()).Deadline);
    }

    [Fact]
    public void A_follow_up_that_raises_the_deaths_regrades_and_adds_the_province_clock_counted_from_the_event()
    {
        var clock = new FakeTimeProvider(Occurred.AddMinutes(30));
        var incident = Accident(clock, deaths: 1);
        Assert.Equal(AccidentGrade.General, incident.Grade);
        clock.Advance(TimeSpan.FromMinutes(60));
        incident.RecordReport(ReportLevel.City, clock.GetUtcNow(), null, "bureau", clock.GetUtcNow()); // 11:30 Beijing

        clock.Advance(TimeSpan.FromHours(3)); // 14:30: two more died
        incident.FollowUp("两名重伤人员经抢救无效死亡", incident.Figures with { Deaths = 3 }, null, "bureau", clock.GetUtcNow());
        Assert.Equal(AccidentGrade.Larger, incident.Grade);
        var change = Assert.Single(incident.Events, e => e.Action == "等级变更");
        Assert.StartsWith("一般 → 较大（Ⅲ级）：死亡 3 人", change.Note, StringComparison.Ordinal);

        // The province was due two hours after the city's report (13:30): already missed when the grade rose.
        var province = Report(incident, ReportLevel.Province, clock.GetUtcNow());
        Assert.Equal(Occurred.AddMinutes(90 + 120), province.Deadline);
        Assert.Equal(ClockState.Missed, province.State);
        Assert.DoesNotContain(incident.ClocksAt(clock.GetUtcNow()), c => c.Level == ReportLevel.StateCouncil);
    }

    [Fact]
    public void The_supplementary_window_is_thirty_days_and_seven_for_road_traffic_and_fire()
    {
        var clock = new FakeTimeProvider(Occurred.AddMinutes(30));
        var chemical = Accident(clock);
        var traffic = Accident(clock, subtype: IncidentSubtypes.RoadTraffic);
        Assert.Equal(Occurred.AddDays(30), chemical.ClocksAt(clock.GetUtcNow()).Single(c => c.Kind == ClockKind.Supplementary).Deadline);
        var window = traffic.ClocksAt(clock.GetUtcNow()).Single(c => c.Kind == ClockKind.Supplementary);
        Assert.Equal(Occurred.AddDays(7), window.Deadline);
        Assert.Equal(ClockState.Open, window.State);
        clock.Advance(TimeSpan.FromDays(7));
        Assert.Equal(ClockState.Closed, traffic.ClocksAt(clock.GetUtcNow()).Single(c => c.Kind == ClockKind.Supplementary).State);
        Assert.Equal(ClockState.Open, chemical.ClocksAt(clock.GetUtcNow()).Single(c => c.Kind == ClockKind.Supplementary).State);
    }

    [Fact]
    public void Closure_needs_all_four_of_the_four_donts_and_sets_the_approval_clock()
    {
        var clock = new FakeTimeProvider(Occurred.AddMinutes(30));
        var incident = Accident(clock);
        clock.Advance(TimeSpan.FromDays(50));
        var e = Assert.Throws<DomainValidationException>(() => incident.Close(new InvestigationClosure { Cause = "法兰垫片老化" }, "bureau", clock.GetUtcNow()));
        Assert.Contains("responsibility", e.Errors.Keys);
        Assert.Contains("education", e.Errors.Keys);
        Assert.Contains("reportSubmittedAt", e.Errors.Keys);
        Assert.Equal(IncidentStatus.Responding, incident.Status);

        var submitted = clock.GetUtcNow();
        incident.Close(new InvestigationClosure
        {
            Cause = "法兰垫片老化泄漏", Responsibility = "车间主任记过", Measures = "全面更换垫片", Education = "全厂警示教育", ReportSubmittedAt = submitted,
        }, "bureau", clock.GetUtcNow());
        var clocks = incident.ClocksAt(clock.GetUtcNow());
        Assert.Equal(ClockState.OnTime, clocks.Single(c => c.Kind == ClockKind.InvestigationReport).State);
        var approval = clocks.Single(c => c.Kind == ClockKind.Approval);
        Assert.Equal(submitted.AddDays(15), approval.Deadline);
        Assert.Equal(ClockState.Due, approval.State);
        var late = Assert.Throws<WorkflowException>(() => incident.FollowUp("补充", null, null, "bureau", clock.GetUtcNow()));
        Assert.Equal("事件已结案，不能续报", late.Message);
    }

    [Fact]
    public void An_investigation_report_after_sixty_days_is_late()
    {
        var clock = new FakeTimeProvider(Occurred.AddMinutes(30));
        var incident = Accident(clock);
        clock.Advance(TimeSpan.FromDays(61));
        Assert.Equal(ClockState.Missed, incident.ClocksAt(clock.GetUtcNow()).Single(c => c.Kind == ClockKind.InvestigationReport).State);
    }

    [Fact]
    public void A_milestone_is_recorded_once_and_only_after_the_event()
    {
        var clock = new FakeTimeProvider(Occurred.AddMinutes(30));
        var incident = Accident(clock);
        Assert.Throws<DomainValidationException>(() => incident.RecordMilestone(MilestoneKind.CommandCommsOpened, Occurred.AddMinutes(-5), null, "bureau", clock.GetUtcNow()));
        incident.RecordMilestone(MilestoneKind.CommandCommsOpened, Occurred.AddMinutes(25), "卫星电话", "bureau", clock.GetUtcNow());
        var twice = Assert.Throws<WorkflowException>(() => incident.RecordMilestone(MilestoneKind.CommandCommsOpened, Occurred.AddMinutes(28), null, "bureau", clock.GetUtcNow()));
        Assert.Equal("“现场指挥通信开通”已记录，不能重复记录", twice.Message);
    }

    [Fact]
    public void A_natural_disaster_keeps_the_grade_the_desk_assessed_and_has_no_investigation_clock()
    {
        var clock = new FakeTimeProvider(Occurred.AddMinutes(30));
        var quake = Incident.Intake("SJ-2026-00002", new IncidentDetails
        {
            Source = IncidentSource.DutyDesk, Category = IncidentCategory.NaturalDisaster, Subtype = "地震", Title = "独山子 4.8 级地震",
            OccurredAt = Occurred, ReceivedAt = Occurred.AddMinutes(10), Address = "独山子区", Narrative = "震感强烈", AssessedGrade = AccidentGrade.Larger,
            Figures = new IncidentFigures { Injuries = 4 },
        }, "/650202/", "bureau", clock.GetUtcNow());
        Assert.Equal(AccidentGrade.Larger, quake.Grade);
        quake.FollowUp("伤员增加", quake.Figures with { Deaths = 5 }, null, "bureau", clock.GetUtcNow());
        Assert.Equal(AccidentGrade.Larger, quake.Grade);
        Assert.DoesNotContain(quake.ClocksAt(clock.GetUtcNow()), c => c.Kind == ClockKind.InvestigationReport);
    }
}
