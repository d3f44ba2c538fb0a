using Microsoft.EntityFrameworkCore;
using Tianshan.Core.Data;
using Tianshan.Core.Platform;
using Tianshan.Core.Registry;

namespace Tianshan.Web.Features.Registry;

internal static class MajorHazardEndpoints
{
    public static void MapMajorHazards(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/major-hazards").WithTags("Major hazard sources").RequireAuthorization();

        // Pure computation: any logged-in user may check a unit by hand.
        api.MapPost("/assess", (AssessMajorHazard.Request request, ChemicalCatalogue catalogue) => AssessMajorHazard.Handle(request, catalogue));

        api.MapGet("/", async (TianshanDb db, Guid? enterpriseId, int? grade, bool? overdue, TimeProvider time, CancellationToken ct) =>
        {
            var today = ChinaTime.Today(time);
            var query = db.MajorHazardSources.AsNoTracking().Include(m => m.Enterprise).AsQueryable();
            if (enterpriseId is { } id)
                query = query.Where(m => m.EnterpriseId == id);
            if (grade is { } g)
                query = query.Where(m => m.Grade == g);
            if (overdue == true)
                query = query.Where(m => m.NextAssessmentDue < today || m.PendingTrigger != null);
            var items = await query.OrderBy(m => m.Grade == null).ThenBy(m => m.Grade).ThenBy(m => m.Code).ToListAsync(ct);
            return items.Select(m => MajorHazardView.Of(m, m.Enterprise!.Name, today)).ToList();
        });

        api.MapGet("/{id:guid}", async (TianshanDb db, Guid id, TimeProvider time, CancellationToken ct) =>
        {
            var m = await db.MajorHazardSources.AsNoTracking().Include(x => x.Enterprise).FirstOrDefaultAsync(x => x.Id == id, ct)
                ?? throw new NotFoundException("重大危险源不存在或不在您的管辖范围内");
            return MajorHazardView.Of(m, m.Enterprise!.Name, ChinaTime.Today(time));
        });

        var editors = new[] { Roles.Bureau, Roles.Department, Roles.Street, Roles.Enterprise };
        api.MapPost("/", async (TianshanDb db, SaveMajorHazard.Request request, ChemicalCatalogue catalogue, CancellationToken ct) =>
        {
            var source = await SaveMajorHazard.Create(db, request, catalogue, ct);
            return Results.Created($"/api/major-hazards/{source.Id}", new { source.Id, source.S, source.R, source.Grade });
        }).RequireAuthorization(p => p.RequireRole(editors));

        api.MapPut("/{id:guid}", async (TianshanDb db, Guid id, MajorHazardSourceDetails details, ChemicalCatalogue catalogue, TimeProvider time, CancellationToken ct) =>
        {
            await SaveMajorHazard.Update(db, id, details, catalogue, time, ct);
            return Results.NoContent();
        }).RequireAuthorization(p => p.RequireRole(editors));

        api.MapPost("/{id:guid}/triggers", async (TianshanDb db, Guid id, SaveMajorHazard.TriggerRequest request, TimeProvider time, CancellationToken ct) =>
        {
            await SaveMajorHazard.RecordTrigger(db, id, request, time, ct);
            return Results.NoContent();
        }).RequireAuthorization(p => p.RequireRole(editors));

        api.MapGet("/export", async (TianshanDb db, TimeProvider time, CancellationToken ct) =>
        {
            var items = await db.MajorHazardSources.AsNoTracking().Include(m => m.Enterprise)
                .OrderBy(m => m.Enterprise!.Name).ThenBy(m => m.Code).ToListAsync(ct);
            var bytes = RegistryWorkbooks.WriteMajorHazards(items.Select(m => (m.Enterprise!.CreditCode, m.Enterprise.Name, m)).ToList());
            return Results.File(bytes, RegistryWorkbooks.ContentType, $"重大危险源_{ChinaTime.Today(time):yyyyMMdd}.xlsx");
        });

        api.MapPost("/import", async (TianshanDb db, IFormFile file, ChemicalCatalogue catalogue, TimeProvider time, CancellationToken ct) =>
        {
            await using var stream = file.OpenReadStream();
            var report = await ImportMajorHazards.Handle(db, stream, catalogue, time, ct);
            return report.Stored ? Results.Ok(report) : Results.BadRequest(report);
        }).DisableAntiforgery().RequireAuthorization(p => p.RequireRole(editors));

        app.MapGet("/api/chemicals", (ChemicalCatalogue catalogue, string? q) =>
            catalogue.Search(q)
                .Take(50)
                .Select(c => new { c.Key, c.NameZh, c.AliasesZh, c.AliasesEn, c.Cas, c.CriticalQuantity, c.HazardCode, c.Beta, c.Restricted, Source = c.Source.ToString() }))
            .WithTags("Chemicals").RequireAuthorization();
    }
}
