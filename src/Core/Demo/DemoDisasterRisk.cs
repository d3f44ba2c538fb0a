using Tianshan.Core.Data;
using Tianshan.Core.DisasterRisk;
using Tianshan.Core.Platform;

namespace Tianshan.Core.Demo;

/// <summary>
/// Demo natural-disaster risk census (all marked demo). Real, from the district plan (§一(三)2): four active faults lie in
/// the south of the district — 准噶尔南缘, 婆罗克努, 清水河子 and the Holocene 独山子-安集海 fault, ≈55 km long and roughly
/// east–west, crossing the south-west edge of the city. Illustrative: every trace (drawn by hand along that description,
/// not surveyed), the flood channel, the reservoir, the geological-hazard points, the exposure figures, the past disasters,
/// the consultation and the demonstration-community statuses.
/// </summary>
public static class DemoDisasterRisk
{
    private static string Line(params double[][] points) =>
        "{\"type\":\"LineString\",\"coordinates\":[" + string.Join(",", points.Select(Pair)) + "]}";

    private static string Point(double lon, double lat) => "{\"type\":\"Point\",\"coordinates\":" + Pair([lon, lat]) + "}";

    private static string Pair(double[] p) => FormattableString.Invariant($"[{p[0]},{p[1]}]");

    private static readonly (HazardLayerKind Kind, string Name, string Geometry, string Attributes)[] Features =
    [
        (HazardLayerKind.ActiveFault, "独山子-安集海断裂（示意迹线）",
            Line([84.72, 44.335], [84.80, 44.322], [84.86, 44.311], [84.92, 44.300], [85.05, 44.285], [85.40, 44.262]),
            """{"activity":"全新世","lengthKm":55,"slip":"逆冲","note":"穿过城区西南边缘，晚更新世末期以来多次古地震事件（区规划）；迹线为示意"}"""),
        (HazardLayerKind.ActiveFault, "准噶尔南缘断裂（示意迹线）",
            Line([84.70, 44.245], [84.90, 44.228], [85.12, 44.205]),
            """{"activity":"晚更新世","slip":"逆冲","note":"迹线为示意"}"""),
        (HazardLayerKind.ActiveFault, "清水河子断裂（示意迹线）",
            Line([84.74, 44.185], [84.93, 44.170], [85.10, 44.152]),
            """{"activity":"晚更新世","slip":"逆冲","note":"迹线为示意"}"""),
        (HazardLayerKind.ActiveFault, "婆罗克努断裂（示意迹线）",
            Line([84.72, 44.138], [84.92, 44.131], [85.12, 44.122]),
            """{"activity":"全新世","slip":"右旋走滑","note":"迹线为示意"}"""),
        (HazardLayerKind.FloodChannel, "城西泄洪渠（示意）",
            Line([84.858, 44.280], [84.860, 44.310], [84.862, 44.330], [84.866, 44.360]),
            """{"designFlood":"20年一遇","note":"示意"}"""),
        (HazardLayerKind.Reservoir, "南郊调蓄水库（示意）",
            """{"type":"Polygon","coordinates":[[[84.895,44.290],[84.910,44.290],[84.910,44.299],[84.895,44.299],[84.895,44.290]]]}""",
            """{"capacityWanM3":120,"damHeightM":12,"note":"示意"}"""),
        (HazardLayerKind.GeologicalHazardPoint, "南山坡滑坡隐患点（示意）", Point(84.875, 44.305), """{"type":"滑坡","threatened":60,"note":"示意"}"""),
        (HazardLayerKind.GeologicalHazardPoint, "泥火山周边地面塌陷隐患点（示意）", Point(84.860, 44.302), """{"type":"地面塌陷","threatened":20,"note":"示意"}"""),
        (HazardLayerKind.GeologicalHazardPoint, "独库公路崩塌隐患点（示意）", Point(84.900, 44.270), """{"type":"崩塌","threatened":15,"note":"示意"}"""),
        (HazardLayerKind.GeologicalHazardPoint, "大峡谷崩塌隐患点（示意）", Point(84.860, 44.200), """{"type":"崩塌","threatened":30,"note":"示意"}"""),
    ];

    /// <summary>Per community code: households, buildings by structure (RC, masonry, weak) and by age (before 1990,
    /// 1990–2001, after 2001), schools, hospitals. Population is the division's residents.</summary>
    private static readonly (string Code, int Households, int Rc, int Masonry, int Weak, int Before1990, int To2001, int After2001, int Schools, int Hospitals)[] Exposure =
    [
        ("650202001001", 2150, 60, 70, 10, 40, 50, 50, 2, 1),
        ("650202001002", 1880, 80, 40, 0, 10, 30, 80, 1, 0),
        ("650202001003", 2000, 40, 80, 20, 60, 50, 30, 1, 1),
        ("650202001004", 1650, 30, 60, 25, 55, 40, 20, 1, 0),
        ("650202001005", 1850, 70, 40, 5, 20, 35, 60, 1, 0),
        ("650202002001", 2270, 90, 45, 5, 25, 40, 75, 2, 1),
        ("650202002002", 1960, 60, 50, 10, 30, 45, 45, 1, 1),
        ("650202002003", 1770, 75, 30, 0, 10, 25, 70, 1, 0),
        ("650202002004", 2040, 85, 30, 0, 5, 30, 80, 1, 0),
        ("650202002005", 1620, 40, 55, 15, 45, 40, 25, 0, 1),
        ("650202003001", 2080, 100, 20, 0, 0, 20, 100, 2, 0),
        ("650202003002", 1730, 90, 15, 0, 0, 15, 90, 1, 0),
        ("650202003003", 1920, 70, 45, 5, 35, 40, 45, 1, 1),
        ("650202003004", 1120, 50, 10, 0, 0, 5, 55, 0, 0),
    ];

    public static void Add(TianshanDb db, IReadOnlyDictionary<string, Division> divisions)
    {
        foreach (var f in Features)
            db.HazardFeatures.Add(HazardFeature.Create(f.Kind, f.Name, f.Geometry, f.Attributes, isDemo: true));
        foreach (var e in Exposure)
        {
            if (!divisions.TryGetValue(e.Code, out var community))
                continue;
            db.CommunityExposures.Add(CommunityExposure.Create(community, new CommunityExposure.Details(community.Residents ?? 0, e.Households,
                e.Rc, e.Masonry, e.Weak, e.Before1990, e.To2001, e.After2001, e.Schools, e.Hospitals), isDemo: true));
        }
        db.HistoricalDisasters.AddRange(
            HistoricalDisaster.Create(new DateOnly(2013, 6, 18), DisasterType.Flood, "城西泄洪渠沿线（南苑社区、石油社区）", "短时强降雨引发山洪，泄洪渠漫溢，部分平房进水（示意）", 0, 320, 85m, true),
            HistoricalDisaster.Create(new DateOnly(2016, 12, 8), DisasterType.Earthquake, "全区", "区外地震波及，城区震感强烈，少量老旧砖混房屋墙体开裂（示意）", 0, 1200, 260m, true),
            HistoricalDisaster.Create(new DateOnly(2019, 7, 24), DisasterType.GeologicalHazard, "独库公路南段", "强降雨诱发崩塌，道路中断约10小时（示意）", 0, 45, 60m, true),
            HistoricalDisaster.Create(new DateOnly(2021, 5, 2), DisasterType.Meteorological, "全区", "10级大风，广告牌、彩钢棚损毁（示意）", 0, 150, 40m, true),
            HistoricalDisaster.Create(new DateOnly(2024, 8, 9), DisasterType.Flood, "南郊", "暴雨致南郊农田和道路受淹（示意）", 0, 80, 22m, true));
        db.Consultations.Add(Consultation.Create(new Consultation.Details(new DateOnly(2026, 5, 20), ConsultationKind.BeforeFloodSeason,
            "2026年汛前自然灾害风险形势会商（示意）",
            "区应急管理局、区气象局、区水利局、区自然资源局、区住建局，各街道办事处",
            "入汛后南部山区短时强降雨增多，城西泄洪渠沿线和南山坡地质灾害隐患点受威胁；独山子-安集海断裂带附近老旧砖混房屋抗震能力偏弱。",
            "汛期山洪和地质灾害风险较高，重点区域为南苑社区、石油社区和天山社区；地震风险维持常态关注。",
            "泄洪渠汛前清淤；隐患点落实群测群防监测员；南苑社区开展避险转移演练；预警信息发布到户到人。"),
            "区应急管理局值班员(演示)", new DateTimeOffset(2026, 5, 20, 8, 0, 0, TimeSpan.Zero), isDemo: true));
        (string Code, DemonstrationStatus Status, int? Year, DemonstrationLevel? Level, string Note)[] demonstration =
        [
            ("650202001001", DemonstrationStatus.Awarded, 2024, DemonstrationLevel.National, "示意"),
            ("650202002001", DemonstrationStatus.Applying, null, null, "2026年申报（示意）"),
            ("650202003004", DemonstrationStatus.Candidate, null, null, "示意"),
        ];
        foreach (var d in demonstration)
            if (divisions.TryGetValue(d.Code, out var community))
                db.DemonstrationCommunities.Add(DemonstrationCommunity.Create(community, d.Status, d.Year, d.Level, d.Note, isDemo: true));
    }
}
