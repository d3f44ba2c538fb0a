using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Tianshan.Core.Data;
using Tianshan.Core.Incidents;
using Tianshan.Core.Platform;
using Tianshan.Core.Prevention;

namespace Tianshan.Web.Features.Prevention;

/// <summary>Each enterprise's safety credit from its record (<see cref="SafetyCredit"/>), and the blacklist with its public list.</summary>
public static class Credit
{
    public sealed record CreditView(Guid EnterpriseId, string EnterpriseName, string CreditCode, CreditInputs Inputs, CreditResult Result);

    public sealed record BlacklistRequest(Guid? EnterpriseId, string? Reason, DateOnly? ListedOn, DateOnly? Until);

    public sealed record RemoveRequest(string? Reason);


    public static async Task<List<CreditView>> ListAsync(TianshanDb db, TimeProvider time, CancellationToken ct, Guid? enterpriseId = null)
    {
        var now = time.GetUtcNow();
        var today = ChinaTime.Today(time);
        var enterprises = await db.Enterprises.AsNoTracking().Where(e => enterpriseId == null || e.Id == enterpriseId)
            .Select(e => new { e.Id, e.Name, e.CreditCode }).ToListAsync(ct);
        var hazards = await db.HiddenHazards.AsNoTracking()
            .Where(h => h.Status == HiddenHazardStatus.Rectifying || h.Status == HiddenHazardStatus.AwaitingVerification || h.Status == HiddenHazardStatus.Registered)
            .Select(h => new { h.EnterpriseId, h.Status, h.Grade, h.Deadline, h.SubmittedAt, h.ListedAt }).ToListAsync(ct);
        // 近两年行政处罚: a case counts from its decision, whether or not it has been executed or closed since.
        var penaltiesSince = now.AddYears(-2);
        var penalties = (await db.EnforcementCases.AsNoTracking()
            .Where(c => c.DecidedAt != null && c.DecidedAt >= penaltiesSince && c.Decision!.Penalty != null)
            .Select(c => c.EnterpriseId).ToListAsync(ct)).CountBy(id => id).ToDictionary();
        // 近三年生产安全事故: production accidents (事故灾难) recorded against the enterprise, counted from when they happened.
        var accidentsSince = now.AddYears(-3);
        var accidents = (await db.Incidents.AsNoTracking()
            .Where(i => i.Category == IncidentCategory.Accident && i.EnterpriseId != null && i.OccurredAt >= accidentsSince)
            .Select(i => i.EnterpriseId!.Value).ToListAsync(ct)).CountBy(id => id).ToDictionary();
        var blacklisted = (await db.Blacklist.AsNoTracking().ToListAsync(ct)).Where(b => b.IsActive(today)).Select(b => b.EnterpriseId).ToHashSet();
        var byEnterprise = hazards.ToLookup(h => h.EnterpriseId);
        return enterprises.Select(e =>
        {
            var own = byEnterprise[e.Id].ToList();
            var inputs = new CreditInputs(
                own.Count(h => h.Deadline < now && (h.Status == HiddenHazardStatus.Rectifying || (h.Status == HiddenHazardStatus.AwaitingVerification && h.SubmittedAt > h.Deadline))),
                own.Count(h => h.Grade == HiddenHazardGrade.Major),
                own.Count(h => h.ListedAt != null),
                Penalties: penalties.GetValueOrDefault(e.Id),
                Accidents: accidents.GetValueOrDefault(e.Id),
                blacklisted.Contains(e.Id));
            return new CreditView(e.Id, e.Name, e.CreditCode, inputs, SafetyCredit.Score(inputs));
        }).OrderByDescending(c => c.Result.Grade).ThenBy(c => c.Result.Score).ThenBy(c => c.EnterpriseName, StringComparer.Ordinal).ToList();
    }

    public static async Task<BlacklistEntry> AddAsync(TianshanDb db, ClaimsPrincipal user, BlacklistRequest request, TimeProvider time, CancellationToken ct)
    {
        if (!user.IsInRole(Roles.Bureau))
            throw new ForbiddenException("只有区应急管理局可以将企业列入失信名单");
        if (request.EnterpriseId is not { } enterpriseId || !await db.Enterprises.AnyAsync(e => e.Id == enterpriseId, ct))
            throw new DomainValidationException("enterpriseId", "请选择企业");
        var today = ChinaTime.Today(time);
        if ((await db.Blacklist.Where(b => b.EnterpriseId == enterpriseId).ToListAsync(ct)).Any(b => b.IsActive(today)))
            throw new WorkflowException("该企业已在失信名单中");
        var entry = BlacklistEntry.List(enterpriseId, request.Reason ?? "", request.ListedOn ?? today, request.Until, db.Scope.UserName);
        db.Blacklist.Add(entry);
        await db.SaveChangesAsync(ct);
        return entry;
    }

    public static async Task RemoveAsync(TianshanDb db, ClaimsPrincipal user, Guid id, RemoveRequest request, TimeProvider time, CancellationToken ct)
    {
        if (!user.IsInRole(Roles.Bureau))
            throw new ForbiddenException("只有区应急管理局可以将企业移出失信名单");
        var entry = await db.Blacklist.FirstOrDefaultAsync(b => b.Id == id, ct) ?? throw new NotFoundException("失信名单记录不存在");
        entry.Remove(request.Reason ?? "", ChinaTime.Today(time), db.Scope.UserName);
        await db.SaveChangesAsync(ct);
    }

    private static string Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "";

    public static void MapCredit(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/credit").WithTags("Safety credit").RequireAuthorization(p => p.RequireRole(HiddenHazardActions.Participants));
        api.MapGet("/", async (TianshanDb db, TimeProvider time, CancellationToken ct) => await ListAsync(db, time, ct));
        api.MapGet("/{enterpriseId:guid}", async (TianshanDb db, Guid enterpriseId, TimeProvider time, CancellationToken ct) =>
            (await ListAsync(db, time, ct, enterpriseId)).SingleOrDefault() ?? throw new NotFoundException("企业不存在或不在您的管辖范围内"));

        api.MapGet("/export", async (TianshanDb db, TimeProvider time, CancellationToken ct) =>
            Results.File(Registry.RegistryWorkbooks.WriteTable("安全生产信用评价",
                ["企业", "统一社会信用代码", "信用分", "信用等级", "逾期隐患", "未销号重大隐患", "挂牌督办隐患", "近两年行政处罚", "近三年生产安全事故", "列入失信名单", "扣分事项"],
                (await ListAsync(db, time, ct)).OrderBy(c => c.Result.Score).Select(c => new object?[]
                {
                    c.EnterpriseName, c.CreditCode, c.Result.Score, c.Result.GradeLabel, c.Inputs.OverdueHazards, c.Inputs.OpenMajorHazards, c.Inputs.ListedHazards,
                    c.Inputs.Penalties, c.Inputs.Accidents, c.Inputs.Blacklisted ? "是" : "否", string.Join("；", c.Result.Deductions),
                })), Registry.RegistryWorkbooks.ContentType, Resources.LedgerActions.FileName("安全生产信用评价", time)));

        var blacklist = app.MapGroup("/api/blacklist").WithTags("Blacklist").RequireAuthorization(p => p.RequireRole(HiddenHazardActions.Participants));
        blacklist.MapGet("/", async (TianshanDb db, CancellationToken ct) =>
            await db.Blacklist.AsNoTracking().Include(b => b.Enterprise).OrderByDescending(b => b.ListedOn)
                .Select(b => new { b.Id, b.EnterpriseId, EnterpriseName = b.Enterprise!.Name, b.Reason, b.ListedOn, b.Until, b.ListedBy, b.RemovedOn, b.RemovalReason })
                .ToListAsync(ct));
        blacklist.MapGet("/export", async (TianshanDb db, TimeProvider time, CancellationToken ct) =>
        {
            var today = ChinaTime.Today(time);
            var entries = await db.Blacklist.AsNoTracking().Include(b => b.Enterprise).OrderByDescending(b => b.ListedOn).ToListAsync(ct);
            return Results.File(Registry.RegistryWorkbooks.WriteTable("失信惩戒名单",
                ["企业", "统一社会信用代码", "列入原因", "列入日期", "期限至", "列入人", "状态", "移出日期", "移出原因"],
                entries.Select(b => new object?[]
                {
                    b.Enterprise!.Name, b.Enterprise.CreditCode, b.Reason, Day(b.ListedOn), Day(b.Until), b.ListedBy, b.IsActive(today) ? "在列" : "已移出或期满",
                    Day(b.RemovedOn), b.RemovalReason ?? "",
                })), Registry.RegistryWorkbooks.ContentType, Resources.LedgerActions.FileName("失信惩戒名单", time));
        });
        blacklist.MapPost("/", async (TianshanDb db, ClaimsPrincipal user, BlacklistRequest request, TimeProvider time, CancellationToken ct) =>
        {
            var entry = await AddAsync(db, user, request, time, ct);
            return Results.Created($"/api/blacklist/{entry.Id}", new { entry.Id });
        });
        blacklist.MapPost("/{id:guid}/remove", async (TianshanDb db, ClaimsPrincipal user, Guid id, RemoveRequest request, TimeProvider time, CancellationToken ct) =>
        {
            await RemoveAsync(db, user, id, request, time, ct);
            return Results.NoContent();
        });

        // The public list (失信惩戒名单公示): who, why, from when to when — while listed.
        app.MapGet("/api/public/blacklist", async (TianshanDb db, TimeProvider time, CancellationToken ct) =>
            {
                var today = ChinaTime.Today(time);
                var entries = await db.Blacklist.IgnoreQueryFilters().AsNoTracking().Include(b => b.Enterprise).ToListAsync(ct);
                return entries.Where(b => b.IsActive(today)).OrderByDescending(b => b.ListedOn)
                    .Select(b => new { EnterpriseName = b.Enterprise!.Name, b.Enterprise.CreditCode, b.Reason, b.ListedOn, b.Until }).ToList();
            })
            .WithTags("Public").AllowAnonymous();
    }
}
