namespace Tianshan.Core.Prevention;

/// <summary>Reminder before a rectification deadline and the ladder after it. Local rules differ (domain-rules §3 gives
/// 挂牌督办 examples, not a national ladder), so these are configuration with these defaults.</summary>
public sealed class HiddenHazardDeadlineOptions
{
    /// <summary>Days before the deadline the responsible person is reminded.</summary>
    public int ReminderDays { get; set; } = 3;

    /// <summary>Who is told, and how many days after the deadline, while a hazard stays unrectified.</summary>
    public List<OverdueRung> Overdue { get; set; } =
    [
        new() { AfterDays = 0, Recipient = "企业主要负责人" },
        new() { AfterDays = 7, Recipient = "属地街道" },
        new() { AfterDays = 15, Recipient = "区应急管理局" },
    ];
}

public sealed class OverdueRung
{
    public int AfterDays { get; set; }
    public string Recipient { get; set; } = "";
}

public static class HiddenHazardDeadlines
{
    /// <summary>One notice to send: to whom, and the text.</summary>
    public sealed record Notice(string Recipient, string Message);

    /// <summary>
    /// Applies what is due at <paramref name="now"/> — the reminder once per deadline, each overdue rung once — records
    /// it on the hazard's timeline and returns the notices. Idempotent: a second review at the same time does nothing.
    /// </summary>
    public static IReadOnlyList<Notice> Review(HiddenHazard hazard, DateTimeOffset now, HiddenHazardDeadlineOptions options)
    {
        ArgumentNullException.ThrowIfNull(hazard);
        ArgumentNullException.ThrowIfNull(options);
        var notices = new List<Notice>();
        var status = hazard.DeadlineStatusAt(now, TimeSpan.FromDays(options.ReminderDays));
        var who = hazard.Rectification?.ResponsiblePerson ?? "整改责任人";
        if (status == DeadlineStatus.DueSoon && !hazard.Reminded)
        {
            hazard.MarkReminded(now, who);
            notices.Add(new Notice(who, $"【天山】隐患 {hazard.Number}“{hazard.Title}”整改期限 {Platform.ChinaTime.ToChina(hazard.Deadline!.Value):yyyy-MM-dd HH:mm}，请按期完成并提交整改材料。"));
        }
        if (status != DeadlineStatus.Overdue)
            return notices;
        var overdueBy = now - hazard.Deadline!.Value;
        var step = hazard.OverdueStep;
        while (step < options.Overdue.Count && overdueBy >= TimeSpan.FromDays(options.Overdue[step].AfterDays))
        {
            var rung = options.Overdue[step];
            step++;
            hazard.MarkEscalated(step, now, rung.Recipient);
            notices.Add(new Notice(rung.Recipient, $"【天山】隐患 {hazard.Number}“{hazard.Title}”（{HiddenHazardLabels.Label(hazard.Grade ?? HiddenHazardGrade.General)}）已逾期 {Math.Floor(overdueBy.TotalDays):0} 天未整改，责任人 {who}，请督促整改。"));
        }
        return notices;
    }
}
