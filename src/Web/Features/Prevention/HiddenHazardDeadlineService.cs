using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tianshan.Core.Data;
using Tianshan.Core.Platform;
using Tianshan.Core.Prevention;
using Tianshan.Web.Infrastructure;

namespace Tianshan.Web.Features.Prevention;

/// <summary>Every few minutes reviews the open hazards with a deadline: the reminder before it and the overdue ladder after
/// it (<see cref="HiddenHazardDeadlines"/>), each written on the hazard's timeline. Delivery over SMS and the other
/// channels plugs in with the warnings work; until then the timeline and the overdue lists are the record.</summary>
public sealed class HiddenHazardDeadlineService(IServiceScopeFactory scopes, TimeProvider time, IOptions<HiddenHazardDeadlineOptions> options,
    ILogger<HiddenHazardDeadlineService> logger) : BackgroundService
{
    /// <summary>How often deadlines are reviewed.</summary>
    public static readonly TimeSpan Period = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period, time);
        try
        {
            do
            {
                try
                {
                    await ReviewAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    Log.HazardReviewFailed(logger, e);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public async Task<int> ReviewAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(UserScope.System);
        var db = scope.ServiceProvider.GetRequiredService<TianshanDb>();
        var now = time.GetUtcNow();
        var horizon = now.AddDays(options.Value.ReminderDays);
        var due = await db.HiddenHazards
            .Where(h => (h.Status == HiddenHazardStatus.Rectifying || h.Status == HiddenHazardStatus.AwaitingVerification) && h.Deadline != null)
            .ToListAsync(ct);
        var notices = 0;
        foreach (var hazard in due.Where(h => h.Deadline <= horizon))
            notices += HiddenHazardDeadlines.Review(hazard, now, options.Value).Count;
        if (notices > 0)
            await db.SaveChangesAsync(ct);
        return notices;
    }
}
