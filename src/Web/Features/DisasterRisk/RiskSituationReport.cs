using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using Tianshan.Core.DisasterRisk;
using Tianshan.Core.Platform;
using Tianshan.Web.Features.Prevention;
using Tianshan.Web.Infrastructure.Pdf;

namespace Tianshan.Web.Features.DisasterRisk;

/// <summary>
/// 自然灾害风险形势分析报告 for one consultation (区综合防灾减灾规划 三(三)2: "确定风险水平、风险类型和高风险区，形成自然灾害
/// 风险形势分析报告"): the consultation's situation, judgement and measures, then the risk map's summary — communities per
/// level, the highest-risk communities — and the recent past disasters; then the section of its key date (汛前 flood season,
/// 节假日前 work safety, 森林草原防火期 fire, 年末 the year in review) from <see cref="RiskSituationReportData"/>, which reads
/// everything: this class only lays it out.
/// </summary>
public static class RiskSituationReport
{
    public const int TopCommunities = 5;
    public const int RecentDisasters = 5;

    /// <summary>The heading of the key date's own section (the tests look for it).</summary>
    public static string? KindHeading(ConsultationKind kind) => kind switch
    {
        ConsultationKind.BeforeFloodSeason => "七、汛期风险重点：防汛和地质灾害",
        ConsultationKind.Holiday => "七、节假日安全防范重点：安全生产和人员密集场所",
        ConsultationKind.FireSeason => "七、防火期风险重点：森林草原火灾",
        ConsultationKind.YearEnd => "七、年度回顾",
        _ => null,
    };

    public static byte[] Render(RiskSituationReportData data, DateTimeOffset printedAt, string? fontPath = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        var (consultation, map, disasters) = (data.Consultation, data.Map, data.RecentDisasters);
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
            Line(Disaster(d), text, 12);

        if (KindHeading(consultation.Kind) is { } kindHeading)
            Section(kindHeading);
        void Sub(string name) => Line(name, text, 6);
        void Item(string value) => Line(value, text, 24);
        void None(bool empty) { if (empty) Item("无记录"); }
        if (data.Flood is { } flood)
        {
            Sub("（一）行洪河道和水库（汛前排查、水库度汛安全和24小时值班值守）");
            foreach (var f in flood.FloodChannels)
                Item($"行洪河道　{f.Name}　{f.Details}");
            foreach (var f in flood.Reservoirs)
                Item($"水库　{f.Name}　{f.Details}");
            None(flood.FloodChannels.Count + flood.Reservoirs.Count == 0);
            Sub($"（二）距行洪河道最近的 {flood.CommunitiesNearChannels.Count} 个社区（汛期人员避险转移重点）");
            foreach (var c in flood.CommunitiesNearChannels)
                Item(string.Create(CultureInfo.InvariantCulture, $"{c.Name}　距行洪河道 {c.Km:0.0} km　人口 {c.Population?.ToString(CultureInfo.InvariantCulture) ?? "未调查"}　{c.LevelLabel}"));
            None(flood.CommunitiesNearChannels.Count == 0);
            Sub($"（三）地质灾害隐患点 {flood.GeologicalPoints.Count} 处，威胁 {flood.ThreatenedByGeologicalPoints} 人（落实群测群防和汛期巡查）");
            foreach (var f in flood.GeologicalPoints.Take(RiskSituationReportData.ListLimit))
                Item($"{f.Name}　{f.Details}");
            Sub($"（四）历年洪涝和地质灾害 {flood.PastDisasters.Count} 起");
            foreach (var d in flood.PastDisasters.Take(RiskSituationReportData.ListLimit))
                Item(Disaster(d));
            None(flood.PastDisasters.Count == 0);
            Sub($"（五）{flood.WarningYear}年发布暴雨、洪水预警 {flood.RainstormWarnings.Count} 次");
            foreach (var w in flood.RainstormWarnings.Take(RiskSituationReportData.ListLimit))
                Item(Warning(w));
            Sub("（六）汛期值班提醒：主汛期实行24小时值班和领导带班，水库落实24小时值班值守，险情灾情按规定时限报告（区综合防灾减灾规划 四(三)）。");
        }
        if (data.Holidays is { } holiday)
        {
            Sub($"（一）重大危险源 {holiday.MajorHazardSources.Count} 处");
            foreach (var s in holiday.MajorHazardSources.Take(RiskSituationReportData.ListLimit * 2))
                Item($"{s.Enterprise}　{s.Name}　{Grade(s.Grade)}　周边500米常住人口 {s.ExposedPeople} 人{(s.ReassessmentOverdue ? "　须重新评估" : "")}");
            None(holiday.MajorHazardSources.Count == 0);
            Sub($"（二）未销号事故隐患 {holiday.OpenHazards} 项（其中重大事故隐患 {holiday.MajorOpenHazards} 项），逾期未整改 {holiday.Overdue.Count} 项");
            foreach (var h in holiday.Overdue.Take(RiskSituationReportData.ListLimit))
                Item($"{h.Number}　{h.Enterprise}　{h.Title}{(h.Major ? "　重大" : "")}　整改期限 {(h.Deadline is { } dl ? ChinaTime.ToChina(dl).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "—")}");
            Sub($"（三）人员密集场所：学校 {holiday.CrowdedPlaces.Sum(c => c.Schools)} 所、医院 {holiday.CrowdedPlaces.Sum(c => c.Hospitals)} 所、应急避难场所 {holiday.CrowdedPlaces.Sum(c => c.Shelters)} 处");
            foreach (var c in holiday.CrowdedPlaces.Take(RiskSituationReportData.ListLimit))
                Item($"{c.Name}　人口 {c.Population}　学校 {c.Schools}　医院 {c.Hospitals}　避难场所 {c.Shelters} 处（可容纳 {c.ShelterCapacity} 人）");
            Sub($"（四）值班安排（{Day(holiday.DutyFrom)} 至 {Day(holiday.DutyTo)}）");
            foreach (var d in holiday.Duty)
                Item($"{Day(d.Date)}　{d.Shift}　带班领导 {d.Leader}　值班员 {d.Officer}{(d.Phone is null ? "" : "　" + d.Phone)}");
            if (holiday.Duty.Count == 0)
                Item("尚未排班，请在值班值守中安排节假日值班");
        }
        if (data.Fire is { } fire)
        {
            Sub($"（一）{Day(fire.WarningsFrom)}以来发布森林、草原火险预警 {fire.FireWarnings.Count} 次");
            foreach (var w in fire.FireWarnings.Take(RiskSituationReportData.ListLimit))
                Item(Warning(w));
            Sub($"（二）消防站 {fire.Stations.Count} 个（按直线距离划分的最近社区和常住人口）");
            foreach (var s in fire.Stations)
                Item($"{s.Name}　{s.Status}　车辆 {s.Vehicles} 辆　消防员 {s.Firefighters} 人　最近社区 {s.NearestCommunities} 个　常住人口 {s.Residents} 人");
            None(fire.Stations.Count == 0);
            Sub($"（三）历年森林草原火灾 {fire.PastFires.Count} 起");
            foreach (var d in fire.PastFires.Take(RiskSituationReportData.ListLimit))
                Item(Disaster(d));
            None(fire.PastFires.Count == 0);
            Sub($"（四）灭火救援队伍 {fire.Teams.Count} 支，共 {fire.Teams.Sum(t => t.Members)} 人");
            foreach (var t in fire.Teams.Take(RiskSituationReportData.ListLimit))
                Item($"{t.Name}　{t.Type}　{t.Members} 人　{t.Readiness}");
            None(fire.Teams.Count == 0);
        }
        if (data.Year is { } year)
        {
            Sub($"（一）{year.Year}年自然灾害 {year.Disasters} 起：死亡 {year.Deaths} 人，受灾 {year.Affected} 人，直接经济损失 "
                + string.Create(CultureInfo.InvariantCulture, $"{year.LossWanYuan:0.##} 万元"));
            Sub($"（二）{year.Year}年发布预警 {year.WarningsPublished} 次，覆盖 {year.PeopleReached} 人 / 区域内 {year.PeopleInArea} 人，公众覆盖率 "
                + (year.Coverage is { } coverage ? string.Create(CultureInfo.InvariantCulture, $"{coverage * 100:0.0}%") : "—") + "（目标 ≥ 90%）");
            Sub($"（三）{year.Year}年开展会商 {year.Consultations.Sum(k => k.Count)} 次");
            Item(string.Join("　", year.Consultations.Select(k => $"{k.Label} {k.Count} 次")));
            Sub($"（四）全国综合减灾示范社区 {year.DemonstrationAwarded} 个，目标不低于 {year.DemonstrationTarget} 个"
                + (year.DemonstrationAwarded >= year.DemonstrationTarget ? "（已完成）" : $"（尚差 {year.DemonstrationTarget - year.DemonstrationAwarded} 个）"));
            foreach (var c in year.DemonstrationCommunities)
                Item(c);
        }

        y += 10;
        Line($"记录人 {consultation.RecordedBy} · 生成 {ChinaTime.ToChina(printedAt):yyyy-MM-dd HH:mm} · 天山平台", small);
        gfx.Dispose();
        using var stream = new MemoryStream();
        document.Save(stream, false);
        return stream.ToArray();
    }

    private static string Disaster(HistoricalDisaster d) => string.Create(CultureInfo.InvariantCulture,
        $"{d.OccurredOn:yyyy-MM-dd}　{HistoricalDisaster.Label(d.Type)}　{d.Place}　死亡 {d.Deaths} 人　受灾 {d.Affected} 人　直接经济损失 {d.LossWanYuan:0.##} 万元");

    private static string Warning(RiskSituationReportData.WarningLine w) =>
        $"{ChinaTime.ToChina(w.PublishedAt):yyyy-MM-dd HH:mm}　{w.EventName}{Tianshan.Core.Warnings.WarningLevels.Colour(w.Level)}预警　{w.Headline}";

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Grade(int grade) => grade switch { 1 => "一级", 2 => "二级", 3 => "三级", _ => "四级" };

    private static string Km(double? km) => km is { } v ? string.Create(CultureInfo.InvariantCulture, $"{v:0.0} km") : "—";
}
