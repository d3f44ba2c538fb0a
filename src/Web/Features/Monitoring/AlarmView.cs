using Tianshan.Core.Monitoring;

namespace Tianshan.Web.Features.Monitoring;

/// <summary>An alarm as the API, the live page and the SignalR push show it.</summary>
public sealed record AlarmView(
    Guid Id, Guid SensorId, string SensorCode, string SensorName, Guid EnterpriseId, string EnterpriseName,
    AlarmKind Kind, string KindLabel, AlarmPriority Priority, string PriorityLabel, AlarmState State, string StateLabel,
    DateTimeOffset RaisedAt, double? RaisedValue, string Unit, DateTimeOffset? AcknowledgedAt, string? AcknowledgedBy,
    DateTimeOffset? ShelvedUntil, string? Reason, DateTimeOffset? EndedAt, int EscalationStep,
    string? DisposalCause, string? DisposalAction, bool? FalseAlarm, string? DisposedBy)
{
    public static AlarmView Of(Alarm a, Sensor s, string enterpriseName) => new(
        a.Id, s.Id, s.Code, s.Name, a.EnterpriseId, enterpriseName, a.Kind, AlarmLabels.Label(a.Kind, s.Kind), a.Priority,
        AlarmLabels.Label(a.Priority), a.State, AlarmLabels.Label(a.State), a.RaisedAt, a.RaisedValue, s.Unit, a.AcknowledgedAt,
        a.AcknowledgedBy, a.ShelvedUntil, a.Reason, a.EndedAt, a.EscalationStep, a.DisposalCause, a.DisposalAction, a.FalseAlarm, a.DisposedBy);
}
