using System.Globalization;
using ClosedXML.Excel;
using Tianshan.Core.Platform;

namespace Tianshan.Web.Features.Reports;

/// <summary>A report as an Excel workbook: a cover sheet with the title and every section's sentences, then one sheet per
/// section holding its tables (numbers stay numbers).</summary>
public static class ReportExcel
{
    public static byte[] Render(ReportDocument report)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var book = new XLWorkbook();
        var cover = book.AddWorksheet("报告");
        cover.Column(1).Width = 120;
        var row = 1;
        cover.Cell(row, 1).SetValue(report.Title);
        cover.Cell(row++, 1).Style.Font.SetBold(true).Font.SetFontSize(16);
        cover.Cell(row++, 1).SetValue(report.Subtitle);
        cover.Cell(row++, 1).SetValue($"生成：{ChinaTime.ToChina(report.GeneratedAt):yyyy-MM-dd HH:mm} · {report.GeneratedBy} · 天山平台");
        foreach (var section in report.Sections)
        {
            row++;
            cover.Cell(row, 1).SetValue(section.Heading);
            cover.Cell(row++, 1).Style.Font.SetBold(true);
            foreach (var sentence in section.Content.Sentences)
            {
                cover.Cell(row, 1).SetValue(sentence);
                cover.Cell(row++, 1).Style.Alignment.SetWrapText(true);
            }
        }

        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "报告" };
        foreach (var section in report.Sections.Where(s => s.Content.Tables.Count > 0))
        {
            var sheet = book.AddWorksheet(SheetName(section.Heading, names));
            var r = 1;
            var widths = new Dictionary<int, int>();
            void Measure(int column, object? value) =>
                widths[column] = Math.Max(widths.GetValueOrDefault(column), DisplayWidth(value is null ? "" : ReportPdf.Format(value)));
            foreach (var table in section.Content.Tables)
            {
                sheet.Cell(r, 1).SetValue(table.Caption);
                sheet.Cell(r++, 1).Style.Font.SetBold(true);
                for (var c = 0; c < table.Headers.Count; c++)
                {
                    sheet.Cell(r, c + 1).SetValue(table.Headers[c]);
                    Measure(c + 1, table.Headers[c]);
                    sheet.Cell(r, c + 1).Style.Font.SetBold(true).Fill.SetBackgroundColor(XLColor.FromArgb(230, 230, 230));
                }
                r++;
                foreach (var values in table.Rows)
                {
                    for (var c = 0; c < values.Count; c++)
                    {
                        var cell = sheet.Cell(r, c + 1);
                        Measure(c + 1, values[c]);
                        switch (values[c])
                        {
                            case int i: cell.Value = i; break;
                            case long l: cell.Value = l; break;
                            case decimal d: cell.Value = d; break;
                            case double x: cell.Value = x; break;
                            default: cell.SetValue(values[c]?.ToString() ?? ""); break;
                        }
                    }
                    r++;
                }
                if (table.Rows.Count == 0)
                    sheet.Cell(r++, 1).SetValue("无记录");
                r++;
            }
            // Widths from the text itself: ClosedXML's AdjustToContents measures through libgdiplus, which is not on every server
            // and crashed the process when two reports were rendered at once.
            foreach (var (column, chars) in widths)
                sheet.Column(column).Width = Math.Clamp(chars + 2, 8, 60);
        }
        using var stream = new MemoryStream();
        book.SaveAs(stream);
        return stream.ToArray();
    }

    /// <summary>Characters as Excel columns count them: a CJK or full-width character takes two.</summary>
    private static int DisplayWidth(string text) => text.Sum(ch => ch >= 0x2E80 ? 2 : 1);

    /// <summary>Excel sheet names: at most 31 characters, none of : \ / ? * [ ], unique in the book.</summary>
    private static string SheetName(string heading, HashSet<string> taken)
    {
        var clean = new string([.. heading.Where(ch => ch is not (':' or '\\' or '/' or '?' or '*' or '[' or ']'))]);
        clean = clean.Length > 28 ? clean[..28] : clean;
        var name = clean;
        for (var i = 2; !taken.Add(name); i++)
            name = clean + i.ToString(CultureInfo.InvariantCulture);
        return name;
    }
}
