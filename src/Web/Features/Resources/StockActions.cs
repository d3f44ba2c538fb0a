using System.Globalization;
using System.Security.Claims;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Tianshan.Core.Data;
using Tianshan.Core.Platform;
using Tianshan.Core.Resources;
using Tianshan.Web.Features.Registry;

namespace Tianshan.Web.Features.Resources;

public sealed record StockView(Guid Id, Guid WarehouseId, string WarehouseCode, string Warehouse, Guid MaterialId, string MaterialCode, string Material,
    string Category, string Unit, string Batch, DateOnly? ExpiresOn, decimal Quantity, StockAlert Alert, string AlertLabel, bool IsDemo);

public sealed record MovementView(Guid Id, Guid StockItemId, string Warehouse, string Material, string Unit, string Batch, StockMovementKind Kind,
    string KindLabel, decimal Quantity, decimal BalanceAfter, string Reason, string? Voucher, string By, DateTimeOffset At);

/// <summary>
/// The stock ledger (库存与出入库台账). A movement is applied by <see cref="StockItem.Move"/> (never below zero) and saved with the
/// lot's concurrency token: when two withdrawals race, the second save fails the token check, re-reads the lot and is judged
/// against the new balance — so both providers refuse the one that no longer fits (409) and keep the other.
/// </summary>
public static class StockActions
{
    public sealed record MoveRequest(Guid? StockItemId, Guid? WarehouseId, Guid? MaterialId, string? Batch, DateOnly? ExpiresOn,
        StockMovementKind? Kind, decimal? Quantity, string? Reason, string? Voucher);

    public static async Task<List<StockView>> ListAsync(TianshanDb db, TimeProvider time, Guid? warehouseId, CancellationToken ct)
    {
        var query = db.StockItems.AsNoTracking().Include(s => s.Warehouse).Include(s => s.Material).AsQueryable();
        if (warehouseId is { } w)
            query = query.Where(s => s.WarehouseId == w);
        var today = ChinaTime.Today(time);
        return (await query.ToListAsync(ct))
            .OrderBy(s => s.Warehouse!.Code, StringComparer.Ordinal).ThenBy(s => s.Material!.Code, StringComparer.Ordinal).ThenBy(s => s.Batch, StringComparer.Ordinal)
            .Select(s =>
            {
                var alert = s.Quantity > 0 ? StockAlerts.Of(s.ExpiresOn, s.Material!.RotationMonths, today) : StockAlert.None;
                return new StockView(s.Id, s.WarehouseId, s.Warehouse!.Code, s.Warehouse.Name, s.MaterialId, s.Material!.Code, s.Material.Name, s.Material.Category,
                    s.Material.Unit, s.Batch, s.ExpiresOn, s.Quantity, alert, StockAlerts.Label(alert), s.IsDemo);
            }).ToList();
    }

    public static async Task<List<MovementView>> MovementsAsync(TianshanDb db, Guid? stockItemId, int take, CancellationToken ct)
    {
        var query = db.StockMovements.AsNoTracking().Include(m => m.StockItem!.Warehouse).Include(m => m.StockItem!.Material).AsQueryable();
        if (stockItemId is { } id)
            query = query.Where(m => m.StockItemId == id);
        var rows = await query.ToListAsync(ct);
        return rows.OrderByDescending(m => m.At).ThenByDescending(m => m.Id).Take(Math.Clamp(take, 1, 5000))
            .Select(m => new MovementView(m.Id, m.StockItemId, m.StockItem!.Warehouse!.Name, m.StockItem.Material!.Name, m.StockItem.Material.Unit,
                m.StockItem.Batch, m.Kind, ResourceLabels.Of(m.Kind), m.Quantity, m.BalanceAfter, m.Reason, m.Voucher, m.By, m.At)).ToList();
    }

    public static async Task<MovementView> MoveAsync(TianshanDb db, ClaimsPrincipal user, MoveRequest r, TimeProvider time, CancellationToken ct)
    {
        LedgerActions.RequireWriter(user);
        if (r.Kind is not { } kind)
            throw new DomainValidationException("kind", "请选择入库或出库");
        for (var attempt = 0; ; attempt++)
        {
            var item = await FindOrCreateLotAsync(db, r, kind, ct);
            if (r.Voucher is { Length: > 0 } voucher && await db.StockMovements.IgnoreQueryFilters().AnyAsync(m => m.Voucher == voucher.Trim(), ct))
                throw new WorkflowException($"单据号“{voucher.Trim()}”已登记，不能重复出入库");
            var movement = item.Move(kind, r.Quantity ?? 0, r.Reason, db.Scope.UserName, time.GetUtcNow(), r.Voucher);
            db.StockMovements.Add(movement);
            try
            {
                await db.SaveChangesAsync(ct);
                return new MovementView(movement.Id, item.Id, item.Warehouse!.Name, item.Material!.Name, item.Material.Unit, item.Batch, movement.Kind,
                    ResourceLabels.Of(movement.Kind), movement.Quantity, movement.BalanceAfter, movement.Reason, movement.Voucher, movement.By, movement.At);
            }
            catch (DbUpdateException) when (attempt < 20)
            {
                // Another movement changed this lot (or created it) first: re-read and judge again against the stored balance.
                db.ChangeTracker.Clear();
                await Task.Delay(Random.Shared.Next(5, 25) * (attempt + 1), ct);
            }
        }
    }

    private static async Task<StockItem> FindOrCreateLotAsync(TianshanDb db, MoveRequest r, StockMovementKind kind, CancellationToken ct)
    {
        if (r.StockItemId is { } id)
        {
            return await db.StockItems.Include(s => s.Warehouse).Include(s => s.Material).FirstOrDefaultAsync(s => s.Id == id, ct)
                ?? throw new NotFoundException("库存记录不存在或不在您的管辖范围内");
        }
        if (r.WarehouseId is not { } warehouseId)
            throw new DomainValidationException("warehouseId", "请选择储备库");
        if (r.MaterialId is not { } materialId)
            throw new DomainValidationException("materialId", "请选择物资");
        var batch = r.Batch?.Trim() ?? "";
        var lot = await db.StockItems.Include(s => s.Warehouse).Include(s => s.Material)
            .FirstOrDefaultAsync(s => s.WarehouseId == warehouseId && s.MaterialId == materialId && s.Batch == batch, ct);
        if (lot is not null)
            return lot;
        if (kind == StockMovementKind.Out)
            throw new WorkflowException("该储备库没有此物资（批次）的库存，不能出库");
        var warehouse = await db.Warehouses.FirstOrDefaultAsync(w => w.Id == warehouseId, ct)
            ?? throw new NotFoundException("储备库不存在或不在您的管辖范围内");
        var material = await db.ReliefMaterials.IgnoreQueryFilters().FirstOrDefaultAsync(m => m.Id == materialId, ct)
            ?? throw new DomainValidationException("materialId", "物资不在目录中");
        lot = new StockItem(warehouse.Id, material.Id, batch, r.ExpiresOn);
        db.StockItems.Add(lot);
        db.Entry(lot).Reference(s => s.Warehouse).CurrentValue = warehouse;
        db.Entry(lot).Reference(s => s.Material).CurrentValue = material;
        return lot;
    }

    private const string WarehouseCode = "储备库编号";
    private const string MaterialCode = "物资编号";
    private const string Batch = "批次";
    private const string Expires = "有效期至";
    private const string Kind = "出入库类型";
    private const string Quantity = "数量";
    private const string Reason = "事由";
    private const string Voucher = "单据号";

    /// <summary>The lots with their balances (库存台账).</summary>
    public static async Task<byte[]> ExportStockAsync(TianshanDb db, TimeProvider time, CancellationToken ct)
    {
        var rows = await ListAsync(db, time, null, ct);
        return Write("库存", ["储备库编号", "储备库", "物资编号", "物资名称", "类别", "计量单位", Batch, Expires, "库存数量", "预警"],
            rows.Select(s => new object?[] { s.WarehouseCode, s.Warehouse, s.MaterialCode, s.Material, s.Category, s.Unit, s.Batch,
                s.ExpiresOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), s.Quantity, s.AlertLabel }));
    }

    /// <summary>The movements in the import layout, so an export is also the template.</summary>
    public static async Task<byte[]> ExportMovementsAsync(TianshanDb db, CancellationToken ct)
    {
        var rows = await db.StockMovements.AsNoTracking().Include(m => m.StockItem!.Warehouse).Include(m => m.StockItem!.Material).ToListAsync(ct);
        return Write("出入库台账", [Voucher, WarehouseCode, MaterialCode, Batch, Expires, Kind, Quantity, Reason, "结存", "经办人", "时间"],
            rows.OrderBy(m => m.At).Select(m => new object?[]
            {
                m.Voucher ?? "", m.StockItem!.Warehouse!.Code, m.StockItem.Material!.Code, m.StockItem.Batch,
                m.StockItem.ExpiresOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ResourceLabels.Of(m.Kind), m.Quantity, m.Reason, m.BalanceAfter, m.By,
                ChinaTime.ToChina(m.At).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
            }));
    }

    private static byte[] Write(string title, string[] headers, IEnumerable<object?[]> rows)
    {
        using var book = new XLWorkbook();
        var sheet = book.AddWorksheet(title);
        for (var c = 0; c < headers.Length; c++)
        {
            sheet.Cell(1, c + 1).Value = headers[c];
            sheet.Cell(1, c + 1).Style.Font.Bold = true;
            sheet.Column(c + 1).Width = 14;
        }
        var r = 2;
        foreach (var row in rows)
        {
            for (var c = 0; c < row.Length; c++)
            {
                if (row[c] is decimal d)
                    sheet.Cell(r, c + 1).Value = d;
                else
                    sheet.Cell(r, c + 1).SetValue(row[c]?.ToString() ?? "");
            }
            r++;
        }
        sheet.SheetView.FreezeRows(1);
        using var stream = new MemoryStream();
        book.SaveAs(stream);
        return stream.ToArray();
    }

    /// <summary>
    /// Imports movements (入库/出库 rows with a 单据号 each) all or nothing: every row is checked — lot known, quantity, and the
    /// running balance of each lot in file order never below zero — before anything is stored; a 单据号 already stored is skipped,
    /// so importing the same sheet twice moves nothing the second time.
    /// </summary>
    public static async Task<ImportReport> ImportMovementsAsync(TianshanDb db, ClaimsPrincipal user, Stream file, TimeProvider time, CancellationToken ct)
    {
        LedgerActions.RequireWriter(user);
        var (rows, problems) = RegistryWorkbooks.ReadSheet(file, [Voucher, WarehouseCode, MaterialCode, Kind, Quantity, Reason]);
        if (problems.Count > 0)
            return new ImportReport(false, 0, 0, problems);
        var warehouses = await db.Warehouses.ToDictionaryAsync(w => w.Code, ct);
        var materials = await db.ReliefMaterials.IgnoreQueryFilters().ToDictionaryAsync(m => m.Code, ct);
        var lots = await db.StockItems.Include(s => s.Warehouse).Include(s => s.Material).ToListAsync(ct);
        var stored = (await db.StockMovements.IgnoreQueryFilters().Where(m => m.Voucher != null).Select(m => m.Voucher!).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var now = time.GetUtcNow();
        var created = 0;
        var skipped = 0;
        foreach (var (row, cell) in rows)
        {
            var cells = new ImportCells(row, cell, problems);
            var voucher = cells.Text(Voucher);
            if (voucher.Length == 0)
            {
                cells.Problem(Voucher, "单据号不能为空（重复导入时据此识别已登记的出入库）");
                continue;
            }
            if (!seen.Add(voucher))
            {
                cells.Problem(Voucher, $"单据号“{voucher}”在文件中重复");
                continue;
            }
            if (stored.Contains(voucher))
            {
                skipped++;
                continue;
            }
            var kind = ResourceLabels.Parse<StockMovementKind>(cells.Text(Kind), ResourceLabels.Of);
            if (kind is null)
                cells.Problem(Kind, $"“{cells.Text(Kind)}”应为“入库”或“出库”");
            if (!warehouses.TryGetValue(cells.Text(WarehouseCode), out var warehouse))
                cells.Problem(WarehouseCode, $"储备库编号“{cells.Text(WarehouseCode)}”不存在或不在您的管辖范围内");
            if (!materials.TryGetValue(cells.Text(MaterialCode), out var material))
                cells.Problem(MaterialCode, $"物资编号“{cells.Text(MaterialCode)}”不在物资目录中");
            var quantity = cells.Decimal(Quantity);
            DateOnly? expires = cells.Optional(Expires) is null ? null : cells.Date(Expires);
            if (kind is null || warehouse is null || material is null)
                continue;
            var batch = cells.Text(Batch);
            var lot = lots.FirstOrDefault(s => s.WarehouseId == warehouse.Id && s.MaterialId == material.Id && s.Batch == batch);
            if (lot is null)
            {
                if (kind == StockMovementKind.Out)
                {
                    cells.Problem(Quantity, $"{warehouse.Name}没有{material.Name}{(batch.Length > 0 ? $"（批次 {batch}）" : "")}的库存，不能出库");
                    continue;
                }
                lot = new StockItem(warehouse.Id, material.Id, batch, expires);
                db.StockItems.Add(lot);
                db.Entry(lot).Reference(s => s.Warehouse).CurrentValue = warehouse;
                db.Entry(lot).Reference(s => s.Material).CurrentValue = material;
                lots.Add(lot);
            }
            try
            {
                db.StockMovements.Add(lot.Move(kind.Value, quantity, cells.Optional(Reason), db.Scope.UserName, now, voucher));
                created++;
            }
            catch (DomainValidationException e)
            {
                foreach (var m in e.Errors.SelectMany(x => x.Value))
                    cells.Problem(Quantity, m);
            }
            catch (WorkflowException e)
            {
                cells.Problem(Quantity, e.Message);
            }
        }
        if (problems.Count > 0)
        {
            db.ChangeTracker.Clear();
            return new ImportReport(false, 0, 0, problems.OrderBy(p => p.Row).ToList());
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return new ImportReport(false, 0, 0, [new ImportProblem(0, "", "导入期间库存被其他操作修改，未保存任何数据，请重新导入")]);
        }
        // Rows whose 单据号 was already stored are skipped silently: they are the same movements, not new ones.
        _ = skipped;
        return new ImportReport(true, created, 0, []);
    }
}
