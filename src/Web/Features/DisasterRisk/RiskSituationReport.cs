using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using Tianshan.Core.DisasterRisk;
using Tianshan.Core.Platform;
using Tianshan.Web.Features.Prevention;
using Tianshan.Web.Infrastructure.Pdf;

namespace Tianshan.Web.Features.DisasterRisk;

/// <summary>
/// 自然灾害风险形势分析报告 for one consultation (district plan §三(三) 重点工程二: "确定风险水平、风险类型和高风险区，形成自然灾害
/// 风险形势分析报告"): the consultation's situation, judgement and measures, then the risk map's summary — communities per
/// level, the highest-risk communities — and the recent past disasters.
/// </summary>
public static class RiskSituationReport
{
    public const int TopCommunities = 5;
    public const int RecentDisasters = 5;

    public static byte[] Render(Consultations.View consultation, DisasterRiskCensusMap.Response map, IReadOnlyList<HistoricalDisaster> disasters,
        DateTimeOffset printedAt, string? fontPath = null)
    {
        ArgumentNullException.ThrowIfNull(consultation);
        ArgumentNullException.ThrowIfNull(map);
        using var document = PdfLayout.NewDocument($"自然灾害风险形势分析报告 · {consultation.Title}", fontPath);
        var title = new XFont(CjkFont.Family, 20);
        var heading = new XFont(CjkFont.Family, 13);
        var text = new XFont(CjkFont.Family, 11);
        var small = new XFont(CjkFont.Family, 8);
        var page = PdfLayout.AddA4Page(document);
        var gfx = XGraphics.FromPdfPage(page);
        double left = 50, width = page.Width.Point - 100, y = 50, bottom = page.Height.Point - 50;

        void NewPageIfNeeded(double needed)
        {
            if (y + needed <= bottom)
                return;
            gfx.Dispose();
            page = PdfLayout.AddA4Page(document);
            gfx = XGraphics.FromPdfPage(page);
            y = 50;
        }
        void Line(string value, XFont font, double indent = 0)
        {
            foreach (var line in PdfLayout.Wrap(gfx, value, font, width - indent))
            {
                NewPageIfNeeded(font.Size + 7);
                gfx.DrawString(line, font, XBrushes.Black, new XRect(left + indent, y, width - indent, font.Size + 4), XStringFormats.TopLeft);
                y += font.Size + 7;
            }
        }
        void Section(string name)
        {
            y += 6;
            NewPageIfNeeded(40);
            gfx.DrawString(name, heading, XBrushes.Black, new XRect(left, y, width, 18), XStringFormats.TopLeft);
            y += 20;
            gfx.DrawLine(new XPen(XColor.FromArgb(189, 189, 189), 0.6), left, y - 3, left + width, y - 3);
        }

        gfx.DrawString("自然灾害风险形势分析报告", title, XBrushes.Black, new XRect(left, y, width, 28), XStringFormats.TopCenter);
        y += 34;
        Line($"{consultation.Title}（{consultation.KindLabel}会商 · {consultation.HeldOn.ToString("yyyy年M月d日", CultureInfo.InvariantCulture)}）", text);

        Section("一、参会单位和人员");
        Line(consultation.Participants, text, 12);
        Section("二、风险形势");
        Line(consultation.Situation, text, 12);
        Section("三、研判结论");
        Line(consultation.Judgement, text, 12);
        Section("四、防范应对措施");
        Line(consultation.Measures, text, 12);

        Section("五、当前风险概况（天山社区风险指数：致灾危险性 × 承灾体暴露）");
        Line(string.Join("　", map.Levels.Select(l => $"{l.Label} {l.Communities} 个社区")), text, 12);
        Line($"风险最高的 {TopCommunities} 个社区：", text, 12);
        foreach (var c in map.Communities.Where(c => c.Risk is not null).Take(TopCommunities))
            Line(string.Create(CultureInfo.InvariantCulture,
                $"{c.Name}　{c.LevelLabel}　风险指数 {c.Risk:0.000}　距活动断裂 {Km(c.NearestFaultKm)}　距行洪河道 {Km(c.NearestFloodChannelKm)}　周边地质灾害隐患点 {c.GeologicalPointsNearby} 处　人口 {c.Population}"),
                text, 24);

        Section("六、近期灾害");
        if (disasters.Count == 0)
            Line("无记录", text, 12);
        foreach (var d in disasters.Take(RecentDisasters))
            Line(string.Create(CultureInfo.InvariantCulture,
                $"{d.OccurredOn:yyyy-MM-dd}　{HistoricalDisaster.Label(d.Type)}　{d.Place}　死亡 {d.Deaths} 人　受灾 {d.Affected} 人　直接经济损失 {d.LossWanYuan:0.##} 万元"),
                text, 12);

        y += 10;
        Line($"记录人 {consultation.RecordedBy} · 生成 {ChinaTime.ToChina(printedAt):yyyy-MM-dd HH:mm} · 天山平台", small);
        gfx.Dispose();
        using var stream = new MemoryStream();
        document.Save(stream, false);
        return stream.ToArray();
    }

    private static string Km(double? km) => km is { } v ? string.Create(CultureInfo.InvariantCulture, $"{v:0.0} km") : "—";
}
