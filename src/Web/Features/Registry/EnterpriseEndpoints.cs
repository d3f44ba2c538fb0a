using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Tianshan.Core.Data;
using Tianshan.Core.Platform;
using Tianshan.Core.Registry;

namespace Tianshan.Web.Features.Registry;

internal static class EnterpriseEndpoints
{
    public static void MapEnterprises(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/enterprises").WithTags("Enterprises").RequireAuthorization();

        api.MapGet("/", (TianshanDb db, string? q, Sector? sector, string? division, bool? majorHazard, int? page, int? pageSize, CancellationToken ct) =>
            ListEnterprises.Handle(db, new ListEnterprises.Filter(q, sector, division, majorHazard), page ?? 1, pageSize ?? 50, ct));

        api.MapGet("/{id:guid}", async (TianshanDb db, Guid id, CancellationToken ct) =>
        {
            var view = await EnterpriseView.Project(db.Enterprises.AsNoTracking().Where(e => e.Id == id)).FirstOrDefaultAsync(ct)
                ?? throw new NotFoundException("企业不存在或不在您的管辖范围内");
            return view.WithLabels();
        });

        api.MapPost("/", async (TianshanDb db, EnterpriseDetails details, CancellationToken ct) =>
        {
            var enterprise = await SaveEnterprise.Create(db, details, ct);
            return Results.Created($"/api/enterprises/{enterprise.Id}", new { enterprise.Id });
        }).RequireAuthorization(p => p.RequireRole(Roles.Bureau, Roles.Department, Roles.Street));

        api.MapPut("/{id:guid}", async (TianshanDb db, Guid id, EnterpriseDetails details, CancellationToken ct) =>
        {
            await SaveEnterprise.Update(db, id, details, ct);
            return Results.NoContent();
        }).RequireAuthorization(p => p.RequireRole(Roles.Bureau, Roles.Department, Roles.Street, Roles.Enterprise));

        api.MapGet("/{id:guid}/chemicals", (TianshanDb db, Guid id, ChemicalCatalogue catalogue, CancellationToken ct) =>
            EnterpriseChemicals.List(db, id, catalogue, ct));

        api.MapPut("/{id:guid}/chemicals", async (TianshanDb db, Guid id, List<EnterpriseChemicals.Holding> holdings, ChemicalCatalogue catalogue, CancellationToken ct) =>
        {
            await EnterpriseChemicals.Replace(db, id, holdings, catalogue, ct);
            return Results.NoContent();
        }).RequireAuthorization(p => p.RequireRole(Roles.Bureau, Roles.Department, Roles.Street, Roles.Enterprise));

        api.MapGet("/export", async (TianshanDb db, string? q, Sector? sector, string? division, bool? majorHazard, TimeProvider time, CancellationToken ct) =>
        {
            var rows = await EnterpriseView.Project(ListEnterprises.Apply(db.Enterprises.AsNoTracking(),
                new ListEnterprises.Filter(q, sector, division, majorHazard)).OrderBy(e => e.Name)).ToListAsync(ct);
            var bytes = RegistryWorkbooks.WriteEnterprises(rows.Select(r => r.WithLabels()).ToList());
            return Results.File(bytes, RegistryWorkbooks.ContentType, $"企业名录_{ChinaTime.Today(time):yyyyMMdd}.xlsx");
        });

        api.MapPost("/import", async (TianshanDb db, IFormFile file, CancellationToken ct) =>
        {
            await using var stream = file.OpenReadStream();
            var report = await ImportEnterprises.Handle(db, stream, ct);
            return report.Stored ? Results.Ok(report) : Results.BadRequest(report);
        }).DisableAntiforgery().RequireAuthorization(p => p.RequireRole(Roles.Bureau, Roles.Department, Roles.Street));
    }
}
