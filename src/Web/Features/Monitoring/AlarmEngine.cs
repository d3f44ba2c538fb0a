using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tianshan.Core.Data;
using Tianshan.Core.Monitoring;
using Tianshan.Core.Platform;
using Tianshan.Web.Infrastructure;

namespace Tianshan.Web.Features.Monitoring;

/// <summary>One sample for the engine: a sensor's compact store id, its time (Unix ms, UTC) and value.</summary>
public readonly record struct Sample(int StoreId, long TimestampMs, double Value);

/// <summary>
/// Runs every sensor's <see cref="SensorAlarmEvaluator"/> on one thread (the evaluators are not thread-safe, and a
/// single owner needs no locks): readings from the ingest, operator actions from the API, and a periodic tick for
/// 通信中断, shelving expiry and escalation all arrive as work items on one channel. Alarm changes are written to the
/// database in one SaveChanges per drained batch and pushed to SignalR. At start the engine rebuilds each sensor's
/// alarm states from the open alarms in the database.
/// </summary>
public sealed class AlarmEngine(IServiceScopeFactory scopes, IHubContext<MonitoringHub> hub, TimeProvider time,
    IOptions<MonitoringOptions> options, ILogger<AlarmEngine> logger) : BackgroundService
{
    private abstract record Work;
    private sealed record SamplesWork(ReadOnlyMemory<Sample> Samples) : Work;
    private sealed record ActionWork(Guid SensorId, AlarmKind Kind, Func<AlarmLifecycle, DateTimeOffset, AlarmTransition> Act, TaskCompletionSource<AlarmTransition> Done) : Work;
    private sealed record ReloadWork(TaskCompletionSource Done) : Work;
    private sealed record TickWork : Work;

    private sealed class SensorState(Sensor sensor, SensorAlarmEvaluator evaluator)
    {
        public Sensor Sensor { get; } = sensor;
        public SensorAlarmEvaluator Evaluator { get; set; } = evaluator;
    }

    private readonly Channel<Work> _work = Channel.CreateBounded<Work>(new BoundedChannelOptions(50_000) { SingleReader = true });
    private readonly Dictionary<int, SensorState> _byStoreId = [];
    private readonly Dictionary<Guid, SensorState> _byId = [];
    private readonly List<(SensorState Sensor, AlarmTransition Change)> _pending = [];
    private readonly AlarmTransition[] _buffer = new AlarmTransition[SensorAlarmEvaluator.MaxChanges];
    private readonly List<(TaskCompletionSource<AlarmTransition> Done, AlarmTransition Change)> _actionsDone = [];
    /// <summary>Pauses between attempts to store a batch of alarm changes before leaving them queued for the next flush.</summary>
    private static readonly TimeSpan[] StoreRetryPauses = [TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1)];
    private int _storeFailures;
    /// <summary>One operator area per enterprise (its control room): flood detection per ISA-18.2.</summary>
    private readonly Dictionary<Guid, AlarmFlood> _floods = [];
    private volatile IReadOnlyList<FloodState> _floodStates = [];

    /// <summary>An operator area in alarm flood, for the API and the console.</summary>
    public sealed record FloodState(Guid EnterpriseId, DateTimeOffset Since);

    /// <summary>The operator areas now in flood (&gt; 10 alarms in 10 minutes).</summary>
    public IReadOnlyList<FloodState> Floods => _floodStates;
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Raised (on the engine's thread) for every stored alarm change, with the enterprise's division path and sector
    /// so an in-process listener (a Blazor page) can apply the same scope rule as the database.</summary>
    public event Action<AlarmView, string, Core.Registry.Sector>? Changed;

    /// <summary>Completes when the sensors are loaded and the engine takes work.</summary>
    public Task Ready => _ready.Task;

    /// <summary>Queues one message's samples for evaluation as they arrive, before they are stored (ADR 004). Waits only when
    /// the engine is 50,000 messages behind, which holds back the MQTT ingest.</summary>
    public ValueTask SubmitAsync(ReadOnlyMemory<Sample> samples, CancellationToken ct) => _work.Writer.WriteAsync(new SamplesWork(samples), ct);

    /// <summary>Carries out an operator action on the engine's thread, so it cannot race a reading.</summary>
    public async Task<AlarmTransition> ActAsync(Guid sensorId, AlarmKind kind, Func<AlarmLifecycle, DateTimeOffset, AlarmTransition> act, CancellationToken ct)
    {
        var done = new TaskCompletionSource<AlarmTransition>(TaskCreationOptions.RunContinuationsAsynchronously);
        await _work.Writer.WriteAsync(new ActionWork(sensorId, kind, act, done), ct);
        return await done.Task.WaitAsync(ct);
    }

    /// <summary>Reloads sensors and rules after they changed.</summary>
    public async Task ReloadAsync(CancellationToken ct)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await _work.Writer.WriteAsync(new ReloadWork(done), ct);
        await done.Task.WaitAsync(ct);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await LoadAsync(stoppingToken);
        _ready.TrySetResult();
        using var ticker = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.TickSeconds), time);
        var ticking = TickLoop(ticker, stoppingToken);
        var reader = _work.Reader;
        try
        {
            while (await reader.WaitToReadAsync(stoppingToken))
            {
                var escalate = false;
                while (reader.TryRead(out var work))
                {
                    switch (work)
                    {
                        case SamplesWork s: Evaluate(s); break;
                        case ActionWork a: Act(a); break;
                        case ReloadWork r: await ReloadAsync(r, stoppingToken); break;
                        case TickWork: Tick(); escalate = true; break;
                    }
                    if (_pending.Count >= 5_000)
                        await FlushAsync(stoppingToken);
                }
                await FlushAsync(stoppingToken);
                if (escalate)
                {
                    try
                    {
                        await EscalateAsync(stoppingToken);
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        Log.EscalationFailed(logger, e);   // nothing was saved: the next tick escalates the same alarms
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        await ticking;
    }

    /// <summary>A reload that fails (the database unreachable) keeps the sensors loaded before and tells the caller.</summary>
    private async Task ReloadAsync(ReloadWork work, CancellationToken ct)
    {
        try
        {
            await LoadAsync(ct);
            work.Done.TrySetResult();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            work.Done.TrySetException(e);
        }
    }

    private async Task TickLoop(PeriodicTimer ticker, CancellationToken ct)
    {
        try
        {
            while (await ticker.WaitForNextTickAsync(ct))
                await _work.Writer.WriteAsync(new TickWork(), ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(UserScope.System);
        var db = scope.ServiceProvider.GetRequiredService<TianshanDb>();
        var sensors = await db.Sensors.AsNoTracking().ToListAsync(ct);
        var open = (await db.Alarms.AsNoTracking().Where(a => a.EndedAt == null).ToListAsync(ct)).ToLookup(a => a.SensorId);
        var now = time.GetUtcNow();
        _byStoreId.Clear();
        _byId.Clear();
        foreach (var sensor in sensors)
        {
            var evaluator = new SensorAlarmEvaluator(sensor.Rules, now);
            foreach (var alarm in open[sensor.Id])
            {
                var conditionActive = alarm.State != AlarmState.ReturnedUnacknowledged && alarm.ConditionClearedAt is null;
                try
                {
                    evaluator.Restore(new AlarmSnapshot(alarm.Kind, alarm.State, conditionActive, alarm.RaisedAt, alarm.AcknowledgedBy,
                        alarm.Reason, alarm.ShelvedUntil));
                }
                catch (ArgumentException e)
                {
                    Log.AlarmNotRestored(logger, alarm.Id, e.Message);
                }
            }
            var state = new SensorState(sensor, evaluator);
            _byStoreId[sensor.StoreId] = state;
            _byId[sensor.Id] = state;
        }
        Log.EngineLoaded(logger, sensors.Count, open.Sum(g => g.Count()));
    }

    private void Evaluate(SamplesWork work)
    {
        var samples = work.Samples.Span;
        for (var i = 0; i < samples.Length; i++)
        {
            ref readonly var sample = ref samples[i];
            if (!_byStoreId.TryGetValue(sample.StoreId, out var sensor))
                continue;
            var n = sensor.Evaluator.Evaluate(DateTimeOffset.FromUnixTimeMilliseconds(sample.TimestampMs), sample.Value, _buffer);
            for (var c = 0; c < n; c++)
                Pend(sensor, _buffer[c]);
        }
    }

    /// <summary>Queues a change for storing; a new annunciation also counts toward its operator area's flood.</summary>
    private void Pend(SensorState sensor, AlarmTransition change)
    {
        _pending.Add((sensor, change));
        if (!change.IsAnnunciation)
            return;
        var enterprise = sensor.Sensor.EnterpriseId;
        if (!_floods.TryGetValue(enterprise, out var flood))
            _floods[enterprise] = flood = new AlarmFlood();
        if (flood.Record(change.Time) != FloodChange.None)
            PublishFloods();
    }

    private void PublishFloods() =>
        _floodStates = _floods.Where(f => f.Value.IsFlooding).Select(f => new FloodState(f.Key, f.Value.FloodStartedAt!.Value)).ToList();

    private void Act(ActionWork work)
    {
        try
        {
            if (!_byId.TryGetValue(work.SensorId, out var sensor))
                throw new NotFoundException("传感器不存在");
            var change = work.Act(sensor.Evaluator.Lifecycle(work.Kind), time.GetUtcNow());
            _pending.Add((sensor, change));
            _actionsDone.Add((work.Done, change)); // released once stored, so the caller reads its own change back
        }
#pragma warning disable CA1031 // the caller gets the exception (WorkflowException → 409) through its task
        catch (Exception e)
#pragma warning restore CA1031
        {
            work.Done.TrySetException(e);
        }
    }

    private void Tick()
    {
        var now = time.GetUtcNow();
        foreach (var sensor in _byStoreId.Values)
        {
            var n = sensor.Evaluator.Tick(now, _buffer);
            for (var c = 0; c < n; c++)
                Pend(sensor, _buffer[c]);
        }
        var changed = false;
        foreach (var flood in _floods.Values)
            changed |= flood.Tick(now) != FloodChange.None;
        if (changed)
            PublishFloods();
    }

    /// <summary>Stores the pending changes, then pushes them. A store that fails (the database restarting, a lock, a full
    /// disk) is retried at once after short pauses; if it still fails, every change — operators' ones included, which the
    /// engine has already applied — stays queued for the next flush (at the latest the next tick), so none is lost, and the
    /// operators learn that theirs is not stored yet.</summary>
    private async Task FlushAsync(CancellationToken ct)
    {
        if (_pending.Count == 0)
            return;
        // Pause and retry only on a fresh failure: while the database stays down, each flush tries once, so the engine
        // keeps evaluating readings instead of sleeping.
        var retries = _storeFailures == 0 ? StoreRetryPauses.Length : 0;
        for (var attempt = 1; ; attempt++)
        {
            List<(Alarm Alarm, Sensor Sensor)> touched;
            Dictionary<Guid, (string Name, Core.Registry.Sector Sector, string Path)> enterprises;
            try
            {
                (touched, enterprises) = await StoreAsync(ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                _storeFailures++;
                Log.AlarmStoreFailed(logger, e, _pending.Count, _storeFailures);
                if (attempt <= retries)
                {
                    await Task.Delay(StoreRetryPauses[attempt - 1], ct);
                    continue;
                }
                foreach (var (done, _) in _actionsDone)
                    done.TrySetException(new StorageUnavailableException("操作已受理，但报警记录暂未写入数据库，系统将自动重试；请稍后刷新查看。", e));
                _actionsDone.Clear();
                return;
            }
            _storeFailures = 0;
            foreach (var (done, change) in _actionsDone)
                done.TrySetResult(change);
            _actionsDone.Clear();
            _pending.Clear();
            try
            {
                await PushAsync(touched, enterprises, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Log.AlarmPushFailed(logger, e);   // stored: a page that reloads shows it
            }
            return;
        }
    }

    /// <summary>Writes the pending changes in one SaveChanges (one transaction: all or none): a change out of Normal opens
    /// an alarm, any other applies to the open one.</summary>
    private async Task<(List<(Alarm Alarm, Sensor Sensor)> Touched, Dictionary<Guid, (string Name, Core.Registry.Sector Sector, string Path)> Enterprises)> StoreAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(UserScope.System);
        var db = scope.ServiceProvider.GetRequiredService<TianshanDb>();
        var sensorIds = _pending.Select(p => p.Sensor.Sensor.Id).Distinct().ToList();
        // Keyed by (sensor, kind): an alarm storm flushes thousands of changes at once, so no linear look-ups here.
        var open = (await db.Alarms.Where(a => a.EndedAt == null && sensorIds.Contains(a.SensorId)).ToListAsync(ct))
            .GroupBy(a => (a.SensorId, a.Kind)).ToDictionary(g => g.Key, g => g.MaxBy(a => a.RaisedAt)!);
        var touched = new List<(Alarm Alarm, Sensor Sensor)>();
        foreach (var (sensor, change) in _pending)
        {
            var key = (sensor.Sensor.Id, change.Kind);
            open.TryGetValue(key, out var alarm);
            if (alarm is null)
            {
                if (change.From != AlarmState.Normal)
                    continue; // nothing open to apply to (e.g. a state restored before this alarm was stored)
                alarm = Alarm.Open(sensor.Sensor, change);
                db.Alarms.Add(alarm);
                open[key] = alarm;
            }
            else
            {
                alarm.Apply(change);
                if (change.To == AlarmState.Shelved && sensor.Evaluator.Lifecycle(change.Kind).ShelvedUntil is { } until)
                    alarm.MarkShelvedUntil(until);
            }
            if (!alarm.IsOpen)
                open.Remove(key);
            touched.Add((alarm, sensor.Sensor));
        }
        var enterpriseIds = touched.Select(t => t.Alarm.EnterpriseId).Distinct().ToList();
        var enterprises = await db.Enterprises.AsNoTracking().Where(e => enterpriseIds.Contains(e.Id))
            .Select(e => new { e.Id, e.Name, e.Sector, e.Division!.Path })
            .ToDictionaryAsync(e => e.Id, e => (e.Name, e.Sector, e.Path), ct);
        await db.SaveChangesAsync(ct);
        return (touched, enterprises);
    }

    private async Task PushAsync(List<(Alarm Alarm, Sensor Sensor)> touched,
        Dictionary<Guid, (string Name, Core.Registry.Sector Sector, string Path)> enterprises, CancellationToken ct)
    {
        foreach (var group in touched.GroupBy(t => t.Alarm.Id))
        {
            var (alarm, sensor) = group.Last();
            var enterprise = enterprises[alarm.EnterpriseId];
            var view = AlarmView.Of(alarm, sensor, enterprise.Name);
            await hub.Clients.Groups(MonitoringHub.GroupsFor(alarm.EnterpriseId, enterprise.Sector, enterprise.Path)).SendAsync("alarmChanged", view, ct);
            Changed?.Invoke(view, enterprise.Path, enterprise.Sector);
        }
    }

    /// <summary>Notifies the next rung of the ladder for alarms still unacknowledged after its delay (recorded in the outbox).</summary>
    private async Task EscalateAsync(CancellationToken ct)
    {
        var ladder = options.Value.Escalation;
        if (ladder.Count == 0)
            return;
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(UserScope.System);
        var db = scope.ServiceProvider.GetRequiredService<TianshanDb>();
        var now = time.GetUtcNow();
        var firstDue = now.AddMinutes(-ladder[0].AfterMinutes);
        var waiting = await db.Alarms.Include(a => a.Sensor).Include(a => a.Enterprise)
            .Where(a => a.EndedAt == null && a.EscalationStep < ladder.Count && a.RaisedAt <= firstDue
                && (a.State == AlarmState.Unacknowledged || a.State == AlarmState.ReturnedUnacknowledged))
            .ToListAsync(ct);
        foreach (var alarm in waiting)
        {
            var step = alarm.EscalationStep;
            while (step < ladder.Count && alarm.RaisedAt.AddMinutes(ladder[step].AfterMinutes) <= now)
            {
                var rung = ladder[step];
                db.AlarmNotifications.Add(new AlarmNotification
                {
                    AlarmId = alarm.Id,
                    EnterpriseId = alarm.EnterpriseId,
                    Step = step + 1,
                    Recipient = rung.Recipient,
                    CreatedAt = now,
                    Message = $"【天山预警】{alarm.Enterprise!.Name} {alarm.Sensor!.Name}({alarm.Sensor.Code}) {AlarmLabels.Label(alarm.Kind, alarm.Sensor.Kind)}，"
                        + $"报警值 {alarm.RaisedValue:0.##}{alarm.Sensor.Unit}，{ChinaTime.ToChina(alarm.RaisedAt):MM-dd HH:mm:ss} 起 {rung.AfterMinutes} 分钟未确认，请立即处置。",
                });
                step++;
            }
            alarm.Escalated(step);
        }
        if (waiting.Count > 0)
            await db.SaveChangesAsync(ct);
    }
}
