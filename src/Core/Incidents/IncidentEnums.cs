using Tianshan.Core.Registry;

namespace Tianshan.Core.Incidents;

/// <summary>How the duty desk learned of the incident.</summary>
public enum IncidentSource
{
    /// <summary>值班电话 (a call to the duty desk).</summary>
    DutyDesk = 1,
    /// <summary>企业报告 (the enterprise's own report, 493号令 第九条).</summary>
    Enterprise = 2,
    /// <summary>群众热线 (the public hotline form, 12350 / 119 transfer).</summary>
    PublicHotline = 3,
    /// <summary>监测报警 (raised from a monitoring alarm).</summary>
    MonitoringAlarm = 4,
}

/// <summary>突发事件应对法 第二条: 自然灾害、事故灾难、公共卫生事件和社会安全事件.</summary>
public enum IncidentCategory
{
    /// <summary>事故灾难 — production safety accidents are graded by 493号令.</summary>
    Accident = 1,
    NaturalDisaster = 2,
    PublicHealth = 3,
    SocialSecurity = 4,
}

public enum IncidentStatus
{
    /// <summary>处置中.</summary>
    Responding = 1,
    /// <summary>已结案 (investigation closed, 四不放过).</summary>
    Closed = 2,
}

/// <summary>Times the emergency plan's indicators 10–12 and 17 are computed from.</summary>
public enum MilestoneKind
{
    /// <summary>现场指挥通信开通.</summary>
    CommandCommsOpened = 1,
    /// <summary>救援基本电力恢复.</summary>
    RescuePowerRestored = 2,
    /// <summary>受灾群众基本生活得到救助.</summary>
    BasicReliefProvided = 3,
    /// <summary>获取灾区影像.</summary>
    ImageryObtained = 4,
}

/// <summary>Subtypes per category, as the duty desk's intake form lists them.</summary>
public static class IncidentSubtypes
{
    public const string RoadTraffic = "道路交通事故";
    public const string Fire = "火灾事故";

    public static readonly IReadOnlyDictionary<IncidentCategory, string[]> All = new Dictionary<IncidentCategory, string[]>
    {
        [IncidentCategory.Accident] = ["危险化学品事故", Fire, RoadTraffic, "建设施工事故", "工贸事故", "特种设备事故", "其他生产安全事故"],
        [IncidentCategory.NaturalDisaster] = ["地震", "洪涝", "地质灾害", "气象灾害", "森林草原火灾"],
        [IncidentCategory.PublicHealth] = ["传染病疫情", "食物中毒", "职业中毒", "其他公共卫生事件"],
        [IncidentCategory.SocialSecurity] = ["群体性事件", "恐怖袭击", "其他社会安全事件"],
    };

    /// <summary>493号令 第十三条: the 7-day supplementary window applies to road traffic and fire accidents.</summary>
    public static bool HasSevenDayWindow(string subtype) => subtype is RoadTraffic or Fire;

    /// <summary>The sector whose supervising department an accident of this subtype concerns when no enterprise is named
    /// (安全生产法 第十条第二款: the departments supervise work safety "在各自的职责范围内" of their sectors); null for the
    /// subtypes no one sector supervises (natural disasters, public health, social security, 其他生产安全事故) — those stay
    /// with the bureau and the territorial levels.</summary>
    public static Sector? SectorOf(string subtype) => subtype switch
    {
        "危险化学品事故" => Sector.HazardousChemicals,
        Fire => Sector.CrowdedPlaces,
        RoadTraffic => Sector.RoadTransport,
        "建设施工事故" => Sector.Construction,
        "工贸事故" => Sector.IndustryTrade,
        "特种设备事故" => Sector.SpecialEquipment,
        _ => null,
    };
}
