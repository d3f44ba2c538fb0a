using Tianshan.Core.Platform;

namespace Tianshan.Core.Monitoring;

/// <summary>The ISA-18.2 alarm states A–G (ISA-18.2-2016 alarm state model; domain-rules §7).</summary>
public enum AlarmState
{
    /// <summary>A: the condition is normal and nothing waits for acknowledgement.</summary>
    Normal = 1,
    /// <summary>B: active, not yet acknowledged.</summary>
    Unacknowledged = 2,
    /// <summary>C: active and acknowledged.</summary>
    Acknowledged = 3,
    /// <summary>D: the condition cleared before anyone acknowledged the alarm.</summary>
    ReturnedUnacknowledged = 4,
    /// <summary>E: shelved by an operator, with a reason and an expiry.</summary>
    Shelved = 5,
    /// <summary>F: suppressed by design or by the system (chattering).</summary>
    Suppressed = 6,
    /// <summary>G: removed from service (maintenance).</summary>
    OutOfService = 7,
}

/// <summary>One state change of one alarm: what the platform stores as alarm history and pushes live. A struct, so the
/// ingest path records changes without allocating. <see cref="User"/> is null when the process or the system moved it.</summary>
public readonly record struct AlarmTransition(
    DateTimeOffset Time, AlarmKind Kind, AlarmPriority Priority, AlarmState From, AlarmState To,
    string? User = null, string? Note = null, double? Value = null)
{
    /// <summary>A newly annunciated alarm: what alarm-rate KPIs and <see cref="AlarmFlood"/> count.</summary>
    public bool IsAnnunciation => To == AlarmState.Unacknowledged;
}

/// <summary>What the store keeps of an alarm's current state, so the engine is rebuilt from it at start.</summary>
public readonly record struct AlarmSnapshot(
    AlarmKind Kind, AlarmState State, bool ConditionActive, DateTimeOffset? ActiveSince = null,
    string? ChangedBy = null, string? Reason = null, DateTimeOffset? ShelvedUntil = null);

/// <summary>
/// The ISA-18.2 state machine of one alarm (one sensor × one <see cref="AlarmKind"/>). The process moves it with
/// <see cref="Activate"/> and <see cref="Clear"/>; people and the system with the other methods. While shelved, suppressed
/// or out of service it still tracks the process condition, so leaving those states lands in Normal when the condition is
/// clear and in Unacknowledged when it persists (ISA-18.2: re-evaluated on return). An illegal transition throws
/// <see cref="WorkflowException"/>. Not thread-safe: the host changes one sensor's alarms from one thread at a time.
/// </summary>
public sealed class AlarmLifecycle(AlarmKind kind, AlarmPriority priority)
{
    /// <summary>The reason the evaluator gives when it suppresses a chattering alarm (and looks for before lifting it).</summary>
    public const string ChatteringReason = "抖动报警，系统自动抑制";

    private const string ShelvingExpired = "搁置到期，自动解除";

    public AlarmKind Kind { get; } = kind;
    public AlarmPriority Priority { get; } = priority;
    public AlarmState State { get; private set; } = AlarmState.Normal;
    /// <summary>Whether the process condition is abnormal, whatever the state shows.</summary>
    public bool ConditionActive { get; private set; }
    /// <summary>When the condition became abnormal (ISA-18.2 stale alarm KPI: active for more than 24 h).</summary>
    public DateTimeOffset? ActiveSince { get; private set; }
    /// <summary>Who made the last change; null for the process or the system.</summary>
    public string? ChangedBy { get; private set; }
    /// <summary>The note of the last change: the shelving, suppression or out-of-service reason while in those states.</summary>
    public string? Reason { get; private set; }
    public DateTimeOffset? ShelvedUntil { get; private set; }

    /// <summary>Shown in the active alarm list (B, C, D).</summary>
    public bool IsAnnunciated => State is AlarmState.Unacknowledged or AlarmState.Acknowledged or AlarmState.ReturnedUnacknowledged;

    private bool IsHidden => State is AlarmState.Shelved or AlarmState.Suppressed or AlarmState.OutOfService;

    public AlarmSnapshot Snapshot() => new(Kind, State, ConditionActive, ActiveSince, ChangedBy, Reason, ShelvedUntil);

    /// <summary>Rebuilds an alarm from its stored snapshot; a snapshot whose state contradicts its condition is refused.</summary>
    public static AlarmLifecycle Restore(AlarmSnapshot snapshot, AlarmPriority priority)
    {
        var consistent = snapshot.State switch
        {
            AlarmState.Normal or AlarmState.ReturnedUnacknowledged => !snapshot.ConditionActive,
            AlarmState.Unacknowledged or AlarmState.Acknowledged => snapshot.ConditionActive,
            AlarmState.Shelved => snapshot.ShelvedUntil is not null,
            AlarmState.Suppressed or AlarmState.OutOfService => true,
            _ => false,
        };
        if (!consistent)
            throw new ArgumentException($"报警快照不一致：状态“{AlarmLabels.Label(snapshot.State)}”与报警条件不符", nameof(snapshot));
        return new AlarmLifecycle(snapshot.Kind, priority)
        {
            State = snapshot.State,
            ConditionActive = snapshot.ConditionActive,
            ActiveSince = snapshot.ConditionActive ? snapshot.ActiveSince : null,
            ChangedBy = snapshot.ChangedBy,
            Reason = snapshot.Reason,
            ShelvedUntil = snapshot.State == AlarmState.Shelved ? snapshot.ShelvedUntil : null,
        };
    }

    /// <summary>The condition became abnormal: A → B, D → B. A hidden alarm only notes it (returns null).</summary>
    public AlarmTransition? Activate(DateTimeOffset time, double? value = null)
    {
        if (ConditionActive)
            throw new WorkflowException($"{AlarmLabels.Label(Kind)}的报警条件已存在，不能重复触发");
        ConditionActive = true;
        ActiveSince = time;
        return IsHidden ? null : Move(time, AlarmState.Unacknowledged, null, null, value);
    }

    /// <summary>The condition returned to normal: B → D, C → A. A hidden alarm only notes it (returns null).</summary>
    public AlarmTransition? Clear(DateTimeOffset time, double? value = null)
    {
        if (!ConditionActive)
            throw new WorkflowException($"{AlarmLabels.Label(Kind)}的报警条件不存在，无需恢复");
        ConditionActive = false;
        ActiveSince = null;
        return State switch
        {
            AlarmState.Unacknowledged => Move(time, AlarmState.ReturnedUnacknowledged, null, null, value),
            AlarmState.Acknowledged => Move(time, AlarmState.Normal, null, null, value),
            _ => null,
        };
    }

    /// <summary>An operator acknowledges: B → C, D → A.</summary>
    public AlarmTransition Acknowledge(string user, DateTimeOffset time, string? note = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(user);
        return State switch
        {
            AlarmState.Unacknowledged => Move(time, AlarmState.Acknowledged, user, note),
            AlarmState.ReturnedUnacknowledged => Move(time, AlarmState.Normal, user, note),
            _ => throw Illegal("确认"),
        };
    }

    /// <summary>An operator shelves the alarm from A–D until a set time (ISA-18.2: shelving is always time-limited; a
    /// maximum duration, if any, is the host's option).</summary>
    public AlarmTransition Shelve(string user, string reason, DateTimeOffset until, DateTimeOffset time)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(user);
        if (IsHidden)
            throw Illegal("搁置");
        if (string.IsNullOrWhiteSpace(reason))
            throw new DomainValidationException("reason", "搁置报警必须填写原因");
        if (until <= time)
            throw new DomainValidationException("until", "搁置截止时间必须晚于当前时间");
        var change = Move(time, AlarmState.Shelved, user, reason);
        ShelvedUntil = until;
        return change;
    }

    /// <summary>An operator unshelves: E → A, or E → B when the condition persists.</summary>
    public AlarmTransition Unshelve(string user, DateTimeOffset time)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(user);
        return State == AlarmState.Shelved ? Return(time, user, null) : throw Illegal("解除搁置");
    }

    /// <summary>Ends shelving whose time is up (E → A or B); null when nothing is due.</summary>
    public AlarmTransition? Tick(DateTimeOffset now) =>
        State == AlarmState.Shelved && now >= ShelvedUntil ? Return(now, null, ShelvingExpired) : null;

    /// <summary>Suppression by design or by the system (chattering): A–D → F.</summary>
    public AlarmTransition Suppress(string reason, DateTimeOffset time, string? user = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return IsHidden ? throw Illegal("抑制") : Move(time, AlarmState.Suppressed, user, reason);
    }

    /// <summary>F → A, or F → B when the condition persists.</summary>
    public AlarmTransition Unsuppress(DateTimeOffset time, string? user = null, string? note = null) =>
        State == AlarmState.Suppressed ? Return(time, user, note) : throw Illegal("解除抑制");

    /// <summary>Maintenance takes the alarm out of service from any other state (→ G).</summary>
    public AlarmTransition RemoveFromService(string user, string reason, DateTimeOffset time)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(user);
        if (State == AlarmState.OutOfService)
            throw Illegal("停用");
        if (string.IsNullOrWhiteSpace(reason))
            throw new DomainValidationException("reason", "停用报警必须填写原因");
        return Move(time, AlarmState.OutOfService, user, reason);
    }

    /// <summary>G → A, or G → B when the condition persists.</summary>
    public AlarmTransition ReturnToService(string user, DateTimeOffset time)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(user);
        return State == AlarmState.OutOfService ? Return(time, user, null) : throw Illegal("恢复投用");
    }

    private AlarmTransition Return(DateTimeOffset time, string? user, string? note) =>
        Move(time, ConditionActive ? AlarmState.Unacknowledged : AlarmState.Normal, user, note);

    private AlarmTransition Move(DateTimeOffset time, AlarmState to, string? user, string? note, double? value = null)
    {
        var change = new AlarmTransition(time, Kind, Priority, State, to, user, note, value);
        State = to;
        ChangedBy = user;
        Reason = note;
        ShelvedUntil = null;
        return change;
    }

    private WorkflowException Illegal(string action) =>
        new($"{AlarmLabels.Label(Kind)}当前为“{AlarmLabels.Label(State)}”，不能{action}");
}
