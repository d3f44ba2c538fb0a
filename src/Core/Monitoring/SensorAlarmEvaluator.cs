namespace Tianshan.Core.Monitoring;

/// <summary>
/// Evaluates one sensor's readings against its <see cref="AlarmRules"/> and drives one <see cref="AlarmLifecycle"/> per
/// <see cref="AlarmKind"/>: limits with deadband, on- and off-delay, rate of change, chattering suppression and 通信中断.
/// <para>
/// Allocation-free: every per-sensor structure is made in the constructor (a struct per alarm kind, a ring of recent
/// activation times), changes are written into the caller's span of <see cref="AlarmTransition"/> (a struct), and the
/// path uses no LINQ, closures, boxing or iterators. Evaluating a reading allocates 0 bytes, whether or not it changes
/// anything (tests hold it to that), so the ingest pipeline makes no garbage at any feed rate.
/// </para>
/// <para>
/// Time comes only from the reading's own timestamp or the caller's <c>now</c> (the host's TimeProvider), so replaying
/// stored readings gives the same alarms. Not thread-safe: the host feeds one sensor from one thread at a time, and calls
/// the lifecycles' operator actions (acknowledge, shelve…) on that same thread.
/// </para>
/// </summary>
public sealed class SensorAlarmEvaluator
{
    /// <summary>The most changes one <see cref="Evaluate"/> or <see cref="Tick"/> writes; the span must hold this many.</summary>
    public const int MaxChanges = 2 * KindCount;

    private const int KindCount = 6;
    private const int LimitKinds = 4;   // HH, H (high side) then L, LL (low side), in AlarmKind order
    private const int RateIndex = (int)AlarmKind.RateOfChange - 1;
    private const int NoDataIndex = (int)AlarmKind.NoData - 1;
    private const long NoTime = long.MinValue;
    private const string ChatteringEnded = "抖动已停止，解除抑制";

    private readonly KindState[] _kinds = new KindState[KindCount];
    private readonly double _deadband;
    private readonly long _onDelay, _offDelay, _noDataAfter, _chatterWindow;
    private long _lastTime = NoTime;
    private double _lastValue;
    private long _heardFrom;   // the latest reading's time, or when watching began: 通信中断 counts from here

    /// <param name="rules">Validated here; invalid rules throw <see cref="Platform.DomainValidationException"/>.</param>
    /// <param name="watchingSince">When the host started watching: a sensor that never reports goes 通信中断 too.</param>
    public SensorAlarmEvaluator(AlarmRules rules, DateTimeOffset watchingSince)
    {
        ArgumentNullException.ThrowIfNull(rules);
        rules.EnsureValid();
        Rules = rules;
        _deadband = rules.Deadband;
        _onDelay = rules.OnDelay.Ticks;
        _offDelay = rules.OffDelay.Ticks;
        _noDataAfter = rules.NoDataAfter.Ticks;
        _chatterWindow = rules.ChatterWindow.Ticks;
        _heardFrom = watchingSince.UtcTicks;
        for (var i = 0; i < KindCount; i++)
        {
            var kind = (AlarmKind)(i + 1);
            ref var s = ref _kinds[i];
            s.Lifecycle = new AlarmLifecycle(kind, rules.PriorityOf(kind));
            s.Enabled = rules.Limit(kind).HasValue;
            s.Limit = rules.Limit(kind).GetValueOrDefault();
            s.PendingSince = NoTime;
            s.Activations = new long[rules.ChatterActivations];
        }
    }

    public AlarmRules Rules { get; }

    public AlarmLifecycle Lifecycle(AlarmKind kind) => _kinds[Index(kind)].Lifecycle;

    /// <summary>Puts back an alarm's stored state (at start, or when the rules changed). Delay timers and chattering
    /// history start afresh; a chattering suppression is lifted at the first quiet reading or tick.</summary>
    public void Restore(AlarmSnapshot snapshot)
    {
        ref var s = ref _kinds[Index(snapshot.Kind)];
        s.Lifecycle = AlarmLifecycle.Restore(snapshot, Rules.PriorityOf(snapshot.Kind));
        s.PendingSince = NoTime;
    }

    /// <summary>
    /// Evaluates one reading; returns how many changes it wrote to <paramref name="changes"/>. A non-finite value is not
    /// a measurement (nor a sign of life for 通信中断), and a reading not newer than the last one evaluated is ignored
    /// (state only moves forward in time).
    /// </summary>
    public int Evaluate(DateTimeOffset time, double value, Span<AlarmTransition> changes)
    {
        EnsureRoom(changes);
        var t = time.UtcTicks;
        if (!double.IsFinite(value) || t <= _lastTime)
            return 0;
        var n = 0;
        for (var i = 0; i < KindCount; i++)
            n = EndQuietChattering(ref _kinds[i], t, changes, n);

        ref var noData = ref _kinds[NoDataIndex];
        if (noData.Lifecycle.ConditionActive)
            n = Emit(noData.Lifecycle.Clear(At(t), value), changes, n);   // 通信恢复 with the first reading

        for (var i = 0; i < LimitKinds; i++)
        {
            ref var s = ref _kinds[i];
            if (!s.Enabled)
                continue;
            // Deadband: once active, a high alarm holds until value < limit − deadband, a low one until value > limit + deadband.
            var band = s.Lifecycle.ConditionActive ? _deadband : 0;
            var abnormal = i < 2 ? value >= s.Limit - band : value <= s.Limit + band;
            n = Debounce(ref s, abnormal, t, value, changes, n);
        }

        ref var rate = ref _kinds[RateIndex];
        if (rate.Enabled && _lastTime != NoTime)
        {
            var perMinute = Math.Abs(value - _lastValue) * TimeSpan.TicksPerMinute / (t - _lastTime);
            n = Debounce(ref rate, perMinute > rate.Limit, t, value, changes, n);
        }

        _lastTime = t;
        _lastValue = value;
        _heardFrom = Math.Max(_heardFrom, t);
        return n;
    }

    /// <summary>
    /// Call periodically with the host's clock (e.g. once per sampling period): raises 通信中断 once no reading has come
    /// for <see cref="AlarmRules.NoDataAfter"/> (it clears with the next reading), ends shelving whose time is up, and lifts
    /// chattering suppression after a quiet window. Returns how many changes it wrote.
    /// </summary>
    public int Tick(DateTimeOffset now, Span<AlarmTransition> changes)
    {
        EnsureRoom(changes);
        var t = now.UtcTicks;
        var n = 0;
        for (var i = 0; i < KindCount; i++)
        {
            n = EndQuietChattering(ref _kinds[i], t, changes, n);
            n = Emit(_kinds[i].Lifecycle.Tick(now), changes, n);
        }
        ref var noData = ref _kinds[NoDataIndex];
        if (!noData.Lifecycle.ConditionActive && t - _heardFrom >= _noDataAfter)
            n = Raise(ref noData, t, null, changes, n);
        return n;
    }

    // On-delay and off-delay: the abnormal (or normal) condition must hold on every reading for the delay before the
    // alarm activates (or clears); a reading that disagrees starts the wait over.
    private int Debounce(ref KindState s, bool abnormal, long t, double value, Span<AlarmTransition> changes, int n)
    {
        if (abnormal == s.Lifecycle.ConditionActive)
        {
            s.PendingSince = NoTime;
            return n;
        }
        if (s.PendingSince == NoTime)
            s.PendingSince = t;
        if (t - s.PendingSince < (abnormal ? _onDelay : _offDelay))
            return n;
        s.PendingSince = NoTime;
        return abnormal ? Raise(ref s, t, value, changes, n) : Emit(s.Lifecycle.Clear(At(t), value), changes, n);
    }

    // The activation that makes an alarm chatter is not annunciated: the alarm is suppressed first (ISA-18.2 treats
    // chattering alarms as nuisance; target 0). Shelved, suppressed or out-of-service alarms are already hidden.
    private int Raise(ref KindState s, long t, double? value, Span<AlarmTransition> changes, int n)
    {
        var lifecycle = s.Lifecycle;
        if (IsChattering(ref s, t) && lifecycle.State is AlarmState.Normal or AlarmState.ReturnedUnacknowledged)
            changes[n++] = lifecycle.Suppress(AlarmLifecycle.ChatteringReason, At(t));
        return Emit(lifecycle.Activate(At(t), value), changes, n);
    }

    // Records an activation in the ring of the last N; chattering when the N latest fall within the window.
    private bool IsChattering(ref KindState s, long t)
    {
        var ring = s.Activations;
        if (ring.Length == 0)
            return false;
        ring[s.Next] = t;
        s.Next = (s.Next + 1) % ring.Length;
        if (s.Count < ring.Length)
            s.Count++;
        return s.Count == ring.Length && t - ring[s.Next] < _chatterWindow;   // ring[s.Next] is now the oldest
    }

    // A chattering suppression ends once a whole window passes without an activation.
    private int EndQuietChattering(ref KindState s, long t, Span<AlarmTransition> changes, int n)
    {
        var lifecycle = s.Lifecycle;
        if (lifecycle.State != AlarmState.Suppressed
            || !string.Equals(lifecycle.Reason, AlarmLifecycle.ChatteringReason, StringComparison.Ordinal))
            return n;
        if (s.Count > 0 && t - s.Activations[(s.Next + s.Activations.Length - 1) % s.Activations.Length] < _chatterWindow)
            return n;
        changes[n] = lifecycle.Unsuppress(At(t), note: ChatteringEnded);
        return n + 1;
    }

    private static int Emit(AlarmTransition? change, Span<AlarmTransition> changes, int n)
    {
        if (change is not { } c)
            return n;
        changes[n] = c;
        return n + 1;
    }

    private static DateTimeOffset At(long utcTicks) => new(utcTicks, TimeSpan.Zero);

    private static int Index(AlarmKind kind) => kind is >= AlarmKind.HighHigh and <= AlarmKind.NoData
        ? (int)kind - 1
        : throw new ArgumentOutOfRangeException(nameof(kind), kind, null);

    private static void EnsureRoom(Span<AlarmTransition> changes)
    {
        if (changes.Length < MaxChanges)
            throw new ArgumentException($"变更缓冲区至少需要{MaxChanges}个元素", nameof(changes));
    }

    private struct KindState
    {
        public AlarmLifecycle Lifecycle;
        public bool Enabled;          // a limit (or rate) is configured; 通信中断 needs none
        public double Limit;
        public long PendingSince;     // when the condition started to disagree with the alarm (delays); NoTime if it agrees
        public long[] Activations;    // ring of the latest activation times (chattering)
        public int Next;
        public int Count;
    }
}
