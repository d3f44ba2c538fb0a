using Microsoft.EntityFrameworkCore;
using Tianshan.Core.Data;
using Tianshan.Core.Registry;
using Columns = Tianshan.Web.Features.Registry.RegistryWorkbooks.EnterpriseColumns;

namespace Tianshan.Web.Features.Registry;

/// <summary>Imports enterprises from Excel. All or nothing: any bad row stores nothing and the report lists every
/// problem by row and column. The credit code is the key, so re-importing the same file updates and never duplicates.</summary>
public static class ImportEnterprises
{
    private static readonly Dictionary<string, string> FieldColumns = new()
    {
        [nameof(EnterpriseDetails.CreditCode)] = Columns.CreditCode,
        [nameof(EnterpriseDetails.Name)] = Columns.Name,
        [nameof(EnterpriseDetails.Sector)] = Columns.Sector,
        [nameof(EnterpriseDetails.DivisionCode)] = Columns.DivisionCode,
        [nameof(EnterpriseDetails.Latitude)] = Columns.Latitude,
        [nameof(EnterpriseDetails.Longitude)] = Columns.Longitude,
        [nameof(EnterpriseDetails.Employees)] = Columns.Employees,
        [nameof(EnterpriseDetails.PrincipalName)] = Columns.Principal,
        [nameof(EnterpriseDetails.RegisteredSafetyEngineers)] = Columns.Engineers,
        [nameof(EnterpriseDetails.SafetyCostWanYuan)] = Columns.SafetyCost,
        [nameof(EnterpriseDetails.StandardisationGrade)] = Columns.Standardisation,
    };

    public static async Task<ImportReport> Handle(TianshanDb db, Stream file, CancellationToken ct)
    {
        var (rows, problems) = RegistryWorkbooks.ReadSheet(file, Columns.Required);
        if (problems.Count > 0)
            return new ImportReport(false, 0, 0, problems);
        if (rows.Count == 0)
            return new ImportReport(false, 0, 0, [new ImportProblem(2, "", "文件中没有数据行")]);

        var divisions = await db.Divisions.AsNoTracking().ToDictionaryAsync(d => d.Code, ct);
        var parsed = new List<(int Row, EnterpriseDetails Details)>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (row, cell) in rows)
        {
            var cells = new ImportCells(row, cell, problems);
            var details = new EnterpriseDetails
            {
                CreditCode = CreditCode.Normalize(cells.Text(Columns.CreditCode)),
                Name = cells.Text(Columns.Name),
                Sector = cells.Sector(Columns.Sector),
                DivisionCode = cells.Text(Columns.DivisionCode),
                Address = cells.Text(Columns.Address),
                Latitude = cells.OptionalDouble(Columns.Latitude),
                Longitude = cells.OptionalDouble(Columns.Longitude),
                Employees = cells.Int(Columns.Employees),
                AboveDesignatedSize = cells.YesNo(Columns.AboveSize),
                PrincipalName = cells.Text(Columns.Principal),
                PrincipalPhone = cells.Optional(Columns.PrincipalPhone),
                SafetyDirectorName = cells.Optional(Columns.SafetyDirector),
                SafetyDirectorPhone = cells.Optional(Columns.SafetyDirectorPhone),
                RegisteredSafetyEngineers = cells.Int(Columns.Engineers),
                SafetyCostWanYuan = cells.Decimal(Columns.SafetyCost),
                LiabilityInsurance = cells.YesNo(Columns.Insurance),
                StandardisationGrade = cells.Standardisation(Columns.Standardisation),
            };
            foreach (var (field, messages) in details.Problems())
            {
                // A sector that failed to parse is already reported by its cell.
                if (field == nameof(EnterpriseDetails.Sector) && details.Sector == default)
                    continue;
                foreach (var m in messages)
                    cells.Problem(FieldColumns.GetValueOrDefault(field, field), m);
            }
            if (details.DivisionCode.Length > 0)
            {
                if (!divisions.TryGetValue(details.DivisionCode, out var division))
                    cells.Problem(Columns.DivisionCode, $"区划代码“{details.DivisionCode}”不存在");
                else if (division.Level is not (Core.Platform.DivisionLevel.Community or Core.Platform.DivisionLevel.Grid))
                    cells.Problem(Columns.DivisionCode, $"“{division.Name}”不是社区或网格：企业应归属到社区或网格");
                else if (details.Sector != default && !db.Scope.Covers(division.Path, details.Sector, null))
                    cells.Problem(Columns.DivisionCode, $"{division.Name}/{SectorSet.Label(details.Sector)}不在您的管辖范围内");
            }
            if (details.CreditCode.Length > 0)
            {
                if (seen.TryGetValue(details.CreditCode, out var firstRow))
                    cells.Problem(Columns.CreditCode, $"与第{firstRow}行的统一社会信用代码重复");
                else
                    seen[details.CreditCode] = row;
            }
            parsed.Add((row, details));
        }

        var codes = seen.Keys.ToList();
        var existing = await db.Enterprises.IgnoreQueryFilters().Include(e => e.Division)
            .Where(e => codes.Contains(e.CreditCode)).ToDictionaryAsync(e => e.CreditCode, ct);
        foreach (var (row, details) in parsed)
        {
            if (existing.TryGetValue(details.CreditCode, out var e) && !db.Scope.Covers(e.Division!.Path, e.Sector, e.Id))
                problems.Add(new ImportProblem(row, Columns.CreditCode, "该企业已由其他辖区登记，不能在此导入修改"));
        }
        if (problems.Count > 0)
            return new ImportReport(false, 0, 0, problems.OrderBy(p => p.Row).ToList());

        int created = 0, updated = 0;
        var tracked = await db.Divisions.Where(d => parsed.Select(p => p.Details.DivisionCode).Contains(d.Code)).ToDictionaryAsync(d => d.Code, ct);
        foreach (var (_, details) in parsed)
        {
            var division = tracked[details.DivisionCode];
            if (existing.TryGetValue(details.CreditCode, out var enterprise))
            {
                enterprise.Update(details, division);
                updated++;
            }
            else
            {
                db.Enterprises.Add(Enterprise.Create(details, division));
                created++;
            }
        }
        await db.SaveChangesAsync(ct);
        return new ImportReport(true, created, updated, []);
    }
}
