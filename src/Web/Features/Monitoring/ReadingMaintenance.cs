using Microsoft.Extensions.Options;
using Tianshan.Core.Monitoring.Storage;
using Tianshan.Web.Infrastructure;

namespace Tianshan.Web.Features.Monitoring;

/// <summary>Keeps the reading store in shape: every <see cref="MonitoringOptions.RollUpSeconds"/> packs the closed minutes into their day partitions with their
/// 1-minute aggregates; every hour creates the coming partitions and drops raw days past 30 (40号令 requires ≥ 30) and
/// aggregates past three years.</summary>
public sealed class ReadingMaintenance(IReadingStore store, ReadingIngest ingest, TimeProvider time, IOptions<MonitoringOptions> options,
    ILogger<ReadingMaintenance> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.RollUpSeconds), time);
        var lastHousekeeping = DateTimeOffset.MinValue;
        try
        {
            await ingest.SchemaReady.WaitAsync(stoppingToken);
            do
            {
                var now = time.GetUtcNow();
                try
                {
                    // A minute is closed once late readings (a gateway's batch in flight) can no longer arrive for it.
                    await store.RollUpAsync(now.AddMinutes(-1), stoppingToken);
                    if (now - lastHousekeeping >= TimeSpan.FromHours(1))
                    {
                        await store.EnsureSchemaAsync(stoppingToken);
                        var dropped = await store.DropExpiredAsync(now, stoppingToken);
                        if (dropped > 0)
                            Log.PartitionsDropped(logger, dropped);
                        lastHousekeeping = now;
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // A failure while the host stops (connections closing under a roll-up) is not a maintenance fault.
                    if (!stoppingToken.IsCancellationRequested)
                        Log.MaintenanceFailed(logger, e);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
