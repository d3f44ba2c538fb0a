namespace Tianshan.Core.Plans;

public enum RevisionState
{
    Current = 1,
    /// <summary>The three-year evaluation falls within the warning window.</summary>
    DueSoon = 2,
    /// <summary>Past the three-year evaluation date.</summary>
    Overdue = 3,
    /// <summary>A 第三十六条 trigger is recorded: due for revision now, whatever the date.</summary>
    TriggerPending = 4,
}

/// <summary>
/// When a plan must next be evaluated and revised. 应急管理部令第2号(2019修正) 第三十五条: the owner evaluates its plan
/// periodically, high-risk enterprises (mines, metal smelting, construction, dangerous goods, chemical plants, fireworks, medium
/// and larger units) every three years; 国办发〔2024〕5号 holds government plans to the same three years. 第三十六条 lists the
/// triggers that make a revision due at once. The clock runs from the later of publication and the last evaluation.
/// </summary>
public static class PlanRevision
{
    /// <summary>第三十五条: every three years.</summary>
    public const int EvaluationYears = 3;

    /// <summary>Days before the due date when a plan shows as due soon (a working reminder, not a legal number).</summary>
    public const int DueSoonDays = 90;

    /// <summary>The day the next evaluation is due: three years after the later of publication and the last evaluation.</summary>
    public static DateOnly DueOn(DateOnly publishedOn, DateOnly? lastEvaluatedOn)
    {
        var from = lastEvaluatedOn is { } e && e > publishedOn ? e : publishedOn;
        return from.AddYears(EvaluationYears);
    }

    /// <summary>The plan's revision state on <paramref name="today"/>: due on the due date itself (still current that day), overdue from the
    /// next day; a recorded trigger makes it due now.</summary>
    public static RevisionState StateOn(DateOnly today, DateOnly dueOn, bool triggerPending)
    {
        if (triggerPending)
            return RevisionState.TriggerPending;
        if (today > dueOn)
            return RevisionState.Overdue;
        return today >= dueOn.AddDays(-DueSoonDays) ? RevisionState.DueSoon : RevisionState.Current;
    }

    /// <summary>A plan is current when it is filed and not due for revision (due soon still counts).</summary>
    public static bool IsCurrent(FilingStatus filing, RevisionState state) =>
        filing == FilingStatus.Filed && state is RevisionState.Current or RevisionState.DueSoon;
}
