using Tianshan.Core.Incidents.DisasterReports;
using Tianshan.Core.Platform;
using Tianshan.Core.Registry;

namespace Tianshan.Core.People;

public sealed record TrainingDetails
{
    public string Topic { get; init; } = "";
    public TrainingKind Kind { get; init; }
    /// <summary>主办单位.</summary>
    public string Organiser { get; init; } = "";
    public DateOnly HeldOn { get; init; }
    /// <summary>学时 (class hours).</summary>
    public decimal Hours { get; init; }
    public string? Place { get; init; }
}

/// <summary>
/// A training session (培训) with its attendance. Held by an enterprise (<see cref="EnterpriseId"/> set: its three-level
/// education, its own courses — scoped like every enterprise record) or by the bureau (null: bureau staff training, the
/// emergency-competence course for principals and safety managers, disaster-informant training).
/// </summary>
public sealed class TrainingSession
{
    private TrainingSession() { }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid? EnterpriseId { get; private set; }
    public Enterprise? Enterprise { get; private set; }
    public string Topic { get; private set; } = "";
    public TrainingKind Kind { get; private set; }
    public string Organiser { get; private set; } = "";
    public DateOnly HeldOn { get; private set; }
    public decimal Hours { get; private set; }
    public string? Place { get; private set; }
    public bool IsDemo { get; private set; }
    public List<Attendance> Attendances { get; private set; } = [];

    public static TrainingSession Create(Guid? enterpriseId, TrainingDetails details, bool isDemo = false)
    {
        ArgumentNullException.ThrowIfNull(details);
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(details.Topic))
            errors["topic"] = ["培训主题不能为空"];
        else if (details.Topic.Length > 200)
            errors["topic"] = ["培训主题不能超过 200 字"];
        if (!Enum.IsDefined(details.Kind))
            errors["kind"] = ["培训类别无效"];
        else if (enterpriseId is not null && details.Kind is TrainingKind.BureauStaff or TrainingKind.DisasterInformant)
            errors["kind"] = ["局机关培训和灾害信息员培训由区应急管理局组织登记"];
        else if (enterpriseId is null && PeopleLabels.IsThreeLevel(details.Kind))
            errors["kind"] = ["三级安全教育由企业组织，请选择企业"];
        if (string.IsNullOrWhiteSpace(details.Organiser))
            errors["organiser"] = ["主办单位不能为空"];
        else if (details.Organiser.Length > 100)
            errors["organiser"] = ["主办单位不能超过 100 字"];
        if (details.HeldOn == default)
            errors["heldOn"] = ["请填写培训日期"];
        if (details.Hours is <= 0 or > 200)
            errors["hours"] = ["学时应大于 0 且不超过 200"];
        if (details.Place?.Length > 200)
            errors["place"] = ["培训地点不能超过 200 字"];
        if (errors.Count > 0)
            throw new DomainValidationException(errors);
        return new TrainingSession
        {
            EnterpriseId = enterpriseId, Topic = details.Topic.Trim(), Kind = details.Kind, Organiser = details.Organiser.Trim(), HeldOn = details.HeldOn,
            Hours = details.Hours, Place = string.IsNullOrWhiteSpace(details.Place) ? null : details.Place.Trim(), IsDemo = isDemo,
        };
    }

    /// <summary>Records that a person attended, credited with the session's hours unless fewer are given. A second record for
    /// the same person is refused (409): attendance is once per session.</summary>
    public Attendance Attend(Person person, decimal? hoursCredited, bool passed = true)
    {
        ArgumentNullException.ThrowIfNull(person);
        if (Kind == TrainingKind.DisasterInformant)
            throw new DomainValidationException("personId", "灾害信息员培训请登记灾害信息员");
        if (EnterpriseId is { } own && person.EnterpriseId != own)
            throw new DomainValidationException("personId", $"{person.Name}不是本企业人员");
        if (Kind == TrainingKind.BureauStaff && person.Role != PersonRole.BureauStaff)
            throw new DomainValidationException("personId", $"{person.Name}不是局机关工作人员");
        if (Attendances.Any(a => a.PersonId == person.Id))
            throw new WorkflowException($"{person.Name}已登记参加本次培训");
        return Add(new Attendance { PersonId = person.Id }, hoursCredited, passed);
    }

    /// <summary>Records that a disaster informant (the resources ledger's <see cref="DisasterInformant"/>) attended.</summary>
    public Attendance Attend(DisasterInformant informant, decimal? hoursCredited, bool passed = true)
    {
        ArgumentNullException.ThrowIfNull(informant);
        if (Kind != TrainingKind.DisasterInformant)
            throw new DomainValidationException("informantId", "只有灾害信息员培训登记灾害信息员");
        if (Attendances.Any(a => a.InformantId == informant.Id))
            throw new WorkflowException($"{informant.Name}已登记参加本次培训");
        return Add(new Attendance { InformantId = informant.Id }, hoursCredited, passed);
    }

    private Attendance Add(Attendance attendance, decimal? hoursCredited, bool passed)
    {
        var hours = hoursCredited ?? Hours;
        if (hours < 0 || hours > Hours)
            throw new DomainValidationException("hoursCredited", $"计入学时应在 0 到 {Hours:0.#} 之间");
        attendance.TrainingSessionId = Id;
        attendance.HoursCredited = hours;
        attendance.Passed = passed;
        Attendances.Add(attendance);
        return attendance;
    }
}

/// <summary>One attendee of a session: a person or a disaster informant, the hours credited and whether they passed the
/// assessment (考核合格).</summary>
public sealed class Attendance
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid TrainingSessionId { get; internal set; }
    public TrainingSession? TrainingSession { get; private set; }
    public Guid? PersonId { get; internal set; }
    public Person? Person { get; private set; }
    public Guid? InformantId { get; internal set; }
    public DisasterInformant? Informant { get; private set; }
    public decimal HoursCredited { get; internal set; }
    public bool Passed { get; internal set; }
}
