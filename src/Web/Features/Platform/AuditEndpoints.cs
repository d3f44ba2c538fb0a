using Microsoft.EntityFrameworkCore;
using Tianshan.Core.Data;
using Tianshan.Core.Platform;
using Tianshan.Web.Features.Registry;

namespace Tianshan.Web.Features.Platform;

/// <summary>The audit log, for the bureau: every change with who, when, what, before and after.</summary>
public static class AuditEndpoints
{
    public static async Task<Page<AuditEntry>> Query(TianshanDb db, string? entityType, string? entityId, string? user, int page, int pageSize, CancellationToken ct)
    {
        page = Math.Max(page, 1);
        pageSize = Math.Clamp(pageSize, 1, 500);
        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(entityType))
            query = query.Where(a => a.EntityType == entityType);
        if (!string.IsNullOrWhiteSpace(entityId))
            query = query.Where(a => a.EntityId == entityId);
        if (!string.IsNullOrWhiteSpace(user))
            query = query.Where(a => a.UserName == user);
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new Page<AuditEntry>(items, total, page, pageSize);
    }

    internal static void MapAudit(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/audit", (TianshanDb db, string? entityType, string? entityId, string? user, int? page, int? pageSize, CancellationToken ct) =>
                Query(db, entityType, entityId, user, page ?? 1, pageSize ?? 100, ct))
            .WithTags("Audit").RequireAuthorization(p => p.RequireRole(Roles.Bureau));

        app.MapGet("/api/divisions", async (TianshanDb db, CancellationToken ct) =>
            await db.Divisions.AsNoTracking().OrderBy(d => d.Path)
                .Select(d => new { d.Id, d.Code, d.Name, d.Level, d.ParentId, d.Path, d.Latitude, d.Longitude, d.Residents }).ToListAsync(ct))
            .WithTags("Divisions").RequireAuthorization();
    }
}
