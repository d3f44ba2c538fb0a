using System.Security.Cryptography;
using Tianshan.Core.Platform;

namespace Tianshan.Core.Prevention;

/// <summary>What an attachment of an inspection record is.</summary>
public enum InspectionAttachmentKind
{
    /// <summary>现场照片: what the inspectors saw.</summary>
    Photo = 1,
    /// <summary>检查人员签名: drawn by one of the inspectors named on the record.</summary>
    InspectorSignature = 2,
    /// <summary>企业签字: drawn by the enterprise's representative named on the record.</summary>
    EnterpriseSignature = 3,
}

/// <summary>
/// A photo or a drawn signature on an inspection record (现场检查记录). Kept in the database with the record so a backup holds
/// both; the SHA-256 is what the audit log keeps instead of the bytes. The record is signed by every inspector and by the
/// enterprise's representative (安全生产监管监察执法文书式样: 现场检查记录 carries both signatures; 行政处罚法 第四十二条: at
/// least two officers).
/// </summary>
public sealed class InspectionAttachment
{
    /// <summary>The largest photo taken (10 MB), as for hazard evidence and case documents.</summary>
    public const int MaxPhotoBytes = 10 * 1024 * 1024;

    /// <summary>A drawn signature is a small PNG; anything larger is not one.</summary>
    public const int MaxSignatureBytes = 512 * 1024;

    private static readonly HashSet<string> PhotoTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "image/jpeg", "image/png", "image/webp", "image/heic",
    };

    private static readonly byte[] PngMagic = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private InspectionAttachment() { }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid InspectionId { get; private set; }
    public Inspection? Inspection { get; private set; }
    public InspectionAttachmentKind Kind { get; private set; }
    /// <summary>For a signature, the person who signed (one of the record's inspectors, or its enterprise signatory).</summary>
    public string? Signatory { get; private set; }
    public string FileName { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public long Size { get; private set; }
    public string Sha256 { get; private set; } = "";
    public byte[] Content { get; private set; } = [];
    public string UploadedBy { get; private set; } = "";
    public DateTimeOffset UploadedAt { get; private set; }

    public static InspectionAttachment Photo(Inspection inspection, string fileName, string contentType, byte[] content, string by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(inspection);
        ArgumentNullException.ThrowIfNull(content);
        if (!PhotoTypes.Contains(contentType))
            throw new DomainValidationException("file", $"不支持的文件类型 {contentType}：现场照片请上传 JPG/PNG/WebP/HEIC 图片");
        if (content.Length == 0)
            throw new DomainValidationException("file", "文件为空");
        if (content.Length > MaxPhotoBytes)
            throw new DomainValidationException("file", $"照片不能超过 {MaxPhotoBytes / 1024 / 1024} MB");
        var name = Path.GetFileName(fileName);
        return Create(inspection, InspectionAttachmentKind.Photo, null, name.Length > 200 ? name[..200] : name, contentType, content, by, now);
    }

    /// <summary>A signature drawn on the record by a person it names, as a PNG; each person signs once.</summary>
    public static InspectionAttachment Signature(Inspection inspection, string? signatory, byte[] png, IEnumerable<string?> signedAlready,
        string by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(inspection);
        ArgumentNullException.ThrowIfNull(png);
        ArgumentNullException.ThrowIfNull(signedAlready);
        var name = signatory?.Trim() ?? "";
        InspectionAttachmentKind kind;
        if (inspection.Inspectors.Contains(name, StringComparer.Ordinal))
            kind = InspectionAttachmentKind.InspectorSignature;
        else if (name == inspection.EnterpriseSignatory)
            kind = InspectionAttachmentKind.EnterpriseSignature;
        else
            throw new DomainValidationException("signatory",
                $"签名人须是本记录的检查人员（{string.Join("、", inspection.Inspectors)}）或企业签字人（{inspection.EnterpriseSignatory}）");
        if (png.Length == 0 || png.Length > MaxSignatureBytes || !png.AsSpan().StartsWith(PngMagic))
            throw new DomainValidationException("image", "签名须为手写签名的 PNG 图片");
        if (signedAlready.Contains(name, StringComparer.Ordinal))
            throw new WorkflowException($"{name} 已在本记录上签名");
        return Create(inspection, kind, name, $"签名-{name}.png", "image/png", png, by, now);
    }

    /// <summary>Everyone the record names who has not signed yet: the inspectors, then the enterprise's representative.</summary>
    public static IReadOnlyList<string> AwaitingSignature(Inspection inspection, IEnumerable<string?> signedAlready)
    {
        ArgumentNullException.ThrowIfNull(inspection);
        var signed = signedAlready.OfType<string>().ToHashSet(StringComparer.Ordinal);
        return inspection.Inspectors.Append(inspection.EnterpriseSignatory).Where(n => !signed.Contains(n)).ToList();
    }

    private static InspectionAttachment Create(Inspection inspection, InspectionAttachmentKind kind, string? signatory, string fileName,
        string contentType, byte[] content, string by, DateTimeOffset now) => new()
    {
        InspectionId = inspection.Id,
        Kind = kind,
        Signatory = signatory,
        FileName = fileName,
        ContentType = contentType,
        Size = content.Length,
        Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
        Content = content,
        UploadedBy = by,
        UploadedAt = now,
    };
}
