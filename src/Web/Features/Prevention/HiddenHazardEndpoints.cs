using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tianshan.Core.Data;
using Tianshan.Core.Platform;
using Tianshan.Core.Prevention;
using Tianshan.Web.Features.Registry;

namespace Tianshan.Web.Features.Prevention;

internal static class HiddenHazardEndpoints
{
    public static void MapHiddenHazards(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/hazards").WithTags("Hidden hazards").RequireAuthorization(p => p.RequireRole(HiddenHazardActions.Participants));

        api.MapGet("/", async (TianshanDb db, TimeProvider time, IOptions<HiddenHazardDeadlineOptions> options, [AsParameters] HiddenHazardQueries.Filter filter,
            CancellationToken ct) => await HiddenHazardQueries.ListAsync(db, filter, time.GetUtcNow(), Window(options), ct));

        api.MapGet("/{id:guid}", async (TianshanDb db, Guid id, TimeProvider time, IOptions<HiddenHazardDeadlineOptions> options, CancellationToken ct) =>
            await HiddenHazardQueries.DetailAsync(db, id, time.GetUtcNow(), Window(options), ct));

        api.MapGet("/stats", async (TianshanDb db, int? year, TimeProvider time, CancellationToken ct) =>
            await HiddenHazardQueries.StatisticsAsync(db, year ?? ChinaTime.Now(time).Year, time.GetUtcNow(), ct));

        api.MapGet("/criteria", () => MajorHiddenHazardCriteria.All);

        api.MapGet("/export", async (TianshanDb db, TimeProvider time, IOptions<HiddenHazardDeadlineOptions> options, [AsParameters] HiddenHazardQueries.Filter filter,
            CancellationToken ct) =>
        {
            var rows = await HiddenHazardQueries.ListAsync(db, filter, time.GetUtcNow(), Window(options), ct);
            string Day(DateTimeOffset? t) => t is { } v ? ChinaTime.ToChina(v).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "";
            var bytes = RegistryWorkbooks.WriteTable("隐患台账",
                ["隐患编号", "企业名称", "隐患名称", "部位", "来源", "等级", "状态", "发现日期", "整改责任人", "整改期限", "期限状态", "挂牌督办", "销号日期"],
                rows.Select(r => new object?[]
                {
                    r.Number, r.EnterpriseName, r.Title, r.Location, r.OriginLabel, r.GradeLabel, r.StatusLabel, Day(r.FoundAt), r.ResponsiblePerson,
                    Day(r.Deadline), r.DeadlineLabel, RegistryWorkbooks.YesNo(r.Listed), Day(r.ClosedAt),
                }));
            return Results.File(bytes, RegistryWorkbooks.ContentType, $"隐患台账_{ChinaTime.Today(time):yyyyMMdd}.xlsx");
        });

        api.MapPost("/", async (TianshanDb db, ClaimsPrincipal user, HiddenHazardActions.RegisterRequest request, TimeProvider time, CancellationToken ct) =>
        {
            var hazard = await HiddenHazardActions.RegisterAsync(db, user, request, time, ct);
            return Results.Created($"/api/hazards/{hazard.Id}", new { hazard.Id, hazard.Number, hazard.Status });
        });

        api.MapPost("/{id:guid}/assess", async (TianshanDb db, ClaimsPrincipal user, Guid id, HiddenHazardActions.AssessRequest request, TimeProvider time, CancellationToken ct) =>
        {
            await HiddenHazardActions.AssessAsync(db, user, id, request, time, ct);
            return Results.NoContent();
        });
        api.MapPost("/{id:guid}/dismiss", async (TianshanDb db, ClaimsPrincipal user, Guid id, HiddenHazardActions.DismissRequest request, TimeProvider time, CancellationToken ct) =>
        {
            await HiddenHazardActions.DismissAsync(db, user, id, request, time, ct);
            return Results.NoContent();
        });
        api.MapPost("/{id:guid}/submit", async (TianshanDb db, ClaimsPrincipal user, Guid id, HiddenHazardActions.NoteRequest? request, TimeProvider time, CancellationToken ct) =>
        {
            await HiddenHazardActions.SubmitAsync(db, user, id, request ?? new(null), time, ct);
            return Results.NoContent();
        });
        api.MapPost("/{id:guid}/verify", async (TianshanDb db, ClaimsPrincipal user, Guid id, HiddenHazardActions.VerifyRequest request, TimeProvider time, CancellationToken ct) =>
        {
            await HiddenHazardActions.VerifyAsync(db, user, id, request, time, ct);
            return Results.NoContent();
        });
        api.MapPost("/{id:guid}/extend", async (TianshanDb db, ClaimsPrincipal user, Guid id, HiddenHazardActions.ExtendRequest request, TimeProvider time, CancellationToken ct) =>
        {
            await HiddenHazardActions.ExtendAsync(db, user, id, request, time, ct);
            return Results.NoContent();
        });
        api.MapPost("/{id:guid}/supervision", async (TianshanDb db, ClaimsPrincipal user, Guid id, HiddenHazardActions.ListRequest request, TimeProvider time, CancellationToken ct) =>
        {
            await HiddenHazardActions.ListAsync(db, user, id, request, time, ct);
            return Results.NoContent();
        });

        api.MapPost("/{id:guid}/evidence", async (TianshanDb db, ClaimsPrincipal user, Guid id, string? stage, IFormFileCollection files, TimeProvider time, CancellationToken ct) =>
        {
            if (files.Count == 0)
                throw new DomainValidationException("file", "请选择要上传的文件");
            var added = new List<EvidenceView>();
            foreach (var file in files)
            {
                await using var stream = file.OpenReadStream();
                var e = await HiddenHazardActions.AddEvidenceAsync(db, user, id, stage ?? EvidenceStage.Rectification, file.FileName, file.ContentType, stream, time, ct);
                added.Add(new EvidenceView(e.Id, e.Stage, e.FileName, e.ContentType, e.Size, e.Sha256, e.UploadedBy, e.UploadedAt));
            }
            return Results.Ok(added);
        }).DisableAntiforgery();

        api.MapGet("/{id:guid}/evidence/{evidenceId:guid}", async (TianshanDb db, Guid id, Guid evidenceId, CancellationToken ct) =>
        {
            var e = await db.HiddenHazardEvidence.AsNoTracking().FirstOrDefaultAsync(x => x.Id == evidenceId && x.HiddenHazardId == id, ct)
                ?? throw new NotFoundException("材料不存在或不在您的管辖范围内");
            return Results.File(e.Content, e.ContentType, e.FileName);
        });

        // 挂牌督办 is published (the public notice): no login, only what the notice says.
        app.MapGet("/api/public/supervised-hazards", async (TianshanDb db, CancellationToken ct) =>
            await db.HiddenHazards.IgnoreQueryFilters().AsNoTracking().Where(h => h.ListedAt != null)
                .OrderByDescending(h => h.ListedAt)
                .Select(h => new
                {
                    h.Number, EnterpriseName = h.Enterprise!.Name, h.Title, h.SupervisionNotice, h.SupervisingAuthority, h.ListedAt, h.Deadline,
                    Closed = h.Status == HiddenHazardStatus.Closed, h.ClosedAt,
                })
                .ToListAsync(ct))
            .WithTags("Public").AllowAnonymous();
    }

    private static TimeSpan Window(IOptions<HiddenHazardDeadlineOptions> options) => TimeSpan.FromDays(options.Value.ReminderDays);
}
