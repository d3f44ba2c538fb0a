namespace Tianshan.Core.Plans;

/// <summary>The kinds of plan the district keeps: the government's overall / special / department plans (国办发〔2024〕5号
/// 《突发事件应急预案管理办法》) and an enterprise's comprehensive plan and on-site disposal plans (应急管理部令第2号 第六条).</summary>
public enum PlanKind
{
    /// <summary>总体应急预案.</summary>
    Overall = 1,
    /// <summary>专项应急预案 (a government special plan, or an enterprise's special plan for a hazard source).</summary>
    Special = 2,
    /// <summary>部门应急预案.</summary>
    Department = 3,
    /// <summary>企业综合应急预案.</summary>
    EnterpriseComprehensive = 4,
    /// <summary>现场处置方案 (for a place, unit or installation).</summary>
    OnSiteDisposal = 5,
}

/// <summary>备案 status: filed with the bureau (2号令 第二十六条), lapsed, or withdrawn.</summary>
public enum FilingStatus
{
    Draft = 1,
    Filed = 2,
    Expired = 3,
    Withdrawn = 4,
}

/// <summary>Why a plan must be revised now: 应急管理部令第2号 第三十六条 (一)–(六).</summary>
public enum RevisionTrigger
{
    /// <summary>(一) the laws, regulations, rules, standards or higher-level plans it rests on changed materially.</summary>
    LawsChanged = 1,
    /// <summary>(二) the emergency command organisation or its duties changed.</summary>
    CommandChanged = 2,
    /// <summary>(三) the risks faced changed materially (e.g. a major hazard source was added, re-graded or changed).</summary>
    RiskChanged = 3,
    /// <summary>(四) important emergency resources changed materially.</summary>
    ResourcesChanged = 4,
    /// <summary>(五) a drill or a real response found a major problem that needs the plan revised.</summary>
    ProblemsFound = 5,
    /// <summary>(六) any other reason the owner finds.</summary>
    Other = 6,
}

/// <summary>演练形式 by AQ/T 9007-2019: tabletop, functional (single function), full-scale (实战).</summary>
public enum DrillType
{
    Tabletop = 1,
    Functional = 2,
    FullScale = 3,
}

public static class PlanLabels
{
    public static string Label(PlanKind kind) => kind switch
    {
        PlanKind.Overall => "总体应急预案",
        PlanKind.Special => "专项应急预案",
        PlanKind.Department => "部门应急预案",
        PlanKind.EnterpriseComprehensive => "企业综合应急预案",
        PlanKind.OnSiteDisposal => "现场处置方案",
        _ => kind.ToString(),
    };

    public static string Label(FilingStatus status) => status switch
    {
        FilingStatus.Draft => "未备案",
        FilingStatus.Filed => "已备案",
        FilingStatus.Expired => "备案失效",
        FilingStatus.Withdrawn => "已废止",
        _ => status.ToString(),
    };

    public static string Label(RevisionTrigger trigger) => trigger switch
    {
        RevisionTrigger.LawsChanged => "依据的法律、法规、规章、标准及上位预案中的有关规定发生重大变化",
        RevisionTrigger.CommandChanged => "应急指挥机构及其职责发生调整",
        RevisionTrigger.RiskChanged => "安全生产面临的风险发生重大变化（如重大危险源变化）",
        RevisionTrigger.ResourcesChanged => "重要应急资源发生重大变化",
        RevisionTrigger.ProblemsFound => "在应急演练和事故应急救援中发现需要修订预案的重大问题",
        RevisionTrigger.Other => "编制单位认为应当修订的其他情况",
        _ => trigger.ToString(),
    };

    public static string Label(DrillType type) => type switch
    {
        DrillType.Tabletop => "桌面演练",
        DrillType.Functional => "功能演练",
        DrillType.FullScale => "实战演练",
        _ => type.ToString(),
    };

    public static string Label(RevisionState state) => state switch
    {
        RevisionState.Current => "有效",
        RevisionState.DueSoon => "即将到期评估",
        RevisionState.Overdue => "逾期未评估修订",
        RevisionState.TriggerPending => "须及时修订",
        _ => state.ToString(),
    };

    /// <summary>Plans bound to one enterprise; the others belong to the district's government and its departments.</summary>
    public static bool IsEnterpriseKind(PlanKind kind) => kind is PlanKind.EnterpriseComprehensive or PlanKind.OnSiteDisposal or PlanKind.Special;
}
