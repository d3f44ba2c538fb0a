using Microsoft.EntityFrameworkCore;
using Tianshan.Core.Data;
using Tianshan.Core.Monitoring;
using Tianshan.Core.Platform;
using Tianshan.Core.Registry;

namespace Tianshan.Web.Features.Monitoring;

/// <summary>GET /api/monitoring/risk-index: each enterprise in scope with its dynamic risk index and the parts of it.</summary>
public static class RiskIndexEndpoint
{
    public sealed record Row(Guid EnterpriseId, string EnterpriseName, RiskInputs Inputs, RiskIndexResult Result);

    public static async Task<List<Row>> Compute(TianshanDb db, DateOnly today, CancellationToken ct)
    {
        var enterprises = await db.Enterprises.AsNoTracking()
            .Select(e => new { e.Id, e.Name, e.Sector, Grade = e.MajorHazardSources.Where(m => m.Grade != null).Min(m => m.Grade) })
            .ToListAsync(ct);
        var alarms = await db.Alarms.AsNoTracking().Where(a => a.EndedAt == null)
            .GroupBy(a => new { a.EnterpriseId, a.Priority }).Select(g => new { g.Key.EnterpriseId, g.Key.Priority, Count = g.Count() })
            .ToListAsync(ct);
        var reassessments = await db.MajorHazardSources.AsNoTracking().Where(m => m.NextAssessmentDue < today || m.PendingTrigger != null)
            .GroupBy(m => m.EnterpriseId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var inspections = await db.SpecialEquipment.AsNoTracking().Where(s => s.NextInspectionDue < today)
            .GroupBy(s => s.EnterpriseId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        int Alarms(Guid id, AlarmPriority p) => alarms.Where(a => a.EnterpriseId == id && a.Priority == p).Sum(a => a.Count);
        return enterprises.Select(e =>
        {
            var inputs = new RiskInputs(e.Grade, e.Sector == Sector.HazardousChemicals,
                Alarms(e.Id, AlarmPriority.Critical), Alarms(e.Id, AlarmPriority.High), Alarms(e.Id, AlarmPriority.Medium), Alarms(e.Id, AlarmPriority.Low),
                reassessments.GetValueOrDefault(e.Id), inspections.GetValueOrDefault(e.Id), 0);
            return new Row(e.Id, e.Name, inputs, EnterpriseRiskIndex.Compute(inputs));
        }).OrderByDescending(r => r.Result.Index).ToList();
    }

    internal static void MapRiskIndex(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/monitoring/risk-index", (TianshanDb db, TimeProvider time, CancellationToken ct) => Compute(db, ChinaTime.Today(time), ct))
            .WithTags("Monitoring").RequireAuthorization();
}
