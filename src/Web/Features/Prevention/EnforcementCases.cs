using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Tianshan.Core.Data;
using Tianshan.Core.Platform;
using Tianshan.Core.Prevention;
using Tianshan.Web.Features.Platform;

namespace Tianshan.Web.Features.Prevention;

/// <summary>A case as lists show it.</summary>
public sealed record CaseView(Guid Id, string Number, Guid EnterpriseId, string EnterpriseName, string Title, CaseStage Stage, string StageLabel,
    string FiledBy, DateTimeOffset FiledAt, string? Penalty, DateTimeOffset? DecidedAt, DateTimeOffset? ClosedAt)
{
    public static CaseView Of(EnforcementCase c) => new(c.Id, c.Number, c.EnterpriseId, c.Enterprise!.Name, c.Title, c.Stage, CaseLabels.Label(c.Stage),
        c.FiledBy, c.FiledAt, c.Decision?.Penalty is { } p ? CaseLabels.Penalty(p, c.Decision.FineAmount) : null, c.DecidedAt, c.ClosedAt);
}

/// <summary>One case in full: the record, its decision and execution, the timeline and the documents (without the bytes).</summary>
public sealed record CaseDetail(CaseView Summary, string Facts, Guid? HiddenHazardId, Guid? InspectionId, string? Findings, string? InvestigatedBy,
    string? ReviewedBy, string? ReviewOpinion, CaseDecision? Decision, string? DecidedBy, string? ExecutionNote, decimal? AmountPaid,
    DateTimeOffset? ExecutedOn, string? ExecutedBy, IReadOnlyList<CaseEvent> Timeline, IReadOnlyList<CaseDocumentView> Documents);

public sealed record CaseDocumentView(Guid Id, CaseStage Stage, string Kind, string FileName, string ContentType, long Size, string Sha256,
    string UploadedBy, DateTimeOffset UploadedAt);

/// <summary>行政执法公示 (行政处罚法 第四十八条: 具有一定社会影响的行政处罚决定应当依法公开): what the public sees of a decided case, and nothing more.</summary>
public sealed record PublicCaseView(string EnterpriseName, string Number, string LegalBasis, string Penalty, DateTimeOffset DecidedAt);

/// <summary>
/// The enforcement-case workflow as the API and the pages both run it: loads the case through the scoped context (an enterprise
/// reaches only its own and can take no step), checks the caller's role for the step, lets <see cref="EnforcementCase"/> apply its
/// rules, and saves (audited in the same SaveChanges).
/// </summary>
public static class EnforcementCaseActions
{
    /// <summary>Who reads cases: the supervising side in its scope, and an enterprise its own.</summary>
    public static readonly string[] Readers = [Roles.Bureau, Roles.Department, Roles.Street, Roles.Inspector, Roles.Enterprise];

    /// <summary>执法人员 and the bureau file, investigate, execute and close (行政处罚法 第四十二条: 执法人员不得少于两人, 具有执法资格).</summary>
    public static readonly string[] Handlers = [Roles.Bureau, Roles.Inspector];

    /// <summary>法制审核 and the decision belong to the bureau (第五十七条 行政机关负责人决定; 第五十八条 法制审核机构).</summary>
    public static readonly string[] Bureau = [Roles.Bureau];

    public sealed record Filter(CaseStage? Stage = null, Guid? EnterpriseId = null, string? Q = null);

    public sealed record FileRequest(Guid? EnterpriseId, string? Title, string? Facts, Guid? HiddenHazardId, Guid? InspectionId);

    public sealed record InvestigateRequest(string? Findings);

    public sealed record ReviewRequest(bool Passed, string? Opinion);

    public sealed record DecideRequest(string? LegalBasis, PenaltyKind? Penalty, decimal? FineAmount, string? DocumentNumber);

    public sealed record ExecuteRequest(string? Note, decimal? AmountPaid, DateTimeOffset? ExecutedOn);

    public sealed record CloseRequest(string? Note);

    public static async Task<List<CaseView>> ListAsync(TianshanDb db, Filter f, CancellationToken ct)
    {
        var query = db.EnforcementCases.AsNoTracking().Include(c => c.Enterprise).AsQueryable();
        if (f.Stage is { } stage)
            query = query.Where(c => c.Stage == stage);
        if (f.EnterpriseId is { } enterprise)
            query = query.Where(c => c.EnterpriseId == enterprise);
        if (!string.IsNullOrWhiteSpace(f.Q))
        {
            var q = f.Q.Trim();
            query = query.Where(c => c.Title.Contains(q) || c.Number.Contains(q) || c.Enterprise!.Name.Contains(q));
        }
        return (await query.ToListAsync(ct)).OrderByDescending(c => c.FiledAt).Select(CaseView.Of).ToList();
    }

    public static async Task<CaseDetail> DetailAsync(TianshanDb db, Guid id, CancellationToken ct)
    {
        var c = await db.EnforcementCases.AsNoTracking().Include(x => x.Enterprise).FirstOrDefaultAsync(x => x.Id == id, ct)
            ?? throw new NotFoundException("案件不存在或不在您的管辖范围内");
        var documents = await db.EnforcementCaseDocuments.AsNoTracking().Where(d => d.EnforcementCaseId == id).OrderBy(d => d.UploadedAt)
            .Select(d => new CaseDocumentView(d.Id, d.Stage, d.Kind, d.FileName, d.ContentType, d.Size, d.Sha256, d.UploadedBy, d.UploadedAt))
            .ToListAsync(ct);
        return new CaseDetail(CaseView.Of(c), c.Facts, c.HiddenHazardId, c.InspectionId, c.Findings, c.InvestigatedBy, c.ReviewedBy, c.ReviewOpinion,
            c.Decision, c.DecidedBy, c.ExecutionNote, c.AmountPaid, c.ExecutedOn, c.ExecutedBy, c.Events.OrderBy(e => e.At).ToList(), documents);
    }

    /// <summary>The public list: decided cases of any scope, newest decision first, with only what the notice states.</summary>
    public static async Task<List<PublicCaseView>> PublicAsync(TianshanDb db, CancellationToken ct)
    {
        var rows = await db.EnforcementCases.IgnoreQueryFilters().AsNoTracking().Where(c => c.DecidedAt != null)
            .Select(c => new { EnterpriseName = c.Enterprise!.Name, c.Number, c.Decision!.LegalBasis, c.Decision.Penalty, c.Decision.FineAmount, c.DecidedAt })
            .ToListAsync(ct);
        return rows.OrderByDescending(r => r.DecidedAt)
            .Select(r => new PublicCaseView(r.EnterpriseName, r.Number, r.LegalBasis, CaseLabels.Penalty(r.Penalty!.Value, r.FineAmount), r.DecidedAt!.Value))
            .ToList();
    }

    /// <summary>Files a case with the next number of the year (AJ-2026-00001; <see cref="RecordNumbers"/>).</summary>
    public static async Task<EnforcementCase> FileAsync(TianshanDb db, ClaimsPrincipal user, FileRequest request, TimeProvider time, CancellationToken ct)
    {
        RequireAny(user, Handlers, "立案");
        var enterpriseId = request.EnterpriseId ?? throw new DomainValidationException("enterpriseId", "请选择当事企业");
        if (!await db.Enterprises.AnyAsync(e => e.Id == enterpriseId, ct))
            throw new NotFoundException("企业不存在或不在您的管辖范围内");
        if (request.HiddenHazardId is { } hazardId && !await db.HiddenHazards.AnyAsync(h => h.Id == hazardId && h.EnterpriseId == enterpriseId, ct))
            throw new DomainValidationException("hiddenHazardId", "关联的隐患不存在或不属于该企业");
        var now = time.GetUtcNow();
        return await RecordNumbers.AddAsync(db, db.EnforcementCases.IgnoreQueryFilters().Select(c => c.Number), "AJ", 5, now,
            number => EnforcementCase.File(enterpriseId, number, request.Title ?? "", request.Facts ?? "", request.HiddenHazardId, request.InspectionId,
                db.Scope.UserName, now), ct);
    }

    public static async Task<EnforcementCase> FindAsync(TianshanDb db, Guid id, CancellationToken ct) =>
        await db.EnforcementCases.Include(c => c.Enterprise).FirstOrDefaultAsync(c => c.Id == id, ct)
            ?? throw new NotFoundException("案件不存在或不在您的管辖范围内");

    public static Task InvestigateAsync(TianshanDb db, ClaimsPrincipal user, Guid id, InvestigateRequest r, TimeProvider time, CancellationToken ct) =>
        StepAsync(db, user, id, Handlers, "调查取证", (c, by, now) => c.Investigate(r.Findings ?? "", by, now), time, ct);

    public static Task ReviewAsync(TianshanDb db, ClaimsPrincipal user, Guid id, ReviewRequest r, TimeProvider time, CancellationToken ct) =>
        StepAsync(db, user, id, Bureau, "法制审核", (c, by, now) => c.Review(r.Passed, r.Opinion, by, now), time, ct);

    public static Task DecideAsync(TianshanDb db, ClaimsPrincipal user, Guid id, DecideRequest r, TimeProvider time, CancellationToken ct) =>
        StepAsync(db, user, id, Bureau, "作出处罚决定", (c, by, now) => c.Decide(new CaseDecision
        {
            LegalBasis = r.LegalBasis ?? "", Penalty = r.Penalty, FineAmount = r.FineAmount, DocumentNumber = r.DocumentNumber ?? "",
        }, by, now), time, ct);

    public static Task ExecuteAsync(TianshanDb db, ClaimsPrincipal user, Guid id, ExecuteRequest r, TimeProvider time, CancellationToken ct) =>
        StepAsync(db, user, id, Handlers, "记录执行", (c, by, now) => c.Execute(r.Note ?? "", r.AmountPaid, r.ExecutedOn ?? now, by, now), time, ct);

    public static Task CloseAsync(TianshanDb db, ClaimsPrincipal user, Guid id, CloseRequest r, TimeProvider time, CancellationToken ct) =>
        StepAsync(db, user, id, Handlers, "结案", (c, by, now) => c.Close(r.Note, by, now), time, ct);

    private static async Task StepAsync(TianshanDb db, ClaimsPrincipal user, Guid id, string[] roles, string action,
        Action<EnforcementCase, string, DateTimeOffset> step, TimeProvider time, CancellationToken ct)
    {
        var c = await FindAsync(db, id, ct);
        RequireAny(user, roles, action);
        step(c, db.Scope.UserName, time.GetUtcNow());
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Document types taken: scans and photos, PDF, Word, Excel.</summary>
    private static readonly HashSet<string> DocumentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "image/jpeg", "image/png", "image/webp", "image/heic", "application/pdf",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    };

    /// <summary>What a document is, as 执法文书 name them.</summary>
    public static readonly string[] DocumentKinds = ["笔录", "证据", "审核意见", "决定书", "送达回证", "缴款凭证", "其他"];

    public static async Task<EnforcementCaseDocument> AddDocumentAsync(TianshanDb db, ClaimsPrincipal user, Guid id, string kind, string fileName,
        string contentType, Stream content, TimeProvider time, CancellationToken ct)
    {
        var c = await FindAsync(db, id, ct);
        RequireAny(user, Handlers, "上传案件材料");
        if (!DocumentKinds.Contains(kind))
            throw new DomainValidationException("kind", $"材料类别只能是：{string.Join("、", DocumentKinds)}");
        if (c.Stage == CaseStage.Closed)
            throw new WorkflowException("案件已结案，不能再上传材料");
        if (!DocumentTypes.Contains(contentType))
            throw new DomainValidationException("file", $"不支持的文件类型 {contentType}：请上传 JPG/PNG/WebP/HEIC 照片或 PDF、Word、Excel 文件");
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, ct);
        if (buffer.Length == 0)
            throw new DomainValidationException("file", "文件为空");
        if (buffer.Length > EnforcementCaseDocument.MaxBytes)
            throw new DomainValidationException("file", $"文件不能超过 {EnforcementCaseDocument.MaxBytes / 1024 / 1024} MB");
        var bytes = buffer.ToArray();
        var name = Path.GetFileName(fileName);
        var document = new EnforcementCaseDocument
        {
            EnforcementCaseId = c.Id,
            Stage = c.Stage,
            Kind = kind,
            FileName = name.Length > 200 ? name[..200] : name,
            ContentType = contentType,
            Size = bytes.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)),
            Content = bytes,
            UploadedBy = db.Scope.UserName,
            UploadedAt = time.GetUtcNow(),
        };
        db.EnforcementCaseDocuments.Add(document);
        await db.SaveChangesAsync(ct);
        return document;
    }

    private static void RequireAny(ClaimsPrincipal user, IEnumerable<string> roles, string action)
    {
        if (!roles.Any(user.IsInRole))
            throw new ForbiddenException($"您的角色不能{action}");
    }
}

internal static class EnforcementCaseEndpoints
{
    public static void MapEnforcementCases(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/cases").WithTags("Enforcement cases").RequireAuthorization(p => p.RequireRole(EnforcementCaseActions.Readers));

        api.MapGet("/", (TianshanDb db, [AsParameters] EnforcementCaseActions.Filter filter, CancellationToken ct) =>
            EnforcementCaseActions.ListAsync(db, filter, ct));
        api.MapGet("/export", async (TianshanDb db, [AsParameters] EnforcementCaseActions.Filter filter, TimeProvider time, CancellationToken ct) =>
        {
            static string Time(DateTimeOffset? at) => at is { } v ? ChinaTime.ToChina(v).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) : "";
            var rows = await EnforcementCaseActions.ListAsync(db, filter, ct);
            var book = Registry.RegistryWorkbooks.WriteTable("执法案件台账", ["案件编号", "企业", "案由", "阶段", "立案人", "立案时间", "处罚", "决定时间", "结案时间"],
                rows.Select(c => new object?[] { c.Number, c.EnterpriseName, c.Title, c.StageLabel, c.FiledBy, Time(c.FiledAt), c.Penalty ?? "", Time(c.DecidedAt), Time(c.ClosedAt) }));
            return Results.File(book, Registry.RegistryWorkbooks.ContentType, Resources.LedgerActions.FileName("执法案件台账", time));
        });
        api.MapGet("/{id:guid}", (TianshanDb db, Guid id, CancellationToken ct) => EnforcementCaseActions.DetailAsync(db, id, ct));

        api.MapPost("/", async (TianshanDb db, ClaimsPrincipal user, EnforcementCaseActions.FileRequest request, TimeProvider time, CancellationToken ct) =>
        {
            var c = await EnforcementCaseActions.FileAsync(db, user, request, time, ct);
            return Results.Created($"/api/cases/{c.Id}", new { c.Id, c.Number, c.Stage });
        });
        api.MapPost("/{id:guid}/investigate", async (TianshanDb db, ClaimsPrincipal user, Guid id, EnforcementCaseActions.InvestigateRequest request, TimeProvider time, CancellationToken ct) =>
        {
            await EnforcementCaseActions.InvestigateAsync(db, user, id, request, time, ct);
            return Results.NoContent();
        });
        api.MapPost("/{id:guid}/review", async (TianshanDb db, ClaimsPrincipal user, Guid id, EnforcementCaseActions.ReviewRequest request, TimeProvider time, CancellationToken ct) =>
        {
            await EnforcementCaseActions.ReviewAsync(db, user, id, request, time, ct);
            return Results.NoContent();
        });
        api.MapPost("/{id:guid}/decide", async (TianshanDb db, ClaimsPrincipal user, Guid id, EnforcementCaseActions.DecideRequest request, TimeProvider time, CancellationToken ct) =>
        {
            await EnforcementCaseActions.DecideAsync(db, user, id, request, time, ct);
            return Results.NoContent();
        });
        api.MapPost("/{id:guid}/execute", async (TianshanDb db, ClaimsPrincipal user, Guid id, EnforcementCaseActions.ExecuteRequest request, TimeProvider time, CancellationToken ct) =>
        {
            await EnforcementCaseActions.ExecuteAsync(db, user, id, request, time, ct);
            return Results.NoContent();
        });
        api.MapPost("/{id:guid}/close", async (TianshanDb db, ClaimsPrincipal user, Guid id, EnforcementCaseActions.CloseRequest? request, TimeProvider time, CancellationToken ct) =>
        {
            await EnforcementCaseActions.CloseAsync(db, user, id, request ?? new(null), time, ct);
            return Results.NoContent();
        });

        api.MapPost("/{id:guid}/documents", async (TianshanDb db, ClaimsPrincipal user, Guid id, string? kind, IFormFileCollection files, TimeProvider time, CancellationToken ct) =>
        {
            if (files.Count == 0)
                throw new DomainValidationException("file", "请选择要上传的文件");
            var added = new List<CaseDocumentView>();
            foreach (var file in files)
            {
                await using var stream = file.OpenReadStream();
                var d = await EnforcementCaseActions.AddDocumentAsync(db, user, id, kind ?? "其他", file.FileName, file.ContentType, stream, time, ct);
                added.Add(new CaseDocumentView(d.Id, d.Stage, d.Kind, d.FileName, d.ContentType, d.Size, d.Sha256, d.UploadedBy, d.UploadedAt));
            }
            return Results.Ok(added);
        }).DisableAntiforgery();

        api.MapGet("/{id:guid}/documents/{documentId:guid}", async (TianshanDb db, Guid id, Guid documentId, CancellationToken ct) =>
        {
            var d = await db.EnforcementCaseDocuments.AsNoTracking().FirstOrDefaultAsync(x => x.Id == documentId && x.EnforcementCaseId == id, ct)
                ?? throw new NotFoundException("材料不存在或不在您的管辖范围内");
            return Results.File(d.Content, d.ContentType, d.FileName);
        });

        app.MapGet("/api/public/enforcement", (TianshanDb db, CancellationToken ct) => EnforcementCaseActions.PublicAsync(db, ct))
            .WithTags("Public").AllowAnonymous();
    }
}
