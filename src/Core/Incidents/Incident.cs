using Tianshan.Core.Platform;
using Tianshan.Core.Registry;

namespace Tianshan.Core.Incidents;

/// <summary>Casualties and loss as last reported.</summary>
public sealed record IncidentFigures
{
    public int Deaths { get; init; }
    public int Missing { get; init; }
    /// <summary>重伤, including acute industrial poisoning (493号令 第三条).</summary>
    public int SeriousInjuries { get; init; }
    public int Injuries { get; init; }
    public decimal DirectLossYuan { get; init; }

    public void EnsureValid(IDictionary<string, string[]> errors)
    {
        if (Deaths < 0) errors["deaths"] = ["死亡人数不能为负数"];
        if (Missing < 0) errors["missing"] = ["失踪人数不能为负数"];
        if (SeriousInjuries < 0) errors["seriousInjuries"] = ["重伤人数不能为负数"];
        if (Injuries < 0) errors["injuries"] = ["轻伤人数不能为负数"];
        if (DirectLossYuan < 0) errors["directLossYuan"] = ["直接经济损失不能为负数"];
    }

    public string Summary() =>
        $"死亡 {Deaths} 人，失踪 {Missing} 人，重伤 {SeriousInjuries} 人，轻伤 {Injuries} 人，直接经济损失 {IncidentLabels.Yuan(DirectLossYuan)}";
}

/// <summary>What the intake form takes.</summary>
public sealed record IncidentDetails
{
    public IncidentSource Source { get; init; }
    public IncidentCategory Category { get; init; }
    public string Subtype { get; init; } = "";
    public string Title { get; init; } = "";
    public DateTimeOffset OccurredAt { get; init; }
    /// <summary>接报时间: when the district learned of it (the unit's report reached the county level).</summary>
    public DateTimeOffset ReceivedAt { get; init; }
    public double? Latitude { get; init; }
    public double? Longitude { get; init; }
    public string Address { get; init; } = "";
    public string Narrative { get; init; } = "";
    public string? Reporter { get; init; }
    public string? ReporterPhone { get; init; }
    public IncidentFigures Figures { get; init; } = new();
    /// <summary>The grade the desk assesses for an emergency that is not a production accident (the rules give it no numbers).</summary>
    public AccidentGrade? AssessedGrade { get; init; }
    public Guid? EnterpriseId { get; init; }
    public Guid? AlarmId { get; init; }

    public void EnsureValid(DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>();
        if (!Enum.IsDefined(Source))
            errors["source"] = ["请选择信息来源"];
        if (!Enum.IsDefined(Category))
            errors["category"] = ["请选择事件类型"];
        else if (!IncidentSubtypes.All[Category].Contains(Subtype))
            errors["subtype"] = [$"请选择事件子类：{string.Join("、", IncidentSubtypes.All[Category])}"];
        if (string.IsNullOrWhiteSpace(Title))
            errors["title"] = ["请填写事件名称"];
        else if (Title.Length > 200)
            errors["title"] = ["事件名称不能超过 200 字"];
        if (OccurredAt == default)
            errors["occurredAt"] = ["请填写事发时间"];
        else if (OccurredAt > now.AddMinutes(5))
            errors["occurredAt"] = ["事发时间不能晚于当前时间"];
        if (ReceivedAt < OccurredAt)
            errors["receivedAt"] = ["接报时间不能早于事发时间"];
        else if (ReceivedAt > now.AddMinutes(5))
            errors["receivedAt"] = ["接报时间不能晚于当前时间"];
        if (Latitude is < -90 or > 90 || Longitude is < -180 or > 180 || (Latitude is null) != (Longitude is null))
            errors["latitude"] = ["请填写有效的经纬度（纬度 -90～90，经度 -180～180）"];
        if (string.IsNullOrWhiteSpace(Address))
            errors["address"] = ["请填写事发地点"];
        else if (Address.Length > 200)
            errors["address"] = ["事发地点不能超过 200 字"];
        if (string.IsNullOrWhiteSpace(Narrative))
            errors["narrative"] = ["请填写事件概况"];
        else if (Narrative.Length > 4000)
            errors["narrative"] = ["事件概况不能超过 4000 字"];
        Figures.EnsureValid(errors);
        if (Source == IncidentSource.MonitoringAlarm && AlarmId is null)
            errors["alarmId"] = ["来源为监测报警的事件须关联报警记录"];
        if (errors.Count > 0)
            throw new DomainValidationException(errors);
    }
}

/// <summary>One step on the timeline.</summary>
public sealed class IncidentEvent
{
    public DateTimeOffset At { get; set; }
    public string Action { get; set; } = "";
    public string? By { get; set; }
    public string? Note { get; set; }
}

/// <summary>A report made to one level (to whom, when).</summary>
public sealed class IncidentReport
{
    public ReportLevel Level { get; set; }
    public DateTimeOffset At { get; set; }
    public string Recipient { get; set; } = "";
    public string? By { get; set; }
}

/// <summary>续报: what changed, with the figures as of this report.</summary>
public sealed class FollowUpReport
{
    public DateTimeOffset At { get; set; }
    public string Text { get; set; } = "";
    public string? By { get; set; }
    public int Deaths { get; set; }
    public int Missing { get; set; }
    public int SeriousInjuries { get; set; }
    public int Injuries { get; set; }
    public decimal DirectLossYuan { get; set; }
}

public sealed class IncidentMilestone
{
    public MilestoneKind Kind { get; set; }
    public DateTimeOffset At { get; set; }
    public string? Note { get; set; }
    public string? By { get; set; }
}

/// <summary>四不放过: 事故原因未查清不放过、责任人员未处理不放过、整改措施未落实不放过、有关人员未受到教育不放过 — with the
/// investigation report's dates (493号令 第二十九、三十二条).</summary>
public sealed record InvestigationClosure
{
    public string Cause { get; init; } = "";
    public string Responsibility { get; init; } = "";
    public string Measures { get; init; } = "";
    public string Education { get; init; } = "";
    public DateTimeOffset? ReportSubmittedAt { get; init; }
    public DateTimeOffset? ApprovedAt { get; init; }

    public void EnsureValid(bool productionAccident, DateTimeOffset occurredAt, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>();
        void Need(string value, string field, string message)
        {
            if (string.IsNullOrWhiteSpace(value))
                errors[field] = [message];
            else if (value.Length > 4000)
                errors[field] = ["内容不能超过 4000 字"];
        }
        Need(Cause, "cause", "请写明事故原因（四不放过：原因未查清不放过）");
        Need(Responsibility, "responsibility", "请写明责任人员处理情况（四不放过：责任人员未处理不放过）");
        Need(Measures, "measures", "请写明整改措施（四不放过：整改措施未落实不放过）");
        Need(Education, "education", "请写明有关人员受教育情况（四不放过：有关人员未受到教育不放过）");
        if (productionAccident && ReportSubmittedAt is null)
            errors["reportSubmittedAt"] = ["生产安全事故结案须填写调查报告提交时间（493号令第二十九条）"];
        if (ReportSubmittedAt is { } s && (s < occurredAt || s > now.AddMinutes(5)))
            errors["reportSubmittedAt"] = ["调查报告提交时间须在事发之后、当前时间之前"];
        if (ApprovedAt is { } a && (ReportSubmittedAt is null || a < ReportSubmittedAt || a > now.AddMinutes(5)))
            errors["approvedAt"] = ["批复时间须在调查报告提交之后、当前时间之前"];
        if (errors.Count > 0)
            throw new DomainValidationException(errors);
    }
}

/// <summary>
/// An incident (突发事件) from intake to closure: graded (production accidents by 493号令 第三条 from their figures, other
/// emergencies by the desk), re-graded when a 续报 changes the figures, its reports up the ladder against the legal clocks,
/// milestones, and closure with the investigation (四不放过). Scoped by its division path and its sector: its enterprise's, if any,
/// else <see cref="Sector"/>.
/// </summary>
public sealed class Incident
{
    private Incident() { }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    /// <summary>Readable number, e.g. SJ-2026-00003.</summary>
    public string Number { get; private set; } = "";
    public IncidentSource Source { get; private set; }
    public IncidentCategory Category { get; private set; }
    public string Subtype { get; private set; } = "";
    public string Title { get; private set; } = "";
    public DateTimeOffset OccurredAt { get; private set; }
    public DateTimeOffset ReceivedAt { get; private set; }
    public double? Latitude { get; private set; }
    public double? Longitude { get; private set; }
    public string Address { get; private set; } = "";
    public string Narrative { get; private set; } = "";
    public string? Reporter { get; private set; }
    public string? ReporterPhone { get; private set; }
    public int Deaths { get; private set; }
    public int Missing { get; private set; }
    public int SeriousInjuries { get; private set; }
    public int Injuries { get; private set; }
    public decimal DirectLossYuan { get; private set; }
    public AccidentGrade Grade { get; private set; }
    public Guid? EnterpriseId { get; private set; }
    public Enterprise? Enterprise { get; private set; }
    public Guid? AlarmId { get; private set; }
    /// <summary>The supervising sector of an incident with no enterprise, from its subtype (<see cref="IncidentSubtypes.SectorOf"/>):
    /// a department sees the incidents of its sectors. An enterprise's incident is scoped through its enterprise's sector instead.</summary>
    public Sector? Sector { get; private set; }
    /// <summary>Where it happened, as a division path ("/650202/650202001/"): the jurisdiction scope.</summary>
    public string DivisionPath { get; private set; } = "";
    public IncidentStatus Status { get; private set; }
    public string? RegisteredBy { get; private set; }
    public DateTimeOffset RegisteredAt { get; private set; }
    public InvestigationClosure? Investigation { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public string? ClosedBy { get; private set; }

    public List<IncidentEvent> Events { get; private set; } = [];
    public List<IncidentReport> Reports { get; private set; } = [];
    public List<FollowUpReport> FollowUps { get; private set; } = [];
    public List<IncidentMilestone> Milestones { get; private set; } = [];

    /// <summary>493号令 governs production safety accidents; their grade follows the figures.</summary>
    public bool IsProductionAccident => Category == IncidentCategory.Accident;

    public ResponseLevel ResponseLevel => IncidentLabels.LevelOf(Grade);

    public IncidentFigures Figures => new()
    {
        Deaths = Deaths, Missing = Missing, SeriousInjuries = SeriousInjuries, Injuries = Injuries, DirectLossYuan = DirectLossYuan,
    };

    public static Incident Intake(string number, IncidentDetails details, string divisionPath, string? by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(details);
        var received = details.ReceivedAt == default ? now : details.ReceivedAt;
        details = details with { ReceivedAt = received };
        details.EnsureValid(now);
        var incident = new Incident
        {
            Number = number,
            Source = details.Source,
            Category = details.Category,
            Subtype = details.Subtype,
            Title = details.Title.Trim(),
            OccurredAt = details.OccurredAt,
            ReceivedAt = received,
            Latitude = details.Latitude,
            Longitude = details.Longitude,
            Address = details.Address.Trim(),
            Narrative = details.Narrative.Trim(),
            Reporter = details.Reporter?.Trim(),
            ReporterPhone = details.ReporterPhone?.Trim(),
            EnterpriseId = details.EnterpriseId,
            AlarmId = details.AlarmId,
            DivisionPath = divisionPath,
            Sector = details.EnterpriseId is null ? IncidentSubtypes.SectorOf(details.Subtype) : null,
            Status = IncidentStatus.Responding,
            RegisteredBy = by,
            RegisteredAt = now,
        };
        incident.SetFigures(details.Figures);
        incident.Grade = incident.IsProductionAccident
            ? AccidentGrading.Of(incident.Deaths, incident.SeriousInjuries, incident.DirectLossYuan).Grade
            : details.AssessedGrade ?? AccidentGrade.General;
        incident.Record(now, "接报", by, $"{IncidentLabels.Label(details.Source)}：{incident.Title}；{incident.Figures.Summary()}");
        incident.Record(now, "定级", by, incident.GradeNote());
        // 第九条: the unit's report reaches the county level when the district receives it.
        incident.Reports.Add(new IncidentReport { Level = ReportLevel.County, At = received, Recipient = "区应急管理局值班室", By = by });
        return incident;
    }

    /// <summary>续报: new facts and, if they changed, new figures; a production accident is re-graded on the timeline.</summary>
    public void FollowUp(string text, IncidentFigures? figures, AccidentGrade? assessedGrade, string? by, DateTimeOffset now)
    {
        RequireOpen("续报");
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(text))
            errors["text"] = ["请填写续报内容"];
        else if (text.Length > 4000)
            errors["text"] = ["续报内容不能超过 4000 字"];
        figures?.EnsureValid(errors);
        if (assessedGrade is not null && IsProductionAccident)
            errors["assessedGrade"] = ["生产安全事故的等级由伤亡和损失自动判定（493号令第三条），不能手工调整"];
        if (errors.Count > 0)
            throw new DomainValidationException(errors);
        var before = Figures;
        var after = figures ?? before;
        FollowUps.Add(new FollowUpReport
        {
            At = now, Text = text.Trim(), By = by, Deaths = after.Deaths, Missing = after.Missing, SeriousInjuries = after.SeriousInjuries,
            Injuries = after.Injuries, DirectLossYuan = after.DirectLossYuan,
        });
        var changed = after != before;
        Record(now, "续报", by, changed ? $"{text.Trim()}（{after.Summary()}）" : text.Trim());
        if (changed)
            SetFigures(after);
        var grade = IsProductionAccident ? AccidentGrading.Of(Deaths, SeriousInjuries, DirectLossYuan).Grade : assessedGrade ?? Grade;
        if (grade != Grade)
        {
            var old = Grade;
            Grade = grade;
            Record(now, "等级变更", by, $"{IncidentLabels.Label(old)} → {GradeNote()}");
        }
    }

    /// <summary>A report made to one level (the county's own is recorded at intake).</summary>
    public void RecordReport(ReportLevel level, DateTimeOffset at, string? recipient, string? by, DateTimeOffset now)
    {
        RequireOpen("记录报告");
        if (!Enum.IsDefined(level))
            throw new DomainValidationException("level", "请选择报告层级");
        if (at < OccurredAt || at > now.AddMinutes(5))
            throw new DomainValidationException("at", "报告时间须在事发之后、当前时间之前");
        var to = string.IsNullOrWhiteSpace(recipient) ? IncidentLabels.Label(level) : recipient.Trim();
        Reports.Add(new IncidentReport { Level = level, At = at, Recipient = to.Length > 200 ? to[..200] : to, By = by });
        var state = ReportingClocks.At(ClockInputs(), now).FirstOrDefault(c => c.Kind == ClockKind.Report && c.Level == level)?.State;
        Record(now, "上报", by, $"已报{to}（{ChinaTime.ToChina(at):MM-dd HH:mm}）{(state == ClockState.Missed ? "，迟报" : "")}");
    }

    public void RecordMilestone(MilestoneKind kind, DateTimeOffset at, string? note, string? by, DateTimeOffset now)
    {
        RequireOpen("记录处置节点");
        if (!Enum.IsDefined(kind))
            throw new DomainValidationException("kind", "请选择处置节点");
        if (Milestones.Any(m => m.Kind == kind))
            throw new WorkflowException($"“{IncidentLabels.Label(kind)}”已记录，不能重复记录");
        if (at < OccurredAt || at > now.AddMinutes(5))
            throw new DomainValidationException("at", "节点时间须在事发之后、当前时间之前");
        Milestones.Add(new IncidentMilestone { Kind = kind, At = at, Note = note?.Trim(), By = by });
        var after = at - OccurredAt;
        Record(now, IncidentLabels.Label(kind), by, $"{ChinaTime.ToChina(at):MM-dd HH:mm}（事发后 {(int)after.TotalHours} 小时 {after.Minutes} 分）{note}");
    }

    /// <summary>启动预案响应: a plan's response level started for this incident (the plan keeps its own record of it).</summary>
    public void RecordPlanResponse(string planTitle, ResponseLevel level, string actions, string? by, DateTimeOffset now)
    {
        RequireOpen("启动预案响应");
        Record(now, "启动预案响应", by, $"《{planTitle}》{IncidentLabels.Label(level)}响应：{actions}");
    }

    /// <summary>A shelter opened for the incident's displaced people (the response plan's 开放应急避难场所), on the timeline.</summary>
    public void RecordShelterOpened(string shelterName, int capacity, string? by, DateTimeOffset now)
    {
        RequireOpen("开放避难场所");
        Record(now, "开放避难场所", by, $"{shelterName}（容纳 {capacity} 人）");
    }

    /// <summary>Closure with the investigation (四不放过).</summary>
    public void Close(InvestigationClosure closure, string? by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(closure);
        RequireOpen("结案");
        closure.EnsureValid(IsProductionAccident, OccurredAt, now);
        Investigation = closure with
        {
            Cause = closure.Cause.Trim(), Responsibility = closure.Responsibility.Trim(), Measures = closure.Measures.Trim(), Education = closure.Education.Trim(),
        };
        ClosedAt = now;
        ClosedBy = by;
        Status = IncidentStatus.Closed;
        Record(now, "结案", by, $"原因：{Investigation.Cause}");
    }

    public ClockInputs ClockInputs() => new(OccurredAt, Grade, IsProductionAccident, IncidentSubtypes.HasSevenDayWindow(Subtype),
        Reports.GroupBy(r => r.Level).ToDictionary(g => g.Key, g => g.Min(r => r.At)), Investigation?.ReportSubmittedAt, Investigation?.ApprovedAt);

    /// <summary>Every legal clock at <paramref name="now"/>.</summary>
    public IReadOnlyList<ReportingClock> ClocksAt(DateTimeOffset now, ReportingClockOptions? options = null) =>
        ReportingClocks.At(ClockInputs(), now, options);

    private string GradeNote()
    {
        var level = $"{IncidentLabels.Label(Grade)}（{IncidentLabels.Label(ResponseLevel)}）";
        return IsProductionAccident
            ? $"{level}：{AccidentGrading.Of(Deaths, SeriousInjuries, DirectLossYuan).Reason(Deaths, SeriousInjuries, DirectLossYuan)}；最高报至{IncidentLabels.Label(ReportingClocks.Ceiling(Grade))}"
            : $"{level}：值班研判";
    }

    private void SetFigures(IncidentFigures f)
    {
        Deaths = f.Deaths;
        Missing = f.Missing;
        SeriousInjuries = f.SeriousInjuries;
        Injuries = f.Injuries;
        DirectLossYuan = f.DirectLossYuan;
    }

    private void RequireOpen(string action)
    {
        if (Status == IncidentStatus.Closed)
            throw new WorkflowException($"事件已结案，不能{action}");
    }

    private void Record(DateTimeOffset at, string action, string? by, string? note) =>
        Events.Add(new IncidentEvent { At = at, Action = action, By = by, Note = note is { Length: > 4000 } ? note[..4000] : note });
}
