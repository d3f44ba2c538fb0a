using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Tianshan.Web.Infrastructure.Pdf;

/// <summary>What every Tianshan PDF does the same way: a document with the CJK font installed and its title and creator
/// set, A4 pages, and Chinese text wrapped to a width (Chinese has no spaces, so lines break between characters).</summary>
public static class PdfLayout
{
    public static PdfDocument NewDocument(string title, string? fontPath = null)
    {
        CjkFont.EnsureInstalled(fontPath);
        var document = new PdfDocument();
        document.Info.Title = title;
        document.Info.Creator = "天山 Tianshan";
        return document;
    }

    public static PdfPage AddA4Page(PdfDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var page = document.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        return page;
    }

    /// <summary>The lines <paramref name="value"/> takes at <paramref name="width"/> points; its own line breaks are kept.</summary>
    public static List<string> Wrap(XGraphics gfx, string value, XFont font, double width)
    {
        ArgumentNullException.ThrowIfNull(gfx);
        ArgumentNullException.ThrowIfNull(value);
        var lines = new List<string>();
        foreach (var paragraph in value.Replace("\r", "", StringComparison.Ordinal).Split('\n'))
        {
            var line = new System.Text.StringBuilder();
            foreach (var ch in paragraph)
            {
                line.Append(ch);
                if (gfx.MeasureString(line.ToString(), font).Width > width && line.Length > 1)
                {
                    line.Length--;
                    lines.Add(line.ToString());
                    line.Clear().Append(ch);
                }
            }
            lines.Add(line.ToString());
        }
        return lines;
    }
}
