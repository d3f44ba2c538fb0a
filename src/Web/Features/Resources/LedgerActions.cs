using System.Globalization;
using System.Security.Claims;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Tianshan.Core.Data;
using Tianshan.Core.Platform;
using Tianshan.Core.Resources;
using Tianshan.Web.Features.Registry;

namespace Tianshan.Web.Features.Resources;

/// <summary>A ledger record as lists show it: the record's columns as text by header, with its division.</summary>
public sealed record LedgerRow(Guid Id, string Code, string Name, string DivisionCode, string DivisionName, bool IsDemo,
    IReadOnlyDictionary<string, string> Cells);

/// <summary>
/// List, save, delete, export and import of any resource ledger, for the API and the pages alike. Reads go through the scoped
/// context (a street sees its street's records); writes are for the bureau and streets, inside their own jurisdiction; a code
/// is unique across the district, so an import keyed by 编号 updates and never duplicates.
/// </summary>
internal static class LedgerActions
{
    public static readonly string[] Readers = [Roles.Bureau, Roles.Department, Roles.Street, Roles.Inspector, Roles.Community];
    public static readonly string[] Writers = [Roles.Bureau, Roles.Street];

    public static async Task<List<LedgerRow>> ListAsync<T>(TianshanDb db, Ledger<T> ledger, string? q, CancellationToken ct) where T : ResourceRecord, new()
    {
        var query = db.Set<T>().AsNoTracking().Include(r => r.Division).AsQueryable();
        if (!string.IsNullOrWhiteSpace(q))
        {
            var text = q.Trim();
            query = query.Where(r => r.Name.Contains(text) || r.Code.Contains(text));
        }
        var rows = await query.ToListAsync(ct);
        return rows.OrderBy(r => r.Code, StringComparer.Ordinal).Select(r => Row(ledger, r)).ToList();
    }

    public static LedgerRow Row<T>(Ledger<T> ledger, T r) where T : ResourceRecord, new() =>
        new(r.Id, r.Code, r.Name, r.Division?.Code ?? "", r.Division?.Name ?? "", r.IsDemo, ledger.Columns.ToDictionary(c => c.Header, c => c.Show(r)));

    public static async Task<T> GetAsync<T>(TianshanDb db, Guid id, CancellationToken ct) where T : ResourceRecord =>
        await db.Set<T>().Include(r => r.Division).FirstOrDefaultAsync(r => r.Id == id, ct)
            ?? throw new NotFoundException("记录不存在或不在您的管辖范围内");

    /// <summary>Creates (id null) or updates a record from a complete set of values.</summary>
    public static async Task<T> SaveAsync<T>(TianshanDb db, ClaimsPrincipal user, Guid? id, T values, CancellationToken ct) where T : ResourceRecord
    {
        RequireWriter(user);
        values.Division = null; // only the id is taken: a request never creates or edits a division
        await CheckDivisionAsync(db, values.DivisionId, ct);
        values.Validate();
        T record;
        if (id is { } existingId)
        {
            record = await GetAsync<T>(db, existingId, ct);
            var keepDemo = record.IsDemo;
            var entry = db.Entry(record);
            values.Id = existingId;
            entry.CurrentValues.SetValues(values);
            record.IsDemo = keepDemo;
        }
        else
        {
            record = values;
            record.Id = Guid.CreateVersion7();
            record.IsDemo = false;
            db.Set<T>().Add(record);
        }
        if (await db.Set<T>().IgnoreQueryFilters().AnyAsync(r => r.Code == record.Code && r.Id != record.Id, ct))
        {
            db.ChangeTracker.Clear();
            throw new WorkflowException($"编号“{record.Code}”已被其他记录使用");
        }
        await db.SaveChangesAsync(ct);
        return record;
    }

    public static async Task DeleteAsync<T>(TianshanDb db, ClaimsPrincipal user, Guid id, CancellationToken ct) where T : ResourceRecord
    {
        RequireWriter(user);
        var record = await GetAsync<T>(db, id, ct);
        if (record is Warehouse && await db.StockItems.AnyAsync(s => s.WarehouseId == id, ct))
            throw new WorkflowException("该储备库有库存记录，不能删除");
        if (record is ReliefMaterial && await db.StockItems.AnyAsync(s => s.MaterialId == id, ct))
            throw new WorkflowException("该物资有库存记录，不能删除");
        db.Set<T>().Remove(record);
        await db.SaveChangesAsync(ct);
    }

    public static async Task<byte[]> ExportAsync<T>(TianshanDb db, Ledger<T> ledger, CancellationToken ct) where T : ResourceRecord, new()
    {
        var rows = await db.Set<T>().AsNoTracking().Include(r => r.Division).ToListAsync(ct);
        using var book = new XLWorkbook();
        var sheet = book.AddWorksheet(ledger.Title);
        var headers = ledger.Columns.Select(c => c.Header).Concat([Col.DivisionCode, Col.DivisionName]).ToList();
        for (var c = 0; c < headers.Count; c++)
        {
            sheet.Cell(1, c + 1).Value = headers[c];
            sheet.Cell(1, c + 1).Style.Font.Bold = true;
            sheet.Column(c + 1).Width = 16;
        }
        var r = 2;
        foreach (var record in rows.OrderBy(x => x.Code, StringComparer.Ordinal))
        {
            for (var c = 0; c < ledger.Columns.Count; c++)
            {
                var column = ledger.Columns[c];
                var cell = sheet.Cell(r, c + 1);
                switch (column.Cell?.Invoke(record))
                {
                    case int i: cell.Value = i; break;
                    case decimal d: cell.Value = d; break;
                    case double x: cell.Value = x; break;
                    default: cell.SetValue(column.Show(record)); break;
                }
            }
            sheet.Cell(r, ledger.Columns.Count + 1).SetValue(record.Division?.Code ?? "");
            sheet.Cell(r, ledger.Columns.Count + 2).SetValue(record.Division?.Name ?? "");
            r++;
        }
        sheet.SheetView.FreezeRows(1);
        using var stream = new MemoryStream();
        book.SaveAs(stream);
        return stream.ToArray();
    }

    /// <summary>All or nothing: every row is parsed and checked first; any problem stores nothing and lists each (row, column,
    /// message). Rows are matched to stored records by 编号, so importing an edited export updates in place.</summary>
    public static async Task<ImportReport> ImportAsync<T>(TianshanDb db, ClaimsPrincipal user, Ledger<T> ledger, Stream file, CancellationToken ct)
        where T : ResourceRecord, new()
    {
        RequireWriter(user);
        var required = ledger.Columns.Where(c => c.Required).Select(c => c.Header).ToArray();
        var (rows, problems) = RegistryWorkbooks.ReadSheet(file, required);
        if (problems.Count > 0)
            return new ImportReport(false, 0, 0, problems);
        var divisions = await db.Divisions.AsNoTracking().Where(d => d.Path.StartsWith(db.Scope.DivisionPath)).ToDictionaryAsync(d => d.Code, ct);
        var own = divisions.Values.OrderBy(d => d.Path.Length).FirstOrDefault();
        var existing = await db.Set<T>().ToDictionaryAsync(r => r.Code, ct);
        var allCodes = await db.Set<T>().IgnoreQueryFilters().Select(r => r.Code).ToListAsync(ct);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        int created = 0, updated = 0;
        foreach (var (row, cell) in rows)
        {
            var cells = new ImportCells(row, cell, problems);
            var code = cells.Text(Col.Code);
            if (!seen.Add(code))
            {
                cells.Problem(Col.Code, $"编号“{code}”在文件中重复");
                continue;
            }
            var isNew = !existing.TryGetValue(code, out var record);
            if (isNew && allCodes.Contains(code))
            {
                cells.Problem(Col.Code, $"编号“{code}”已被您管辖范围以外的记录使用");
                continue;
            }
            record ??= new T();
            foreach (var column in ledger.Columns)
                column.Parse?.Invoke(record, cells);
            var divisionCode = cells.Text(Col.DivisionCode);
            if (divisionCode.Length == 0 && isNew)
                record.DivisionId = own?.Id ?? Guid.Empty;
            else if (divisionCode.Length > 0)
            {
                if (divisions.TryGetValue(divisionCode, out var division))
                    record.DivisionId = division.Id;
                else
                    cells.Problem(Col.DivisionCode, $"区划代码“{divisionCode}”不存在或不在您的管辖范围内");
            }
            try
            {
                record.Validate();
            }
            catch (DomainValidationException e)
            {
                foreach (var (field, messages) in e.Errors)
                    foreach (var m in messages)
                        cells.Problem(HeaderOf(ledger, field), m);
            }
            if (isNew)
            {
                db.Set<T>().Add(record);
                created++;
            }
            else
                updated++;
        }
        if (problems.Count > 0)
        {
            // Nothing stored: forget every change made while parsing (a page's context outlives this call).
            db.ChangeTracker.Clear();
            return new ImportReport(false, 0, 0, problems.OrderBy(p => p.Row).ToList());
        }
        await db.SaveChangesAsync(ct);
        return new ImportReport(true, created, updated, []);
    }

    /// <summary>Parses one row of values by header (the page's edit form) into a record, the same way an import does.</summary>
    public static T Parse<T>(Ledger<T> ledger, IReadOnlyDictionary<string, string> values, Guid divisionId) where T : ResourceRecord, new()
    {
        var problems = new List<ImportProblem>();
        var cells = new ImportCells(0, h => values.TryGetValue(h, out var v) ? v.Trim() : "", problems);
        var record = new T { DivisionId = divisionId };
        foreach (var column in ledger.Columns)
        {
            // A form leaves a field empty where an import file has the column: a required one is asked for, not taken as 0.
            if (column.Required && cells.Text(column.Header).Length == 0)
                cells.Problem(column.Header, $"请填写{column.Header}");
            else
                column.Parse?.Invoke(record, cells);
        }
        if (problems.Count > 0)
            throw new DomainValidationException(problems.GroupBy(p => p.Column).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray()));
        return record;
    }

    private static string HeaderOf<T>(Ledger<T> ledger, string field) where T : ResourceRecord, new() => field switch
    {
        "code" => Col.Code,
        "name" => Col.Name,
        "latitude" => Col.Latitude,
        "longitude" => Col.Longitude,
        _ => ledger.Columns.FirstOrDefault(c => string.Equals(c.Header, field, StringComparison.Ordinal))?.Header ?? field,
    };

    private static async Task CheckDivisionAsync(TianshanDb db, Guid divisionId, CancellationToken ct)
    {
        var path = await db.Divisions.AsNoTracking().Where(d => d.Id == divisionId).Select(d => d.Path).FirstOrDefaultAsync(ct);
        if (path is null || !path.StartsWith(db.Scope.DivisionPath, StringComparison.Ordinal))
            throw new DomainValidationException("divisionId", "所属区划不存在或不在您的管辖范围内");
    }

    internal static void RequireWriter(ClaimsPrincipal user)
    {
        if (!Writers.Any(user.IsInRole))
            throw new ForbiddenException("只有区应急管理局和街道可以维护应急资源台账");
    }

    public static string FileName(string title, TimeProvider time) =>
        $"{title}_{ChinaTime.Today(time).ToString("yyyyMMdd", CultureInfo.InvariantCulture)}.xlsx";
}
