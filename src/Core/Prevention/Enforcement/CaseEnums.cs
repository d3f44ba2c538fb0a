using System.Globalization;

namespace Tianshan.Core.Prevention;

/// <summary>
/// The stage an enforcement case has reached (行政处罚法 第五章 一般程序): 立案 → 调查取证 → 法制审核 → 决定 → 执行 → 结案.
/// A case is in the stage of the last step taken.
/// </summary>
public enum CaseStage
{
    /// <summary>立案 (第五十四条).</summary>
    Filed = 1,
    /// <summary>调查取证 done (第五十五条, 第五十六条).</summary>
    Investigation = 2,
    /// <summary>法制审核 passed (第五十八条).</summary>
    LegalReview = 3,
    /// <summary>行政处罚决定 made (第五十七条, 第五十九条).</summary>
    Decision = 4,
    /// <summary>执行 done (第六十六条–第七十三条).</summary>
    Execution = 5,
    /// <summary>结案.</summary>
    Closed = 6,
}

/// <summary>Kinds of administrative penalty (行政处罚法 第九条; 安全生产法 第九十条起 names the ones used in work safety).</summary>
public enum PenaltyKind
{
    /// <summary>警告.</summary>
    Warning = 1,
    /// <summary>罚款 (amount in yuan).</summary>
    Fine = 2,
    /// <summary>没收违法所得.</summary>
    ConfiscateIllegalGains = 3,
    /// <summary>责令停产停业整顿.</summary>
    SuspendProduction = 4,
    /// <summary>暂扣或吊销许可证.</summary>
    RevokeLicence = 5,
    /// <summary>关闭 (提请政府予以关闭).</summary>
    CloseDown = 6,
}

public static class CaseLabels
{
    public static string Label(CaseStage stage) => stage switch
    {
        CaseStage.Filed => "立案",
        CaseStage.Investigation => "调查取证",
        CaseStage.LegalReview => "法制审核",
        CaseStage.Decision => "决定",
        CaseStage.Execution => "执行",
        CaseStage.Closed => "结案",
        _ => stage.ToString(),
    };

    public static string Label(PenaltyKind kind) => kind switch
    {
        PenaltyKind.Warning => "警告",
        PenaltyKind.Fine => "罚款",
        PenaltyKind.ConfiscateIllegalGains => "没收违法所得",
        PenaltyKind.SuspendProduction => "责令停产停业整顿",
        PenaltyKind.RevokeLicence => "暂扣或吊销许可证",
        PenaltyKind.CloseDown => "关闭",
        _ => kind.ToString(),
    };

    /// <summary>The penalty as the public notice states it, e.g. "罚款 50000 元".</summary>
    public static string Penalty(PenaltyKind kind, decimal? fine) =>
        kind == PenaltyKind.Fine && fine is { } amount
            ? $"罚款 {amount.ToString("0.##", CultureInfo.InvariantCulture)} 元"
            : Label(kind);
}
