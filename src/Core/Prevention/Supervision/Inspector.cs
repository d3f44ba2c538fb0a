namespace Tianshan.Core.Prevention;

/// <summary>An inspector on the roster (执法检查人员名录库) from which 双随机 draws pick.</summary>
public sealed class Inspector
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    /// <summary>执法证号: the stable code draws are ordered by.</summary>
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string Organisation { get; set; } = "";
    /// <summary>The platform login of this inspector, if they have one.</summary>
    public string? UserName { get; set; }
    public bool Active { get; set; } = true;
}

/// <summary>A declared conflict of interest (利害关系, 回避): the inspector is never drawn for this enterprise.</summary>
public sealed class InspectorConflict
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid InspectorId { get; set; }
    public Inspector? Inspector { get; set; }
    public Guid EnterpriseId { get; set; }
    public string Reason { get; set; } = "";
    public DateTimeOffset DeclaredAt { get; set; }
    public string DeclaredBy { get; set; } = "";
}

/// <summary>A 双随机 draw as made and recorded: its inputs (seed, candidate list, roster, conflicts, last teams) and its
/// picks, so a replay reproduces it from the record alone; published on the public page once released (一公开).</summary>
public sealed class RandomDrawRecord
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    /// <summary>e.g. SJ-2026-003.</summary>
    public string Number { get; set; } = "";
    public string Title { get; set; } = "";
    /// <summary>The population in words, e.g. "危险化学品 · 独山子街道".</summary>
    public string ScopeDescription { get; set; } = "";
    /// <summary>The seed as decimal text (a 64-bit value does not survive a JavaScript number).</summary>
    public string Seed { get; set; } = "";
    public string InputsJson { get; set; } = "";
    public string PicksJson { get; set; } = "";
    public int TargetCount { get; set; }
    public DateTimeOffset DrawnAt { get; set; }
    public string DrawnBy { get; set; } = "";
    public DateTimeOffset? PublishedAt { get; set; }
}
