using System.Security.Claims;
using Tianshan.Core.Data;
using Tianshan.Core.Platform;
using Tianshan.Web.Features.Registry;

namespace Tianshan.Web.Features.Plans;

internal static class PlanEndpoints
{
    public static IServiceCollection AddPlans(this IServiceCollection services)
    {
        // The incident page lets the duty officer start a plan's response level (issue 7: an incident starts a plan's response).
        services.AddSingleton(new Incidents.IncidentSection("启动应急预案响应", typeof(Components.Pages.Plans.IncidentPlanResponse)));
        return services;
    }

    public static void MapPlans(this IEndpointRouteBuilder app)
    {
        var plans = app.MapGroup("/api/plans").WithTags("Emergency plans").RequireAuthorization(p => p.RequireRole(PlanActions.Readers));

        plans.MapGet("/", (TianshanDb db, [AsParameters] PlanQueries.Filter filter, TimeProvider time, CancellationToken ct) =>
            PlanQueries.ListAsync(db, filter, ChinaTime.Today(time), ct));
        plans.MapGet("/coverage", (TianshanDb db, TimeProvider time, CancellationToken ct) => PlanQueries.CoverageAsync(db, ChinaTime.Today(time), ct));
        plans.MapGet("/export", async (TianshanDb db, [AsParameters] PlanQueries.Filter filter, TimeProvider time, CancellationToken ct) =>
            Results.File(PlanQueries.Workbook(await PlanQueries.ListAsync(db, filter, ChinaTime.Today(time), ct)), RegistryWorkbooks.ContentType,
                $"应急预案台账_{ChinaTime.Today(time):yyyyMMdd}.xlsx"));
        plans.MapGet("/{id:guid}", (TianshanDb db, Guid id, TimeProvider time, CancellationToken ct) => PlanQueries.DetailAsync(db, id, ChinaTime.Today(time), ct));
        plans.MapPost("/", async (TianshanDb db, ClaimsPrincipal user, PlanActions.SaveRequest request, TimeProvider time, CancellationToken ct) =>
        {
            var plan = await PlanActions.RegisterAsync(db, user, request, time, ct);
            return Results.Created($"/api/plans/{plan.Id}", (await PlanQueries.DetailAsync(db, plan.Id, ChinaTime.Today(time), ct)).Plan);
        });
        plans.MapPut("/{id:guid}", async (TianshanDb db, ClaimsPrincipal user, Guid id, PlanActions.SaveRequest request, TimeProvider time, CancellationToken ct) =>
        {
            await PlanActions.UpdateAsync(db, user, id, request, time, ct);
            return Results.NoContent();
        });
        plans.MapPost("/{id:guid}/file", async (TianshanDb db, ClaimsPrincipal user, Guid id, PlanActions.FileRequest request, TimeProvider time, CancellationToken ct) =>
        {
            await PlanActions.FileAsync(db, user, id, request, time, ct);
            return Results.NoContent();
        });
        plans.MapPost("/{id:guid}/expire", async (TianshanDb db, ClaimsPrincipal user, Guid id, CancellationToken ct) =>
        {
            await PlanActions.ExpireAsync(db, user, id, ct);
            return Results.NoContent();
        });
        plans.MapPost("/{id:guid}/withdraw", async (TianshanDb db, ClaimsPrincipal user, Guid id, CancellationToken ct) =>
        {
            await PlanActions.WithdrawAsync(db, user, id, ct);
            return Results.NoContent();
        });
        plans.MapPost("/{id:guid}/triggers", async (TianshanDb db, ClaimsPrincipal user, Guid id, PlanActions.TriggerRequest request, TimeProvider time, CancellationToken ct) =>
        {
            await PlanActions.TriggerAsync(db, user, id, request, time, ct);
            return Results.NoContent();
        });
        plans.MapPost("/{id:guid}/evaluations", async (TianshanDb db, ClaimsPrincipal user, Guid id, PlanActions.EvaluateRequest request, TimeProvider time, CancellationToken ct) =>
        {
            await PlanActions.EvaluateAsync(db, user, id, request, time, ct);
            return Results.NoContent();
        });
        plans.MapPost("/{id:guid}/revise", async (TianshanDb db, ClaimsPrincipal user, Guid id, PlanActions.ReviseRequest request, TimeProvider time, CancellationToken ct) =>
        {
            await PlanActions.ReviseAsync(db, user, id, request, time, ct);
            return Results.NoContent();
        });
        plans.MapPost("/{id:guid}/activate", async (TianshanDb db, ClaimsPrincipal user, Guid id, PlanActions.ActivateRequest request, TimeProvider time, CancellationToken ct) =>
        {
            await PlanActions.ActivateAsync(db, user, id, request, time, ct);
            return Results.NoContent();
        });

        var drills = app.MapGroup("/api/drills").WithTags("Drills").RequireAuthorization(p => p.RequireRole(PlanActions.Readers));
        drills.MapGet("/", (TianshanDb db, [AsParameters] DrillQueries.Filter filter, TimeProvider time, CancellationToken ct) =>
            DrillQueries.ListAsync(db, filter, ct, ChinaTime.Today(time)));
        drills.MapGet("/export", async (TianshanDb db, [AsParameters] DrillQueries.Filter filter, TimeProvider time, CancellationToken ct) =>
            Results.File(DrillQueries.Workbook(await DrillQueries.ListAsync(db, filter, ct, ChinaTime.Today(time))), RegistryWorkbooks.ContentType,
                $"应急演练台账_{ChinaTime.Today(time):yyyyMMdd}.xlsx"));
        drills.MapGet("/half-year", (TianshanDb db, int? year, TimeProvider time, CancellationToken ct) =>
            DrillQueries.HalfYearAsync(db, year ?? ChinaTime.Today(time).Year, ChinaTime.Today(time), ct));
        drills.MapGet("/plans", (TianshanDb db, int? year, TimeProvider time, CancellationToken ct) =>
            DrillQueries.DrillPlansAsync(db, year ?? ChinaTime.Today(time).Year, ct));
        drills.MapPost("/plans", async (TianshanDb db, ClaimsPrincipal user, DrillQueries.DrillPlanRequest request, CancellationToken ct) =>
        {
            var plan = await DrillQueries.CreateDrillPlanAsync(db, user, request, ct);
            return Results.Created($"/api/drills/plans?year={plan.Year}", new { plan.Id, plan.Year });
        });
        drills.MapPost("/", async (TianshanDb db, ClaimsPrincipal user, DrillQueries.RecordRequest request, TimeProvider time, CancellationToken ct) =>
        {
            var drill = await DrillQueries.RecordAsync(db, user, request, time, ct);
            return Results.Created($"/api/drills/{drill.Id}", new { drill.Id });
        });
        drills.MapPost("/{id:guid}/follow-ups/{index:int}/done", async (TianshanDb db, ClaimsPrincipal user, Guid id, int index, DrillQueries.DoneRequest request,
            TimeProvider time, CancellationToken ct) =>
        {
            await DrillQueries.CompleteFollowUpAsync(db, user, id, index, request, time, ct);
            return Results.NoContent();
        });
    }
}
