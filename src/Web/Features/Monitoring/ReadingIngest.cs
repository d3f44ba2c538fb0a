using System.Threading.Channels;
using Tianshan.Core.Monitoring.Storage;

namespace Tianshan.Web.Features.Monitoring;

/// <summary>
/// Group commit for readings: every MQTT message waits on one channel; a single writer drains whatever has arrived,
/// writes it to the reading store in one batch (PostgreSQL binary COPY / one SQLite transaction), and only then
/// releases the waiting messages (their PUBACK). Many gateways' messages share one commit, so durability costs one
/// fsync per batch rather than per message. The alarm engine gets each message's samples as it arrives, not after the
/// commit (ADR 004): a store that is busy (a roll-up holding the SQLite write lock, a slow disk) must never delay an
/// alarm. A reading that then fails to store is not acknowledged, so the gateway sends it again, and the engine ignores
/// a reading that is not newer than the last it evaluated for the sensor.
/// </summary>
public sealed class ReadingIngest(IReadingStore store, AlarmEngine engine) : BackgroundService
{
    /// <summary>Most readings written in one commit.</summary>
    private const int MaxBatch = 20_000;

    private sealed record Request(ReadOnlyMemory<Sample> Samples, TaskCompletionSource Done);

    private readonly TaskCompletionSource _schemaReady = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once the reading store's tables exist; the maintenance waits for it so its first roll-up does not
    /// race the schema's creation ("no such table: rollup").</summary>
    public Task SchemaReady => _schemaReady.Task;

    private readonly Channel<Request> _requests = Channel.CreateBounded<Request>(new BoundedChannelOptions(50_000) { SingleReader = true });

    /// <summary>Hands the samples to the alarm engine at once and completes when they are durably stored (throws if storing
    /// failed: the message is then not acknowledged).</summary>
    public async Task IngestAsync(ReadOnlyMemory<Sample> samples, CancellationToken ct)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await engine.SubmitAsync(samples, ct);
        await _requests.Writer.WriteAsync(new Request(samples, done), ct);
        await done.Task.WaitAsync(ct);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await store.EnsureSchemaAsync(stoppingToken);
        _schemaReady.TrySetResult();
        await engine.Ready.WaitAsync(stoppingToken);
        var waiting = new List<Request>();
        var readings = new Reading[MaxBatch];
        var reader = _requests.Reader;
        try
        {
            while (await reader.WaitToReadAsync(stoppingToken))
            {
                var count = 0;
                while (count < MaxBatch && reader.TryPeek(out var next) && (count == 0 || count + next.Samples.Length <= MaxBatch))
                {
                    reader.TryRead(out var request);
                    var span = request!.Samples.Span;
                    if (count + span.Length > readings.Length)
                        Array.Resize(ref readings, count + span.Length);
                    for (var i = 0; i < span.Length; i++)
                        readings[count + i] = new Reading(span[i].StoreId, span[i].TimestampMs, span[i].Value, 0);
                    count += span.Length;
                    waiting.Add(request);
                }
                try
                {
                    await store.WriteAsync(readings.AsMemory(0, count), stoppingToken);
                }
#pragma warning disable CA1031 // every waiting message learns of the failure and is not acknowledged
                catch (Exception e)
#pragma warning restore CA1031
                {
                    foreach (var w in waiting)
                        w.Done.TrySetException(e);
                    waiting.Clear();
                    continue;
                }
                foreach (var w in waiting)
                    w.Done.TrySetResult();
                waiting.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
