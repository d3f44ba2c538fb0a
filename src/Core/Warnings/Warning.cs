using Tianshan.Core.Platform;

namespace Tianshan.Core.Warnings;

/// <summary>CAP msgType of our own messages: a new warning, an update of a published one, or its cancellation (解除).</summary>
public enum WarningMessageType
{
    Alert = 1,
    Update = 2,
    Cancel = 3,
}

/// <summary>草稿 → 待审核 → 已审核 → 已发布; a published warning is later 已更新 (superseded by an update) or 已解除 (cancelled).</summary>
public enum WarningStatus
{
    Draft = 1,
    Submitted = 2,
    Approved = 3,
    Published = 4,
    Superseded = 5,
    Cancelled = 6,
}

/// <summary>What the author writes: the event, level, area, times and the texts (Chinese, optionally English).</summary>
public sealed record WarningContent
{
    public string EventType { get; init; } = "";
    public WarningLevel Level { get; init; }
    /// <summary>Community division codes the warning covers (picked on the map).</summary>
    public IReadOnlyList<string> CommunityCodes { get; init; } = [];
    /// <summary>Drawn polygons in CAP form: "lat,lon lat,lon …", at least 4 points, first = last.</summary>
    public IReadOnlyList<string> Polygons { get; init; } = [];
    /// <summary>Drawn circles in CAP form: "lat,lon radiusKm".</summary>
    public IReadOnlyList<string> Circles { get; init; } = [];
    public DateTimeOffset Onset { get; init; }
    public DateTimeOffset Expires { get; init; }
    public string Headline { get; init; } = "";
    public string Description { get; init; } = "";
    public string Instruction { get; init; } = "";
    public string? HeadlineEn { get; init; }
    public string? DescriptionEn { get; init; }
    public string? InstructionEn { get; init; }

    public bool HasEnglish => !string.IsNullOrWhiteSpace(HeadlineEn) || !string.IsNullOrWhiteSpace(DescriptionEn);

    public void EnsureValid(bool cancel)
    {
        var errors = new Dictionary<string, string[]>();
        var type = WarningEventTypes.Find(EventType);
        if (type is null)
            errors["eventType"] = ["请选择预警事件类型"];
        else if (!Enum.IsDefined(Level))
            errors["level"] = ["请选择预警级别（蓝、黄、橙、红）"];
        else if (!type.Has(Level))
            errors["level"] = [$"{type.Name}预警没有{WarningLevels.Colour(Level)}级别（可选：{string.Join("、", type.Levels.Select(WarningLevels.Colour))}）"];
        if (CommunityCodes.Count == 0 && Polygons.Count == 0 && Circles.Count == 0)
            errors["area"] = ["请在地图上选择社区或绘制预警区域"];
        var badPolygon = Polygons.FirstOrDefault(p => CapGeometry.PolygonProblem(p) is not null);
        if (badPolygon is not null)
            errors["polygons"] = [CapGeometry.PolygonProblem(badPolygon)!];
        var badCircle = Circles.FirstOrDefault(c => CapGeometry.CircleProblem(c) is not null);
        if (badCircle is not null)
            errors["circles"] = [CapGeometry.CircleProblem(badCircle)!];
        if (Expires <= Onset)
            errors["expires"] = ["失效时间须晚于生效时间"];
        Need(errors, "headline", Headline, "请填写预警标题", 200);
        Need(errors, "description", Description, "请填写预警内容", 4000);
        if (!cancel)
            Need(errors, "instruction", Instruction, "请填写防御指南（公众应采取的措施）", 4000);
        if (HasEnglish && string.IsNullOrWhiteSpace(HeadlineEn))
            errors["headlineEn"] = ["填写英文内容时须同时填写英文标题"];
        if (errors.Count > 0)
            throw new DomainValidationException(errors);
    }

    private static void Need(Dictionary<string, string[]> errors, string field, string value, string message, int max)
    {
        if (string.IsNullOrWhiteSpace(value))
            errors[field] = [message];
        else if (value.Length > max)
            errors[field] = [$"不能超过 {max} 字"];
    }
}

/// <summary>One step on a warning's timeline.</summary>
public sealed class WarningEvent
{
    public DateTimeOffset At { get; set; }
    public string Action { get; set; } = "";
    public WarningStatus To { get; set; }
    public string? By { get; set; }
    public string? Note { get; set; }
}

/// <summary>
/// A warning (预警信息) of our own: drafted, submitted for review, approved by a different user who holds the 信息审核发布
/// role (the four-eyes rule of 审核发布), then published as a CAP 1.2 alert. An update or a cancellation is a new warning
/// (msgType Update / Cancel) that references the one it replaces and passes the same review; publishing it supersedes
/// or cancels the original.
/// </summary>
public sealed class Warning
{
    private Warning() { }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    /// <summary>GB/T 35965.1 identifier, given at publication (its time is the sending time).</summary>
    public string? Identifier { get; private set; }
    public WarningMessageType MessageType { get; private set; }
    /// <summary>The warning this one updates or cancels.</summary>
    public Guid? PreviousId { get; private set; }
    /// <summary>CAP references: "sender,identifier,sent" of every earlier message of this warning, oldest first.</summary>
    public string? References { get; private set; }
    public WarningStatus Status { get; private set; }

    public string EventType { get; private set; } = "";
    public WarningLevel Level { get; private set; }
    public List<string> CommunityCodes { get; private set; } = [];
    public string AreaDescription { get; private set; } = "";
    public List<string> Polygons { get; private set; } = [];
    public List<string> Circles { get; private set; } = [];
    public DateTimeOffset Onset { get; private set; }
    public DateTimeOffset Expires { get; private set; }
    public string Headline { get; private set; } = "";
    public string Description { get; private set; } = "";
    public string Instruction { get; private set; } = "";
    public string? HeadlineEn { get; private set; }
    public string? DescriptionEn { get; private set; }
    public string? InstructionEn { get; private set; }

    public string DraftedBy { get; private set; } = "";
    public DateTimeOffset DraftedAt { get; private set; }
    public DateTimeOffset? SubmittedAt { get; private set; }
    public string? ApprovedBy { get; private set; }
    public DateTimeOffset? ApprovedAt { get; private set; }
    public string? PublishedBy { get; private set; }
    /// <summary>CAP <c>sent</c>.</summary>
    public DateTimeOffset? PublishedAt { get; private set; }
    public string? Sender { get; private set; }
    /// <summary>The CAP 1.2 XML exactly as published: what the feed, the aggregators and the channels got.</summary>
    public string? CapXml { get; private set; }
    public bool IsDemo { get; private set; }

    public List<WarningEvent> Events { get; private set; } = [];

    public WarningContent Content => new()
    {
        EventType = EventType, Level = Level, CommunityCodes = CommunityCodes, Polygons = Polygons, Circles = Circles, Onset = Onset,
        Expires = Expires, Headline = Headline, Description = Description, Instruction = Instruction, HeadlineEn = HeadlineEn,
        DescriptionEn = DescriptionEn, InstructionEn = InstructionEn,
    };

    /// <summary>In force at <paramref name="now"/>: published, not a cancellation, not superseded or cancelled, not expired.</summary>
    public bool IsCurrent(DateTimeOffset now) => Status == WarningStatus.Published && MessageType != WarningMessageType.Cancel && Expires > now;

    public static Warning Draft(WarningContent content, string areaDescription, string by, DateTimeOffset now, bool isDemo = false)
    {
        ArgumentNullException.ThrowIfNull(content);
        var warning = new Warning { MessageType = WarningMessageType.Alert, DraftedBy = by, DraftedAt = now, IsDemo = isDemo };
        warning.Apply(content, areaDescription);
        warning.Record(now, "起草", WarningStatus.Draft, by, warning.Headline);
        return warning;
    }

    /// <summary>Drafts the update (变更) or cancellation (解除) of this published warning.</summary>
    public Warning DraftFollowUp(WarningMessageType type, WarningContent content, string areaDescription, string by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (type == WarningMessageType.Alert)
            throw new ArgumentException("A follow-up is an update or a cancellation", nameof(type));
        if (Status != WarningStatus.Published || MessageType == WarningMessageType.Cancel)
            throw new WorkflowException($"预警当前为“{WarningLabels.Label(Status)}”，只有已发布且未解除的预警可以{(type == WarningMessageType.Update ? "变更" : "解除")}");
        var next = new Warning
        {
            MessageType = type, PreviousId = Id, DraftedBy = by, DraftedAt = now, IsDemo = IsDemo,
            References = string.Join(' ', new[] { References, $"{Sender},{Identifier},{Cap.CapAlert.FormatTime(ChinaTime.ToChina(PublishedAt!.Value))}" }
                .Where(r => !string.IsNullOrEmpty(r))),
        };
        next.Apply(content, areaDescription, type == WarningMessageType.Cancel);
        next.Record(now, type == WarningMessageType.Update ? "起草变更" : "起草解除", WarningStatus.Draft, by, next.Headline);
        return next;
    }

    /// <summary>Edits a draft (or one sent back by the reviewer).</summary>
    public void Edit(WarningContent content, string areaDescription, string by, DateTimeOffset now)
    {
        Require(WarningStatus.Draft, "修改");
        Apply(content, areaDescription, MessageType == WarningMessageType.Cancel);
        Record(now, "修改草稿", WarningStatus.Draft, by, null);
    }

    public void Submit(string by, DateTimeOffset now)
    {
        Require(WarningStatus.Draft, "提交审核");
        SubmittedAt = now;
        Record(now, "提交审核", WarningStatus.Submitted, by, null);
    }

    /// <summary>审核: by someone other than the author (the author cannot approve their own warning).</summary>
    public void Approve(string by, DateTimeOffset now)
    {
        Require(WarningStatus.Submitted, "审核通过");
        if (string.Equals(by, DraftedBy, StringComparison.OrdinalIgnoreCase))
            throw new WorkflowException("预警信息须由起草人以外的人员审核，起草人不能审核自己起草的预警");
        ApprovedBy = by;
        ApprovedAt = now;
        Record(now, "审核通过", WarningStatus.Approved, by, null);
    }

    /// <summary>Sent back to the author with the reviewer's reason.</summary>
    public void Reject(string reason, string by, DateTimeOffset now)
    {
        Require(WarningStatus.Submitted, "退回");
        if (string.IsNullOrWhiteSpace(reason))
            throw new DomainValidationException("reason", "请填写退回理由");
        SubmittedAt = null;
        Record(now, "审核退回", WarningStatus.Draft, by, reason.Trim());
    }

    /// <summary>发布: gives the identifier and keeps the CAP XML exactly as sent.</summary>
    public void Publish(string identifier, string sender, string by, DateTimeOffset sent, Func<Warning, string> toCapXml)
    {
        ArgumentNullException.ThrowIfNull(toCapXml);
        Require(WarningStatus.Approved, "发布");
        Identifier = identifier;
        Sender = sender;
        PublishedBy = by;
        PublishedAt = sent;
        CapXml = toCapXml(this);
        Record(sent, MessageType switch
        {
            WarningMessageType.Update => "发布变更",
            WarningMessageType.Cancel => "发布解除",
            _ => "发布",
        }, WarningStatus.Published, by, identifier);
    }

    /// <summary>The original, when its update or cancellation is published.</summary>
    public void ReplacedBy(Warning next, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(next);
        var to = next.MessageType == WarningMessageType.Cancel ? WarningStatus.Cancelled : WarningStatus.Superseded;
        Record(now, to == WarningStatus.Cancelled ? "已解除" : "已变更", to, next.PublishedBy, next.Identifier);
    }

    /// <summary>A person sent one delivery again (重新发送): on the warning's timeline, so the audit log keeps who and when
    /// (the delivery rows are the outbox's own journal and are not audited, docs/decisions/008).</summary>
    public void RecordResend(WarningDelivery delivery, string by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        Events.Add(new WarningEvent
        {
            At = now, Action = "重新发送", To = Status, By = by,
            Note = $"{ChannelLabels.Label(delivery.Channel)} · {delivery.RecipientName}（{delivery.DeliveryKey}）",
        });
    }

    private void Apply(WarningContent content, string areaDescription, bool cancel = false)
    {
        content.EnsureValid(cancel);
        EventType = content.EventType;
        Level = content.Level;
        CommunityCodes = [.. content.CommunityCodes.Distinct()];
        Polygons = [.. content.Polygons.Select(p => p.Trim())];
        Circles = [.. content.Circles.Select(c => c.Trim())];
        AreaDescription = areaDescription;
        // Stored in UTC (PostgreSQL timestamptz takes offset 0 only); shown in China time.
        Onset = content.Onset.ToUniversalTime();
        Expires = content.Expires.ToUniversalTime();
        Headline = content.Headline.Trim();
        Description = content.Description.Trim();
        Instruction = content.Instruction.Trim();
        HeadlineEn = Blank(content.HeadlineEn);
        DescriptionEn = Blank(content.DescriptionEn);
        InstructionEn = Blank(content.InstructionEn);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private void Require(WarningStatus expected, string action)
    {
        if (Status != expected)
            throw new WorkflowException($"预警当前为“{WarningLabels.Label(Status)}”，不能{action}（须为“{WarningLabels.Label(expected)}”）");
    }

    private void Record(DateTimeOffset at, string action, WarningStatus to, string? by, string? note)
    {
        Status = to;
        Events.Add(new WarningEvent { At = at, Action = action, To = to, By = by, Note = note });
    }
}

public static class WarningLabels
{
    public static string Label(WarningStatus status) => status switch
    {
        WarningStatus.Draft => "草稿",
        WarningStatus.Submitted => "待审核",
        WarningStatus.Approved => "已审核待发布",
        WarningStatus.Published => "已发布",
        WarningStatus.Superseded => "已变更",
        WarningStatus.Cancelled => "已解除",
        _ => status.ToString(),
    };

    public static string Label(WarningMessageType type) => type switch
    {
        WarningMessageType.Alert => "发布",
        WarningMessageType.Update => "变更",
        WarningMessageType.Cancel => "解除",
        _ => type.ToString(),
    };
}
