namespace Tianshan.Core.Prevention;

/// <summary>A photo or file attached to a hidden hazard: at registration (what was found) or as rectification evidence.
/// Kept in the database with the record it proves, so a backup holds both.</summary>
public sealed class HiddenHazardEvidence
{
    /// <summary>The largest file taken (10 MB): a phone photo or a scanned report.</summary>
    public const int MaxBytes = 10 * 1024 * 1024;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid HiddenHazardId { get; set; }
    public HiddenHazard? HiddenHazard { get; set; }
    /// <summary>发现 (at registration) or 整改 (rectification evidence).</summary>
    public string Stage { get; set; } = "";
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long Size { get; set; }
    /// <summary>SHA-256 of the content, hex: what the audit log keeps instead of the bytes.</summary>
    public string Sha256 { get; set; } = "";
    public byte[] Content { get; set; } = [];
    public string UploadedBy { get; set; } = "";
    public DateTimeOffset UploadedAt { get; set; }
}

/// <summary>A report from the public (群众举报), anonymous if the reporter wishes: received without login, triaged by the
/// bureau into a hidden hazard of an enterprise, or closed with a reason. The reporter gets a receipt number only; nothing
/// is readable back through the public side.</summary>
public sealed class PublicReport
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    /// <summary>受理编号 given to the reporter, e.g. JB-20261128-4F7K2Q.</summary>
    public string Receipt { get; set; } = "";
    public string EnterpriseName { get; set; } = "";
    public string Location { get; set; } = "";
    public string Description { get; set; } = "";
    /// <summary>Optional: a phone number for follow-up questions; empty for an anonymous report.</summary>
    public string? Contact { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public PublicReportStatus Status { get; set; } = PublicReportStatus.Received;
    public Guid? HiddenHazardId { get; set; }
    public string? HandledBy { get; set; }
    public DateTimeOffset? HandledAt { get; set; }
    public string? HandlingNote { get; set; }
}

public enum PublicReportStatus
{
    /// <summary>已受理, awaiting triage.</summary>
    Received = 1,
    /// <summary>已转隐患.</summary>
    Converted = 2,
    /// <summary>已核实不属实 / closed with a reason.</summary>
    Closed = 3,
}
