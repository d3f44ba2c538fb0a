using System.Security.Claims;
using Tianshan.Core.Data;
using Tianshan.Core.Incidents.DisasterReports;
using Tianshan.Web.Features.Registry;
using Tianshan.Web.Features.Resources;

namespace Tianshan.Web.Features.Incidents;

/// <summary>/api/disaster-reports: filing from the informant's phone (idempotent), reading, street verification, the district
/// summary with communities not reported and informants per community, photos and the Excel export.</summary>
internal static class DisasterReportEndpoints
{
    public static void MapDisasterReports(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/disaster-reports").WithTags("Disaster reports").RequireAuthorization(p => p.RequireRole(DisasterReportActions.Readers));

        api.MapPost("/filings", async (TianshanDb db, ClaimsPrincipal user, DisasterReportActions.FileRequest request, TimeProvider time, CancellationToken ct) =>
        {
            var (result, created) = await DisasterReportActions.FileAsync(db, user, request, time, ct);
            return created ? Results.Created($"/api/disaster-reports/{result.ReportId}", result) : Results.Ok(result);
        });
        api.MapGet("/", (TianshanDb db, DateTimeOffset? from, DateTimeOffset? to, DisasterReportStatus? status, CancellationToken ct) =>
            DisasterReportActions.ListAsync(db, from, to, status, ct));
        api.MapGet("/{id:guid}", (TianshanDb db, Guid id, CancellationToken ct) => DisasterReportActions.DetailAsync(db, id, ct));
        api.MapPost("/{id:guid}/verify", async (TianshanDb db, ClaimsPrincipal user, Guid id, DisasterReportActions.VerifyRequest? request, TimeProvider time, CancellationToken ct) =>
        {
            await DisasterReportActions.VerifyAsync(db, user, id, request ?? new(null), time, ct);
            return Results.NoContent();
        });
        api.MapPost("/{id:guid}/return", async (TianshanDb db, ClaimsPrincipal user, Guid id, DisasterReportActions.ReturnRequest request, TimeProvider time, CancellationToken ct) =>
        {
            await DisasterReportActions.ReturnAsync(db, user, id, request, time, ct);
            return Results.NoContent();
        });
        api.MapPost("/{id:guid}/relief", async (TianshanDb db, ClaimsPrincipal user, Guid id, DisasterReportActions.ReliefRequest request, TimeProvider time, CancellationToken ct) =>
        {
            await DisasterReportActions.ReliefAsync(db, user, id, request, time, ct);
            return Results.NoContent();
        });
        api.MapGet("/summary", (TianshanDb db, DateTimeOffset? from, DateTimeOffset? to, TimeProvider time, CancellationToken ct) =>
        {
            var now = time.GetUtcNow();
            return DisasterReportActions.SummaryAsync(db, from ?? now.AddDays(-7), to ?? now, ct);
        });
        api.MapGet("/photos/{id:guid}", async (TianshanDb db, Guid id, CancellationToken ct) =>
        {
            var photo = await DisasterReportActions.PhotoAsync(db, id, ct);
            return Results.File(photo.Content, photo.ContentType);
        });
        api.MapGet("/export", async (TianshanDb db, TimeProvider time, CancellationToken ct) =>
            Results.File(await DisasterReportActions.ExportAsync(db, ct), RegistryWorkbooks.ContentType, LedgerActions.FileName("灾情报送", time)));
    }
}
