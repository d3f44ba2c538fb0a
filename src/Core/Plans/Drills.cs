using Tianshan.Core.Platform;
using Tianshan.Core.Registry;

namespace Tianshan.Core.Plans;

/// <summary>A follow-up action from a drill's evaluation: who, by when, done or not.</summary>
public sealed class DrillFollowUp
{
    public string Action { get; set; } = "";
    public string Owner { get; set; } = "";
    public DateOnly Deadline { get; set; }
    public bool Done { get; set; }
    public DateOnly? DoneOn { get; set; }
}

/// <summary>One drill in an annual drill plan.</summary>
public sealed class PlannedDrill
{
    /// <summary>1–12.</summary>
    public int Month { get; set; }
    public string Scenario { get; set; } = "";
    public DrillType Type { get; set; }
    public Guid? PlanId { get; set; }
}

/// <summary>年度应急演练计划 (2号令 第三十三条: every unit makes its drill plan) of one organisation for one year.</summary>
public sealed class DrillPlan
{
    private DrillPlan() { }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public int Year { get; private set; }
    public string Organisation { get; private set; } = "";
    public Guid? EnterpriseId { get; private set; }
    public Enterprise? Enterprise { get; private set; }
    public string DivisionPath { get; private set; } = "";
    public List<PlannedDrill> Items { get; private set; } = [];
    public string? RegisteredBy { get; private set; }

    public static DrillPlan Create(int year, string organisation, Guid? enterpriseId, string divisionPath, IReadOnlyList<PlannedDrill> items, string? by)
    {
        var errors = new Dictionary<string, string[]>();
        if (year is < 2000 or > 2100)
            errors["year"] = ["年度无效"];
        if (string.IsNullOrWhiteSpace(organisation) || organisation.Length > 200)
            errors["organisation"] = ["请填写单位名称（不超过 200 字）"];
        if (items.Count == 0)
            errors["items"] = ["演练计划至少包含一次演练"];
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i].Month is < 1 or > 12)
                errors[$"items[{i}].month"] = [$"第{i + 1}项的月份须为 1–12"];
            if (string.IsNullOrWhiteSpace(items[i].Scenario) || items[i].Scenario.Length > 500)
                errors[$"items[{i}].scenario"] = [$"第{i + 1}项缺少演练科目（不超过 500 字）"];
            if (!Enum.IsDefined(items[i].Type))
                errors[$"items[{i}].type"] = [$"第{i + 1}项的演练形式须为桌面、功能或实战演练"];
        }
        if (errors.Count > 0)
            throw new DomainValidationException(errors);
        return new DrillPlan
        {
            Year = year, Organisation = organisation.Trim(), EnterpriseId = enterpriseId, DivisionPath = divisionPath, RegisteredBy = by,
            Items = items.OrderBy(i => i.Month).Select(i => new PlannedDrill { Month = i.Month, Scenario = i.Scenario.Trim(), Type = i.Type, PlanId = i.PlanId }).ToList(),
        };
    }
}

public sealed record DrillDetails
{
    public Guid PlanId { get; init; }
    public string Scenario { get; init; } = "";
    public DateOnly HeldOn { get; init; }
    public DrillType Type { get; init; }
    /// <summary>参演单位和人员.</summary>
    public string Participants { get; init; } = "";
    public int ParticipantCount { get; init; }
    /// <summary>演练评估 (2号令 第三十四条: a written evaluation report after each drill).</summary>
    public string Evaluation { get; init; } = "";
    public string? Problems { get; init; }
    public IReadOnlyList<DrillFollowUp> FollowUps { get; init; } = [];

    public void EnsureValid(DateOnly today)
    {
        var errors = new Dictionary<string, string[]>();
        if (PlanId == Guid.Empty)
            errors["planId"] = ["请选择所演练的应急预案"];
        if (string.IsNullOrWhiteSpace(Scenario))
            errors["scenario"] = ["请填写演练情景（科目）"];
        else if (Scenario.Length > 500)
            errors["scenario"] = ["演练情景不能超过 500 字"];
        if (HeldOn == default)
            errors["heldOn"] = ["请填写演练日期"];
        else if (HeldOn > today)
            errors["heldOn"] = ["演练日期不能晚于今天（计划中的演练请登记在年度演练计划中）"];
        if (!Enum.IsDefined(Type))
            errors["type"] = ["请选择演练形式：桌面、功能或实战演练"];
        if (string.IsNullOrWhiteSpace(Participants) || Participants.Length > 1000)
            errors["participants"] = ["请填写参演单位和人员（不超过 1000 字）"];
        if (ParticipantCount < 1)
            errors["participantCount"] = ["参演人数须至少 1 人"];
        if (string.IsNullOrWhiteSpace(Evaluation))
            errors["evaluation"] = ["请填写演练评估（应急管理部令第2号第三十四条）"];
        else if (Evaluation.Length > 4000)
            errors["evaluation"] = ["演练评估不能超过 4000 字"];
        if (Problems is { Length: > 4000 })
            errors["problems"] = ["发现的问题不能超过 4000 字"];
        for (var i = 0; i < FollowUps.Count; i++)
        {
            var f = FollowUps[i];
            if (string.IsNullOrWhiteSpace(f.Action) || f.Action.Length > 1000)
                errors[$"followUps[{i}].action"] = [$"第{i + 1}项整改措施缺少内容（不超过 1000 字）"];
            if (string.IsNullOrWhiteSpace(f.Owner) || f.Owner.Length > 100)
                errors[$"followUps[{i}].owner"] = [$"第{i + 1}项整改措施缺少责任人"];
            if (f.Deadline == default)
                errors[$"followUps[{i}].deadline"] = [$"第{i + 1}项整改措施缺少完成期限"];
            else if (f.Deadline < HeldOn)
                errors[$"followUps[{i}].deadline"] = [$"第{i + 1}项整改措施的期限不能早于演练日期"];
        }
        if (errors.Count > 0)
            throw new DomainValidationException(errors);
    }
}

/// <summary>演练记录: the plan drilled, scenario, type, participants, evaluation, problems found and their follow-up actions.</summary>
public sealed class DrillRecord
{
    private DrillRecord() { }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid PlanId { get; private set; }
    public EmergencyPlan? Plan { get; private set; }
    /// <summary>The plan's enterprise, copied for scoping and the half-year check.</summary>
    public Guid? EnterpriseId { get; private set; }
    public Enterprise? Enterprise { get; private set; }
    public string Organisation { get; private set; } = "";
    public string DivisionPath { get; private set; } = "";
    public string Scenario { get; private set; } = "";
    public DateOnly HeldOn { get; private set; }
    public DrillType Type { get; private set; }
    public string Participants { get; private set; } = "";
    public int ParticipantCount { get; private set; }
    public string Evaluation { get; private set; } = "";
    public string? Problems { get; private set; }
    public List<DrillFollowUp> FollowUps { get; private set; } = [];
    public string? RegisteredBy { get; private set; }
    public DateTimeOffset RegisteredAt { get; private set; }

    public static DrillRecord Record(DrillDetails d, EmergencyPlan plan, string? by, DateTimeOffset now, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(d);
        ArgumentNullException.ThrowIfNull(plan);
        d.EnsureValid(today);
        if (plan.Filing == FilingStatus.Withdrawn)
            throw new WorkflowException("预案已废止，不能登记演练");
        return new DrillRecord
        {
            PlanId = plan.Id, EnterpriseId = plan.EnterpriseId, Organisation = plan.Owner, DivisionPath = plan.DivisionPath,
            Scenario = d.Scenario.Trim(), HeldOn = d.HeldOn, Type = d.Type, Participants = d.Participants.Trim(), ParticipantCount = d.ParticipantCount,
            Evaluation = d.Evaluation.Trim(), Problems = string.IsNullOrWhiteSpace(d.Problems) ? null : d.Problems.Trim(),
            FollowUps = d.FollowUps.Select(f => new DrillFollowUp { Action = f.Action.Trim(), Owner = f.Owner.Trim(), Deadline = f.Deadline }).ToList(),
            RegisteredBy = by, RegisteredAt = now,
        };
    }

    public void CompleteFollowUp(int index, DateOnly on, DateOnly today)
    {
        if (index < 0 || index >= FollowUps.Count)
            throw new NotFoundException("整改措施不存在");
        var f = FollowUps[index];
        if (f.Done)
            throw new WorkflowException("该整改措施已完成");
        if (on < HeldOn || on > today)
            throw new DomainValidationException("doneOn", "完成日期须在演练之后、今天之前");
        f.Done = true;
        f.DoneOn = on;
    }
}
