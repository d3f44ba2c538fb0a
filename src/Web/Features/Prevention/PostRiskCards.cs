using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using Tianshan.Core.Platform;
using Tianshan.Core.Prevention;
using Tianshan.Web.Infrastructure.Pdf;

namespace Tianshan.Web.Features.Prevention;

/// <summary>
/// 岗位安全风险告知卡: one A4 card per risk point, headed in its risk colour, with what can go wrong there, how it is
/// controlled, who answers for it, and whom to call — to print and post at the workplace (双重预防: 风险公告、岗位告知).
/// </summary>
public static class PostRiskCards
{
    private static readonly XColor Ink = XColor.FromArgb(33, 33, 33);

    public static XColor ColourOf(RiskLevel level) => level switch
    {
        RiskLevel.Red => XColor.FromArgb(211, 47, 47),
        RiskLevel.Orange => XColor.FromArgb(245, 124, 0),
        RiskLevel.Yellow => XColor.FromArgb(251, 192, 45),
        _ => XColor.FromArgb(25, 118, 210),
    };

    public static byte[] Render(string enterpriseName, IReadOnlyList<RiskPoints.View> points, DateTimeOffset printedAt, string? fontPath = null)
    {
        using var document = PdfLayout.NewDocument($"岗位安全风险告知卡 · {enterpriseName}", fontPath);
        var title = new XFont(CjkFont.Family, 26);
        var label = new XFont(CjkFont.Family, 12);
        var text = new XFont(CjkFont.Family, 13);
        var small = new XFont(CjkFont.Family, 9);
        foreach (var p in points)
        {
            var page = PdfLayout.AddA4Page(document);
            using var gfx = XGraphics.FromPdfPage(page);
            double left = 40, width = page.Width.Point - 80, y = 40;
            var colour = ColourOf(p.Level);
            gfx.DrawRectangle(new XSolidBrush(colour), left, y, width, 70);
            var onColour = p.Level == RiskLevel.Yellow ? XBrushes.Black : XBrushes.White;
            gfx.DrawString("岗位安全风险告知卡", title, onColour, new XRect(left, y + 8, width, 36), XStringFormats.TopCenter);
            gfx.DrawString(p.ColourLabel, text, onColour, new XRect(left, y + 46, width, 20), XStringFormats.TopCenter);
            y += 86;

            var evaluation = p.Method == RiskMethod.Lec
                ? $"LEC：L={Number(p.L)} × E={Number(p.E)} × C={Number(p.C)} = D={Number(p.Score)}（{p.BandLabel}）"
                : $"风险矩阵：L={Number(p.L)} × S={p.S} = R={Number(p.Score)}";
            (string Label, string Value)[] rows =
            [
                ("企业名称", enterpriseName),
                ("风险点", p.Name),
                ("单元 / 区域", p.Location),
                ("作业活动 / 设备设施", p.Activity),
                ("危险因素 / 可能导致的事故", p.HazardType),
                ("风险评价", evaluation),
                ("管控措施", p.ControlMeasures),
                ("责任人", p.ResponsiblePerson),
                ("应急电话", "火警 119　急救 120　安全生产举报 12350"),
            ];
            var pen = new XPen(XColor.FromArgb(189, 189, 189), 0.8);
            foreach (var (name, value) in rows)
            {
                var lines = PdfLayout.Wrap(gfx, string.IsNullOrWhiteSpace(value) ? "—" : value, text, width - 150);
                var height = Math.Max(28, 10 + (lines.Count * 18));
                gfx.DrawRectangle(pen, left, y, width, height);
                gfx.DrawRectangle(new XSolidBrush(XColor.FromArgb(245, 245, 245)), left + 0.5, y + 0.5, 139, height - 1);
                gfx.DrawString(name, label, new XSolidBrush(Ink), new XRect(left + 8, y + 7, 130, 18), XStringFormats.TopLeft);
                for (var i = 0; i < lines.Count; i++)
                    gfx.DrawString(lines[i], text, new XSolidBrush(Ink), new XRect(left + 150, y + 6 + (i * 18), width - 158, 18), XStringFormats.TopLeft);
                y += height;
            }
            gfx.DrawString($"评价人 {p.AssessedBy} · 评价时间 {ChinaTime.ToChina(p.AssessedAt):yyyy-MM-dd} · 打印 {ChinaTime.ToChina(printedAt):yyyy-MM-dd HH:mm} · 天山平台",
                small, XBrushes.Gray, new XRect(left, y + 10, width, 14), XStringFormats.TopLeft);
        }
        if (points.Count == 0)
        {
            var page = PdfLayout.AddA4Page(document);
            using var gfx = XGraphics.FromPdfPage(page);
            gfx.DrawString($"{enterpriseName} 尚未登记风险点", text, XBrushes.Black, new XPoint(40, 60));
        }
        using var stream = new MemoryStream();
        document.Save(stream, false);
        return stream.ToArray();
    }

    private static string Number(decimal? value) => value?.ToString("0.##", CultureInfo.InvariantCulture) ?? "—";

    /// <summary>Breaks text into lines that fit the width, character by character (Chinese has no spaces to break at).</summary>
}
