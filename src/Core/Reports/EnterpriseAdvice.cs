using System.Globalization;
using Tianshan.Core.Prevention;

namespace Tianshan.Core.Reports;

/// <summary>The facts of one enterprise the 一企一策 advice is drawn from, all as of the day the report is generated.</summary>
public sealed record EnterpriseFacts
{
    public sealed record OpenHazard(string Number, string Title, HiddenHazardGrade? Grade, bool Listed, DateTimeOffset? Deadline);

    public sealed record HazardSource(string Code, string Name, DateOnly NextAssessmentDue, string? PendingTrigger);

    public DateOnly Today { get; init; }
    public DateTimeOffset Now { get; init; }
    public IReadOnlyList<OpenHazard> OpenHazards { get; init; } = [];
    public IReadOnlyList<HazardSource> HazardSources { get; init; } = [];
    public int Sensors { get; init; }
    public int SensorsOnline { get; init; }
    /// <summary>The enterprise's latest 100-point grade and when it is due again; null when never graded.</summary>
    public RiskLevel? EnterpriseGrade { get; init; }
    public DateOnly? EnterpriseGradeDue { get; init; }
    public int RedRiskPoints { get; init; }
    public CreditGrade? Credit { get; init; }
    public string? CreditLabel { get; init; }
}

/// <summary>One line of advice and the fact that triggered it, so a reader can check why it is there.</summary>
public sealed record Advice(string Text, string Trigger);

public sealed class EnterpriseAdviceOptions
{
    public const string Section = "Reports:Advice";

    /// <summary>Sensor online rate below which the advice asks for the offline sensors to be restored. No national figure
    /// fixes it (domain-rules §6: not found); 95 % is Tianshan's default.</summary>
    public double SensorOnlineTargetPercent { get; set; } = 95;

    /// <summary>How many days before a major hazard source's re-assessment falls due the advice starts asking for it.</summary>
    public int ReassessmentNoticeDays { get; set; } = 90;
}

/// <summary>
/// 一企一策 advice by explicit rules, each line naming the fact behind it. The rules follow the obligations they enforce:
/// an open major hidden hazard goes under 挂牌督办 (总局令第16号 第十四、十五条; domain-rules §3); an overdue rectification is
/// pressed and, if refused, production is suspended (《安全生产法》第一百零二条); major hazard sources are monitored without
/// interruption (40号令 第十三条) and re-assessed every three years or on a trigger (40号令 第十一条); the enterprise grade is
/// re-assessed every three years (分级指南 2018); red risk points are controlled by the principal (双重预防, 中国石化 规定).
/// </summary>
public static class EnterpriseAdvice
{
    public static IReadOnlyList<Advice> For(EnterpriseFacts facts, EnterpriseAdviceOptions options)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(options);
        var advice = new List<Advice>();
        foreach (var h in facts.OpenHazards.Where(h => h.Grade == HiddenHazardGrade.Major))
        {
            advice.Add(h.Listed
                ? new Advice($"跟踪挂牌督办隐患 {h.Number} 的治理方案落实和整改进度，验收合格后摘牌销号。", $"重大隐患 {h.Number}“{h.Title}”未销号，正在挂牌督办")
                : new Advice($"对重大隐患 {h.Number} 实行挂牌督办，督促企业按治理方案限期整改（总局令第16号第十五条）。", $"重大隐患 {h.Number}“{h.Title}”未销号，尚未挂牌督办"));
        }
        foreach (var h in facts.OpenHazards.Where(h => h.Deadline is { } d && d < facts.Now))
        {
            var days = (int)Math.Floor((facts.Now - h.Deadline!.Value).TotalDays);
            advice.Add(new Advice($"督促隐患 {h.Number} 立即整改，拒不整改的依《安全生产法》第一百零二条责令停产停业整顿。",
                $"隐患 {h.Number}“{h.Title}”整改期限已过 {days} 天"));
        }
        if (facts.Sensors > 0)
        {
            var rate = 100.0 * facts.SensorsOnline / facts.Sensors;
            if (rate < options.SensorOnlineTargetPercent)
                advice.Add(new Advice("排查离线传感器并恢复数据上传，保证重大危险源不间断采集监测（40号令第十三条）。",
                    string.Create(CultureInfo.InvariantCulture, $"传感器在线率 {rate:0.#}%（{facts.SensorsOnline}/{facts.Sensors}），低于目标 {options.SensorOnlineTargetPercent:0.#}%")));
        }
        foreach (var s in facts.HazardSources)
        {
            if (s.PendingTrigger is { } trigger)
                advice.Add(new Advice($"组织重大危险源 {s.Code} 重新辨识、评估和分级（40号令第十一条）。", $"重大危险源 {s.Code}“{s.Name}”出现复评情形：{trigger}"));
            else if (s.NextAssessmentDue <= facts.Today.AddDays(options.ReassessmentNoticeDays))
                advice.Add(new Advice($"安排重大危险源 {s.Code} 安全评估（40号令第十一条：评估满三年应重新评估）。",
                    s.NextAssessmentDue < facts.Today
                        ? $"重大危险源 {s.Code}“{s.Name}”评估已于 {s.NextAssessmentDue:yyyy-MM-dd} 到期"
                        : $"重大危险源 {s.Code}“{s.Name}”将于 {s.NextAssessmentDue:yyyy-MM-dd} 评估到期"));
        }
        if (facts.EnterpriseGrade is null)
            advice.Add(new Advice("开展企业安全风险评估诊断分级（分级指南 2018）。", "企业尚无安全风险分级记录"));
        else if (facts.EnterpriseGradeDue is { } due && due < facts.Today)
            advice.Add(new Advice("重新开展企业安全风险评估诊断分级（分级指南 2018：原则上每三年一次）。", $"企业风险分级已于 {due:yyyy-MM-dd} 到期"));
        if (facts.EnterpriseGrade == RiskLevel.Red)
            advice.Add(new Advice("将企业列为重点监管对象，提高执法检查频次。", "企业安全风险等级为红（重大风险）"));
        if (facts.RedRiskPoints > 0)
            advice.Add(new Advice("红色风险点由企业主要负责人牵头管控，逐一落实管控措施并张贴岗位风险告知卡。", $"红色（重大风险）风险点 {facts.RedRiskPoints} 个"));
        if (facts.Credit is CreditGrade.C or CreditGrade.D)
            advice.Add(new Advice("纳入失信风险重点监管，增加“双随机”抽查比例。", $"安全生产信用等级 {facts.CreditLabel}"));
        if (advice.Count == 0)
            advice.Add(new Advice("未发现需要特别跟进的问题，保持现有管控措施。", "无未销号重大隐患、逾期隐患、到期评估，在线率达标"));
        return advice;
    }
}
