namespace Tianshan.Core.People;

/// <summary>Whose record a person is: the enterprise's 主要负责人, 安全生产管理人员, 特种作业人员 or other 从业人员, or the
/// bureau's own staff (局机关工作人员, managed by the bureau).</summary>
public enum PersonRole
{
    /// <summary>主要负责人 (安全生产法 第二十七条: 应当具备相应的安全生产知识和管理能力, 高危行业须考核合格).</summary>
    Principal = 1,
    /// <summary>安全生产管理人员.</summary>
    SafetyManager = 2,
    /// <summary>特种作业人员 (安全生产法 第三十条: 须经专门的安全作业培训, 取得相应资格, 方可上岗作业).</summary>
    SpecialOperationWorker = 3,
    /// <summary>其他从业人员 (three-level education applies to them).</summary>
    Worker = 4,
    /// <summary>区应急管理局工作人员.</summary>
    BureauStaff = 5,
}

/// <summary>The certificate a person holds.</summary>
public enum CertificateKind
{
    /// <summary>主要负责人安全生产知识和管理能力考核合格证 (安全生产培训管理办法: 有效期 3 年).</summary>
    PrincipalCompetence = 1,
    /// <summary>安全生产管理人员安全生产知识和管理能力考核合格证 (有效期 3 年).</summary>
    SafetyManagerCompetence = 2,
    /// <summary>特种作业操作证 (总局令第30号 第二十一条: 有效期 6 年, 每 3 年复审 1 次).</summary>
    SpecialOperation = 3,
    /// <summary>注册安全工程师执业证.</summary>
    RegisteredSafetyEngineer = 4,
    /// <summary>行政执法证 (bureau staff).</summary>
    LawEnforcement = 5,
    Other = 9,
}

/// <summary>What a training session is.</summary>
public enum TrainingKind
{
    /// <summary>主要负责人和安全管理人员应急能力培训 — what EP-04 counts.</summary>
    EmergencyCompetence = 1,
    /// <summary>三级安全教育：厂（公司）级.</summary>
    ThreeLevelCompany = 2,
    /// <summary>三级安全教育：车间级.</summary>
    ThreeLevelWorkshop = 3,
    /// <summary>三级安全教育：班组级.</summary>
    ThreeLevelTeam = 4,
    /// <summary>局机关干部职工培训.</summary>
    BureauStaff = 5,
    /// <summary>灾害信息员培训 — what DP-03 counts.</summary>
    DisasterInformant = 6,
    Other = 9,
}

/// <summary>宣传活动类型.</summary>
public enum PublicityKind
{
    /// <summary>安全生产月.</summary>
    SafetyMonth = 1,
    /// <summary>全国防灾减灾日 (5月12日).</summary>
    DisasterReductionDay = 2,
    /// <summary>119 消防宣传月.</summary>
    FireSafetyMonth = 3,
    /// <summary>进社区、进家庭.</summary>
    Community = 4,
    /// <summary>进学校.</summary>
    School = 5,
    /// <summary>进企业.</summary>
    Enterprise = 6,
    /// <summary>线上宣传（公众号、短视频）.</summary>
    Online = 7,
    Other = 9,
}

/// <summary>知识调查类型, each with the plan's target share of households passing.</summary>
public enum SurveyKind
{
    /// <summary>消防安全意识 — target ≥ 85 % (PRODUCT.md C11).</summary>
    FireSafetyAwareness = 1,
    /// <summary>防灾减灾知识 — target ≥ 90 % (综合防灾减灾“十四五”规划 目标 5; DP-04).</summary>
    DisasterReduction = 2,
}

public static class PeopleLabels
{
    public static string Label(PersonRole role) => role switch
    {
        PersonRole.Principal => "主要负责人",
        PersonRole.SafetyManager => "安全生产管理人员",
        PersonRole.SpecialOperationWorker => "特种作业人员",
        PersonRole.Worker => "从业人员",
        PersonRole.BureauStaff => "局机关工作人员",
        _ => role.ToString(),
    };

    public static string Label(CertificateKind kind) => kind switch
    {
        CertificateKind.PrincipalCompetence => "主要负责人安全生产知识和管理能力考核合格证",
        CertificateKind.SafetyManagerCompetence => "安全生产管理人员安全生产知识和管理能力考核合格证",
        CertificateKind.SpecialOperation => "特种作业操作证",
        CertificateKind.RegisteredSafetyEngineer => "注册安全工程师执业证",
        CertificateKind.LawEnforcement => "行政执法证",
        _ => "其他证书",
    };

    public static string Label(TrainingKind kind) => kind switch
    {
        TrainingKind.EmergencyCompetence => "主要负责人/安全管理人员应急能力培训",
        TrainingKind.ThreeLevelCompany => "三级安全教育（公司级）",
        TrainingKind.ThreeLevelWorkshop => "三级安全教育（车间级）",
        TrainingKind.ThreeLevelTeam => "三级安全教育（班组级）",
        TrainingKind.BureauStaff => "局机关干部职工培训",
        TrainingKind.DisasterInformant => "灾害信息员培训",
        _ => "其他培训",
    };

    public static string Label(PublicityKind kind) => kind switch
    {
        PublicityKind.SafetyMonth => "安全生产月",
        PublicityKind.DisasterReductionDay => "防灾减灾日",
        PublicityKind.FireSafetyMonth => "119消防宣传月",
        PublicityKind.Community => "进社区、进家庭",
        PublicityKind.School => "进学校",
        PublicityKind.Enterprise => "进企业",
        PublicityKind.Online => "线上宣传",
        _ => "其他宣传",
    };

    public static string Label(SurveyKind kind) => kind switch
    {
        SurveyKind.FireSafetyAwareness => "消防安全意识",
        SurveyKind.DisasterReduction => "防灾减灾知识",
        _ => kind.ToString(),
    };

    public static bool IsThreeLevel(TrainingKind kind) =>
        kind is TrainingKind.ThreeLevelCompany or TrainingKind.ThreeLevelWorkshop or TrainingKind.ThreeLevelTeam;

    /// <summary>Target share passing (%) for a survey kind.</summary>
    public static decimal Target(SurveyKind kind) => kind == SurveyKind.FireSafetyAwareness ? 85m : 90m;
}
