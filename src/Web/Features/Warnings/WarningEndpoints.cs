using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tianshan.Core.Data;
using Tianshan.Core.Platform;
using Tianshan.Core.Warnings;
using Tianshan.Web.Features.Registry;
using Tianshan.Web.Features.Warnings.Channels;

namespace Tianshan.Web.Features.Warnings;

/// <summary>A delivery receipt (回执) from a gateway: the delivery key it was given, and what happened.</summary>
public sealed record ReceiptRequest(string? DeliveryKey, string? Status, string? Error);

/// <summary>Refuses to start with a CAP identity that cannot make a GB/T 35965.1 identifier (see <see cref="CapOptions.Problems"/>).</summary>
internal sealed class CapOptionsValidation : IValidateOptions<CapOptions>
{
    public ValidateOptionsResult Validate(string? name, CapOptions options) =>
        options.Problems() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
}

internal static class WarningEndpoints
{
    public static IServiceCollection AddWarnings(this IServiceCollection services)
    {
        services.AddOptions<CapOptions>().BindConfiguration(CapOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<CapOptions>, CapOptionsValidation>();
        services.AddOptions<DeliveryOptions>().BindConfiguration(DeliveryOptions.Section)
            .Validate(o => o.ParallelPerChannel is >= 1 and <= 64, "Warnings:Delivery:ParallelPerChannel（每个渠道同时发送的条数）应在 1 到 64 之间").ValidateOnStart();
        services.AddOptions<ChannelOptions>().BindConfiguration(ChannelOptions.Section);
        services.AddHttpClient("warning-channels");
        services.AddSingleton<ChannelRegistry>();
        services.AddSingleton<WarningDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<WarningDispatcher>());
        services.AddScoped<WarningActions>();
        return services;
    }

    public static void MapWarnings(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/warnings").WithTags("Warnings").RequireAuthorization(p => p.RequireRole(WarningActions.Readers));

        api.MapGet("/", (WarningActions a, WarningStatus? status, CancellationToken ct) => a.ListAsync(status, ct));
        api.MapGet("/export", async (WarningActions a, TianshanDb db, TimeProvider time, CancellationToken ct) =>
            Results.File(await WarningExport.WriteAsync(a, db, ct), RegistryWorkbooks.ContentType, WarningExport.FileName(time)));
        api.MapGet("/{id:guid}", (WarningActions a, Guid id, CancellationToken ct) => a.DetailAsync(id, ct));
        api.MapGet("/{id:guid}/cap", async (WarningActions a, Guid id, CancellationToken ct) =>
            Results.Text(await a.CapXmlAsync(id, ct), "application/cap+xml; charset=utf-8"));
        api.MapGet("/{id:guid}/recipients", async (TianshanDb db, WarningActions a, Guid id, CancellationToken ct) =>
            await WarningRecipients.ResolveAsync(db, await a.FindAsync(id, ct), ct));
        api.MapGet("/{id:guid}/shelters", async (TianshanDb db, WarningActions a, Guid id, CancellationToken ct) =>
            await WarningShelters.ForAsync(db, await a.FindAsync(id, ct), ct));
        api.MapPost("/", async (WarningActions a, ClaimsPrincipal user, WarningActions.DraftRequest request, CancellationToken ct) =>
        {
            var w = await a.DraftAsync(user, request, ct);
            return Results.Created($"/api/warnings/{w.Id}", new { w.Id, w.Status });
        });
        api.MapPut("/{id:guid}", async (WarningActions a, ClaimsPrincipal user, Guid id, WarningActions.DraftRequest request, CancellationToken ct) =>
        {
            await a.EditAsync(user, id, request, ct);
            return Results.NoContent();
        });
        api.MapPost("/{id:guid}/submit", async (WarningActions a, ClaimsPrincipal user, Guid id, CancellationToken ct) =>
        {
            await a.SubmitAsync(user, id, ct);
            return Results.NoContent();
        });
        api.MapPost("/{id:guid}/approve", async (WarningActions a, ClaimsPrincipal user, Guid id, CancellationToken ct) =>
        {
            await a.ApproveAsync(user, id, ct);
            return Results.NoContent();
        });
        api.MapPost("/{id:guid}/reject", async (WarningActions a, ClaimsPrincipal user, Guid id, WarningActions.RejectRequest request, CancellationToken ct) =>
        {
            await a.RejectAsync(user, id, request, ct);
            return Results.NoContent();
        });
        api.MapPost("/{id:guid}/publish", async (WarningActions a, ClaimsPrincipal user, Guid id, CancellationToken ct) =>
        {
            var w = await a.PublishAsync(user, id, ct);
            return Results.Ok(new { w.Id, w.Identifier, w.Status });
        });
        api.MapPost("/{id:guid}/update", async (WarningActions a, ClaimsPrincipal user, Guid id, WarningActions.DraftRequest request, CancellationToken ct) =>
        {
            var w = await a.DraftUpdateAsync(user, id, request, ct);
            return Results.Created($"/api/warnings/{w.Id}", new { w.Id, w.Status, w.References });
        });
        api.MapPost("/{id:guid}/cancel", async (WarningActions a, ClaimsPrincipal user, Guid id, WarningActions.RejectRequest request, CancellationToken ct) =>
        {
            var w = await a.DraftCancelAsync(user, id, request, ct);
            return Results.Created($"/api/warnings/{w.Id}", new { w.Id, w.Status, w.References });
        });
        api.MapPost("/{id:guid}/deliveries/{deliveryId:guid}/resend", async (WarningActions a, ClaimsPrincipal user, Guid id, Guid deliveryId,
            WarningActions.ResendRequest? request, ChannelRegistry channels, IOptions<DeliveryOptions> delivery, CancellationToken ct) =>
            Results.Ok(await a.ResendAsync(user, id, deliveryId, request ?? new(false), channels, delivery, ct)));
        api.MapGet("/statistics", (TianshanDb db, CancellationToken ct) => WarningStatisticsQuery.ComputeAsync(db, ct));
        api.MapGet("/event-types", () => WarningEventTypes.All);

        // CAP import: the XML is the body. Bureau and 信息审核发布 import; everyone on the government side reads.
        api.MapPost("/import", async (HttpRequest request, TianshanDb db, ClaimsPrincipal user, TimeProvider time, CancellationToken ct) =>
        {
            if (!user.IsInRole(Roles.Bureau) && !user.IsInRole(Roles.WarningPublisher))
                throw new ForbiddenException("您的角色不能导入 CAP 预警");
            using var reader = new StreamReader(request.Body);
            var buffer = new char[CapImport.MaxChars + 1];
            var read = await reader.ReadBlockAsync(buffer, ct);
            var (alert, created) = await CapImport.ImportAsync(db, new string(buffer, 0, read), time, ct);
            var view = ImportedAlertView.Of(alert);
            return created ? Results.Created($"/api/warnings/imported/{alert.Id}", view) : Results.Ok(view);
        }).Accepts<string>("application/cap+xml", "application/xml", "text/xml");
        api.MapGet("/imported", (TianshanDb db, CancellationToken ct) => CapImport.ListAsync(db, ct));
        api.MapGet("/imported/{id:guid}", async (TianshanDb db, Guid id, CancellationToken ct) =>
            ImportedAlertView.Of(await db.ImportedAlerts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct) ?? throw new NotFoundException("导入的预警不存在")));
        api.MapGet("/imported/{id:guid}/cap", async (TianshanDb db, Guid id, CancellationToken ct) =>
            Results.Text(await db.ImportedAlerts.AsNoTracking().Where(a => a.Id == id).Select(a => a.OriginalXml).FirstOrDefaultAsync(ct)
                ?? throw new NotFoundException("导入的预警不存在"), "application/cap+xml; charset=utf-8"));

        // The contact ledger per community (WarningContacts): read within the user's jurisdiction, kept by the bureau, street and community.
        api.MapGet("/contacts", (TianshanDb db, string? community, CancellationToken ct) => WarningContacts.ListAsync(db, community, ct));
        api.MapGet("/contacts/{id:guid}", (TianshanDb db, Guid id, CancellationToken ct) => WarningContacts.GetAsync(db, id, ct));
        api.MapGet("/contacts/communities", (TianshanDb db, CancellationToken ct) => WarningContacts.CommunitiesAsync(db, ct));
        api.MapGet("/contacts/export", async (TianshanDb db, string? community, CancellationToken ct) =>
            Results.File(WarningContactWorkbook.Write(await WarningContacts.ListAsync(db, community, ct)), RegistryWorkbooks.ContentType, WarningContactWorkbook.FileName));
        api.MapGet("/contacts/import-template", () =>
            Results.File(WarningContactWorkbook.Template(), RegistryWorkbooks.ContentType, WarningContactWorkbook.Title + "导入模板.xlsx"));
        api.MapPost("/contacts/import", async (TianshanDb db, ClaimsPrincipal user, IFormFile file, CancellationToken ct) =>
        {
            await using var stream = file.OpenReadStream();
            var report = await ImportWarningContacts.Handle(db, user, stream, ct);
            return report.Stored ? Results.Ok(report) : Results.BadRequest(report);
        }).DisableAntiforgery();
        api.MapPost("/contacts", async (TianshanDb db, ClaimsPrincipal user, WarningContactDetails r, CancellationToken ct) =>
        {
            var contact = await WarningContacts.CreateAsync(db, user, r, ct);
            return Results.Created($"/api/warnings/contacts/{contact.Id}", contact);
        });
        api.MapPut("/contacts/{id:guid}", (TianshanDb db, ClaimsPrincipal user, Guid id, WarningContactDetails r, CancellationToken ct) =>
            WarningContacts.UpdateAsync(db, user, id, r, ct));
        api.MapDelete("/contacts/{id:guid}", async (TianshanDb db, ClaimsPrincipal user, Guid id, CancellationToken ct) =>
        {
            await WarningContacts.DeleteAsync(db, user, id, ct);
            return Results.NoContent();
        });

        // Receipts (回执) from the gateways: no login, a shared token instead.
        app.MapPost("/api/warnings/receipts", async (HttpRequest http, TianshanDb db, CurrentUser current, IOptions<DeliveryOptions> options,
            TimeProvider time, ReceiptRequest r, CancellationToken ct) =>
        {
            var token = options.Value.ReceiptToken;
            if (string.IsNullOrEmpty(token) || !string.Equals(http.Headers["X-Receipt-Token"], token, StringComparison.Ordinal))
                return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "回执令牌无效");
            var status = r.Status?.ToLowerInvariant() switch
            {
                "delivered" => DeliveryStatus.Delivered,
                "read" => DeliveryStatus.Read,
                "failed" => DeliveryStatus.Failed,
                _ => throw new DomainValidationException("status", "回执状态只能是 delivered、read 或 failed"),
            };
            current.Set(UserScope.System);
            var delivery = await db.WarningDeliveries.FirstOrDefaultAsync(d => d.DeliveryKey == r.DeliveryKey, ct)
                ?? throw new NotFoundException("没有该投递编号");
            var changed = delivery.ApplyReceipt(status, r.Error, time.GetUtcNow());
            await db.SaveChangesAsync(ct);
            return Results.Ok(new { delivery.DeliveryKey, delivery.Status, changed });
        }).AllowAnonymous().ExcludeFromDescription();

        // Public CAP: no login.
        app.MapGet("/cap/feed.atom", async (HttpRequest request, TianshanDb db, IOptions<CapOptions> options, TimeProvider time, CancellationToken ct) =>
            Results.Text(await CapFeed.AtomAsync(db, options.Value, CapFeed.BaseUrl(request, options.Value), time.GetUtcNow(), ct), "application/atom+xml; charset=utf-8"))
            .AllowAnonymous().WithTags("Public CAP");
        app.MapGet("/cap/{identifier}.xml", async (TianshanDb db, string identifier, CancellationToken ct) =>
            await CapFeed.CapOfAsync(db, identifier, ct) is { } xml ? Results.Text(xml, "application/cap+xml; charset=utf-8") : Results.NotFound())
            .AllowAnonymous().WithTags("Public CAP");
    }
}
