using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using Tianshan.Core.Incidents;
using Tianshan.Core.Platform;
using Tianshan.Web.Features.Prevention;
using Tianshan.Web.Infrastructure.Pdf;

namespace Tianshan.Web.Features.Incidents;

/// <summary>
/// 值班信息专报: the duty desk's report of one incident in the layout of a Chinese official bulletin (党政机关公文格式 GB/T
/// 9704 style) — red masthead, issue line, issuing office and date, red rule, headline, body paragraphs (基本情况、伤亡损失、
/// 事件等级、信息报送、处置情况、续报), and the distribution line with the officers on duty.
/// </summary>
public static class DutyReportPdf
{
    private static readonly XColor Red = XColor.FromArgb(200, 16, 46);

    public static byte[] Render(IncidentDetail d, DutyDesk.ShiftView? onDuty, DateTimeOffset printedAt, string? fontPath = null)
    {
        ArgumentNullException.ThrowIfNull(d);
        var s = d.Summary;
        using var document = PdfLayout.NewDocument($"值班信息专报 · {s.Number} {s.Title}", fontPath);
        var masthead = new XFont(CjkFont.Family, 34);
        var headline = new XFont(CjkFont.Family, 18);
        var body = new XFont(CjkFont.Family, 13);
        var small = new XFont(CjkFont.Family, 10);
        var ink = new XSolidBrush(XColor.FromArgb(20, 20, 20));

        var page = PdfLayout.AddA4Page(document);
        var gfx = XGraphics.FromPdfPage(page);
        double left = 64, width = page.Width.Point - 128, y = 56, bottom = page.Height.Point - 64;
        var printed = ChinaTime.ToChina(printedAt);

        gfx.DrawString("值班信息专报", masthead, new XSolidBrush(Red), new XRect(left, y, width, 44), XStringFormats.TopCenter);
        y += 56;
        var issue = s.Number.Split('-') is [_, var year, var seq] ? $"〔{year}〕第 {int.Parse(seq, CultureInfo.InvariantCulture)} 期" : s.Number;
        gfx.DrawString(issue, body, ink, new XRect(left, y, width, 18), XStringFormats.TopCenter);
        y += 26;
        gfx.DrawString("独山子区应急管理局值班室", body, ink, new XRect(left, y, width, 18), XStringFormats.TopLeft);
        gfx.DrawString(printed.ToString("yyyy年M月d日", CultureInfo.InvariantCulture), body, ink, new XRect(left, y, width, 18), XStringFormats.TopRight);
        y += 24;
        gfx.DrawLine(new XPen(Red, 2.2), left, y, left + width, y);
        gfx.DrawLine(new XPen(Red, 0.6), left, y + 3.5, left + width, y + 3.5);
        y += 20;

        foreach (var line in PdfLayout.Wrap(gfx, s.Title, headline, width))
        {
            gfx.DrawString(line, headline, ink, new XRect(left, y, width, 24), XStringFormats.TopCenter);
            y += 26;
        }
        y += 8;

        var occurred = ChinaTime.ToChina(s.OccurredAt);
        var received = ChinaTime.ToChina(s.ReceivedAt);
        var reports = string.Join("；", d.Reports.Select(r => $"{ChinaTime.ToChina(r.At):M月d日H时m分}报{r.Recipient}"));
        var missed = s.Clocks.Where(c => c.State == ClockState.Missed).Select(c => c.Label).ToList();
        var handling = d.Milestones.Count == 0
            ? "应急处置正在进行中。"
            : string.Join("；", d.Milestones.Select(m => $"{ChinaTime.ToChina(m.At):M月d日H时m分}{m.Label}{(string.IsNullOrWhiteSpace(m.Note) ? "" : "（" + m.Note + "）")}")) + "。";
        var paragraphs = new List<(string Heading, string Text)>
        {
            ("一、基本情况", $"{occurred:yyyy年M月d日H时m分}，{s.Address}发生{s.Subtype}。{d.Narrative}" +
                (s.EnterpriseName is { } enterprise ? $"涉事单位：{enterprise}。" : "") +
                $"区应急管理局值班室于{received:M月d日H时m分}接到{s.SourceLabel}{(d.Reporter is { Length: > 0 } who ? "（报告人：" + who + "）" : "")}。"),
            ("二、伤亡及损失", $"截至目前，事件造成死亡 {s.Deaths} 人、失踪 {s.Missing} 人、重伤（含急性工业中毒） {s.SeriousInjuries} 人、轻伤 {s.Injuries} 人，直接经济损失约 {IncidentLabels.Yuan(s.DirectLossYuan)}。"),
            ("三、事件等级", s.Category == IncidentCategory.Accident
                ? $"依据《生产安全事故报告和调查处理条例》（国务院令第493号）第三条，初步判定为{s.GradeLabel}事故（{s.ResponseLevelLabel}），应逐级上报至{d.ReportCeilingLabel}。"
                : $"经值班研判，初步判定为{s.GradeLabel}{s.CategoryLabel}（{s.ResponseLevelLabel}），应逐级上报至{d.ReportCeilingLabel}。"),
            ("四、信息报送", (reports.Length > 0 ? reports + "。" : "尚未上报。") + (missed.Count > 0 ? $"以下时限已超过：{string.Join("、", missed)}（迟报）。" : "各报送时限均在规定时间内。")),
            ("五、处置情况", handling),
        };
        if (d.FollowUps.Count > 0)
            paragraphs.Add(("六、续报", string.Join("", d.FollowUps.Select(f => $"{ChinaTime.ToChina(f.At):M月d日H时m分}续报：{f.Text}。"))));
        if (d.Investigation is { } inv)
            paragraphs.Add(("七、调查处理（四不放过）", $"事故原因：{inv.Cause}。责任人员处理：{inv.Responsibility}。整改措施：{inv.Measures}。教育情况：{inv.Education}。"));

        void NewPageIfNeeded(double needed)
        {
            if (y + needed <= bottom)
                return;
            gfx.Dispose();
            page = PdfLayout.AddA4Page(document);
            gfx = XGraphics.FromPdfPage(page);
            y = 64;
        }

        foreach (var (heading, text) in paragraphs)
        {
            NewPageIfNeeded(44);
            gfx.DrawString(heading, body, ink, new XRect(left + 26, y, width - 26, 20), XStringFormats.TopLeft);
            y += 22;
            // Chinese paragraphs open with a two-character indent.
            foreach (var line in PdfLayout.Wrap(gfx, "　　" + text, body, width))
            {
                NewPageIfNeeded(22);
                gfx.DrawString(line, body, ink, new XRect(left, y, width, 20), XStringFormats.TopLeft);
                y += 21;
            }
            y += 6;
        }

        NewPageIfNeeded(90);
        y += 10;
        gfx.DrawLine(new XPen(XColor.FromArgb(60, 60, 60), 0.8), left, y, left + width, y);
        y += 6;
        gfx.DrawString("报：区委、区政府总值班室，克拉玛依市应急管理局", body, ink, new XRect(left, y, width, 18), XStringFormats.TopLeft);
        y += 22;
        var duty = onDuty is { } o ? $"带班领导：{o.Leader}　　值班员：{o.Officer}{(o.Phone is { } p ? "　　值班电话：" + p : "")}" : "带班领导：—　　值班员：—";
        gfx.DrawString(duty, body, ink, new XRect(left, y, width, 18), XStringFormats.TopLeft);
        y += 22;
        gfx.DrawLine(new XPen(XColor.FromArgb(60, 60, 60), 0.8), left, y, left + width, y);
        gfx.DrawString($"{s.Number} · 生成于 {printed:yyyy-MM-dd HH:mm} · 天山平台", small, XBrushes.Gray, new XRect(left, y + 6, width, 14), XStringFormats.TopRight);
        gfx.Dispose();

        using var stream = new MemoryStream();
        document.Save(stream, false);
        return stream.ToArray();
    }
}
