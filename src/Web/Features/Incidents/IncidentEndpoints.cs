using System.Security.Claims;
using Microsoft.Extensions.Options;
using Tianshan.Core.Data;
using Tianshan.Core.Incidents;
using Tianshan.Core.Platform;

namespace Tianshan.Web.Features.Incidents;

internal static class IncidentEndpoints
{
    public static IServiceCollection AddIncidents(this IServiceCollection services)
    {
        services.AddOptions<ReportingClockOptions>().BindConfiguration(ReportingClockOptions.Section);
        return services;
    }

    public static void MapIncidents(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/incidents").WithTags("Incidents").RequireAuthorization(p => p.RequireRole(IncidentActions.Readers));

        // The calculator needs a login (any role) but stores nothing.
        app.MapPost("/api/incidents/grade", (IncidentActions.GradeRequest request) => IncidentActions.Grade(request))
            .WithTags("Incidents").RequireAuthorization();

        api.MapGet("/", (TianshanDb db, [AsParameters] IncidentActions.Filter filter, TimeProvider time, IOptions<ReportingClockOptions> options, CancellationToken ct) =>
            IncidentActions.ListAsync(db, filter, time.GetUtcNow(), options.Value, ct));
        api.MapGet("/export", async (TianshanDb db, [AsParameters] IncidentActions.Filter filter, TimeProvider time, IOptions<ReportingClockOptions> options,
            CancellationToken ct) => Results.File(IncidentActions.Workbook(await IncidentActions.ListAsync(db, filter, time.GetUtcNow(), options.Value, ct)),
                Tianshan.Web.Features.Registry.RegistryWorkbooks.ContentType, Tianshan.Web.Features.Resources.LedgerActions.FileName("突发事件台账", time)));
        api.MapGet("/{id:guid}", (TianshanDb db, Guid id, TimeProvider time, IOptions<ReportingClockOptions> options, CancellationToken ct) =>
            IncidentActions.DetailAsync(db, id, time.GetUtcNow(), options.Value, ct));
        api.MapPost("/", async (TianshanDb db, ClaimsPrincipal user, IncidentActions.IntakeRequest request, TimeProvider time, IOptions<ReportingClockOptions> options, CancellationToken ct) =>
        {
            var incident = await IncidentActions.IntakeAsync(db, user, request, time, ct);
            return Results.Created($"/api/incidents/{incident.Id}", (await IncidentActions.DetailAsync(db, incident.Id, time.GetUtcNow(), options.Value, ct)).Summary);
        });
        api.MapPost("/{id:guid}/follow-ups", async (TianshanDb db, ClaimsPrincipal user, Guid id, IncidentActions.FollowUpRequest request, TimeProvider time, IOptions<ReportingClockOptions> options, CancellationToken ct) =>
        {
            await IncidentActions.FollowUpAsync(db, user, id, request, time, ct);
            return Results.Ok(await IncidentActions.DetailAsync(db, id, time.GetUtcNow(), options.Value, ct));
        });
        api.MapPost("/{id:guid}/reports", async (TianshanDb db, ClaimsPrincipal user, Guid id, IncidentActions.ReportRequest request, TimeProvider time, IOptions<ReportingClockOptions> options, CancellationToken ct) =>
        {
            await IncidentActions.ReportAsync(db, user, id, request, time, ct);
            return Results.Ok(await IncidentActions.DetailAsync(db, id, time.GetUtcNow(), options.Value, ct));
        });
        api.MapPost("/{id:guid}/milestones", async (TianshanDb db, ClaimsPrincipal user, Guid id, IncidentActions.MilestoneRequest request, TimeProvider time, CancellationToken ct) =>
        {
            await IncidentActions.MilestoneAsync(db, user, id, request, time, ct);
            return Results.NoContent();
        });
        api.MapPost("/{id:guid}/close", async (TianshanDb db, ClaimsPrincipal user, Guid id, IncidentActions.CloseRequest request, TimeProvider time, CancellationToken ct) =>
        {
            await IncidentActions.CloseAsync(db, user, id, request, time, ct);
            return Results.NoContent();
        });
        api.MapGet("/{id:guid}/duty-report.pdf", async (TianshanDb db, Guid id, TimeProvider time, IOptions<ReportingClockOptions> options, IConfiguration config, CancellationToken ct) =>
        {
            var now = time.GetUtcNow();
            var detail = await IncidentActions.DetailAsync(db, id, now, options.Value, ct);
            var today = await DutyDesk.TodayAsync(db, now, ct);
            var pdf = DutyReportPdf.Render(detail, today.OnDuty, now, config["Pdf:FontPath"]);
            return Results.File(pdf, "application/pdf", $"值班信息专报-{detail.Summary.Number}.pdf");
        });

        var duty = app.MapGroup("/api/duty").WithTags("Duty desk").RequireAuthorization(p => p.RequireRole(Roles.Bureau));
        duty.MapGet("/today", (TianshanDb db, TimeProvider time, CancellationToken ct) => DutyDesk.TodayAsync(db, time.GetUtcNow(), ct));
        duty.MapGet("/roster", (TianshanDb db, DateOnly from, DateOnly to, CancellationToken ct) => DutyDesk.RosterAsync(db, from, to, ct));
        duty.MapPut("/roster", (TianshanDb db, DutyDesk.ShiftRequest request, CancellationToken ct) => DutyDesk.SetShiftAsync(db, request, ct));
        duty.MapGet("/log", (TianshanDb db, DateOnly? day, CancellationToken ct) => DutyDesk.LogAsync(db, day, ct));
        duty.MapGet("/log/export", async (TianshanDb db, DateOnly? from, DateOnly? to, TimeProvider time, CancellationToken ct) =>
            Results.File(await DutyDesk.LogWorkbookAsync(db, from, to, time, ct), Tianshan.Web.Features.Registry.RegistryWorkbooks.ContentType,
                Tianshan.Web.Features.Resources.LedgerActions.FileName("值班日志", time)));
        duty.MapPost("/log", async (TianshanDb db, DutyDesk.LogRequest request, TimeProvider time, CancellationToken ct) =>
        {
            var entry = await DutyDesk.AddLogAsync(db, request, time, ct);
            return Results.Created($"/api/duty/log/{entry.Id}", entry);
        });
        duty.MapGet("/open-items", (TianshanDb db, CancellationToken ct) => DutyDesk.OpenItemsAsync(db, ct));
        duty.MapPost("/open-items", async (TianshanDb db, DutyDesk.OpenItemRequest request, TimeProvider time, CancellationToken ct) =>
        {
            var item = await DutyDesk.AddOpenItemAsync(db, request, time, ct);
            return Results.Created($"/api/duty/open-items/{item.Id}", item);
        });
        duty.MapPost("/open-items/{id:guid}/close", async (TianshanDb db, Guid id, DutyDesk.CloseItemRequest request, TimeProvider time, CancellationToken ct) =>
        {
            await DutyDesk.CloseOpenItemAsync(db, id, request, time, ct);
            return Results.NoContent();
        });
        duty.MapGet("/handovers", (TianshanDb db, CancellationToken ct) => DutyDesk.HandoversAsync(db, ct));
        duty.MapPost("/handovers", async (TianshanDb db, DutyDesk.HandoverRequest request, TimeProvider time, CancellationToken ct) =>
        {
            var handover = await DutyDesk.HandOverAsync(db, request, time, ct);
            return Results.Created($"/api/duty/handovers/{handover.Id}", handover);
        });
    }
}
