using Tianshan.Core.Platform;
using Tianshan.Core.Registry;

namespace Tianshan.Core.Prevention;

/// <summary>What was found, where and when: the part of a hidden hazard its finder writes.</summary>
public sealed record HiddenHazardDetails
{
    public string Title { get; init; } = "";
    public string Description { get; init; } = "";
    public string Location { get; init; } = "";
    public DateTimeOffset FoundAt { get; init; }
    /// <summary>The monitoring alarm it came from (source Alarm).</summary>
    public Guid? AlarmId { get; init; }

    public void EnsureValid(DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(Title))
            errors["title"] = ["请填写隐患名称"];
        else if (Title.Length > 200)
            errors["title"] = ["隐患名称不能超过 200 字"];
        if (string.IsNullOrWhiteSpace(Description))
            errors["description"] = ["请描述隐患情况"];
        else if (Description.Length > 4000)
            errors["description"] = ["隐患描述不能超过 4000 字"];
        if (Location.Length > 200)
            errors["location"] = ["隐患部位不能超过 200 字"];
        if (FoundAt > now.AddMinutes(5))
            errors["foundAt"] = ["发现时间不能晚于当前时间"];
        if (errors.Count > 0)
            throw new DomainValidationException(errors);
    }
}

/// <summary>五落实: 责任、措施、资金、时限、预案 — what every hazard's rectification must name before it starts.</summary>
public sealed record FiveAssurances
{
    public string ResponsiblePerson { get; init; } = "";
    public string Measures { get; init; } = "";
    /// <summary>资金 (yuan); 0 for a hazard removed with no spending.</summary>
    public decimal Funds { get; init; }
    public DateTimeOffset Deadline { get; init; }
    /// <summary>预案: what is done to stay safe until it is removed (and if it gets worse).</summary>
    public string ContingencyPlan { get; init; } = "";

    public void EnsureValid(DateTimeOffset now, IDictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(ResponsiblePerson))
            errors["responsiblePerson"] = ["请填写整改责任人（五落实：责任）"];
        if (string.IsNullOrWhiteSpace(Measures))
            errors["measures"] = ["请填写整改措施（五落实：措施）"];
        if (Funds < 0)
            errors["funds"] = ["整改资金不能为负数（五落实：资金）"];
        if (Deadline <= now)
            errors["deadline"] = ["整改期限必须晚于当前时间（五落实：时限）"];
        if (string.IsNullOrWhiteSpace(ContingencyPlan))
            errors["contingencyPlan"] = ["请填写整改期间的防范措施和应急预案（五落实：预案）"];
    }
}

/// <summary>重大事故隐患治理方案: the six contents 总局令第16号 第十五条 requires.</summary>
public sealed record MajorHazardTreatmentPlan
{
    /// <summary>治理的目标和任务.</summary>
    public string Objectives { get; init; } = "";
    /// <summary>采取的方法和措施.</summary>
    public string Methods { get; init; } = "";
    /// <summary>经费和物资的落实.</summary>
    public string FundsAndMaterials { get; init; } = "";
    /// <summary>负责治理的机构和人员.</summary>
    public string Organisation { get; init; } = "";
    /// <summary>治理的时限和要求.</summary>
    public string TimeLimits { get; init; } = "";
    /// <summary>安全措施和应急预案.</summary>
    public string SafetyMeasures { get; init; } = "";

    public void EnsureValid(IDictionary<string, string[]> errors)
    {
        void Need(string value, string field, string name)
        {
            if (string.IsNullOrWhiteSpace(value))
                errors["plan." + field] = [$"重大隐患治理方案缺少“{name}”（总局令第16号第十五条）"];
        }
        Need(Objectives, "objectives", "治理的目标和任务");
        Need(Methods, "methods", "采取的方法和措施");
        Need(FundsAndMaterials, "fundsAndMaterials", "经费和物资的落实");
        Need(Organisation, "organisation", "负责治理的机构和人员");
        Need(TimeLimits, "timeLimits", "治理的时限和要求");
        Need(SafetyMeasures, "safetyMeasures", "安全措施和应急预案");
    }
}

/// <summary>One step on a hazard's timeline: who did what, when, from which status to which.</summary>
public sealed class HiddenHazardEvent
{
    public DateTimeOffset At { get; set; }
    public string Action { get; set; } = "";
    public HiddenHazardStatus? From { get; set; }
    public HiddenHazardStatus To { get; set; }
    public string? By { get; set; }
    public string? Note { get; set; }
}

/// <summary>
/// A hidden hazard (事故隐患) and its closed loop (总局令第16号): registered → assessed with its 五落实 → rectifying →
/// rectification submitted with evidence → verified by someone other than the submitter → closed (销号), or sent back.
/// Each step is on the timeline. A major hazard needs the six-part treatment plan (第十五条) and can be put under
/// listed supervision (挂牌督办).
/// </summary>
public sealed class HiddenHazard
{
    private HiddenHazard() { }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    /// <summary>Readable number, e.g. YH-2026-00017.</summary>
    public string Number { get; private set; } = "";
    public Guid EnterpriseId { get; private set; }
    public Enterprise? Enterprise { get; private set; }
    public HiddenHazardOrigin Origin { get; private set; }
    public string Title { get; private set; } = "";
    public string Description { get; private set; } = "";
    public string Location { get; private set; } = "";
    public DateTimeOffset FoundAt { get; private set; }
    public Guid? AlarmId { get; private set; }
    public DateTimeOffset RegisteredAt { get; private set; }
    /// <summary>User name of the registering user; null for an anonymous public report.</summary>
    public string? RegisteredBy { get; private set; }

    public HiddenHazardStatus Status { get; private set; }
    public HiddenHazardGrade? Grade { get; private set; }
    /// <summary>The 2017 standard's criteria (1–20) that apply; any one makes a chemical enterprise's hazard major.</summary>
    public List<int> Criteria { get; private set; } = [];
    public FiveAssurances? Rectification { get; private set; }
    public MajorHazardTreatmentPlan? TreatmentPlan { get; private set; }
    public DateTimeOffset? Deadline { get; private set; }
    public string? AssessedBy { get; private set; }
    public DateTimeOffset? AssessedAt { get; private set; }
    public string? SubmittedBy { get; private set; }
    public DateTimeOffset? SubmittedAt { get; private set; }
    public string? VerifiedBy { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    /// <summary>How many rungs of the overdue ladder have been notified.</summary>
    public int OverdueStep { get; private set; }
    /// <summary>Reminder before the deadline sent (for the current deadline).</summary>
    public bool Reminded { get; private set; }

    /// <summary>挂牌督办: the notice number, the supervising authority and when it was listed; null if not listed.</summary>
    public string? SupervisionNotice { get; private set; }
    public string? SupervisingAuthority { get; private set; }
    public DateTimeOffset? ListedAt { get; private set; }

    public List<HiddenHazardEvent> Events { get; private set; } = [];

    public bool IsOpen => Status is not (HiddenHazardStatus.Closed or HiddenHazardStatus.Dismissed);

    public static HiddenHazard Register(Guid enterpriseId, string number, HiddenHazardOrigin source, HiddenHazardDetails details,
        string? by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(details);
        details.EnsureValid(now);
        if (source == HiddenHazardOrigin.Monitoring && details.AlarmId is null)
            throw new DomainValidationException("alarmId", "来源为监测报警的隐患须关联报警记录");
        var hazard = new HiddenHazard
        {
            EnterpriseId = enterpriseId,
            Number = number,
            Origin = source,
            Title = details.Title.Trim(),
            Description = details.Description.Trim(),
            Location = details.Location.Trim(),
            FoundAt = details.FoundAt,
            AlarmId = details.AlarmId,
            RegisteredAt = now,
            RegisteredBy = by,
            Status = HiddenHazardStatus.Registered,
        };
        hazard.Record(now, "登记", null, by, $"{HiddenHazardLabels.Label(source)}：{hazard.Title}");
        return hazard;
    }

    /// <summary>
    /// Classifies the hazard and starts its rectification. For a chemical enterprise any of the 2017 standard's criteria
    /// makes it major whatever level was proposed; a major hazard needs the 第十五条 treatment plan.
    /// </summary>
    public void Assess(HiddenHazardGrade proposed, IEnumerable<int>? criteria, Sector enterpriseSector, FiveAssurances rectification,
        MajorHazardTreatmentPlan? plan, string by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(rectification);
        Require(HiddenHazardStatus.Registered, "评估");
        var checkedCriteria = MajorHiddenHazardCriteria.Normalise(criteria);
        var level = enterpriseSector.HasFlag(Sector.HazardousChemicals) && checkedCriteria.Count > 0 ? HiddenHazardGrade.Major : proposed;
        var errors = new Dictionary<string, string[]>();
        rectification.EnsureValid(now, errors);
        if (level == HiddenHazardGrade.Major)
        {
            if (plan is null)
                errors["plan"] = ["重大隐患须制定治理方案（总局令第16号第十五条）"];
            else
                plan.EnsureValid(errors);
        }
        if (errors.Count > 0)
            throw new DomainValidationException(errors);
        Grade = level;
        Criteria = [.. checkedCriteria];
        Rectification = rectification;
        TreatmentPlan = level == HiddenHazardGrade.Major ? plan : null;
        Deadline = rectification.Deadline;
        AssessedBy = by;
        AssessedAt = now;
        var why = level == HiddenHazardGrade.Major && proposed != HiddenHazardGrade.Major
            ? $"；符合重大隐患判定标准第 {string.Join("、", checkedCriteria)} 项，判定为重大隐患"
            : "";
        Record(now, "评估", HiddenHazardStatus.Rectifying, by,
            $"{HiddenHazardLabels.Label(level)}{why}；责任人 {rectification.ResponsiblePerson}，期限 {ChinaTime.ToChina(rectification.Deadline):yyyy-MM-dd}");
    }

    /// <summary>A registered report that turns out not to be a hazard (e.g. an unfounded public report) is kept, closed with the reason.</summary>
    public void Dismiss(string reason, string by, DateTimeOffset now)
    {
        Require(HiddenHazardStatus.Registered, "不予立案");
        if (string.IsNullOrWhiteSpace(reason))
            throw new DomainValidationException("reason", "请填写不予立案的理由");
        ClosedAt = now;
        Record(now, "不予立案", HiddenHazardStatus.Dismissed, by, reason.Trim());
    }

    /// <summary>Rectification done: submitted for verification with at least one piece of evidence (photo or file).</summary>
    public void SubmitRectification(string? note, int evidenceCount, string by, DateTimeOffset now)
    {
        Require(HiddenHazardStatus.Rectifying, "提交整改");
        if (evidenceCount < 1)
            throw new DomainValidationException("evidence", "请上传至少一份整改佐证材料（照片或文件）");
        SubmittedBy = by;
        SubmittedAt = now;
        Record(now, "提交整改", HiddenHazardStatus.AwaitingVerification, by, note);
    }

    /// <summary>Verification (验收) by someone other than the submitter: passed closes the hazard (销号), failed sends it back.</summary>
    public void Verify(bool passed, string? note, string by, DateTimeOffset now)
    {
        Require(HiddenHazardStatus.AwaitingVerification, "验收");
        if (string.Equals(by, SubmittedBy, StringComparison.OrdinalIgnoreCase))
            throw new WorkflowException("验收人不能是整改提交人，请由其他人员验收");
        if (!passed && string.IsNullOrWhiteSpace(note))
            throw new DomainValidationException("note", "验收不通过时请写明原因");
        if (passed)
        {
            VerifiedBy = by;
            ClosedAt = now;
            Record(now, "验收销号", HiddenHazardStatus.Closed, by, note);
        }
        else
        {
            SubmittedBy = null;
            SubmittedAt = null;
            Record(now, "验收不通过，退回整改", HiddenHazardStatus.Rectifying, by, note);
        }
    }

    /// <summary>延期: a new deadline with its reason, while rectifying; reminders and the overdue ladder start again.</summary>
    public void ExtendDeadline(DateTimeOffset deadline, string reason, string by, DateTimeOffset now)
    {
        Require(HiddenHazardStatus.Rectifying, "延期");
        if (deadline <= (Deadline ?? now) || deadline <= now)
            throw new DomainValidationException("deadline", "延期后的期限须晚于原期限和当前时间");
        if (string.IsNullOrWhiteSpace(reason))
            throw new DomainValidationException("reason", "请填写延期理由");
        var old = Deadline;
        Deadline = deadline;
        Rectification = Rectification! with { Deadline = deadline };
        Reminded = false;
        OverdueStep = 0;
        Record(now, "延期", HiddenHazardStatus.Rectifying, by,
            $"{(old is { } o ? ChinaTime.ToChina(o).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : "—")} → {ChinaTime.ToChina(deadline):yyyy-MM-dd}：{reason.Trim()}");
    }

    /// <summary>挂牌督办 of an open major hazard: the notice number and supervising authority are published.</summary>
    public void ListForSupervision(string notice, string authority, string by, DateTimeOffset now)
    {
        if (!IsOpen || Status == HiddenHazardStatus.Registered)
            throw new WorkflowException($"隐患当前为“{HiddenHazardLabels.Label(Status)}”，只有已评估、未销号的重大隐患可以挂牌督办");
        if (Grade != HiddenHazardGrade.Major)
            throw new WorkflowException("只有重大隐患可以挂牌督办");
        if (ListedAt is not null)
            throw new WorkflowException("该隐患已挂牌督办");
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(notice))
            errors["notice"] = ["请填写督办通知书文号"];
        if (string.IsNullOrWhiteSpace(authority))
            errors["authority"] = ["请填写督办单位"];
        if (errors.Count > 0)
            throw new DomainValidationException(errors);
        SupervisionNotice = notice.Trim();
        SupervisingAuthority = authority.Trim();
        ListedAt = now;
        Record(now, "挂牌督办", Status, by, $"{SupervisingAuthority} {SupervisionNotice}");
    }

    /// <summary>Where the hazard stands against its deadline at <paramref name="now"/>.</summary>
    public DeadlineStatus DeadlineStatusAt(DateTimeOffset now, TimeSpan reminderWindow)
    {
        if (Deadline is not { } deadline || Status is not (HiddenHazardStatus.Rectifying or HiddenHazardStatus.AwaitingVerification))
            return DeadlineStatus.None;
        if (now > deadline)
            return Status == HiddenHazardStatus.AwaitingVerification && SubmittedAt <= deadline ? DeadlineStatus.OnTime : DeadlineStatus.Overdue;
        return now >= deadline - reminderWindow ? DeadlineStatus.DueSoon : DeadlineStatus.OnTime;
    }

    /// <summary>Records the reminder before the deadline (once per deadline).</summary>
    public void MarkReminded(DateTimeOffset now, string recipient)
    {
        Reminded = true;
        Record(now, "到期提醒", Status, null, $"已提醒 {recipient}：整改期限 {ChinaTime.ToChina(Deadline!.Value):yyyy-MM-dd HH:mm}");
    }

    /// <summary>Records a rung of the overdue ladder.</summary>
    public void MarkEscalated(int step, DateTimeOffset now, string recipient)
    {
        OverdueStep = step;
        Record(now, "逾期督办", Status, null, $"逾期未整改，已通报 {recipient}");
    }

    private void Require(HiddenHazardStatus expected, string action)
    {
        if (Status != expected)
            throw new WorkflowException($"隐患当前为“{HiddenHazardLabels.Label(Status)}”，不能{action}（须为“{HiddenHazardLabels.Label(expected)}”）");
    }

    private void Record(DateTimeOffset at, string action, HiddenHazardStatus? to, string? by, string? note)
    {
        var from = Events.Count == 0 ? (HiddenHazardStatus?)null : Status;
        Status = to ?? Status;
        Events.Add(new HiddenHazardEvent { At = at, Action = action, From = from, To = Status, By = by, Note = note });
    }
}
