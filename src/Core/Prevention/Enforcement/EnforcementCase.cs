using Tianshan.Core.Platform;
using Tianshan.Core.Registry;

namespace Tianshan.Core.Prevention;

/// <summary>One step on a case's timeline: who did what, when, from which stage to which.</summary>
public sealed class CaseEvent
{
    public DateTimeOffset At { get; set; }
    public string Action { get; set; } = "";
    public CaseStage? From { get; set; }
    public CaseStage To { get; set; }
    public string? By { get; set; }
    public string? Note { get; set; }
}

/// <summary>The penalty decided: its legal basis, kind, amount and the decision document (行政处罚法 第五十九条 lists what
/// the 行政处罚决定书 states).</summary>
public sealed record CaseDecision
{
    /// <summary>法律依据, e.g. 《安全生产法》第九十九条.</summary>
    public string LegalBasis { get; init; } = "";
    public PenaltyKind? Penalty { get; init; }
    /// <summary>罚款 in yuan; only for <see cref="PenaltyKind.Fine"/>.</summary>
    public decimal? FineAmount { get; init; }
    /// <summary>决定书文号, e.g. 独应急罚〔2026〕1号.</summary>
    public string DocumentNumber { get; init; } = "";

    public void EnsureValid()
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(LegalBasis))
            errors["legalBasis"] = ["请填写处罚的法律依据（行政处罚法第五十九条）"];
        else if (LegalBasis.Length > 500)
            errors["legalBasis"] = ["法律依据不能超过 500 字"];
        if (Penalty is not { } kind || !Enum.IsDefined(kind))
            errors["penalty"] = ["请选择处罚种类"];
        else if (kind == PenaltyKind.Fine && FineAmount is null)
            errors["fineAmount"] = ["罚款须填写金额（元）"];
        if (FineAmount < 0)
            errors["fineAmount"] = ["罚款金额不能为负数"];
        if (string.IsNullOrWhiteSpace(DocumentNumber))
            errors["documentNumber"] = ["请填写行政处罚决定书文号"];
        else if (DocumentNumber.Length > 100)
            errors["documentNumber"] = ["决定书文号不能超过 100 字"];
        if (errors.Count > 0)
            throw new DomainValidationException(errors);
    }
}

/// <summary>
/// An enforcement case (执法案件) against an enterprise, run by the general procedure of the 行政处罚法: 立案 (第五十四条) →
/// 调查取证 (第五十五条) → 法制审核 by someone other than the handler (第五十八条) → 决定 with the legal basis (第五十九条) →
/// 执行 (第六十六条起) → 结案. Each step is on the timeline; a step out of order throws <see cref="WorkflowException"/>.
/// </summary>
public sealed class EnforcementCase
{
    private EnforcementCase() { }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    /// <summary>Readable number, e.g. AJ-2026-00001.</summary>
    public string Number { get; private set; } = "";
    public Guid EnterpriseId { get; private set; }
    public Enterprise? Enterprise { get; private set; }
    /// <summary>The hidden hazard the case arose from, if any.</summary>
    public Guid? HiddenHazardId { get; private set; }
    /// <summary>The inspection the case arose from, if any.</summary>
    public Guid? InspectionId { get; private set; }
    public string Title { get; private set; } = "";
    /// <summary>违法事实 as filed.</summary>
    public string Facts { get; private set; } = "";
    public CaseStage Stage { get; private set; }

    public string FiledBy { get; private set; } = "";
    public DateTimeOffset FiledAt { get; private set; }
    public string? Findings { get; private set; }
    public string? InvestigatedBy { get; private set; }
    public string? ReviewedBy { get; private set; }
    public string? ReviewOpinion { get; private set; }
    public CaseDecision? Decision { get; private set; }
    public string? DecidedBy { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    /// <summary>What was done to carry out the decision (e.g. the fine paid to the designated bank).</summary>
    public string? ExecutionNote { get; private set; }
    public decimal? AmountPaid { get; private set; }
    public DateTimeOffset? ExecutedOn { get; private set; }
    public string? ExecutedBy { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }

    public List<CaseEvent> Events { get; private set; } = [];

    public static EnforcementCase File(Guid enterpriseId, string number, string title, string facts, Guid? hiddenHazardId, Guid? inspectionId,
        string by, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(title))
            errors["title"] = ["请填写案由"];
        else if (title.Length > 200)
            errors["title"] = ["案由不能超过 200 字"];
        if (string.IsNullOrWhiteSpace(facts))
            errors["facts"] = ["请填写违法事实"];
        else if (facts.Length > 4000)
            errors["facts"] = ["违法事实不能超过 4000 字"];
        if (errors.Count > 0)
            throw new DomainValidationException(errors);
        var c = new EnforcementCase
        {
            EnterpriseId = enterpriseId,
            Number = number,
            Title = title.Trim(),
            Facts = facts.Trim(),
            HiddenHazardId = hiddenHazardId,
            InspectionId = inspectionId,
            FiledBy = by,
            FiledAt = now,
        };
        c.Record(now, "立案", CaseStage.Filed, by, c.Title);
        return c;
    }

    /// <summary>调查取证 (行政处罚法 第五十五条): the findings; may be supplemented after a legal review sends the case back.</summary>
    public void Investigate(string findings, string by, DateTimeOffset now)
    {
        if (Stage is not (CaseStage.Filed or CaseStage.Investigation))
            throw Illegal("调查取证", CaseStage.Filed);
        if (string.IsNullOrWhiteSpace(findings))
            throw new DomainValidationException("findings", "请填写调查取证情况");
        if (findings.Length > 4000)
            throw new DomainValidationException("findings", "调查取证情况不能超过 4000 字");
        Findings = findings.Trim();
        InvestigatedBy = by;
        Record(now, Stage == CaseStage.Investigation ? "补充调查" : "调查取证", CaseStage.Investigation, by, Findings);
    }

    /// <summary>
    /// 法制审核 (行政处罚法 第五十八条): required here before every decision, by a reviewer who is not the case's handler
    /// (第五十八条 第二款: 法制审核人员 are not the 案件调查人员). Not passed sends the case back for further investigation.
    /// </summary>
    public void Review(bool passed, string? opinion, string by, DateTimeOffset now)
    {
        Require(CaseStage.Investigation, "法制审核");
        if (string.Equals(by, FiledBy, StringComparison.OrdinalIgnoreCase) || string.Equals(by, InvestigatedBy, StringComparison.OrdinalIgnoreCase))
            throw new WorkflowException("法制审核人员不能是本案的承办人员（行政处罚法第五十八条），请由其他人员审核");
        if (!passed && string.IsNullOrWhiteSpace(opinion))
            throw new DomainValidationException("opinion", "审核不通过时请写明审核意见");
        ReviewOpinion = opinion?.Trim();
        if (passed)
        {
            ReviewedBy = by;
            Record(now, "法制审核通过", CaseStage.LegalReview, by, ReviewOpinion);
        }
        else
        {
            Record(now, "法制审核未通过，退回补充调查", CaseStage.Investigation, by, ReviewOpinion);
        }
    }

    /// <summary>行政处罚决定 (第五十七条) with its legal basis, penalty and decision document number (第五十九条).</summary>
    public void Decide(CaseDecision decision, string by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(decision);
        Require(CaseStage.LegalReview, "作出处罚决定");
        decision.EnsureValid();
        Decision = decision with
        {
            LegalBasis = decision.LegalBasis.Trim(),
            DocumentNumber = decision.DocumentNumber.Trim(),
            FineAmount = decision.Penalty == PenaltyKind.Fine ? decision.FineAmount : null,
        };
        DecidedBy = by;
        DecidedAt = now;
        Record(now, "处罚决定", CaseStage.Decision, by,
            $"{Decision.DocumentNumber}：依据{Decision.LegalBasis}，{CaseLabels.Penalty(Decision.Penalty!.Value, Decision.FineAmount)}");
    }

    /// <summary>执行 (第六十六条起): what was done and when; a fine is recorded as paid in full (第六十七条: 到指定银行缴纳).</summary>
    public void Execute(string note, decimal? amountPaid, DateTimeOffset executedOn, string by, DateTimeOffset now)
    {
        Require(CaseStage.Decision, "执行");
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(note))
            errors["note"] = ["请填写执行情况"];
        if (Decision!.Penalty == PenaltyKind.Fine && amountPaid != Decision.FineAmount)
            errors["amountPaid"] = [$"罚款须缴清：决定罚款 {Decision.FineAmount:0.##} 元"];
        if (amountPaid < 0)
            errors["amountPaid"] = ["缴纳金额不能为负数"];
        if (executedOn > now.AddMinutes(5) || executedOn < DecidedAt!.Value.AddDays(-1))
            errors["executedOn"] = ["执行日期须在处罚决定之后、不晚于今天"];
        if (errors.Count > 0)
            throw new DomainValidationException(errors);
        ExecutionNote = note.Trim();
        AmountPaid = amountPaid;
        ExecutedOn = executedOn;
        ExecutedBy = by;
        Record(now, "执行完毕", CaseStage.Execution, by, ExecutionNote);
    }

    /// <summary>结案: only once the decision has been carried out.</summary>
    public void Close(string? note, string by, DateTimeOffset now)
    {
        Require(CaseStage.Execution, "结案");
        ClosedAt = now;
        Record(now, "结案", CaseStage.Closed, by, note?.Trim());
    }

    private void Require(CaseStage expected, string action)
    {
        if (Stage != expected)
            throw Illegal(action, expected);
    }

    private WorkflowException Illegal(string action, CaseStage expected) =>
        new($"案件当前为“{CaseLabels.Label(Stage)}”阶段，不能{action}（须为“{CaseLabels.Label(expected)}”阶段）");

    private void Record(DateTimeOffset at, string action, CaseStage to, string? by, string? note)
    {
        var from = Events.Count == 0 ? (CaseStage?)null : Stage;
        Stage = to;
        Events.Add(new CaseEvent { At = at, Action = action, From = from, To = to, By = by, Note = note });
    }
}
