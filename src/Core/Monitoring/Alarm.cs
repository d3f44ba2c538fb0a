using Tianshan.Core.Platform;
using Tianshan.Core.Registry;

namespace Tianshan.Core.Monitoring;

/// <summary>One state change of an alarm, kept as its history (ISA-18.2 alarm journal).</summary>
public sealed class AlarmEvent
{
    public DateTimeOffset At { get; set; }
    public AlarmState From { get; set; }
    public AlarmState To { get; set; }
    public string? User { get; set; }
    public string? Note { get; set; }
    public double? Value { get; set; }
}

/// <summary>One alarm occurrence of one sensor and kind: from leaving Normal until it returns to Normal. Mirrors the
/// <see cref="AlarmLifecycle"/> the ingest engine runs, with the operators' acknowledgement and disposal (处置) record.</summary>
public sealed class Alarm
{
    private Alarm() { }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid SensorId { get; private set; }
    public Sensor? Sensor { get; private set; }
    public Guid EnterpriseId { get; private set; }
    public Enterprise? Enterprise { get; private set; }
    public AlarmKind Kind { get; private set; }
    public AlarmPriority Priority { get; private set; }
    public AlarmState State { get; private set; }
    public DateTimeOffset RaisedAt { get; private set; }
    public double? RaisedValue { get; private set; }
    /// <summary>When the process condition cleared (the alarm may still await acknowledgement).</summary>
    public DateTimeOffset? ConditionClearedAt { get; private set; }
    public DateTimeOffset? AcknowledgedAt { get; private set; }
    public string? AcknowledgedBy { get; private set; }
    public DateTimeOffset? ShelvedUntil { get; private set; }
    public string? Reason { get; private set; }
    /// <summary>When the alarm returned to Normal; null while it is open.</summary>
    public DateTimeOffset? EndedAt { get; private set; }
    public DateTimeOffset LastChangeAt { get; private set; }
    /// <summary>How far up the escalation ladder the alarm has been notified (0 = not yet).</summary>
    public int EscalationStep { get; private set; }
    public string? DisposalCause { get; private set; }
    public string? DisposalAction { get; private set; }
    public bool? FalseAlarm { get; private set; }
    public string? DisposedBy { get; private set; }
    public DateTimeOffset? DisposedAt { get; private set; }
    public List<AlarmEvent> Events { get; private set; } = [];

    public bool IsOpen => EndedAt is null;

    public static Alarm Open(Sensor sensor, AlarmTransition first)
    {
        var alarm = new Alarm
        {
            SensorId = sensor.Id,
            EnterpriseId = sensor.EnterpriseId,
            Kind = first.Kind,
            Priority = first.Priority,
            RaisedAt = first.Time,
            RaisedValue = first.Value,
        };
        alarm.Apply(first);
        return alarm;
    }

    /// <summary>Records a transition the engine made (or an operator action it carried out).</summary>
    public void Apply(AlarmTransition t)
    {
        Events.Add(new AlarmEvent { At = t.Time, From = t.From, To = t.To, User = t.User, Note = t.Note, Value = t.Value });
        State = t.To;
        LastChangeAt = t.Time;
        switch (t.To)
        {
            case AlarmState.Acknowledged:
                AcknowledgedAt = t.Time;
                AcknowledgedBy = t.User;
                break;
            case AlarmState.ReturnedUnacknowledged:
                ConditionClearedAt = t.Time;
                break;
            case AlarmState.Shelved:
                ShelvedUntil = null;
                Reason = t.Note;
                break;
            case AlarmState.Suppressed or AlarmState.OutOfService:
                Reason = t.Note;
                break;
            case AlarmState.Normal:
                ConditionClearedAt ??= t.Time;
                EndedAt = t.Time;
                break;
        }
    }

    public void MarkShelvedUntil(DateTimeOffset until) => ShelvedUntil = until;

    public void Escalated(int step) => EscalationStep = step;

    /// <summary>处置记录: cause, action taken, and whether it was a false alarm (which feeds rule tuning).</summary>
    public void RecordDisposal(string user, string cause, string action, bool falseAlarm, DateTimeOffset at)
    {
        var problems = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(cause))
            problems["cause"] = ["请填写报警原因"];
        if (string.IsNullOrWhiteSpace(action))
            problems["action"] = ["请填写处置措施"];
        if (problems.Count > 0)
            throw new DomainValidationException(problems);
        DisposalCause = cause.Trim();
        DisposalAction = action.Trim();
        FalseAlarm = falseAlarm;
        DisposedBy = user;
        DisposedAt = at;
    }
}

/// <summary>One notification of the escalation ladder, recorded in an outbox; channel adapters (SMS, WeChat …) deliver
/// from here once they exist, and mark it sent.</summary>
public sealed class AlarmNotification
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid AlarmId { get; init; }
    public Guid EnterpriseId { get; init; }
    public Enterprise? Enterprise { get; init; }
    public int Step { get; init; }
    /// <summary>Who is notified, e.g. "企业值班人员", "企业主要负责人", "属地街道", "区应急管理局".</summary>
    public string Recipient { get; init; } = "";
    public string Message { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? SentAt { get; set; }
}
