using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tianshan.Core.Data;
using Tianshan.Core.Platform;
using Tianshan.Core.Prevention;
using Tianshan.Web.Features.Platform;

namespace Tianshan.Web.Features.Prevention;

/// <summary>
/// Supervision by risk: the year's inspection plan generated from the enterprises' latest grades (every enterprise in the
/// planner's scope), its progress from the inspections recorded, and the inspection records themselves, whose findings
/// become hidden hazards in one step.
/// </summary>
public static class Inspections
{
    public static readonly string[] Planners = [Roles.Bureau, Roles.Department];

    public sealed record PlanLine(Guid EnterpriseId, string EnterpriseName, RiskLevel? Colour, string ColourLabel, IReadOnlyList<int> Months,
        int Planned, int Done, int DueByNow);

    public sealed record PlanView(int Year, int Enterprises, int Planned, int Done, int DueByNow, int EnterprisesInspected, double CoveragePercent,
        IReadOnlyList<PlanLine> Lines);

    public sealed record ResultRequest(int Number, CheckResult Result, string? Note);

    public sealed record RecordRequest(Guid? EnterpriseId, DateOnly? InspectedOn, string? Template, List<string>? Inspectors, bool Unannounced,
        Guid? DrawId, List<ResultRequest>? Results, string? EnterpriseSignatory, string? Summary);

    public sealed record InspectionView(Guid Id, string Number, Guid EnterpriseId, string EnterpriseName, DateOnly InspectedOn, string Template,
        string TemplateName, IReadOnlyList<string> Inspectors, bool Unannounced, Guid? DrawId, int Findings, string EnterpriseSignatory, string? Summary,
        string RecordedBy, IReadOnlyList<InspectionItem> Items, IReadOnlyList<AttachmentView> Attachments, IReadOnlyList<string> AwaitingSignature);

    /// <summary>A photo or signature without its bytes (fetched from <c>/api/inspections/{id}/attachments/{attachmentId}</c>).</summary>
    public sealed record AttachmentView(Guid Id, InspectionAttachmentKind Kind, string? Signatory, string FileName, string ContentType, long Size,
        string Sha256, string UploadedBy, DateTimeOffset UploadedAt);

    /// <summary>A signature drawn on a screen: the signer's name as on the record and the PNG, as a data URL or plain base64.</summary>
    public sealed record SignatureRequest(string? Signatory, string? Image);

    public static async Task<PlanView> GenerateAsync(TianshanDb db, ClaimsPrincipal user, int year, SupervisionFrequencyOptions frequency, TimeProvider time,
        CancellationToken ct)
    {
        if (!Planners.Any(user.IsInRole))
            throw new ForbiddenException("只有区应急管理局和行业监管部门可以编制年度监督检查计划");
        if (year < 2020 || year > 2100)
            throw new DomainValidationException("year", "年份无效");
        var enterprises = await db.Enterprises.AsNoTracking().Select(e => new { e.Id, e.Name }).ToListAsync(ct);
        var grades = (await db.EnterpriseRiskAssessments.AsNoTracking().Select(a => new { a.EnterpriseId, a.Grade, a.AssessedOn }).ToListAsync(ct))
            .GroupBy(a => a.EnterpriseId).ToDictionary(g => g.Key, g => g.MaxBy(a => a.AssessedOn)!.Grade);
        var plan = InspectionPlanner.Plan(enterprises.Select(e => (e.Id, e.Name, grades.TryGetValue(e.Id, out var g) ? g : (RiskLevel?)null)), frequency);
        // Regenerating replaces this year's lines for the enterprises in the planner's scope (a grade may have changed).
        var ids = enterprises.Select(e => e.Id).ToList();
        db.InspectionPlanItems.RemoveRange(await db.InspectionPlanItems.Where(i => i.Year == year && ids.Contains(i.EnterpriseId)).ToListAsync(ct));
        var now = time.GetUtcNow();
        db.InspectionPlanItems.AddRange(plan.Select(p => new InspectionPlanItem
        {
            Year = year, EnterpriseId = p.EnterpriseId, Colour = p.Colour, Months = [.. p.Months], PlannedAt = now, PlannedBy = db.Scope.UserName,
        }));
        await db.SaveChangesAsync(ct);
        return await PlanAsync(db, year, time, ct);
    }

    public static async Task<PlanView> PlanAsync(TianshanDb db, int year, TimeProvider time, CancellationToken ct)
    {
        var items = await db.InspectionPlanItems.AsNoTracking().Include(i => i.Enterprise).Where(i => i.Year == year).ToListAsync(ct);
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        var done = (await db.Inspections.AsNoTracking().Where(i => i.InspectedOn >= from && i.InspectedOn <= to).Select(i => i.EnterpriseId).ToListAsync(ct))
            .GroupBy(id => id).ToDictionary(g => g.Key, g => g.Count());
        var today = ChinaTime.Today(time);
        var monthNow = today.Year > year ? 12 : today.Year < year ? 0 : today.Month;
        var lines = items.Select(i => new PlanLine(i.EnterpriseId, i.Enterprise!.Name, i.Colour, i.Colour is { } c ? RiskLevels.Label(c) : "未评级", i.Months,
                i.Months.Count, done.GetValueOrDefault(i.EnterpriseId), i.Months.Count(m => m <= monthNow)))
            .OrderBy(l => l.Colour ?? RiskLevel.Yellow).ThenBy(l => l.EnterpriseName, StringComparer.Ordinal).ToList();
        var inspected = lines.Count(l => l.Done > 0);
        return new PlanView(year, lines.Count, lines.Sum(l => l.Planned), lines.Sum(l => Math.Min(l.Done, l.Planned)), lines.Sum(l => l.DueByNow), inspected,
            lines.Count == 0 ? 0 : Math.Round(100.0 * inspected / lines.Count, 1), lines);
    }

    public static async Task<Inspection> RecordAsync(TianshanDb db, ClaimsPrincipal user, RecordRequest request, TimeProvider time, CancellationToken ct)
    {
        if (!HiddenHazardActions.Supervisors.Any(user.IsInRole))
            throw new ForbiddenException("只有监管执法人员可以录入监督检查记录");
        if (request.EnterpriseId is not { } enterpriseId)
            throw new DomainValidationException("enterpriseId", "请选择被检查企业");
        var enterprise = await db.Enterprises.AsNoTracking().FirstOrDefaultAsync(e => e.Id == enterpriseId, ct)
            ?? throw new NotFoundException("企业不存在或不在您的管辖范围内");
        var template = InspectionChecklists.Find(request.Template) ?? InspectionChecklists.For(enterprise.Sector);
        if (request.DrawId is { } drawId && !await db.RandomDraws.AnyAsync(d => d.Id == drawId, ct))
            throw new DomainValidationException("drawId", "双随机抽查记录不存在");
        var now = time.GetUtcNow();
        var results = (request.Results ?? []).Select(r => (r.Number, r.Result, r.Note)).ToList();
        return await RecordNumbers.AddAsync(db, db.Inspections.IgnoreQueryFilters().Select(i => i.Number), "JC", 5, now,
            number => Inspection.Record(enterpriseId, number, request.InspectedOn ?? ChinaTime.Today(time), template, request.Inspectors ?? [],
                request.Unannounced, request.DrawId, results, request.EnterpriseSignatory ?? "", request.Summary, db.Scope.UserName, now), ct);
    }

    /// <summary>A finding becomes a hidden hazard of the inspected enterprise (origin 监督检查), linked both ways, in one commit.</summary>
    public static async Task<HiddenHazard> FindingToHazardAsync(TianshanDb db, ClaimsPrincipal user, Guid id, int item, TimeProvider time, CancellationToken ct)
    {
        if (!HiddenHazardActions.Supervisors.Any(user.IsInRole))
            throw new ForbiddenException("只有监管执法人员可以将检查问题转为隐患");
        var inspection = await db.Inspections.FirstOrDefaultAsync(i => i.Id == id, ct) ?? throw new NotFoundException("检查记录不存在或不在您的管辖范围内");
        var details = inspection.FindingAsHazard(item);
        var hazard = await HiddenHazardActions.AddAsync(db, inspection.EnterpriseId, HiddenHazardOrigin.Inspection, details, db.Scope.UserName,
            time.GetUtcNow(), ct, beforeSave: h => inspection.LinkHazard(item, h.Id));
        return hazard;
    }

    public static InspectionView View(Inspection i, string enterpriseName, IReadOnlyList<AttachmentView> attachments) => new(i.Id, i.Number,
        i.EnterpriseId, enterpriseName, i.InspectedOn, i.Template, InspectionChecklists.Find(i.Template)?.Name ?? i.Template, i.Inspectors, i.Unannounced,
        i.DrawId, i.Findings, i.EnterpriseSignatory, i.Summary, i.RecordedBy, i.Items.OrderBy(x => x.Number).ToList(), attachments,
        InspectionAttachment.AwaitingSignature(i, attachments.Select(a => a.Signatory)));

    /// <summary>The records with their photos and signatures (metadata only), newest first.</summary>
    public static async Task<List<InspectionView>> ListAsync(TianshanDb db, Guid? enterpriseId, Guid? id, int take, CancellationToken ct)
    {
        var records = await db.Inspections.AsNoTracking().Include(i => i.Enterprise)
            .Where(i => (enterpriseId == null || i.EnterpriseId == enterpriseId) && (id == null || i.Id == id))
            .OrderByDescending(i => i.InspectedOn).ThenByDescending(i => i.RecordedAt).Take(take).ToListAsync(ct);
        var ids = records.Select(i => i.Id).ToList();
        var attachments = (await db.InspectionAttachments.AsNoTracking().Where(a => ids.Contains(a.InspectionId)).OrderBy(a => a.UploadedAt)
                .Select(a => new { a.InspectionId, View = new AttachmentView(a.Id, a.Kind, a.Signatory, a.FileName, a.ContentType, a.Size, a.Sha256, a.UploadedBy, a.UploadedAt) })
                .ToListAsync(ct))
            .ToLookup(a => a.InspectionId, a => a.View);
        return records.Select(i => View(i, i.Enterprise!.Name, attachments[i.Id].ToList())).ToList();
    }

    public static async Task<InspectionAttachment> AddPhotoAsync(TianshanDb db, ClaimsPrincipal user, Guid id, string fileName, string contentType,
        Stream content, TimeProvider time, CancellationToken ct)
    {
        var inspection = await FindForAttachmentAsync(db, user, id, ct);
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, ct);
        var photo = InspectionAttachment.Photo(inspection, fileName, contentType, buffer.ToArray(), db.Scope.UserName, time.GetUtcNow());
        db.InspectionAttachments.Add(photo);
        await db.SaveChangesAsync(ct);
        return photo;
    }

    public static async Task<InspectionAttachment> SignAsync(TianshanDb db, ClaimsPrincipal user, Guid id, SignatureRequest request, TimeProvider time,
        CancellationToken ct)
    {
        var inspection = await FindForAttachmentAsync(db, user, id, ct);
        var image = request.Image?.Trim() ?? "";
        const string dataUrl = "data:image/png;base64,";
        if (image.StartsWith(dataUrl, StringComparison.OrdinalIgnoreCase))
            image = image[dataUrl.Length..];
        var png = new byte[image.Length * 3 / 4 + 3];
        if (!Convert.TryFromBase64String(image, png, out var length))
            throw new DomainValidationException("image", "签名须为手写签名的 PNG 图片");
        var signed = await db.InspectionAttachments.Where(a => a.InspectionId == id).Select(a => a.Signatory).ToListAsync(ct);
        var signature = InspectionAttachment.Signature(inspection, request.Signatory, png[..length], signed, db.Scope.UserName, time.GetUtcNow());
        db.InspectionAttachments.Add(signature);
        await db.SaveChangesAsync(ct);
        return signature;
    }

    /// <summary>Photos and signatures are taken on site by the supervising officers (the enterprise's representative signs on
    /// their device), so only supervisors attach; the enterprise sees them.</summary>
    private static async Task<Inspection> FindForAttachmentAsync(TianshanDb db, ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        if (!HiddenHazardActions.Supervisors.Any(user.IsInRole))
            throw new ForbiddenException("只有监管执法人员可以为检查记录添加照片和签名");
        return await db.Inspections.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct) ?? throw new NotFoundException("检查记录不存在或不在您的管辖范围内");
    }

    private static AttachmentView AttachmentOf(InspectionAttachment a) =>
        new(a.Id, a.Kind, a.Signatory, a.FileName, a.ContentType, a.Size, a.Sha256, a.UploadedBy, a.UploadedAt);

    public static void MapInspections(this IEndpointRouteBuilder app)
    {
        var plans = app.MapGroup("/api/inspection-plans").WithTags("Inspection plans").RequireAuthorization(p => p.RequireRole(HiddenHazardActions.Supervisors));
        plans.MapGet("/{year:int}", async (TianshanDb db, int year, TimeProvider time, CancellationToken ct) => await PlanAsync(db, year, time, ct));
        plans.MapPost("/{year:int}/generate", async (TianshanDb db, ClaimsPrincipal user, int year, IOptions<SupervisionFrequencyOptions> frequency,
            TimeProvider time, CancellationToken ct) => await GenerateAsync(db, user, year, frequency.Value, time, ct));

        var api = app.MapGroup("/api/inspections").WithTags("Inspections").RequireAuthorization(p => p.RequireRole(HiddenHazardActions.Participants));
        api.MapGet("/templates", () => InspectionChecklists.All);
        api.MapGet("/", async (TianshanDb db, Guid? enterpriseId, CancellationToken ct) => await ListAsync(db, enterpriseId, null, 500, ct));
        api.MapGet("/export", async (TianshanDb db, Guid? enterpriseId, TimeProvider time, CancellationToken ct) =>
        {
            var rows = await ListAsync(db, enterpriseId, null, int.MaxValue, ct);
            var book = Registry.RegistryWorkbooks.WriteTable("检查记录台账", ["检查编号", "企业", "检查日期", "检查表", "检查人员", "四不两直", "双随机抽查", "问题数", "企业签字人", "检查结论"],
                rows.Select(i => new object?[] { i.Number, i.EnterpriseName, i.InspectedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                    i.TemplateName, string.Join("、", i.Inspectors), Registry.RegistryWorkbooks.YesNo(i.Unannounced), Registry.RegistryWorkbooks.YesNo(i.DrawId is not null),
                    i.Findings, i.EnterpriseSignatory, i.Summary ?? "" }));
            return Results.File(book, Registry.RegistryWorkbooks.ContentType, Resources.LedgerActions.FileName("检查记录台账", time));
        });
        api.MapGet("/{id:guid}", async (TianshanDb db, Guid id, CancellationToken ct) =>
            (await ListAsync(db, null, id, 1, ct)).SingleOrDefault() ?? throw new NotFoundException("检查记录不存在或不在您的管辖范围内"));
        api.MapPost("/{id:guid}/photos", async (TianshanDb db, ClaimsPrincipal user, Guid id, IFormFileCollection files, TimeProvider time, CancellationToken ct) =>
        {
            if (files.Count == 0)
                throw new DomainValidationException("file", "请选择要上传的照片");
            var added = new List<AttachmentView>();
            foreach (var file in files)
            {
                await using var stream = file.OpenReadStream();
                added.Add(AttachmentOf(await AddPhotoAsync(db, user, id, file.FileName, file.ContentType, stream, time, ct)));
            }
            return Results.Ok(added);
        }).DisableAntiforgery();
        api.MapPost("/{id:guid}/signatures", async (TianshanDb db, ClaimsPrincipal user, Guid id, SignatureRequest request, TimeProvider time, CancellationToken ct) =>
            Results.Ok(AttachmentOf(await SignAsync(db, user, id, request, time, ct))));
        api.MapGet("/{id:guid}/attachments/{attachmentId:guid}", async (TianshanDb db, Guid id, Guid attachmentId, CancellationToken ct) =>
        {
            var a = await db.InspectionAttachments.AsNoTracking().FirstOrDefaultAsync(x => x.Id == attachmentId && x.InspectionId == id, ct)
                ?? throw new NotFoundException("照片或签名不存在或不在您的管辖范围内");
            return Results.File(a.Content, a.ContentType, a.FileName);
        });
        api.MapPost("/", async (TianshanDb db, ClaimsPrincipal user, RecordRequest request, TimeProvider time, CancellationToken ct) =>
        {
            var inspection = await RecordAsync(db, user, request, time, ct);
            return Results.Created($"/api/inspections/{inspection.Id}", new { inspection.Id, inspection.Number, inspection.Findings });
        });
        api.MapPost("/{id:guid}/items/{item:int}/hazard", async (TianshanDb db, ClaimsPrincipal user, Guid id, int item, TimeProvider time, CancellationToken ct) =>
        {
            var hazard = await FindingToHazardAsync(db, user, id, item, time, ct);
            return Results.Created($"/api/hazards/{hazard.Id}", new { hazard.Id, hazard.Number });
        });
    }
}
