using System.Globalization;
using PdfSharp.Drawing;
using Tianshan.Core.Platform;
using Tianshan.Web.Infrastructure.Pdf;

namespace Tianshan.Web.Features.Reports;

/// <summary>
/// A report as an A4 PDF through the house <see cref="PdfLayout"/> (CJK font, Chinese wrapping): title, then each section's
/// heading, sentences and tables. Table columns are sized by their content, every cell wraps inside its column, a row that
/// does not fit moves to the next page whole and the header row is repeated there; page numbers at the foot.
/// </summary>
public static class ReportPdf
{
    private const double Margin = 50;
    private const double CellPad = 3;

    public static byte[] Render(ReportDocument report, string? fontPath = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var document = PdfLayout.NewDocument(report.Title, fontPath);
        var title = new XFont(CjkFont.Family, 17);
        var heading = new XFont(CjkFont.Family, 13);
        var text = new XFont(CjkFont.Family, 10.5);
        var cellFont = new XFont(CjkFont.Family, 8.5);
        var small = new XFont(CjkFont.Family, 8);
        var grid = new XPen(XColor.FromArgb(150, 150, 150), 0.5);
        var headerFill = new XSolidBrush(XColor.FromArgb(235, 235, 235));

        var page = PdfLayout.AddA4Page(document);
        var gfx = XGraphics.FromPdfPage(page);
        double width = page.Width.Point - (2 * Margin), bottom = page.Height.Point - Margin - 12, y = Margin;

        void NewPage()
        {
            gfx.Dispose();
            page = PdfLayout.AddA4Page(document);
            gfx = XGraphics.FromPdfPage(page);
            y = Margin;
        }
        void Ensure(double needed)
        {
            if (y + needed > bottom)
                NewPage();
        }
        void Paragraph(string value, XFont font, double indent = 0, bool centre = false)
        {
            foreach (var line in PdfLayout.Wrap(gfx, value, font, width - indent))
            {
                Ensure(font.Size + 6);
                gfx.DrawString(line, font, XBrushes.Black, new XRect(Margin + indent, y, width - indent, font.Size + 4),
                    centre ? XStringFormats.TopCenter : XStringFormats.TopLeft);
                y += font.Size + 6;
            }
        }

        Paragraph(report.Title, title, centre: true);
        y += 4;
        Paragraph(report.Subtitle, text, centre: true);
        y += 8;
        foreach (var section in report.Sections)
        {
            y += 6;
            Ensure(50);
            Paragraph(section.Heading, heading);
            gfx.DrawLine(grid, Margin, y - 2, Margin + width, y - 2);
            y += 4;
            foreach (var sentence in section.Content.Sentences)
                Paragraph("　　" + sentence, text);
            foreach (var table in section.Content.Tables)
            {
                y += 4;
                Ensure(60);
                Paragraph(table.Caption, text);
                DrawTable(table);
            }
        }
        y += 10;
        Paragraph($"生成 {ChinaTime.ToChina(report.GeneratedAt):yyyy-MM-dd HH:mm} · {report.GeneratedBy} · 天山平台", small);
        gfx.Dispose();

        // Page numbers once the count is known.
        for (var i = 0; i < document.PageCount; i++)
        {
            using var foot = XGraphics.FromPdfPage(document.Pages[i]);
            foot.DrawString(string.Create(CultureInfo.InvariantCulture, $"第 {i + 1} 页 / 共 {document.PageCount} 页"), small, XBrushes.Gray,
                new XRect(Margin, document.Pages[i].Height.Point - Margin + 4, width, 12), XStringFormats.TopCenter);
        }
        using var stream = new MemoryStream();
        document.Save(stream, false);
        return stream.ToArray();

        void DrawTable(ReportTable table)
        {
            var columns = table.Headers.Count;
            if (table.Rows.Count == 0)
            {
                Paragraph("无记录", text, 12);
                return;
            }
            var widths = ColumnWidths(table, width, gfx, cellFont);
            var lineHeight = cellFont.Size + 3;
            List<string>[] Lines(IReadOnlyList<string> cells) =>
                [.. Enumerable.Range(0, columns).Select(c => PdfLayout.Wrap(gfx, c < cells.Count ? cells[c] : "", cellFont, widths[c] - (2 * CellPad)))];
            void Row(List<string>[] lines, bool header)
            {
                var height = (lines.Max(l => l.Count) * lineHeight) + (2 * CellPad);
                double x = Margin;
                if (header)
                    gfx.DrawRectangle(headerFill, Margin, y, width, height);
                for (var c = 0; c < columns; c++)
                {
                    gfx.DrawRectangle(grid, x, y, widths[c], height);
                    for (var l = 0; l < lines[c].Count; l++)
                        gfx.DrawString(lines[c][l], cellFont, XBrushes.Black, new XRect(x + CellPad, y + CellPad + (l * lineHeight), widths[c] - (2 * CellPad), lineHeight),
                            XStringFormats.TopLeft);
                    x += widths[c];
                }
                y += height;
            }
            var header = Lines(table.Headers);
            var headerHeight = (header.Max(l => l.Count) * lineHeight) + (2 * CellPad);
            Ensure(headerHeight + lineHeight + (2 * CellPad));
            Row(header, true);
            foreach (var values in table.Rows)
            {
                var lines = Lines([.. values.Select(Format)]);
                var height = (lines.Max(l => l.Count) * lineHeight) + (2 * CellPad);
                if (y + height > bottom)
                {
                    NewPage();
                    Row(header, true);
                }
                Row(lines, false);
            }
            y += 6;
        }
    }

    public static string Format(object? value) => value switch
    {
        null => "",
        decimal d => d.ToString("0.##", CultureInfo.InvariantCulture),
        double x => x.ToString("0.##", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>Each column gets at least its header's longest character run or a minimum, the rest shared by content length,
    /// so short numeric columns stay narrow and text columns take the room.</summary>
    private static double[] ColumnWidths(ReportTable table, double total, XGraphics gfx, XFont font)
    {
        var n = table.Headers.Count;
        var natural = new double[n];
        for (var c = 0; c < n; c++)
        {
            var longest = table.Rows.Select(r => c < r.Count ? Format(r[c]) : "").Append(table.Headers[c]).Max(s => gfx.MeasureString(s, font).Width);
            natural[c] = Math.Min(longest + (2 * CellPad) + 2, total * 0.45);
        }
        var minimum = Math.Min(36, total / n);
        for (var c = 0; c < n; c++)
            natural[c] = Math.Max(natural[c], minimum);
        var sum = natural.Sum();
        if (sum <= total)
        {
            // Spread the spare width evenly.
            var spare = (total - sum) / n;
            return [.. natural.Select(w => w + spare)];
        }
        // Shrink the columns wider than the minimum in proportion.
        var flexible = natural.Sum(w => w - minimum);
        var excess = sum - total;
        return [.. natural.Select(w => w - ((w - minimum) / flexible * excess))];
    }
}
