using Microsoft.EntityFrameworkCore;
using Tianshan.Core.Data;
using Tianshan.Core.Platform;
using Tianshan.Core.Registry;

namespace Tianshan.Web.Features.Registry;

public static class SpecialEquipmentEndpoints
{
    public sealed record View(Guid Id, Guid EnterpriseId, string EnterpriseName, SpecialEquipmentKind Kind, string KindLabel,
        string RegistrationCode, string Name, string? Location, DateOnly? LastInspectedOn, DateOnly NextInspectionDue, string Status);

    public sealed record CreateRequest(Guid EnterpriseId, SpecialEquipmentDetails Details);

    /// <summary>Overdue, due within <see cref="SpecialEquipment.DueSoonDays"/> days, or in date.</summary>
    public static string StatusOf(DateOnly due, DateOnly today) =>
        due < today ? "overdue" : due <= today.AddDays(SpecialEquipment.DueSoonDays) ? "due-soon" : "ok";

    public static string StatusLabel(string status) => status switch
    {
        "overdue" => "逾期未检",
        "due-soon" => "30天内到期",
        _ => "正常",
    };

    public static async Task<List<View>> List(TianshanDb db, string? due, Guid? enterpriseId, DateOnly today, CancellationToken ct)
    {
        var query = db.SpecialEquipment.AsNoTracking().AsQueryable();
        if (enterpriseId is { } id)
            query = query.Where(s => s.EnterpriseId == id);
        var soon = today.AddDays(SpecialEquipment.DueSoonDays);
        query = due switch
        {
            "overdue" => query.Where(s => s.NextInspectionDue < today),
            "soon" => query.Where(s => s.NextInspectionDue >= today && s.NextInspectionDue <= soon),
            "due" => query.Where(s => s.NextInspectionDue <= soon),
            _ => query,
        };
        var items = await query.OrderBy(s => s.NextInspectionDue)
            .Select(s => new { s, EnterpriseName = s.Enterprise!.Name }).ToListAsync(ct);
        return items.Select(x => new View(x.s.Id, x.s.EnterpriseId, x.EnterpriseName, x.s.Kind, SpecialEquipment.KindLabel(x.s.Kind),
            x.s.RegistrationCode, x.s.Name, x.s.Location, x.s.LastInspectedOn, x.s.NextInspectionDue, StatusOf(x.s.NextInspectionDue, today))).ToList();
    }

    internal static void MapSpecialEquipment(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/special-equipment").WithTags("Special equipment").RequireAuthorization();
        api.MapGet("/", (TianshanDb db, string? due, Guid? enterpriseId, TimeProvider time, CancellationToken ct) =>
            List(db, due, enterpriseId, ChinaTime.Today(time), ct));

        api.MapGet("/export", async (TianshanDb db, string? due, TimeProvider time, CancellationToken ct) =>
        {
            var rows = await List(db, due, null, ChinaTime.Today(time), ct);
            return Results.File(RegistryWorkbooks.WriteSpecialEquipment(rows), RegistryWorkbooks.ContentType, $"特种设备_{ChinaTime.Today(time):yyyyMMdd}.xlsx");
        });

        api.MapPost("/", async (TianshanDb db, CreateRequest request, CancellationToken ct) =>
        {
            var enterprise = await db.Enterprises.FirstOrDefaultAsync(e => e.Id == request.EnterpriseId, ct)
                ?? throw new NotFoundException("企业不存在或不在您的管辖范围内");
            var item = SpecialEquipment.Create(enterprise.Id, request.Details);
            db.SpecialEquipment.Add(item);
            await db.SaveChangesAsync(ct);
            return Results.Created($"/api/special-equipment/{item.Id}", new { item.Id });
        }).RequireAuthorization(p => p.RequireRole(Roles.Bureau, Roles.Department, Roles.Street, Roles.Enterprise));

        api.MapPut("/{id:guid}", async (TianshanDb db, Guid id, SpecialEquipmentDetails details, CancellationToken ct) =>
        {
            var item = await db.SpecialEquipment.FirstOrDefaultAsync(s => s.Id == id, ct)
                ?? throw new NotFoundException("特种设备不存在或不在您的管辖范围内");
            item.Update(details);
            await db.SaveChangesAsync(ct);
            return Results.NoContent();
        }).RequireAuthorization(p => p.RequireRole(Roles.Bureau, Roles.Department, Roles.Street, Roles.Enterprise));
    }
}
