using Tianshan.Core.Platform;

namespace Tianshan.Core.Duty;

/// <summary>The two shifts of the bureau's 24-hour duty (值班值守). Shift times are the desk's convention, not a rule.</summary>
public enum DutyShiftKind
{
    /// <summary>白班 08:00–20:00.</summary>
    Day = 1,
    /// <summary>夜班 20:00–次日 08:00.</summary>
    Night = 2,
}

public enum DutyLogKind
{
    /// <summary>来电.</summary>
    Call = 1,
    /// <summary>事件接报.</summary>
    Incident = 2,
    /// <summary>续报 / 上报.</summary>
    IncidentUpdate = 3,
    /// <summary>交接班.</summary>
    Handover = 4,
    /// <summary>其他值班事项.</summary>
    Note = 5,
}

public static class DutyLabels
{
    public static string Label(DutyShiftKind kind) => kind switch
    {
        DutyShiftKind.Day => "白班（08:00–20:00）",
        DutyShiftKind.Night => "夜班（20:00–次日08:00）",
        _ => kind.ToString(),
    };

    public static string Label(DutyLogKind kind) => kind switch
    {
        DutyLogKind.Call => "来电",
        DutyLogKind.Incident => "事件接报",
        DutyLogKind.IncidentUpdate => "事件续报/上报",
        DutyLogKind.Handover => "交接班",
        DutyLogKind.Note => "值班事项",
        _ => kind.ToString(),
    };

    /// <summary>Which shift covers a moment in China time, and on which duty date (the night shift after midnight
    /// belongs to the previous day).</summary>
    public static (DateOnly Date, DutyShiftKind Shift) ShiftAt(DateTimeOffset at)
    {
        var local = ChinaTime.ToChina(at);
        var date = DateOnly.FromDateTime(local.DateTime);
        return local.Hour switch
        {
            < 8 => (date.AddDays(-1), DutyShiftKind.Night),
            < 20 => (date, DutyShiftKind.Day),
            _ => (date, DutyShiftKind.Night),
        };
    }
}

/// <summary>值班表: who leads (带班领导) and who keeps (值班员) one shift of one day.</summary>
public sealed class DutyShift
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public DateOnly Date { get; private set; }
    public DutyShiftKind Shift { get; private set; }
    public string Leader { get; private set; } = "";
    public string Officer { get; private set; } = "";
    public string? Phone { get; private set; }

    public static DutyShift Create(DateOnly date, DutyShiftKind shift, string leader, string officer, string? phone)
    {
        var s = new DutyShift { Date = date, Shift = shift };
        s.Assign(leader, officer, phone);
        return s;
    }

    public void Assign(string leader, string officer, string? phone)
    {
        var errors = new Dictionary<string, string[]>();
        if (!Enum.IsDefined(Shift))
            errors["shift"] = ["请选择班次"];
        if (string.IsNullOrWhiteSpace(leader) || leader.Length > 50)
            errors["leader"] = ["请填写带班领导（不超过 50 字）"];
        if (string.IsNullOrWhiteSpace(officer) || officer.Length > 50)
            errors["officer"] = ["请填写值班员（不超过 50 字）"];
        if (phone is { Length: > 30 })
            errors["phone"] = ["值班电话不能超过 30 字"];
        if (errors.Count > 0)
            throw new DomainValidationException(errors);
        Leader = leader.Trim();
        Officer = officer.Trim();
        Phone = string.IsNullOrWhiteSpace(phone) ? null : phone.Trim();
    }
}

/// <summary>值班日志: one line per call, incident, report and handover, in the order they happened.</summary>
public sealed class DutyLogEntry
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public DateTimeOffset At { get; init; }
    public DutyLogKind Kind { get; init; }
    public string Summary { get; init; } = "";
    public string? Caller { get; init; }
    public string? Phone { get; init; }
    public Guid? IncidentId { get; init; }
    public string? By { get; init; }

    public static DutyLogEntry Create(DutyLogKind kind, string summary, string? caller, string? phone, Guid? incidentId, string? by, DateTimeOffset at)
    {
        var errors = new Dictionary<string, string[]>();
        if (!Enum.IsDefined(kind))
            errors["kind"] = ["请选择日志类别"];
        if (string.IsNullOrWhiteSpace(summary))
            errors["summary"] = ["请填写值班记录内容"];
        else if (summary.Length > 2000)
            errors["summary"] = ["值班记录内容不能超过 2000 字"];
        if (caller is { Length: > 100 })
            errors["caller"] = ["来电人不能超过 100 字"];
        if (phone is { Length: > 30 })
            errors["phone"] = ["电话不能超过 30 字"];
        if (errors.Count > 0)
            throw new DomainValidationException(errors);
        return new DutyLogEntry
        {
            Kind = kind, Summary = summary.Trim(), Caller = string.IsNullOrWhiteSpace(caller) ? null : caller.Trim(),
            Phone = string.IsNullOrWhiteSpace(phone) ? null : phone.Trim(), IncidentId = incidentId, By = by, At = at,
        };
    }
}

/// <summary>An item the desk must follow up (待办), carried from shift to shift until someone closes it.</summary>
public sealed class DutyOpenItem
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public string Text { get; private set; } = "";
    public Guid? IncidentId { get; private set; }
    public DateTimeOffset OpenedAt { get; private set; }
    public string? OpenedBy { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public string? ClosedBy { get; private set; }
    public string? Resolution { get; private set; }

    public static DutyOpenItem Open(string text, Guid? incidentId, string? by, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 500)
            throw new DomainValidationException("text", "请填写待办事项（不超过 500 字）");
        return new DutyOpenItem { Text = text.Trim(), IncidentId = incidentId, OpenedAt = now, OpenedBy = by };
    }

    public void Close(string? resolution, string? by, DateTimeOffset now)
    {
        if (ClosedAt is not null)
            throw new WorkflowException("该待办事项已办结");
        ClosedAt = now;
        ClosedBy = by;
        Resolution = string.IsNullOrWhiteSpace(resolution) ? null : resolution.Trim();
    }
}

/// <summary>交接班: who handed over to whom, what happened in the shift, and the open items carried over (as they stood).</summary>
public sealed class ShiftHandover
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public DateTimeOffset At { get; private set; }
    public string FromOfficer { get; private set; } = "";
    public string ToOfficer { get; private set; } = "";
    public string Summary { get; private set; } = "";
    public List<string> OpenItems { get; private set; } = [];
    public string? By { get; private set; }

    public static ShiftHandover Create(string fromOfficer, string toOfficer, string summary, IEnumerable<string> openItems, string? by, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(fromOfficer) || fromOfficer.Length > 50)
            errors["fromOfficer"] = ["请填写交班人"];
        if (string.IsNullOrWhiteSpace(toOfficer) || toOfficer.Length > 50)
            errors["toOfficer"] = ["请填写接班人"];
        else if (string.Equals(fromOfficer?.Trim(), toOfficer.Trim(), StringComparison.Ordinal))
            errors["toOfficer"] = ["接班人不能与交班人相同"];
        if (string.IsNullOrWhiteSpace(summary))
            errors["summary"] = ["请填写本班值班情况"];
        else if (summary.Length > 4000)
            errors["summary"] = ["本班值班情况不能超过 4000 字"];
        if (errors.Count > 0)
            throw new DomainValidationException(errors);
        return new ShiftHandover
        {
            At = now, FromOfficer = fromOfficer!.Trim(), ToOfficer = toOfficer.Trim(), Summary = summary.Trim(), OpenItems = [.. openItems], By = by,
        };
    }
}
