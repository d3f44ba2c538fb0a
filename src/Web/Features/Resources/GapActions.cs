using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tianshan.Core.Data;
using Tianshan.Core.Platform;
using Tianshan.Core.Resources;

namespace Tianshan.Web.Features.Resources;

public sealed record ResourceGapsView(ReliefGap Relief, ShelterGap Shelters, TeamGap Teams);

/// <summary>The gaps of the resources in the caller's scope against the norms (<see cref="ResourceGaps"/>).</summary>
public static class GapActions
{
    public static async Task<ResourceGapsView> ComputeAsync(TianshanDb db, ResourceNorms norms, CancellationToken ct)
    {
        var stock = await db.StockItems.AsNoTracking().Include(s => s.Material).ToListAsync(ct);
        var shelters = await db.Shelters.AsNoTracking().ToListAsync(ct);
        var teams = await db.RescueTeams.AsNoTracking().ToListAsync(ct);
        var residents = await db.Divisions.AsNoTracking()
            .Where(d => d.Level == DivisionLevel.Community && d.Path.StartsWith(db.Scope.DivisionPath))
            .SumAsync(d => d.Residents ?? 0, ct);
        return new ResourceGapsView(
            ResourceGaps.Relief(stock.Select(s => (s.Material!, s.Quantity)), norms),
            ResourceGaps.Shelters(shelters, residents, norms),
            ResourceGaps.Teams(teams, norms));
    }

    public static Task<ResourceGapsView> ComputeAsync(TianshanDb db, IOptions<ResourceNorms> norms, CancellationToken ct) =>
        ComputeAsync(db, norms.Value, ct);
}
