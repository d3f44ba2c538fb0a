using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Tianshan.Core.Data;
using Tianshan.Core.DisasterRisk;
using Tianshan.Core.Platform;

namespace Tianshan.Web.Features.DisasterRisk;

/// <summary>/api/disaster-risk: the natural-disaster risk census (C10). The bureau edits; departments, streets and
/// communities read, and streets and communities also keep their own communities' exposure rows (CommunityExposures);
/// enterprise users and inspectors have no access (it is the government's own risk picture).</summary>
public static class DisasterRiskEndpoints
{
    public static readonly string[] Readers = [Roles.Bureau, Roles.Department, Roles.Street, Roles.Community];
    public const string ReaderRoles = Roles.Bureau + "," + Roles.Department + "," + Roles.Street + "," + Roles.Community;

    public static void MapDisasterRisk(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/disaster-risk").WithTags("Natural-disaster risk").RequireAuthorization(p => p.RequireRole(Readers));
        api.MapGet("/map", (TianshanDb db, CancellationToken ct) => DisasterRiskCensusMap.Handle(db, ct));

        api.MapGet("/layers/{file}", async (TianshanDb db, string file, CancellationToken ct) =>
        {
            var kind = LayerOf(file);
            return Results.File(await HazardLayerFiles.Export(db, kind, ct), HazardLayerFiles.ContentType, $"{HazardLayers.Code(kind)}.geojson");
        });
        api.MapPost("/layers/{file}", async (TianshanDb db, string file, HttpRequest request, CancellationToken ct) =>
            await HazardLayerFiles.Import(db, LayerOf(file), request.Body, ct)).RequireAuthorization(p => p.RequireRole(Roles.Bureau));

        api.MapGet("/exposures", (TianshanDb db, CancellationToken ct) => CommunityExposures.List(db, ct));
        api.MapGet("/exposures/export", async (TianshanDb db, TimeProvider time, CancellationToken ct) =>
            Results.File(CommunityExposures.Export(await CommunityExposures.List(db, ct)), Registry.RegistryWorkbooks.ContentType,
                Resources.LedgerActions.FileName("承灾体调查", time)));
        api.MapPost("/exposures/import", async (TianshanDb db, ClaimsPrincipal user, IFormFile file, CancellationToken ct) =>
        {
            await using var stream = file.OpenReadStream();
            var report = await CommunityExposures.Import(db, user, stream, ct);
            return report.Stored ? Results.Ok(report) : Results.BadRequest(report);
        }).DisableAntiforgery().RequireAuthorization(p => p.RequireRole(CommunityExposures.Writers));
        api.MapPut("/exposures/{divisionId:guid}", async (TianshanDb db, ClaimsPrincipal user, Guid divisionId, CommunityExposure.Details details, CancellationToken ct) =>
            await CommunityExposures.Set(db, user, divisionId, details, ct) ? Results.NoContent() : Results.Created($"/api/disaster-risk/exposures/{divisionId}", null))
            .RequireAuthorization(p => p.RequireRole(CommunityExposures.Writers));

        api.MapGet("/disasters", (TianshanDb db, CancellationToken ct) => HistoricalDisasters.List(db, ct));
        api.MapGet("/disasters/export", async (TianshanDb db, TimeProvider time, CancellationToken ct) =>
            Results.File(HistoricalDisasters.Export(await HistoricalDisasters.List(db, ct)), Registry.RegistryWorkbooks.ContentType,
                Resources.LedgerActions.FileName("历史灾害", time)));
        api.MapPost("/disasters", async (TianshanDb db, HistoricalDisaster.Details details, TimeProvider time, CancellationToken ct) =>
        {
            var view = await HistoricalDisasters.Create(db, details, time, ct);
            return Results.Created($"/api/disaster-risk/disasters/{view.Id}", view);
        }).RequireAuthorization(p => p.RequireRole(Roles.Bureau));
        api.MapPut("/disasters/{id:guid}", (TianshanDb db, Guid id, HistoricalDisaster.Details details, TimeProvider time, CancellationToken ct) =>
            HistoricalDisasters.Update(db, id, details, time, ct)).RequireAuthorization(p => p.RequireRole(Roles.Bureau));
        api.MapDelete("/disasters/{id:guid}", async (TianshanDb db, Guid id, CancellationToken ct) =>
        {
            await HistoricalDisasters.Delete(db, id, ct);
            return Results.NoContent();
        }).RequireAuthorization(p => p.RequireRole(Roles.Bureau));

        api.MapGet("/consultations", (TianshanDb db, CancellationToken ct) => Consultations.List(db, ct));
        api.MapGet("/consultations/export", async (TianshanDb db, TimeProvider time, CancellationToken ct) =>
            Results.File(Registry.RegistryWorkbooks.WriteTable("会商研判记录", ["日期", "类型", "题目", "参加人员", "形势", "研判意见", "防范措施", "记录人"],
                (await Consultations.List(db, ct)).Select(c => new object?[]
                {
                    c.HeldOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), c.KindLabel, c.Title, c.Participants, c.Situation,
                    c.Judgement, c.Measures, c.RecordedBy,
                })), Registry.RegistryWorkbooks.ContentType, Resources.LedgerActions.FileName("会商研判记录", time)));
        api.MapGet("/consultations/{id:guid}", async (TianshanDb db, Guid id, CancellationToken ct) => Consultations.ToView(await Consultations.Find(db, id, ct)));
        api.MapPost("/consultations", async (TianshanDb db, Consultation.Details details, TimeProvider time, CancellationToken ct) =>
        {
            var view = await Consultations.Create(db, details, time, ct);
            return Results.Created($"/api/disaster-risk/consultations/{view.Id}", view);
        }).RequireAuthorization(p => p.RequireRole(Roles.Bureau));
        api.MapPut("/consultations/{id:guid}", (TianshanDb db, Guid id, Consultation.Details details, TimeProvider time, CancellationToken ct) =>
            Consultations.Update(db, id, details, time, ct)).RequireAuthorization(p => p.RequireRole(Roles.Bureau));
        api.MapDelete("/consultations/{id:guid}", async (TianshanDb db, Guid id, CancellationToken ct) =>
        {
            await Consultations.Delete(db, id, ct);
            return Results.NoContent();
        }).RequireAuthorization(p => p.RequireRole(Roles.Bureau));
        api.MapGet("/consultations/{id:guid}/report.pdf", async (TianshanDb db, Guid id, IConfiguration configuration, TimeProvider time, CancellationToken ct) =>
        {
            var consultation = Consultations.ToView(await Consultations.Find(db, id, ct));
            var pdf = await ReportAsync(db, consultation, configuration, time, ct);
            return Results.File(pdf, "application/pdf", $"自然灾害风险形势分析报告_{consultation.HeldOn:yyyyMMdd}.pdf");
        });

        api.MapGet("/demonstration-communities", (TianshanDb db, CancellationToken ct) => DemonstrationCommunities.List(db, ct));
        api.MapPut("/demonstration-communities/{divisionId:guid}", async (TianshanDb db, Guid divisionId, DemonstrationCommunities.Request request, CancellationToken ct) =>
        {
            await DemonstrationCommunities.Set(db, divisionId, request, ct);
            return Results.NoContent();
        }).RequireAuthorization(p => p.RequireRole(Roles.Bureau));
    }

    public static async Task<byte[]> ReportAsync(TianshanDb db, Consultations.View consultation, IConfiguration configuration, TimeProvider time, CancellationToken ct) =>
        RiskSituationReport.Render(await RiskSituationReportData.LoadAsync(db, consultation, time, ct), time.GetUtcNow(), configuration["Pdf:FontPath"]);

    /// <summary>"active-faults.geojson" → the layer; an unknown name is a 404 (there is no such layer).</summary>
    private static HazardLayerKind LayerOf(string file)
    {
        var code = file.EndsWith(".geojson", StringComparison.OrdinalIgnoreCase) ? file[..^".geojson".Length] : file;
        return HazardLayers.FromCode(code) ?? throw new NotFoundException(
            $"没有图层 {code}（可用：{string.Join("、", HazardLayers.All.Select(HazardLayers.Code))}）");
    }
}
