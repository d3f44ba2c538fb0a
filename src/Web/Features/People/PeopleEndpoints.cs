using Tianshan.Web.Features.Registry;
using System.Security.Claims;
using Microsoft.Extensions.Options;
using Tianshan.Core.Data;
using Tianshan.Core.People;
using Tianshan.Core.Platform;

namespace Tianshan.Web.Features.People;

/// <summary>Routes of C11: /api/people (people and certificates, alerts, Excel export/import and its template), /api/trainings, /api/publicity, /api/surveys.</summary>
public static class PeopleEndpoints
{
    public static IServiceCollection AddPeople(this IServiceCollection services)
    {
        services.AddOptions<CertificateAlertOptions>().BindConfiguration(CertificateAlertOptions.Section);
        return services;
    }

    private static int YearOf(int? year, TimeProvider time) => year ?? ChinaTime.Now(time).Year;

    public static void MapPeople(this IEndpointRouteBuilder app)
    {
        var people = app.MapGroup("/api/people").WithTags("People").RequireAuthorization(p => p.RequireRole(PeopleActions.Readers));
        people.MapGet("/", (TianshanDb db, [AsParameters] PeopleActions.Filter filter, TimeProvider time, IOptions<CertificateAlertOptions> options, CancellationToken ct) =>
            PeopleActions.ListAsync(db, filter, time, options.Value, ct));
        people.MapGet("/{id:guid}", (TianshanDb db, Guid id, TimeProvider time, IOptions<CertificateAlertOptions> options, CancellationToken ct) =>
            PeopleActions.GetAsync(db, id, time, options.Value, ct));
        people.MapGet("/certificates/alerts", (TianshanDb db, TimeProvider time, IOptions<CertificateAlertOptions> options, CancellationToken ct) =>
            PeopleActions.AlertsAsync(db, time, options.Value, ct));
        people.MapGet("/export", async (TianshanDb db, TimeProvider time, IOptions<CertificateAlertOptions> options, CancellationToken ct) =>
            Results.File(PeopleWorkbooks.WritePeople(await PeopleActions.ListAsync(db, new(), time, options.Value, ct)), RegistryWorkbooks.ContentType, "人员持证台账.xlsx"));
        people.MapGet("/import-template", () => Results.File(PeopleWorkbooks.WritePeopleTemplate(), RegistryWorkbooks.ContentType, "人员持证导入模板.xlsx"));
        people.MapPost("/import", async (TianshanDb db, ClaimsPrincipal user, IFormFile file, CancellationToken ct) =>
        {
            await using var stream = file.OpenReadStream();
            var report = await ImportPeople.Handle(db, user, stream, ct);
            return report.Stored ? Results.Ok(report) : Results.BadRequest(report);
        }).DisableAntiforgery();
        people.MapPost("/", async (TianshanDb db, ClaimsPrincipal user, PeopleActions.PersonRequest request, CancellationToken ct) =>
        {
            var person = await PeopleActions.CreateAsync(db, user, request, ct);
            return Results.Created($"/api/people/{person.Id}", new { person.Id, person.Name, person.Role, person.EnterpriseId });
        });
        people.MapPut("/{id:guid}", async (TianshanDb db, ClaimsPrincipal user, Guid id, PeopleActions.PersonRequest request, CancellationToken ct) =>
        {
            await PeopleActions.UpdateAsync(db, user, id, request, ct);
            return Results.NoContent();
        });
        people.MapDelete("/{id:guid}", async (TianshanDb db, ClaimsPrincipal user, Guid id, CancellationToken ct) =>
        {
            await PeopleActions.DeleteAsync(db, user, id, ct);
            return Results.NoContent();
        });
        people.MapPost("/{id:guid}/certificates", async (TianshanDb db, ClaimsPrincipal user, Guid id, PeopleActions.CertificateRequest request, CancellationToken ct) =>
        {
            var c = await PeopleActions.AddCertificateAsync(db, user, id, request, ct);
            return Results.Created($"/api/people/{id}", new { c.Id, c.Kind, c.Number, c.ExpiresOn });
        });
        people.MapDelete("/{id:guid}/certificates/{certificateId:guid}", async (TianshanDb db, ClaimsPrincipal user, Guid id, Guid certificateId, CancellationToken ct) =>
        {
            await PeopleActions.DeleteCertificateAsync(db, user, id, certificateId, ct);
            return Results.NoContent();
        });

        var trainings = app.MapGroup("/api/trainings").WithTags("Trainings").RequireAuthorization(p => p.RequireRole(PeopleActions.Readers));
        trainings.MapGet("/", (TianshanDb db, [AsParameters] TrainingActions.Filter filter, CancellationToken ct) => TrainingActions.ListAsync(db, filter, ct));
        trainings.MapGet("/{id:guid}", (TianshanDb db, Guid id, CancellationToken ct) => TrainingActions.GetAsync(db, id, ct));
        trainings.MapGet("/three-level", (TianshanDb db, CancellationToken ct) => TrainingActions.ThreeLevelAsync(db, ct));
        trainings.MapGet("/staff-hours", (TianshanDb db, int? year, TimeProvider time, CancellationToken ct) => TrainingActions.StaffHoursAsync(db, YearOf(year, time), ct));
        trainings.MapGet("/export", async (TianshanDb db, int? year, CancellationToken ct) =>
        {
            var details = new List<TrainingDetail>();
            foreach (var t in await TrainingActions.ListAsync(db, new(Year: year), ct))
                details.Add(await TrainingActions.GetAsync(db, t.Id, ct));
            return Results.File(PeopleWorkbooks.WriteTrainings(details), RegistryWorkbooks.ContentType, "培训台账.xlsx");
        });
        trainings.MapPost("/", async (TianshanDb db, ClaimsPrincipal user, TrainingActions.TrainingRequest request, CancellationToken ct) =>
        {
            var t = await TrainingActions.CreateAsync(db, user, request, ct);
            return Results.Created($"/api/trainings/{t.Id}", new { t.Id, t.Topic, t.Kind, t.HeldOn });
        });
        trainings.MapPost("/{id:guid}/attendance", async (TianshanDb db, ClaimsPrincipal user, Guid id, TrainingActions.AttendRequest request, CancellationToken ct) =>
        {
            var a = await TrainingActions.AttendAsync(db, user, id, request, ct);
            return Results.Created($"/api/trainings/{id}", new { a.Id, a.PersonId, a.InformantId, a.HoursCredited });
        });
        app.MapGet("/api/trainings/informants", (TianshanDb db, int? year, TimeProvider time, CancellationToken ct) =>
                TrainingActions.InformantCommunitiesAsync(db, YearOf(year, time), ct))
            .WithTags("Trainings").RequireAuthorization(p => p.RequireRole(PublicityActions.Readers));

        var publicity = app.MapGroup("/api/publicity").WithTags("Publicity").RequireAuthorization(p => p.RequireRole(PublicityActions.Readers));
        publicity.MapGet("/", (TianshanDb db, [AsParameters] PublicityActions.Filter filter, CancellationToken ct) => PublicityActions.ListPublicityAsync(db, filter, ct));
        publicity.MapGet("/export", async (TianshanDb db, int? year, CancellationToken ct) =>
            Results.File(PeopleWorkbooks.WritePublicity(await PublicityActions.ListPublicityAsync(db, new(year), ct)), RegistryWorkbooks.ContentType, "宣传活动台账.xlsx"));
        publicity.MapPost("/", async (TianshanDb db, ClaimsPrincipal user, PublicityActions.PublicityRequest request, CancellationToken ct) =>
        {
            var p = await PublicityActions.CreatePublicityAsync(db, user, request, ct);
            return Results.Created($"/api/publicity?divisionId={p.DivisionId}", new { p.Id, p.Title, p.HouseholdsReached });
        });

        var surveys = app.MapGroup("/api/surveys").WithTags("Surveys").RequireAuthorization(p => p.RequireRole(PublicityActions.Readers));
        surveys.MapGet("/", (TianshanDb db, [AsParameters] PublicityActions.Filter filter, CancellationToken ct) => PublicityActions.ListSurveysAsync(db, filter, ct));
        surveys.MapGet("/export", async (TianshanDb db, int? year, CancellationToken ct) =>
            Results.File(PeopleWorkbooks.WriteSurveys(await PublicityActions.ListSurveysAsync(db, new(year), ct)), RegistryWorkbooks.ContentType, "知识调查台账.xlsx"));
        surveys.MapPost("/", async (TianshanDb db, ClaimsPrincipal user, PublicityActions.SurveyRequest request, CancellationToken ct) =>
        {
            var s = await PublicityActions.CreateSurveyAsync(db, user, request, ct);
            return Results.Created($"/api/surveys?divisionId={s.DivisionId}", new { s.Id, s.Kind, s.Rate });
        });
    }
}
