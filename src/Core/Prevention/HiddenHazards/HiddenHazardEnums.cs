namespace Tianshan.Core.Prevention;

/// <summary>Where a hidden hazard (隐患) was found.</summary>
public enum HiddenHazardOrigin
{
    /// <summary>企业自查.</summary>
    SelfInspection = 1,
    /// <summary>监督检查 (an inspection by the bureau or a department).</summary>
    Inspection = 2,
    /// <summary>监测报警 (raised from a monitoring alarm).</summary>
    Monitoring = 3,
    /// <summary>群众举报 (a public report, possibly anonymous).</summary>
    PublicReport = 4,
}

/// <summary>总局令第16号 第三条: 一般事故隐患 can be removed at once; 重大事故隐患 needs (partial) shutdown and time.</summary>
public enum HiddenHazardGrade
{
    General = 1,
    Major = 2,
}

/// <summary>The closed loop (中国石化 双重预防规定: 排查 → 登记 → 整改 → 效果评估 → 验收销号).</summary>
public enum HiddenHazardStatus
{
    /// <summary>已登记, awaiting assessment (classification and the 五落实).</summary>
    Registered = 1,
    /// <summary>整改中: assessed, with its responsible person, measures, funds, deadline and plan.</summary>
    Rectifying = 2,
    /// <summary>待验收: rectification submitted with evidence.</summary>
    AwaitingVerification = 3,
    /// <summary>已销号: verified by someone other than the submitter.</summary>
    Closed = 4,
    /// <summary>不予立案: a report found not to be a hazard (kept, with the reason).</summary>
    Dismissed = 5,
}

/// <summary>Where a hazard stands against its rectification deadline.</summary>
public enum DeadlineStatus
{
    /// <summary>No deadline yet, or the hazard is closed or dismissed.</summary>
    None = 0,
    OnTime = 1,
    /// <summary>Within the reminder window before the deadline.</summary>
    DueSoon = 2,
    Overdue = 3,
}

public static class HiddenHazardLabels
{
    public static string Label(HiddenHazardOrigin source) => source switch
    {
        HiddenHazardOrigin.SelfInspection => "企业自查",
        HiddenHazardOrigin.Inspection => "监督检查",
        HiddenHazardOrigin.Monitoring => "监测报警",
        HiddenHazardOrigin.PublicReport => "群众举报",
        _ => source.ToString(),
    };

    public static string Label(HiddenHazardGrade level) => level switch
    {
        HiddenHazardGrade.General => "一般隐患",
        HiddenHazardGrade.Major => "重大隐患",
        _ => level.ToString(),
    };

    public static string Label(HiddenHazardStatus status) => status switch
    {
        HiddenHazardStatus.Registered => "已登记",
        HiddenHazardStatus.Rectifying => "整改中",
        HiddenHazardStatus.AwaitingVerification => "待验收",
        HiddenHazardStatus.Closed => "已销号",
        HiddenHazardStatus.Dismissed => "不予立案",
        _ => status.ToString(),
    };

    public static string Label(DeadlineStatus status) => status switch
    {
        DeadlineStatus.OnTime => "期限内",
        DeadlineStatus.DueSoon => "即将到期",
        DeadlineStatus.Overdue => "已逾期",
        _ => "—",
    };
}
