namespace Tianshan.Core.Prevention;

/// <summary>A document attached to a step of an enforcement case (询问笔录、现场检查笔录、证据、审核意见、处罚决定书、缴款凭证…).
/// Kept in the database with the case, so a backup holds both (行政处罚法 第四十七条: the whole process is recorded and filed).</summary>
public sealed class EnforcementCaseDocument
{
    /// <summary>The largest file taken (10 MB), as for hazard evidence.</summary>
    public const int MaxBytes = 10 * 1024 * 1024;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid EnforcementCaseId { get; set; }
    public EnforcementCase? EnforcementCase { get; set; }
    /// <summary>The stage the case was in when the document was attached.</summary>
    public CaseStage Stage { get; set; }
    /// <summary>What the document is: 笔录, 证据, 决定书, …</summary>
    public string Kind { get; set; } = "";
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long Size { get; set; }
    /// <summary>SHA-256 of the content, hex: what the audit log keeps instead of the bytes.</summary>
    public string Sha256 { get; set; } = "";
    public byte[] Content { get; set; } = [];
    public string UploadedBy { get; set; } = "";
    public DateTimeOffset UploadedAt { get; set; }
}
