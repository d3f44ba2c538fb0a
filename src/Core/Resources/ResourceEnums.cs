namespace Tianshan.Core.Resources;

/// <summary>The four kinds of rescue team in the district's emergency plan (27 teams: 1 comprehensive fire-rescue, 1 professional,
/// 24 government-led with enterprises, 1 civil).</summary>
public enum RescueTeamType
{
    /// <summary>综合性消防救援队伍.</summary>
    FireRescue = 1,
    /// <summary>专业应急救援队伍 (e.g. 独山子石化公司消防内保支队).</summary>
    Professional = 2,
    /// <summary>政府主导、企业参与的应急救援队伍.</summary>
    GovernmentLed = 3,
    /// <summary>社会应急力量 (e.g. 天山救援队).</summary>
    Civil = 4,
}

/// <summary>Whether a team can be dispatched now.</summary>
public enum Readiness
{
    /// <summary>待命.</summary>
    Ready = 1,
    /// <summary>执行任务中.</summary>
    Deployed = 2,
    /// <summary>休整/不可用.</summary>
    Unavailable = 3,
}

/// <summary>Whether an expert can be called now.</summary>
public enum ExpertAvailability
{
    /// <summary>可随时联系.</summary>
    Available = 1,
    /// <summary>外出/不便.</summary>
    Away = 2,
    /// <summary>已退出专家库.</summary>
    Retired = 3,
}

/// <summary>GB 51143-2015 防灾避难场所设计规范: 紧急 / 固定(短期·中期·长期) / 中心 shelters; emergency ones open 1–3 days,
/// fixed and central ones up to 100 days.</summary>
public enum ShelterType
{
    /// <summary>紧急避难场所.</summary>
    Emergency = 1,
    /// <summary>短期固定避难场所.</summary>
    FixedShortTerm = 2,
    /// <summary>中期固定避难场所.</summary>
    FixedMidTerm = 3,
    /// <summary>长期固定避难场所.</summary>
    FixedLongTerm = 4,
    /// <summary>中心避难场所.</summary>
    Central = 5,
}

public enum ShelterStatus
{
    /// <summary>未开放 (ready, closed).</summary>
    Closed = 1,
    /// <summary>已开放.</summary>
    Open = 2,
    /// <summary>暂停使用 (under repair).</summary>
    OutOfUse = 3,
}

/// <summary>建标152-2017 第十四条 station classes (一级 ≤7 km², 二级 ≤4 km², 小型 ≤2 km², 特勤).</summary>
public enum FireStationGrade
{
    /// <summary>一级普通消防站.</summary>
    Level1 = 1,
    /// <summary>二级普通消防站.</summary>
    Level2 = 2,
    /// <summary>小型普通消防站.</summary>
    Small = 3,
    /// <summary>特勤消防站.</summary>
    Special = 4,
    /// <summary>企业专职消防站.</summary>
    Enterprise = 5,
}

public enum FacilityStatus
{
    /// <summary>在用.</summary>
    InService = 1,
    /// <summary>规划/在建.</summary>
    Planned = 2,
}

public enum EquipmentKind
{
    /// <summary>车辆.</summary>
    Vehicle = 1,
    /// <summary>装备.</summary>
    Equipment = 2,
}

public enum StockMovementKind
{
    /// <summary>入库 (purchase, donation, transfer in, return).</summary>
    In = 1,
    /// <summary>出库 (issue, transfer out, rotation, scrapping).</summary>
    Out = 2,
}

/// <summary>Chinese labels of the resource enums, shared by pages, exports and imports.</summary>
public static class ResourceLabels
{
    public static string Of(RescueTeamType t) => t switch
    {
        RescueTeamType.FireRescue => "综合性消防救援队伍",
        RescueTeamType.Professional => "专业应急救援队伍",
        RescueTeamType.GovernmentLed => "政府主导企业参与队伍",
        RescueTeamType.Civil => "社会应急力量",
        _ => t.ToString(),
    };

    public static string Of(Readiness r) => r switch
    {
        Readiness.Ready => "待命",
        Readiness.Deployed => "执行任务",
        Readiness.Unavailable => "休整",
        _ => r.ToString(),
    };

    public static string Of(ExpertAvailability a) => a switch
    {
        ExpertAvailability.Available => "可联系",
        ExpertAvailability.Away => "外出",
        ExpertAvailability.Retired => "已退出",
        _ => a.ToString(),
    };

    public static string Of(ShelterType t) => t switch
    {
        ShelterType.Emergency => "紧急避难场所",
        ShelterType.FixedShortTerm => "短期固定避难场所",
        ShelterType.FixedMidTerm => "中期固定避难场所",
        ShelterType.FixedLongTerm => "长期固定避难场所",
        ShelterType.Central => "中心避难场所",
        _ => t.ToString(),
    };

    public static string Of(ShelterStatus s) => s switch
    {
        ShelterStatus.Closed => "未开放",
        ShelterStatus.Open => "已开放",
        ShelterStatus.OutOfUse => "暂停使用",
        _ => s.ToString(),
    };

    public static string Of(FireStationGrade g) => g switch
    {
        FireStationGrade.Level1 => "一级普通消防站",
        FireStationGrade.Level2 => "二级普通消防站",
        FireStationGrade.Small => "小型普通消防站",
        FireStationGrade.Special => "特勤消防站",
        FireStationGrade.Enterprise => "企业专职消防站",
        _ => g.ToString(),
    };

    public static string Of(FacilityStatus s) => s switch
    {
        FacilityStatus.InService => "在用",
        FacilityStatus.Planned => "规划",
        _ => s.ToString(),
    };

    public static string Of(EquipmentKind k) => k switch
    {
        EquipmentKind.Vehicle => "车辆",
        EquipmentKind.Equipment => "装备",
        _ => k.ToString(),
    };

    public static string Of(StockMovementKind k) => k switch
    {
        StockMovementKind.In => "入库",
        StockMovementKind.Out => "出库",
        _ => k.ToString(),
    };

    /// <summary>Parses a Chinese label (or the identifier) back into the enum value; null when it is neither.</summary>
    public static T? Parse<T>(string text, Func<T, string> label) where T : struct, Enum
    {
        var t = text.Trim();
        foreach (var v in Enum.GetValues<T>())
        {
            if (label(v) == t || string.Equals(v.ToString(), t, StringComparison.OrdinalIgnoreCase))
                return v;
        }
        return null;
    }
}
