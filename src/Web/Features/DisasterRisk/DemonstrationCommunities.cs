using Microsoft.EntityFrameworkCore;
using Tianshan.Core.Data;
using Tianshan.Core.DisasterRisk;
using Tianshan.Core.Platform;

namespace Tianshan.Web.Features.DisasterRisk;

/// <summary>综合减灾示范社区 tracking: every community with its status, and the count of national titles against the plan's target.</summary>
public static class DemonstrationCommunities
{
    public sealed record Row(Guid DivisionId, string Code, string Name, DemonstrationStatus? Status, string StatusLabel, int? AwardedYear,
        DemonstrationLevel? Level, string? LevelLabel, string Note);

    public sealed record Response(int Target, int NationalAwarded, int Applying, int Candidates, IReadOnlyList<Row> Communities);

    public sealed record Request(DemonstrationStatus Status, int? AwardedYear, DemonstrationLevel? Level, string? Note);

    public static async Task<Response> List(TianshanDb db, CancellationToken ct)
    {
        var communities = await db.Divisions.AsNoTracking().Where(d => d.Level == DivisionLevel.Community).OrderBy(d => d.Code).ToListAsync(ct);
        var statuses = await db.DemonstrationCommunities.AsNoTracking().ToDictionaryAsync(d => d.DivisionId, ct);
        var rows = communities.Select(c => statuses.GetValueOrDefault(c.Id) is { } s
                ? new Row(c.Id, c.Code, c.Name, s.Status, DemonstrationCommunity.Label(s.Status), s.AwardedYear, s.Level,
                    s.Level is { } l ? DemonstrationCommunity.Label(l) : null, s.Note)
                : new Row(c.Id, c.Code, c.Name, null, "未列入", null, null, null, ""))
            .OrderBy(r => r.Status is null ? 9 : 4 - (int)r.Status).ThenBy(r => r.Code, StringComparer.Ordinal).ToList();
        return new Response(DemonstrationCommunity.Target,
            rows.Count(r => r.Status == DemonstrationStatus.Awarded && r.Level == DemonstrationLevel.National),
            rows.Count(r => r.Status == DemonstrationStatus.Applying), rows.Count(r => r.Status == DemonstrationStatus.Candidate), rows);
    }

    public static async Task Set(TianshanDb db, Guid divisionId, Request request, CancellationToken ct)
    {
        var community = await db.Divisions.FirstOrDefaultAsync(d => d.Id == divisionId && d.Level == DivisionLevel.Community, ct)
            ?? throw new NotFoundException("社区不存在");
        var existing = await db.DemonstrationCommunities.FirstOrDefaultAsync(d => d.DivisionId == divisionId, ct);
        if (existing is null)
            db.DemonstrationCommunities.Add(DemonstrationCommunity.Create(community, request.Status, request.AwardedYear, request.Level, request.Note));
        else
            existing.Set(request.Status, request.AwardedYear, request.Level, request.Note);
        await db.SaveChangesAsync(ct);
    }
}
