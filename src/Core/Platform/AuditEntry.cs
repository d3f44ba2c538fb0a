namespace Tianshan.Core.Platform;

public enum AuditAction
{
    Added = 1,
    Modified = 2,
    Deleted = 3,
}

/// <summary>One change to one record: who, when, what, before and after (JSON of the changed properties).
/// Written in the same transaction as the change by the audit interceptor.</summary>
public sealed class AuditEntry
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public DateTimeOffset At { get; init; }
    public string? UserId { get; init; }
    public string UserName { get; init; } = "";
    public string EntityType { get; init; } = "";
    public string EntityId { get; init; } = "";
    public AuditAction Action { get; init; }
    public string? Before { get; init; }
    public string? After { get; init; }
}
