using Tianshan.Core.Incidents;

namespace Tianshan.Web.Features.Incidents;

/// <summary>One legal clock as the desk sees it at a moment.</summary>
public sealed record ClockView(ClockKind Kind, ReportLevel? Level, string Label, DateTimeOffset Deadline, DateTimeOffset? MetAt, ClockState State,
    string StateLabel, long RemainingSeconds)
{
    public static ClockView Of(ReportingClock c, DateTimeOffset now) =>
        new(c.Kind, c.Level, c.Label, c.Deadline, c.MetAt, c.State, IncidentLabels.Label(c.State), (long)Math.Floor(c.RemainingAt(now).TotalSeconds));
}

/// <summary>An incident as lists show it, with every clock at the moment of the request.</summary>
public sealed record IncidentView(Guid Id, string Number, string Title, IncidentCategory Category, string CategoryLabel, string Subtype,
    IncidentSource Source, string SourceLabel, AccidentGrade Grade, string GradeLabel, string ResponseLevelLabel, IncidentStatus Status, string StatusLabel,
    DateTimeOffset OccurredAt, DateTimeOffset ReceivedAt, string Address, double? Latitude, double? Longitude, Guid? EnterpriseId, string? EnterpriseName,
    int Deaths, int Missing, int SeriousInjuries, int Injuries, decimal DirectLossYuan, IReadOnlyList<ClockView> Clocks, int MissedClocks)
{
    public static IncidentView Of(Incident i, DateTimeOffset now, ReportingClockOptions options)
    {
        var clocks = i.ClocksAt(now, options).Select(c => ClockView.Of(c, now)).ToList();
        return new(i.Id, i.Number, i.Title, i.Category, IncidentLabels.Label(i.Category), i.Subtype, i.Source, IncidentLabels.Label(i.Source), i.Grade,
            IncidentLabels.Label(i.Grade), IncidentLabels.Label(i.ResponseLevel), i.Status, IncidentLabels.Label(i.Status), i.OccurredAt, i.ReceivedAt, i.Address,
            i.Latitude, i.Longitude, i.EnterpriseId, i.Enterprise?.Name, i.Deaths, i.Missing, i.SeriousInjuries, i.Injuries, i.DirectLossYuan, clocks,
            clocks.Count(c => c.State == ClockState.Missed));
    }

    /// <summary>The next deadline still counting down, if any.</summary>
    public ClockView? NextDue => Clocks.Where(c => c.State == ClockState.Due).OrderBy(c => c.Deadline).FirstOrDefault();
}

public sealed record MilestoneView(MilestoneKind Kind, string Label, DateTimeOffset At, string? Note, string? By);

/// <summary>One incident in full.</summary>
public sealed record IncidentDetail(IncidentView Summary, string Narrative, string? Reporter, string? ReporterPhone, Guid? AlarmId, ReportLevel ReportCeiling,
    string ReportCeilingLabel, IReadOnlyList<IncidentEvent> Timeline, IReadOnlyList<IncidentReport> Reports, IReadOnlyList<FollowUpReport> FollowUps,
    IReadOnlyList<MilestoneView> Milestones, InvestigationClosure? Investigation, DateTimeOffset? ClosedAt, string? ClosedBy)
{
    public static IncidentDetail Of(Incident i, DateTimeOffset now, ReportingClockOptions options) => new(IncidentView.Of(i, now, options), i.Narrative,
        i.Reporter, i.ReporterPhone, i.AlarmId, ReportingClocks.Ceiling(i.Grade), IncidentLabels.Label(ReportingClocks.Ceiling(i.Grade)),
        i.Events.OrderBy(e => e.At).ToList(), i.Reports.OrderBy(r => r.At).ToList(), i.FollowUps.OrderBy(f => f.At).ToList(),
        i.Milestones.OrderBy(m => m.At).Select(m => new MilestoneView(m.Kind, IncidentLabels.Label(m.Kind), m.At, m.Note, m.By)).ToList(),
        i.Investigation, i.ClosedAt, i.ClosedBy);
}
