using System.Globalization;
using ClosedXML.Excel;
using Tianshan.Core.Registry;

namespace Tianshan.Web.Features.Registry;

/// <summary>One problem of an import, located as a person finds it in Excel: row number and column header.</summary>
public sealed record ImportProblem(int Row, string Column, string Message);

/// <summary>The result of an import: all rows stored, or nothing stored and every problem listed.</summary>
public sealed record ImportReport(bool Stored, int Created, int Updated, IReadOnlyList<ImportProblem> Problems);

/// <summary>Excel layouts of the registry (ClosedXML). Import reads columns by their Chinese header, so a user may
/// reorder columns or add their own; export writes the same headers, so an export can be edited and re-imported.</summary>
public static class RegistryWorkbooks
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    internal static class EnterpriseColumns
    {
        public const string CreditCode = "统一社会信用代码";
        public const string Name = "企业名称";
        public const string Sector = "行业领域";
        public const string DivisionCode = "所属区划代码";
        public const string DivisionName = "所属区划";
        public const string Address = "地址";
        public const string Latitude = "纬度";
        public const string Longitude = "经度";
        public const string Employees = "从业人数";
        public const string AboveSize = "规模以上";
        public const string Principal = "主要负责人";
        public const string PrincipalPhone = "主要负责人电话";
        public const string SafetyDirector = "安全总监";
        public const string SafetyDirectorPhone = "安全总监电话";
        public const string Engineers = "注册安全工程师人数";
        public const string SafetyCost = "安全生产费用(万元)";
        public const string Insurance = "安责险";
        public const string Standardisation = "标准化等级";
        public const string MajorHazards = "重大危险源数";
        public const string HighestGrade = "重大危险源最高级别";

        public static readonly string[] Required = [CreditCode, Name, Sector, DivisionCode, Principal];
    }

    internal static class HazardColumns
    {
        public const string CreditCode = "企业统一社会信用代码";
        public const string Enterprise = "企业名称";
        public const string Code = "重大危险源编号";
        public const string Name = "重大危险源名称";
        public const string Kind = "单元类型";
        public const string People = "厂外500米常住人口";
        public const string Assessed = "最近安全评估日期";
        public const string Chemical = "危险化学品";
        public const string Quantity = "实际存在量(t)";
        public const string Beta = "校正系数β(可选)";
        public const string CriticalQuantity = "临界量Q(t)";
        public const string S = "S";
        public const string R = "R";
        public const string Grade = "级别";

        public static readonly string[] Required = [CreditCode, Code, Name, Kind, People, Assessed, Chemical, Quantity];
    }

    public static byte[] WriteEnterprises(IReadOnlyList<EnterpriseView> rows)
    {
        using var book = new XLWorkbook();
        var sheet = book.AddWorksheet("企业名录");
        string[] headers =
        [
            EnterpriseColumns.CreditCode, EnterpriseColumns.Name, EnterpriseColumns.Sector, EnterpriseColumns.DivisionCode,
            EnterpriseColumns.DivisionName, EnterpriseColumns.Address, EnterpriseColumns.Latitude, EnterpriseColumns.Longitude,
            EnterpriseColumns.Employees, EnterpriseColumns.AboveSize, EnterpriseColumns.Principal, EnterpriseColumns.PrincipalPhone,
            EnterpriseColumns.SafetyDirector, EnterpriseColumns.SafetyDirectorPhone, EnterpriseColumns.Engineers,
            EnterpriseColumns.SafetyCost, EnterpriseColumns.Insurance, EnterpriseColumns.Standardisation,
            EnterpriseColumns.MajorHazards, EnterpriseColumns.HighestGrade,
        ];
        WriteHeader(sheet, headers);
        var r = 2;
        foreach (var e in rows)
        {
            object?[] values =
            [
                e.CreditCode, e.Name, SectorSet.Label(e.Sector), e.DivisionCode, e.DivisionName, e.Address, e.Latitude, e.Longitude,
                e.Employees, YesNo(e.AboveDesignatedSize), e.PrincipalName, e.PrincipalPhone, e.SafetyDirectorName,
                e.SafetyDirectorPhone, e.RegisteredSafetyEngineers, e.SafetyCostWanYuan, YesNo(e.LiabilityInsurance),
                StandardisationLabel(e.StandardisationGrade), e.MajorHazardCount,
                e.HighestMajorHazardGrade is null ? "" : MajorHazardAssessment.GradeLabel(e.HighestMajorHazardGrade),
            ];
            WriteRow(sheet, r++, values);
        }
        return Save(book, sheet, headers.Length);
    }

    public static byte[] WriteMajorHazards(IReadOnlyList<(string CreditCode, string EnterpriseName, MajorHazardSource Source)> rows)
    {
        using var book = new XLWorkbook();
        var sheet = book.AddWorksheet("重大危险源");
        string[] headers =
        [
            HazardColumns.CreditCode, HazardColumns.Enterprise, HazardColumns.Code, HazardColumns.Name, HazardColumns.Kind,
            HazardColumns.People, HazardColumns.Assessed, HazardColumns.Chemical, HazardColumns.Quantity, HazardColumns.Beta,
            HazardColumns.CriticalQuantity, HazardColumns.S, HazardColumns.R, HazardColumns.Grade,
        ];
        WriteHeader(sheet, headers);
        var r = 2;
        foreach (var (code, enterprise, m) in rows)
        {
            foreach (var line in m.Lines)
            {
                WriteRow(sheet, r++,
                [
                    code, enterprise, m.Code, m.Name, KindLabel(m.Kind), m.ExposedPeople, m.LastAssessedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    line.ChemicalName, line.QuantityTonnes, line.BetaOverride, line.CriticalQuantity,
                    Math.Round(m.S, 4), Math.Round(m.R, 2), MajorHazardAssessment.GradeLabel(m.Grade),
                ]);
            }
        }
        return Save(book, sheet, headers.Length);
    }

    public static byte[] WriteSpecialEquipment(IReadOnlyList<SpecialEquipmentEndpoints.View> rows)
    {
        using var book = new XLWorkbook();
        var sheet = book.AddWorksheet("特种设备");
        string[] headers = ["企业名称", "设备种类", "使用登记证编号", "设备名称", "位置", "上次检验日期", "下次检验日期", "状态"];
        WriteHeader(sheet, headers);
        var r = 2;
        foreach (var s in rows)
        {
            WriteRow(sheet, r++,
            [
                s.EnterpriseName, s.KindLabel, s.RegistrationCode, s.Name, s.Location,
                s.LastInspectedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), s.NextInspectionDue.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                SpecialEquipmentEndpoints.StatusLabel(s.Status),
            ]);
        }
        return Save(book, sheet, headers.Length);
    }

    public static string YesNo(bool value) => value ? "是" : "否";

    public static string KindLabel(HazardUnitKind kind) => kind == HazardUnitKind.Production ? "生产单元" : "储存单元";

    public static string StandardisationLabel(StandardisationGrade? grade) => grade switch
    {
        StandardisationGrade.Level1 => "一级",
        StandardisationGrade.Level2 => "二级",
        StandardisationGrade.Level3 => "三级",
        _ => "",
    };

    /// <summary>Any table as one sheet, in the house style (other capabilities' exports use this).</summary>
    internal static byte[] WriteTable(string sheetName, string[] headers, IEnumerable<object?[]> rows)
    {
        using var book = new XLWorkbook();
        var sheet = book.AddWorksheet(sheetName);
        WriteHeader(sheet, headers);
        var r = 2;
        foreach (var row in rows)
            WriteRow(sheet, r++, row);
        return Save(book, sheet, headers.Length);
    }

    private static void WriteHeader(IXLWorksheet sheet, string[] headers)
    {
        for (var i = 0; i < headers.Length; i++)
        {
            var cell = sheet.Cell(1, i + 1);
            cell.Value = headers[i];
            cell.Style.Font.Bold = true;
            cell.Style.Fill.BackgroundColor = XLColor.FromHtml("#DDEBF7");
        }
        sheet.SheetView.FreezeRows(1);
    }

    private static void WriteRow(IXLWorksheet sheet, int row, object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            var cell = sheet.Cell(row, i + 1);
            switch (values[i])
            {
                case null: break;
                case string s: cell.SetValue(s); break; // as text: credit codes and phone numbers keep their leading zeros
                case int n: cell.Value = n; break;
                case decimal d: cell.Value = d; break;
                case double d: cell.Value = d; break;
                default: cell.SetValue(Convert.ToString(values[i], CultureInfo.InvariantCulture)); break;
            }
        }
    }

    private static byte[] Save(XLWorkbook book, IXLWorksheet sheet, int columns)
    {
        // Fixed widths: AdjustToContents needs libgdiplus, which a plain server may lack.
        for (var i = 1; i <= columns; i++)
            sheet.Column(i).Width = 18;
        using var stream = new MemoryStream();
        book.SaveAs(stream);
        return stream.ToArray();
    }

    /// <summary>Reads the first sheet into rows keyed by header. Missing required headers are problems of row 1.</summary>
    internal static (List<(int Row, Func<string, string> Cell)> Rows, List<ImportProblem> Problems) ReadSheet(Stream stream, string[] required)
    {
        var problems = new List<ImportProblem>();
        var rows = new List<(int, Func<string, string>)>();
        XLWorkbook book;
        try
        {
            book = new XLWorkbook(stream);
        }
#pragma warning disable CA1031 // any failure to open the file is reported to the user, not thrown
        catch (Exception)
#pragma warning restore CA1031
        {
            problems.Add(new ImportProblem(0, "", "文件无法读取：请上传 Excel 2007 及以上格式(.xlsx)的文件"));
            return (rows, problems);
        }
        using (book)
        {
            var sheet = book.Worksheets.First();
            var headers = new Dictionary<string, int>(StringComparer.Ordinal);
            var lastColumn = sheet.LastColumnUsed()?.ColumnNumber() ?? 0;
            for (var c = 1; c <= lastColumn; c++)
            {
                var h = sheet.Cell(1, c).GetString().Trim();
                if (h.Length > 0)
                    headers.TryAdd(h, c);
            }
            foreach (var name in required.Where(n => !headers.ContainsKey(n)))
                problems.Add(new ImportProblem(1, name, $"缺少必需的列“{name}”"));
            if (problems.Count > 0)
                return (rows, problems);
            var lastRow = sheet.LastRowUsed()?.RowNumber() ?? 1;
            for (var r = 2; r <= lastRow; r++)
            {
                var row = sheet.Row(r);
                if (row.IsEmpty())
                    continue;
                var values = headers.ToDictionary(h => h.Key, h => row.Cell(h.Value).GetFormattedString().Trim());
                rows.Add((r, name => values.TryGetValue(name, out var v) ? v : ""));
            }
        }
        return (rows, problems);
    }
}
