using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Tianshan.Core.Data;
using Tianshan.Core.Platform;
using Tianshan.Core.Prevention;
using Tianshan.Web.Infrastructure;

namespace Tianshan.Web.Features.Prevention;

/// <summary>
/// 群众举报: anyone may report a hazard without logging in (anonymously if they wish); a fixed window per client address
/// limits floods (<see cref="PublicReportLimiter"/>, shared by the API and the public page). The answer is a receipt number and nothing else — no endpoint reads a report back publicly. The
/// bureau's side triages each report into a hidden hazard of an enterprise, or closes it with a reason.
/// </summary>
public static class PublicReports
{
    public sealed record ReportRequest(string? EnterpriseName, string? Location, string? Description, string? Contact);

    public sealed record ConvertRequest(Guid? EnterpriseId, string? Title);

    public sealed record Receipt(string Number, string Message);

    public static async Task<Receipt> ReceiveAsync(TianshanDb db, ReportRequest request, TimeProvider time, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Description))
            errors["description"] = ["请描述您发现的安全隐患"];
        else if (request.Description.Length > 4000)
            errors["description"] = ["描述不能超过 4000 字"];
        if (string.IsNullOrWhiteSpace(request.EnterpriseName) && string.IsNullOrWhiteSpace(request.Location))
            errors["location"] = ["请填写单位名称或具体地点，便于核查"];
        if (request.EnterpriseName?.Length > 200)
            errors["enterpriseName"] = ["单位名称不能超过 200 字"];
        if (request.Location?.Length > 200)
            errors["location"] = ["地点不能超过 200 字"];
        if (request.Contact?.Length > 50)
            errors["contact"] = ["联系方式不能超过 50 字"];
        if (errors.Count > 0)
            throw new DomainValidationException(errors);
        var now = time.GetUtcNow();
        var report = new PublicReport
        {
            Receipt = $"JB-{ChinaTime.ToChina(now):yyyyMMdd}-{RandomNumberGenerator.GetString("ABCDEFGHJKLMNPQRSTUVWXYZ23456789", 6)}",
            EnterpriseName = request.EnterpriseName?.Trim() ?? "",
            Location = request.Location?.Trim() ?? "",
            Description = request.Description!.Trim(),
            Contact = string.IsNullOrWhiteSpace(request.Contact) ? null : request.Contact.Trim(),
            ReceivedAt = now,
        };
        db.PublicReports.Add(report);
        await db.SaveChangesAsync(ct);
        return new Receipt(report.Receipt, $"举报已受理，受理编号 {report.Receipt}。我们将依法核查并为举报人保密。");
    }

    public static async Task<HiddenHazard> ConvertAsync(TianshanDb db, ClaimsPrincipal user, Guid id, ConvertRequest request, TimeProvider time, CancellationToken ct)
    {
        RequireSupervisor(user);
        var report = await db.PublicReports.FirstOrDefaultAsync(r => r.Id == id, ct) ?? throw new NotFoundException("举报不存在");
        if (report.Status != PublicReportStatus.Received)
            throw new WorkflowException("该举报已处理");
        if (request.EnterpriseId is not { } enterpriseId)
            throw new DomainValidationException("enterpriseId", "请选择被举报的企业");
        if (!await db.Enterprises.AnyAsync(e => e.Id == enterpriseId, ct))
            throw new NotFoundException("企业不存在或不在您的管辖范围内");
        var now = time.GetUtcNow();
        var title = string.IsNullOrWhiteSpace(request.Title) ? Shorten(report.Description, 60) : request.Title.Trim();
        report.Status = PublicReportStatus.Converted;
        report.HandledBy = db.Scope.UserName;
        report.HandledAt = now;
        // Registered in the same SaveChanges as the report's new status: both or neither.
        var hazard = await HiddenHazardActions.AddAsync(db, enterpriseId, HiddenHazardOrigin.PublicReport, new HiddenHazardDetails
        {
            Title = title,
            Description = $"{report.Description}\n（群众举报 {report.Receipt}）",
            Location = report.Location,
            FoundAt = report.ReceivedAt,
        }, db.Scope.UserName, now, ct);
        report.HiddenHazardId = hazard.Id;
        await db.SaveChangesAsync(ct);
        return hazard;
    }

    public static async Task CloseAsync(TianshanDb db, ClaimsPrincipal user, Guid id, string? note, TimeProvider time, CancellationToken ct)
    {
        RequireSupervisor(user);
        var report = await db.PublicReports.FirstOrDefaultAsync(r => r.Id == id, ct) ?? throw new NotFoundException("举报不存在");
        if (report.Status != PublicReportStatus.Received)
            throw new WorkflowException("该举报已处理");
        if (string.IsNullOrWhiteSpace(note))
            throw new DomainValidationException("note", "请填写核查结果");
        report.Status = PublicReportStatus.Closed;
        report.HandledBy = db.Scope.UserName;
        report.HandledAt = time.GetUtcNow();
        report.HandlingNote = note.Trim();
        await db.SaveChangesAsync(ct);
    }

    private static string Shorten(string text, int length) => text.Length <= length ? text : text[..length] + "…";

    private static void RequireSupervisor(ClaimsPrincipal user)
    {
        if (!HiddenHazardActions.Supervisors.Any(user.IsInRole))
            throw new ForbiddenException("只有监管人员可以处理群众举报");
    }

    public static void MapPublicReports(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/public/reports", async (TianshanDb db, ReportRequest request, PublicReportLimiter limiter, HttpContext http, TimeProvider time,
                CancellationToken ct) =>
            {
                if (!limiter.TryAcquire(http.Connection.RemoteIpAddress))
                    return Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: Text.Of("提交过于频繁", "Too many reports"),
                        detail: limiter.Refusal);
                var receipt = await ReceiveAsync(db, request, time, ct);
                return Results.Json(receipt, statusCode: StatusCodes.Status201Created);
            })
            .WithTags("Public").AllowAnonymous().DisableAntiforgery();

        var api = app.MapGroup("/api/reports").WithTags("Public reports").RequireAuthorization(p => p.RequireRole(HiddenHazardActions.Supervisors));
        api.MapGet("/", async (TianshanDb db, PublicReportStatus? status, CancellationToken ct) =>
            await db.PublicReports.AsNoTracking().Where(r => status == null || r.Status == status).OrderByDescending(r => r.ReceivedAt).Take(500).ToListAsync(ct));
        api.MapPost("/{id:guid}/convert", async (TianshanDb db, ClaimsPrincipal user, Guid id, ConvertRequest request, TimeProvider time, CancellationToken ct) =>
        {
            var hazard = await ConvertAsync(db, user, id, request, time, ct);
            return Results.Created($"/api/hazards/{hazard.Id}", new { hazard.Id, hazard.Number });
        });
        api.MapPost("/{id:guid}/close", async (TianshanDb db, ClaimsPrincipal user, Guid id, HiddenHazardActions.NoteRequest request, TimeProvider time, CancellationToken ct) =>
        {
            await CloseAsync(db, user, id, request.Note, time, ct);
            return Results.NoContent();
        });
    }
}
