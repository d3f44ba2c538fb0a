using System.Security.Claims;
using Microsoft.Extensions.Options;
using Tianshan.Core.Data;
using Tianshan.Core.Platform;
using Tianshan.Core.Resources;
using Tianshan.Web.Features.Registry;

namespace Tianshan.Web.Features.Resources;

/// <summary>/api/resources: every ledger of the atlas (list, read, create, update, delete, Excel export and import), the stock
/// ledger and its movements, and the gaps against the norms.</summary>
internal static class ResourceEndpoints
{
    public static void MapResources(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/resources").WithTags("Resources").RequireAuthorization(p => p.RequireRole(LedgerActions.Readers));
        MapLedger(api, Ledgers.Teams);
        MapLedger(api, Ledgers.Experts);
        MapLedger(api, Ledgers.Warehouses);
        MapLedger(api, Ledgers.Materials);
        MapLedger(api, Ledgers.Equipment);
        MapLedger(api, Ledgers.Shelters);
        MapLedger(api, Ledgers.FireStations);
        MapLedger(api, Ledgers.Hospitals);
        MapLedger(api, Ledgers.Informants);

        api.MapGet("/stock", (TianshanDb db, TimeProvider time, Guid? warehouseId, CancellationToken ct) => StockActions.ListAsync(db, time, warehouseId, ct));
        api.MapGet("/stock/movements", (TianshanDb db, Guid? stockItemId, int? take, CancellationToken ct) =>
            StockActions.MovementsAsync(db, stockItemId, take ?? 500, ct));
        api.MapPost("/stock/movements", async (TianshanDb db, ClaimsPrincipal user, StockActions.MoveRequest request, TimeProvider time, CancellationToken ct) =>
        {
            var movement = await StockActions.MoveAsync(db, user, request, time, ct);
            return Results.Created($"/api/resources/stock/movements?stockItemId={movement.StockItemId}", movement);
        });
        api.MapGet("/stock/export", async (TianshanDb db, TimeProvider time, CancellationToken ct) =>
            Results.File(await StockActions.ExportStockAsync(db, time, ct), RegistryWorkbooks.ContentType, LedgerActions.FileName("库存", time)));
        api.MapGet("/stock/movements/export", async (TianshanDb db, TimeProvider time, CancellationToken ct) =>
            Results.File(await StockActions.ExportMovementsAsync(db, ct), RegistryWorkbooks.ContentType, LedgerActions.FileName("出入库台账", time)));
        api.MapPost("/stock/movements/import", async (TianshanDb db, ClaimsPrincipal user, IFormFile file, TimeProvider time, CancellationToken ct) =>
        {
            await using var stream = file.OpenReadStream();
            var report = await StockActions.ImportMovementsAsync(db, user, stream, time, ct);
            return report.Stored ? Results.Ok(report) : Results.BadRequest(report);
        }).DisableAntiforgery();

        api.MapGet("/gaps", (TianshanDb db, IOptions<ResourceNorms> norms, CancellationToken ct) => GapActions.ComputeAsync(db, norms, ct));
    }

    // Handlers take HttpContext and return IResult: the route-handler analyzer cannot follow a generic parameter in a handler's
    // signature, so the body is read here instead of bound.
    private static void MapLedger<T>(RouteGroupBuilder api, Ledger<T> ledger) where T : ResourceRecord, new()
    {
        var group = api.MapGroup("/" + ledger.Kind);
        group.MapGet("/", async (TianshanDb db, string? q, CancellationToken ct) => Results.Ok(await LedgerActions.ListAsync(db, ledger, q, ct)));
        group.MapGet("/{id:guid}", async (TianshanDb db, Guid id, CancellationToken ct) => Results.Ok(await LedgerActions.GetAsync<T>(db, id, ct)));
        group.MapPost("/", async (HttpContext http, TianshanDb db, CancellationToken ct) =>
        {
            var saved = await LedgerActions.SaveAsync(db, http.User, null, await BodyAsync<T>(http, ct), ct);
            return Results.Created($"/api/resources/{ledger.Kind}/{saved.Id}", saved);
        });
        group.MapPut("/{id:guid}", async (HttpContext http, TianshanDb db, Guid id, CancellationToken ct) =>
            Results.Ok(await LedgerActions.SaveAsync(db, http.User, id, await BodyAsync<T>(http, ct), ct)));
        group.MapDelete("/{id:guid}", async (HttpContext http, TianshanDb db, Guid id, CancellationToken ct) =>
        {
            await LedgerActions.DeleteAsync<T>(db, http.User, id, ct);
            return Results.NoContent();
        });
        group.MapGet("/export", async (TianshanDb db, TimeProvider time, CancellationToken ct) =>
            Results.File(await LedgerActions.ExportAsync(db, ledger, ct), RegistryWorkbooks.ContentType, LedgerActions.FileName(ledger.Title, time)));
        group.MapPost("/import", async (HttpContext http, TianshanDb db, IFormFile file, CancellationToken ct) =>
        {
            await using var stream = file.OpenReadStream();
            var report = await LedgerActions.ImportAsync(db, http.User, ledger, stream, ct);
            return report.Stored ? Results.Ok(report) : Results.BadRequest(report);
        }).DisableAntiforgery();
    }

    private static async Task<T> BodyAsync<T>(HttpContext http, CancellationToken ct)
    {
        try
        {
            return await http.Request.ReadFromJsonAsync<T>(http.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions, ct)
                ?? throw new DomainValidationException("body", "请求内容为空");
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new DomainValidationException("body", "请求内容无法解析：" + e.Message);
        }
        catch (InvalidOperationException)
        {
            throw new DomainValidationException("body", "请以 JSON 格式提交（Content-Type: application/json）");
        }
    }
}
