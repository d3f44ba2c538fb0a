using Tianshan.Core.Incidents;
using Tianshan.Core.Platform;
using Tianshan.Core.Registry;

namespace Tianshan.Core.Plans;

/// <summary>One response level of a plan: when it is started and what it starts.</summary>
public sealed class PlanLevel
{
    public ResponseLevel Level { get; set; }
    /// <summary>启动条件.</summary>
    public string Triggers { get; set; } = "";
    /// <summary>响应措施: who is called, what is set up.</summary>
    public string Actions { get; set; } = "";
}

/// <summary>A response level started from an incident.</summary>
public sealed class PlanActivation
{
    public Guid IncidentId { get; set; }
    public string IncidentNumber { get; set; } = "";
    public ResponseLevel Level { get; set; }
    public DateTimeOffset At { get; set; }
    public string? By { get; set; }
    public string? Note { get; set; }
}

/// <summary>What the registry form takes.</summary>
public sealed record PlanDetails
{
    public string Title { get; init; } = "";
    public PlanKind Kind { get; init; }
    /// <summary>编制单位.</summary>
    public string Owner { get; init; } = "";
    public string Version { get; init; } = "";
    /// <summary>签署公布日期.</summary>
    public DateOnly PublishedOn { get; init; }
    public Guid? EnterpriseId { get; init; }
    /// <summary>一源一案.</summary>
    public Guid? MajorHazardSourceId { get; init; }
    /// <summary>一患一案.</summary>
    public Guid? HiddenHazardId { get; init; }
    /// <summary>Sectors a special or department plan covers (bit set; 0 for none).</summary>
    public Sector Sectors { get; init; }
    public string? Summary { get; init; }
    public IReadOnlyList<PlanLevel> Levels { get; init; } = [];

    public void EnsureValid(DateOnly today)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(Title))
            errors["title"] = ["请填写预案名称"];
        else if (Title.Length > 200)
            errors["title"] = ["预案名称不能超过 200 字"];
        if (!Enum.IsDefined(Kind))
            errors["kind"] = ["请选择预案类别（总体、专项、部门、企业综合、现场处置方案）"];
        if (string.IsNullOrWhiteSpace(Owner))
            errors["owner"] = ["请填写编制单位"];
        else if (Owner.Length > 200)
            errors["owner"] = ["编制单位不能超过 200 字"];
        if (string.IsNullOrWhiteSpace(Version))
            errors["version"] = ["请填写版本号"];
        else if (Version.Length > 50)
            errors["version"] = ["版本号不能超过 50 字"];
        if (PublishedOn == default)
            errors["publishedOn"] = ["请填写公布日期"];
        else if (PublishedOn > today)
            errors["publishedOn"] = ["公布日期不能晚于今天"];
        if (Kind is PlanKind.EnterpriseComprehensive or PlanKind.OnSiteDisposal && EnterpriseId is null)
            errors["enterpriseId"] = ["企业综合应急预案和现场处置方案须关联企业"];
        if (Kind is PlanKind.Overall or PlanKind.Department && (EnterpriseId is not null || MajorHazardSourceId is not null || HiddenHazardId is not null))
            errors["enterpriseId"] = ["总体和部门应急预案不关联企业、重大危险源或重大隐患"];
        if ((MajorHazardSourceId is not null || HiddenHazardId is not null) && EnterpriseId is null)
            errors["enterpriseId"] = ["一源一案、一患一案须关联所属企业"];
        if (((int)Sectors & ~(int)SectorSet.All) != 0)
            errors["sectors"] = ["行业领域无效"];
        if (Summary is { Length: > 4000 })
            errors["summary"] = ["预案摘要不能超过 4000 字"];
        if (Levels.Count == 0)
            errors["levels"] = ["请至少填写一个响应级别（Ⅰ–Ⅳ级）及其启动条件和响应措施"];
        for (var i = 0; i < Levels.Count; i++)
        {
            var l = Levels[i];
            if (!Enum.IsDefined(l.Level))
                errors[$"levels[{i}].level"] = [$"第{i + 1}个响应级别须为Ⅰ、Ⅱ、Ⅲ或Ⅳ级"];
            else if (Levels.Take(i).Any(x => x.Level == l.Level))
                errors[$"levels[{i}].level"] = [$"响应级别{IncidentLabels.Label(l.Level)}重复"];
            if (string.IsNullOrWhiteSpace(l.Triggers))
                errors[$"levels[{i}].triggers"] = [$"第{i + 1}个响应级别缺少启动条件"];
            if (string.IsNullOrWhiteSpace(l.Actions))
                errors[$"levels[{i}].actions"] = [$"第{i + 1}个响应级别缺少响应措施"];
            if (l.Triggers.Length > 2000 || l.Actions.Length > 2000)
                errors[$"levels[{i}]"] = [$"第{i + 1}个响应级别的内容不能超过 2000 字"];
        }
        if (errors.Count > 0)
            throw new DomainValidationException(errors);
    }
}

/// <summary>
/// An emergency plan (应急预案) in the registry: its kind, owner, version, binding (一源一案 / 一患一案, an enterprise, sectors), filing
/// (备案) by the bureau, its response levels, the three-year evaluation clock and the 第三十六条 triggers, and the responses started
/// from incidents. Scoped by its division path and, if any, its enterprise.
/// </summary>
public sealed class EmergencyPlan
{
    private EmergencyPlan() { }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public string Title { get; private set; } = "";
    public PlanKind Kind { get; private set; }
    public string Owner { get; private set; } = "";
    public string Version { get; private set; } = "";
    public DateOnly PublishedOn { get; private set; }
    public Guid? EnterpriseId { get; private set; }
    public Enterprise? Enterprise { get; private set; }
    public Guid? MajorHazardSourceId { get; private set; }
    public Guid? HiddenHazardId { get; private set; }
    public Sector Sectors { get; private set; }
    public string? Summary { get; private set; }
    /// <summary>Where the plan belongs (the enterprise's division, or the owner's): the jurisdiction scope.</summary>
    public string DivisionPath { get; private set; } = "";

    public FilingStatus Filing { get; private set; } = FilingStatus.Draft;
    public DateOnly? FiledOn { get; private set; }
    public string? FilingNumber { get; private set; }
    public string? FiledBy { get; private set; }

    public DateOnly? LastEvaluatedOn { get; private set; }
    public RevisionTrigger? PendingTrigger { get; private set; }
    public DateOnly? TriggeredOn { get; private set; }
    public string? TriggerNote { get; private set; }

    public string? RegisteredBy { get; private set; }
    public DateTimeOffset RegisteredAt { get; private set; }

    public List<PlanLevel> Levels { get; private set; } = [];
    public List<PlanActivation> Activations { get; private set; } = [];

    public DateOnly RevisionDueOn => PlanRevision.DueOn(PublishedOn, LastEvaluatedOn);

    public RevisionState RevisionStateOn(DateOnly today) => PlanRevision.StateOn(today, RevisionDueOn, PendingTrigger is not null);

    public bool IsCurrentOn(DateOnly today) => PlanRevision.IsCurrent(Filing, RevisionStateOn(today));

    public static EmergencyPlan Register(PlanDetails details, string divisionPath, string? by, DateTimeOffset now, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(details);
        details.EnsureValid(today);
        var plan = new EmergencyPlan { DivisionPath = divisionPath, RegisteredBy = by, RegisteredAt = now };
        plan.Apply(details);
        return plan;
    }

    /// <summary>Corrects the registered facts; a filed plan keeps its filing (a new version goes through <see cref="Revise"/>).</summary>
    public void Update(PlanDetails details, string divisionPath, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(details);
        RequireNotWithdrawn("修改");
        details.EnsureValid(today);
        if (Filing == FilingStatus.Filed && (details.Version.Trim() != Version || details.PublishedOn != PublishedOn))
            throw new WorkflowException("已备案预案的版本和公布日期不能直接修改，请走“修订”重新备案");
        DivisionPath = divisionPath;
        Apply(details);
    }

    /// <summary>备案 accepted by the bureau (2号令 第二十六条), with its filing number.</summary>
    public void File(string number, DateOnly on, string? by, DateOnly today)
    {
        RequireNotWithdrawn("备案");
        if (Filing == FilingStatus.Filed)
            throw new WorkflowException("预案已备案，不能重复备案");
        if (string.IsNullOrWhiteSpace(number))
            throw new DomainValidationException("filingNumber", "请填写备案编号");
        if (number.Length > 100)
            throw new DomainValidationException("filingNumber", "备案编号不能超过 100 字");
        if (on < PublishedOn || on > today)
            throw new DomainValidationException("filedOn", "备案日期须在公布日期之后、今天之前");
        Filing = FilingStatus.Filed;
        FilingNumber = number.Trim();
        FiledOn = on;
        FiledBy = by;
    }

    /// <summary>The bureau marks a filing lapsed (e.g. the plan was not revised in time).</summary>
    public void Expire()
    {
        if (Filing != FilingStatus.Filed)
            throw new WorkflowException("只有已备案的预案可以标记备案失效");
        Filing = FilingStatus.Expired;
    }

    /// <summary>废止: the plan is no longer in force; it stays in the ledger.</summary>
    public void Withdraw()
    {
        RequireNotWithdrawn("废止");
        Filing = FilingStatus.Withdrawn;
    }

    /// <summary>A 第三十六条 trigger: the plan is due for revision now.</summary>
    public void RecordTrigger(RevisionTrigger trigger, DateOnly on, string? note, DateOnly today)
    {
        RequireNotWithdrawn("记录修订情形");
        if (!Enum.IsDefined(trigger))
            throw new DomainValidationException("trigger", "请选择修订情形（第三十六条）");
        if (on > today)
            throw new DomainValidationException("on", "情形发生日期不能晚于今天");
        if (note is { Length: > 1000 })
            throw new DomainValidationException("note", "说明不能超过 1000 字");
        PendingTrigger = trigger;
        TriggeredOn = on;
        TriggerNote = note?.Trim();
    }

    /// <summary>第三十五条 evaluation concluding the plan needs no revision: the three-year clock restarts from that day.</summary>
    public void RecordEvaluation(DateOnly on, DateOnly today)
    {
        RequireNotWithdrawn("记录评估");
        if (on < PublishedOn || on > today)
            throw new DomainValidationException("evaluatedOn", "评估日期须在公布日期之后、今天之前");
        if (PendingTrigger is not null)
            throw new WorkflowException($"已记录修订情形“{PlanLabels.Label(PendingTrigger.Value)}”，须修订预案，不能仅以评估结束");
        LastEvaluatedOn = on;
    }

    /// <summary>A revised version: the trigger is settled, the clock restarts, and the new version must be filed again.</summary>
    public void Revise(string version, DateOnly publishedOn, DateOnly today)
    {
        RequireNotWithdrawn("修订");
        if (string.IsNullOrWhiteSpace(version) || version.Length > 50)
            throw new DomainValidationException("version", "请填写新的版本号（不超过 50 字）");
        if (version.Trim() == Version)
            throw new DomainValidationException("version", "修订后的版本号须与原版本不同");
        if (publishedOn < PublishedOn || publishedOn > today)
            throw new DomainValidationException("publishedOn", "修订公布日期须在原公布日期之后、今天之前");
        Version = version.Trim();
        PublishedOn = publishedOn;
        LastEvaluatedOn = null;
        PendingTrigger = null;
        TriggeredOn = null;
        TriggerNote = null;
        Filing = FilingStatus.Draft;
        FilingNumber = null;
        FiledOn = null;
        FiledBy = null;
    }

    /// <summary>Starts one of the plan's response levels for an incident (the incident's timeline records it on its side).</summary>
    public PlanLevel Activate(Guid incidentId, string incidentNumber, ResponseLevel level, string? note, string? by, DateTimeOffset now)
    {
        if (Filing is FilingStatus.Draft or FilingStatus.Withdrawn)
            throw new WorkflowException($"预案{PlanLabels.Label(Filing)}，不能启动响应");
        if (note is { Length: > 1000 })
            throw new DomainValidationException("note", "说明不能超过 1000 字");
        var planLevel = Levels.FirstOrDefault(l => l.Level == level)
            ?? throw new DomainValidationException("level", $"预案没有{IncidentLabels.Label(level)}响应，可选：{string.Join("、", Levels.OrderBy(l => l.Level).Select(l => IncidentLabels.Label(l.Level)))}");
        Activations.Add(new PlanActivation { IncidentId = incidentId, IncidentNumber = incidentNumber, Level = level, At = now, By = by, Note = note?.Trim() });
        return planLevel;
    }

    private void Apply(PlanDetails d)
    {
        Title = d.Title.Trim();
        Kind = d.Kind;
        Owner = d.Owner.Trim();
        Version = d.Version.Trim();
        PublishedOn = d.PublishedOn;
        EnterpriseId = d.EnterpriseId;
        MajorHazardSourceId = d.MajorHazardSourceId;
        HiddenHazardId = d.HiddenHazardId;
        Sectors = d.Sectors;
        Summary = string.IsNullOrWhiteSpace(d.Summary) ? null : d.Summary.Trim();
        Levels = d.Levels.OrderBy(l => l.Level)
            .Select(l => new PlanLevel { Level = l.Level, Triggers = l.Triggers.Trim(), Actions = l.Actions.Trim() }).ToList();
    }

    private void RequireNotWithdrawn(string action)
    {
        if (Filing == FilingStatus.Withdrawn)
            throw new WorkflowException($"预案已废止，不能{action}");
    }
}
