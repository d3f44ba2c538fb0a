using Microsoft.EntityFrameworkCore;
using Tianshan.Core.Data;
using Tianshan.Core.Platform;
using Tianshan.Core.Registry;
using Columns = Tianshan.Web.Features.Registry.RegistryWorkbooks.HazardColumns;

namespace Tianshan.Web.Features.Registry;

/// <summary>Imports major hazard sources from Excel, one row per chemical line; rows with the same enterprise credit code
/// and source number form one unit. All or nothing; (enterprise, number) is the key, so re-import never duplicates.</summary>
public static class ImportMajorHazards
{
    private sealed record ParsedLine(int Row, string CreditCode, string Code, string Name, HazardUnitKind Kind, int People,
        DateOnly Assessed, HazardUnitLineInput Line);

    public static async Task<ImportReport> Handle(TianshanDb db, Stream file, ChemicalCatalogue catalogue, TimeProvider time, CancellationToken ct)
    {
        var (rows, problems) = RegistryWorkbooks.ReadSheet(file, Columns.Required);
        if (problems.Count > 0)
            return new ImportReport(false, 0, 0, problems);
        if (rows.Count == 0)
            return new ImportReport(false, 0, 0, [new ImportProblem(2, "", "文件中没有数据行")]);

        var lines = new List<ParsedLine>();
        foreach (var (row, cell) in rows)
        {
            var cells = new ImportCells(row, cell, problems);
            var kindText = cells.Text(Columns.Kind);
            var kind = kindText switch
            {
                "生产单元" or "生产" => HazardUnitKind.Production,
                "储存单元" or "储存" or "存储单元" => HazardUnitKind.Storage,
                _ => (HazardUnitKind)0,
            };
            if (kind == 0)
                cells.Problem(Columns.Kind, $"“{kindText}”应为“生产单元”或“储存单元”");
            var people = cells.Int(Columns.People);
            if (people < 0)
                cells.Problem(Columns.People, "厂外暴露人员数不能为负数");
            var chemicalName = cells.Text(Columns.Chemical);
            if (catalogue.Find(chemicalName, out var chemicalProblem) is null)
                cells.Problem(Columns.Chemical, chemicalProblem!);
            var quantity = cells.Decimal(Columns.Quantity, -1);
            if (cells.Text(Columns.Quantity).Length == 0)
                cells.Problem(Columns.Quantity, "实际存在量不能为空");
            else if (quantity < 0)
                cells.Problem(Columns.Quantity, "实际存在量不能为负数");
            var beta = cells.OptionalDecimal(Columns.Beta);
            if (beta is <= 0)
                cells.Problem(Columns.Beta, "校正系数β必须大于0");
            var code = cells.Text(Columns.Code);
            if (code.Length == 0)
                cells.Problem(Columns.Code, "重大危险源编号不能为空");
            var name = cells.Text(Columns.Name);
            if (name.Length == 0)
                cells.Problem(Columns.Name, "重大危险源名称不能为空");
            lines.Add(new ParsedLine(row, CreditCode.Normalize(cells.Text(Columns.CreditCode)), code, name, kind, people,
                cells.Date(Columns.Assessed), new HazardUnitLineInput(chemicalName, quantity, beta)));
        }

        var codes = lines.Select(l => l.CreditCode).Distinct().ToList();
        var enterprises = await db.Enterprises.Where(e => codes.Contains(e.CreditCode)).ToDictionaryAsync(e => e.CreditCode, ct);
        foreach (var l in lines.Where(l => !enterprises.ContainsKey(l.CreditCode)))
            problems.Add(new ImportProblem(l.Row, Columns.CreditCode, $"统一社会信用代码“{l.CreditCode}”的企业未登记或不在您的管辖范围内"));

        var units = lines.GroupBy(l => (l.CreditCode, l.Code)).ToList();
        foreach (var unit in units)
        {
            var first = unit.First();
            foreach (var other in unit.Skip(1).Where(o => o.Name != first.Name || o.Kind != first.Kind || o.People != first.People || o.Assessed != first.Assessed))
                problems.Add(new ImportProblem(other.Row, Columns.Name, $"同一重大危险源({first.Code})的名称、类型、人数、评估日期须与第{first.Row}行一致"));
        }
        if (problems.Count > 0)
            return new ImportReport(false, 0, 0, problems.OrderBy(p => p.Row).ToList());

        var enterpriseIds = enterprises.Values.Select(e => e.Id).ToList();
        var existing = await db.MajorHazardSources.Where(m => enterpriseIds.Contains(m.EnterpriseId)).ToListAsync(ct);
        var today = ChinaTime.Today(time);
        int created = 0, updated = 0;
        foreach (var unit in units)
        {
            var first = unit.First();
            var enterprise = enterprises[first.CreditCode];
            var details = new MajorHazardSourceDetails
            {
                Code = first.Code,
                Name = first.Name,
                Kind = first.Kind,
                ExposedPeople = first.People,
                LastAssessedOn = first.Assessed,
                Units = unit.Select(u => u.Line).ToList(),
            };
            try
            {
                var source = existing.FirstOrDefault(m => m.EnterpriseId == enterprise.Id && m.Code == first.Code);
                if (source is null)
                {
                    db.MajorHazardSources.Add(MajorHazardSource.Create(enterprise.Id, details, catalogue));
                    created++;
                }
                else
                {
                    source.Update(details, catalogue, today);
                    updated++;
                }
            }
            catch (DomainValidationException e)
            {
                problems.AddRange(e.Errors.SelectMany(x => x.Value).Select(m => new ImportProblem(first.Row, Columns.Code, m)));
            }
        }
        if (problems.Count > 0)
            return new ImportReport(false, 0, 0, problems.OrderBy(p => p.Row).ToList());
        await db.SaveChangesAsync(ct);
        return new ImportReport(true, created, updated, []);
    }
}
