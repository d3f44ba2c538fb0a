namespace Tianshan.Core.Incidents;

/// <summary>The levels a report climbs, from the district (a county-level bureau) up.</summary>
public enum ReportLevel
{
    /// <summary>事故发生地县级 (the district bureau itself): the unit reports here.</summary>
    County = 1,
    /// <summary>设区的市级 (Karamay).</summary>
    City = 2,
    /// <summary>省级 (Xinjiang).</summary>
    Province = 3,
    /// <summary>国务院应急管理部门.</summary>
    StateCouncil = 4,
}

public enum ClockKind
{
    /// <summary>A report to one level (首报 up the ladder).</summary>
    Report = 1,
    /// <summary>补报 window for casualty changes.</summary>
    Supplementary = 2,
    /// <summary>事故调查报告 due.</summary>
    InvestigationReport = 3,
    /// <summary>调查报告批复 due.</summary>
    Approval = 4,
}

public enum ClockState
{
    /// <summary>Met before its deadline.</summary>
    OnTime = 1,
    /// <summary>Counting down, not yet met.</summary>
    Due = 2,
    /// <summary>迟报: met after its deadline, or the deadline passed unmet.</summary>
    Missed = 3,
    /// <summary>A window that is still open (补报).</summary>
    Open = 4,
    /// <summary>A window that has closed.</summary>
    Closed = 5,
}

/// <summary>One legal clock of an incident at a moment.</summary>
public sealed record ReportingClock(ClockKind Kind, ReportLevel? Level, string Label, DateTimeOffset Deadline, DateTimeOffset? MetAt, ClockState State)
{
    public TimeSpan RemainingAt(DateTimeOffset now) => Deadline - now;
}

/// <summary>The reporting clocks' lengths. The national values of 国务院令493号 are the defaults; an area with stricter
/// rules of its own sets them in "Incidents:Clocks".</summary>
public sealed class ReportingClockOptions
{
    public const string Section = "Incidents:Clocks";

    /// <summary>第九条: 单位负责人接到报告后 1 小时内 报县级以上应急管理部门.</summary>
    public double UnitToCountyHours { get; set; } = 1;

    /// <summary>第十一条: 逐级上报事故情况，每级上报的时间不得超过 2 小时.</summary>
    public double PerLevelHours { get; set; } = 2;

    /// <summary>第十三条: 自事故发生之日起 30 日内，伤亡人数发生变化的，应当及时补报.</summary>
    public int SupplementaryDays { get; set; } = 30;

    /// <summary>第十三条: 道路交通事故、火灾事故自发生之日起 7 日内.</summary>
    public int RoadTrafficAndFireSupplementaryDays { get; set; } = 7;

    /// <summary>第二十九条: 事故调查组应当自事故发生之日起 60 日内提交事故调查报告 (not in the compiled rules file;
    /// read from the regulation's text — extendable by at most 60 days with approval).</summary>
    public int InvestigationReportDays { get; set; } = 60;

    /// <summary>第三十二条: 重大、较大、一般事故 接到调查报告之日起 15 日内 批复.</summary>
    public int ApprovalDays { get; set; } = 15;

    /// <summary>第三十二条: 特别重大事故 30 日内 批复.</summary>
    public int ExtraordinarilyMajorApprovalDays { get; set; } = 30;
}

/// <summary>What an incident's clocks are computed from.</summary>
public sealed record ClockInputs(
    DateTimeOffset OccurredAt,
    AccidentGrade Grade,
    bool IsProductionAccident,
    bool RoadTrafficOrFire,
    IReadOnlyDictionary<ReportLevel, DateTimeOffset> FirstReportAt,
    DateTimeOffset? InvestigationReportAt = null,
    DateTimeOffset? ApprovedAt = null);

/// <summary>The legal clocks of 国务院令493号 第九、十一、十三、二十九、三十二条, as pure functions of the event time.</summary>
public static class ReportingClocks
{
    /// <summary>第十条: 特别重大、重大 → 国务院; 较大 → 省级; 一般 → 设区的市级.</summary>
    public static ReportLevel Ceiling(AccidentGrade grade) => grade switch
    {
        AccidentGrade.ExtraordinarilyMajor or AccidentGrade.Major => ReportLevel.StateCouncil,
        AccidentGrade.Larger => ReportLevel.Province,
        _ => ReportLevel.City,
    };

    /// <summary>
    /// Every clock at <paramref name="now"/>. The unit's report to the county is due 1 h after the event; each level above is
    /// due 2 h after the level below reported (or, while it has not, 2 h after that level's own deadline) — so a re-grade
    /// that raises the ceiling adds clocks that count from the event time and may already be missed. A report made after
    /// its deadline stays 迟报 for good.
    /// </summary>
    public static IReadOnlyList<ReportingClock> At(ClockInputs input, DateTimeOffset now, ReportingClockOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        var o = options ?? new ReportingClockOptions();
        var clocks = new List<ReportingClock>();
        DateTimeOffset? below = null;
        var belowDeadline = input.OccurredAt;
        for (var level = ReportLevel.County; level <= Ceiling(input.Grade); level++)
        {
            var deadline = level == ReportLevel.County
                ? input.OccurredAt.AddHours(o.UnitToCountyHours)
                : (below ?? belowDeadline).AddHours(o.PerLevelHours);
            input.FirstReportAt.TryGetValue(level, out var met);
            DateTimeOffset? metAt = input.FirstReportAt.ContainsKey(level) ? met : null;
            clocks.Add(new ReportingClock(ClockKind.Report, level, "报告" + IncidentLabels.Label(level), deadline, metAt, Deadline(deadline, metAt, now)));
            below = metAt;
            belowDeadline = deadline;
        }

        var window = input.RoadTrafficOrFire ? o.RoadTrafficAndFireSupplementaryDays : o.SupplementaryDays;
        var windowEnd = input.OccurredAt.AddDays(window);
        clocks.Add(new ReportingClock(ClockKind.Supplementary, null, $"伤亡人数变化补报（{window} 日内）", windowEnd, null,
            now <= windowEnd ? ClockState.Open : ClockState.Closed));

        if (input.IsProductionAccident)
        {
            var due = input.OccurredAt.AddDays(o.InvestigationReportDays);
            clocks.Add(new ReportingClock(ClockKind.InvestigationReport, null, "提交事故调查报告", due, input.InvestigationReportAt,
                Deadline(due, input.InvestigationReportAt, now)));
            if (input.InvestigationReportAt is { } submitted)
            {
                var days = input.Grade == AccidentGrade.ExtraordinarilyMajor ? o.ExtraordinarilyMajorApprovalDays : o.ApprovalDays;
                var approvalDue = submitted.AddDays(days);
                clocks.Add(new ReportingClock(ClockKind.Approval, null, $"调查报告批复（{days} 日内）", approvalDue, input.ApprovedAt,
                    Deadline(approvalDue, input.ApprovedAt, now)));
            }
        }
        return clocks;
    }

    /// <summary>On time / counting down / missed (迟报) for one deadline.</summary>
    public static ClockState Deadline(DateTimeOffset deadline, DateTimeOffset? metAt, DateTimeOffset now) => metAt switch
    {
        { } met when met <= deadline => ClockState.OnTime,
        { } => ClockState.Missed,
        null when now > deadline => ClockState.Missed,
        _ => ClockState.Due,
    };
}
