using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Tianshan.Core.Data;
using Tianshan.Core.Platform;
using Tianshan.Core.Prevention;
using Tianshan.Web.Features.Platform;

namespace Tianshan.Web.Features.Prevention;

/// <summary>
/// The hidden-hazard workflow as the API and the pages both run it: loads the hazard through the scoped context (an
/// enterprise user reaches only its own; anything else is "not found"), checks the caller's role for the step, lets the
/// <see cref="HiddenHazard"/> apply its rules, and saves (the audit log is written in the same SaveChanges).
/// </summary>
public static class HiddenHazardActions
{
    /// <summary>Roles that find and register hazards on inspection, and triage public reports.</summary>
    public static readonly string[] Supervisors = [Roles.Bureau, Roles.Department, Roles.Street, Roles.Inspector];

    /// <summary>Roles that take part in the loop at all (the community role reports disasters, not hazards).</summary>
    public static readonly string[] Participants = [Roles.Bureau, Roles.Department, Roles.Street, Roles.Inspector, Roles.Enterprise];

    public sealed record RegisterRequest(Guid? EnterpriseId, HiddenHazardOrigin? Origin, string? Title, string? Description,
        string? Location, DateTimeOffset? FoundAt, Guid? AlarmId);

    public sealed record AssessRequest(HiddenHazardGrade? Grade, List<int>? Criteria, FiveAssurances? Rectification, MajorHazardTreatmentPlan? Plan);

    public sealed record NoteRequest(string? Note);

    public sealed record VerifyRequest(bool Passed, string? Note);

    public sealed record ExtendRequest(DateTimeOffset? Deadline, string? Reason);

    public sealed record ListRequest(string? Notice, string? Authority);

    public sealed record DismissRequest(string? Reason);

    public static async Task<HiddenHazard> RegisterAsync(TianshanDb db, ClaimsPrincipal user, RegisterRequest request, TimeProvider time, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var source = request.Origin ?? (user.IsInRole(Roles.Enterprise) ? HiddenHazardOrigin.SelfInspection : HiddenHazardOrigin.Inspection);
        Guid enterpriseId;
        switch (source)
        {
            case HiddenHazardOrigin.SelfInspection when !user.IsInRole(Roles.Enterprise):
                throw new ForbiddenException("只有企业用户可以登记企业自查隐患");
            case HiddenHazardOrigin.Inspection when !Supervisors.Any(user.IsInRole):
                throw new ForbiddenException("只有监管人员可以登记监督检查发现的隐患");
            case HiddenHazardOrigin.PublicReport:
                throw new DomainValidationException("source", "群众举报须从举报受理转为隐患");
            case HiddenHazardOrigin.Monitoring:
                var alarm = await db.Alarms.AsNoTracking().FirstOrDefaultAsync(a => a.Id == request.AlarmId, ct)
                    ?? throw new NotFoundException("报警记录不存在或不在您的管辖范围内");
                enterpriseId = alarm.EnterpriseId;
                return await AddAsync(db, enterpriseId, source, Details(request, now), db.Scope.UserName, now, ct);
            case HiddenHazardOrigin.SelfInspection or HiddenHazardOrigin.Inspection:
                break;
            default:
                throw new DomainValidationException("source", "隐患来源无效");
        }
        enterpriseId = db.Scope.EnterpriseId ?? request.EnterpriseId ?? throw new DomainValidationException("enterpriseId", "请选择隐患所在企业");
        if (!await db.Enterprises.AnyAsync(e => e.Id == enterpriseId, ct))
            throw new NotFoundException("企业不存在或不在您的管辖范围内");
        return await AddAsync(db, enterpriseId, source, Details(request, now), db.Scope.UserName, now, ct);
    }

    private static HiddenHazardDetails Details(RegisterRequest r, DateTimeOffset now) => new()
    {
        Title = r.Title ?? "",
        Description = r.Description ?? "",
        Location = r.Location ?? "",
        FoundAt = r.FoundAt ?? now,
        AlarmId = r.AlarmId,
    };

    /// <summary>Registers with the next number of the year (YH-2026-00001, counted over all enterprises; <see cref="RecordNumbers"/>).</summary>
    internal static Task<HiddenHazard> AddAsync(TianshanDb db, Guid enterpriseId, HiddenHazardOrigin source, HiddenHazardDetails details,
        string? by, DateTimeOffset now, CancellationToken ct, Action<HiddenHazard>? beforeSave = null) =>
        RecordNumbers.AddAsync(db, db.HiddenHazards.IgnoreQueryFilters().Select(h => h.Number), "YH", 5, now,
            number => HiddenHazard.Register(enterpriseId, number, source, details, by, now), ct, beforeSave);

    public static async Task<HiddenHazard> FindAsync(TianshanDb db, Guid id, CancellationToken ct) =>
        await db.HiddenHazards.Include(h => h.Enterprise).FirstOrDefaultAsync(h => h.Id == id, ct)
            ?? throw new NotFoundException("隐患不存在或不在您的管辖范围内");

    public static async Task AssessAsync(TianshanDb db, ClaimsPrincipal user, Guid id, AssessRequest request, TimeProvider time, CancellationToken ct)
    {
        RequireAny(user, Participants, "评估隐患");
        var hazard = await FindAsync(db, id, ct);
        if (request.Grade is not { } level || !Enum.IsDefined(level))
            throw new DomainValidationException("level", "请选择隐患等级（一般隐患或重大隐患）");
        hazard.Assess(level, request.Criteria, hazard.Enterprise!.Sector, request.Rectification ?? new FiveAssurances(), request.Plan,
            db.Scope.UserName, time.GetUtcNow());
        await db.SaveChangesAsync(ct);
    }

    public static async Task DismissAsync(TianshanDb db, ClaimsPrincipal user, Guid id, DismissRequest request, TimeProvider time, CancellationToken ct)
    {
        RequireAny(user, Supervisors, "对隐患作不予立案处理");
        var hazard = await FindAsync(db, id, ct);
        hazard.Dismiss(request.Reason ?? "", db.Scope.UserName, time.GetUtcNow());
        await db.SaveChangesAsync(ct);
    }

    public static async Task SubmitAsync(TianshanDb db, ClaimsPrincipal user, Guid id, NoteRequest request, TimeProvider time, CancellationToken ct)
    {
        RequireAny(user, Participants, "提交整改");
        var hazard = await FindAsync(db, id, ct);
        var evidence = await db.HiddenHazardEvidence.CountAsync(e => e.HiddenHazardId == id && e.Stage == EvidenceStage.Rectification, ct);
        hazard.SubmitRectification(request.Note, evidence, db.Scope.UserName, time.GetUtcNow());
        await db.SaveChangesAsync(ct);
    }

    public static async Task VerifyAsync(TianshanDb db, ClaimsPrincipal user, Guid id, VerifyRequest request, TimeProvider time, CancellationToken ct)
    {
        RequireAny(user, Participants, "验收隐患");
        var hazard = await FindAsync(db, id, ct);
        // A hazard under listed supervision is verified and struck off by the supervising side, not the enterprise.
        if (hazard.ListedAt is not null && !user.IsInRole(Roles.Bureau) && !user.IsInRole(Roles.Department) && !user.IsInRole(Roles.Inspector))
            throw new ForbiddenException("挂牌督办的重大隐患须由督办部门验收销号");
        hazard.Verify(request.Passed, request.Note, db.Scope.UserName, time.GetUtcNow());
        await db.SaveChangesAsync(ct);
    }

    public static async Task ExtendAsync(TianshanDb db, ClaimsPrincipal user, Guid id, ExtendRequest request, TimeProvider time, CancellationToken ct)
    {
        RequireAny(user, Participants, "申请延期");
        var hazard = await FindAsync(db, id, ct);
        if (request.Deadline is not { } deadline)
            throw new DomainValidationException("deadline", "请填写新的整改期限");
        hazard.ExtendDeadline(deadline, request.Reason ?? "", db.Scope.UserName, time.GetUtcNow());
        await db.SaveChangesAsync(ct);
    }

    public static async Task ListAsync(TianshanDb db, ClaimsPrincipal user, Guid id, ListRequest request, TimeProvider time, CancellationToken ct)
    {
        RequireAny(user, [Roles.Bureau, Roles.Department], "挂牌督办");
        var hazard = await FindAsync(db, id, ct);
        hazard.ListForSupervision(request.Notice ?? "", request.Authority ?? "", db.Scope.UserName, time.GetUtcNow());
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Image and document types taken as evidence.</summary>
    private static readonly HashSet<string> EvidenceTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "image/jpeg", "image/png", "image/webp", "image/heic", "application/pdf",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    };

    public static async Task<HiddenHazardEvidence> AddEvidenceAsync(TianshanDb db, ClaimsPrincipal user, Guid id, string stage, string fileName,
        string contentType, Stream content, TimeProvider time, CancellationToken ct)
    {
        RequireAny(user, Participants, "上传隐患材料");
        var hazard = await FindAsync(db, id, ct);
        if (stage is not (EvidenceStage.Finding or EvidenceStage.Rectification))
            throw new DomainValidationException("stage", "材料类别只能是“发现”或“整改”");
        if (!hazard.IsOpen)
            throw new WorkflowException("隐患已销号或不予立案，不能再上传材料");
        if (!EvidenceTypes.Contains(contentType))
            throw new DomainValidationException("file", $"不支持的文件类型 {contentType}：请上传 JPG/PNG/WebP/HEIC 照片或 PDF、Word、Excel 文件");
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, ct);
        if (buffer.Length == 0)
            throw new DomainValidationException("file", "文件为空");
        if (buffer.Length > HiddenHazardEvidence.MaxBytes)
            throw new DomainValidationException("file", $"文件不能超过 {HiddenHazardEvidence.MaxBytes / 1024 / 1024} MB");
        var bytes = buffer.ToArray();
        var evidence = new HiddenHazardEvidence
        {
            HiddenHazardId = hazard.Id,
            Stage = stage,
            FileName = Path.GetFileName(fileName).Length > 200 ? Path.GetFileName(fileName)[..200] : Path.GetFileName(fileName),
            ContentType = contentType,
            Size = bytes.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)),
            Content = bytes,
            UploadedBy = db.Scope.UserName,
            UploadedAt = time.GetUtcNow(),
        };
        db.HiddenHazardEvidence.Add(evidence);
        await db.SaveChangesAsync(ct);
        return evidence;
    }

    private static void RequireAny(ClaimsPrincipal user, IEnumerable<string> roles, string action)
    {
        if (!roles.Any(user.IsInRole))
            throw new ForbiddenException($"您的角色不能{action}");
    }
}

/// <summary>What an evidence file proves.</summary>
public static class EvidenceStage
{
    /// <summary>发现: how the hazard looked when found.</summary>
    public const string Finding = "发现";
    /// <summary>整改: the rectification done.</summary>
    public const string Rectification = "整改";
}
