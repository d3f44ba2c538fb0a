using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Tianshan.Core.Data;
using Tianshan.Core.Platform;
using Tianshan.Core.Prevention;
using Tianshan.Web.Features.Platform;
using Tianshan.Core.Registry;

namespace Tianshan.Web.Features.Prevention;

/// <summary>
/// 双随机一公开 as the bureau runs it: the candidate list is the enterprises in the drawer's scope (filtered by sector and
/// street), the roster is the active inspectors, with their declared conflicts and each enterprise's last team. The draw
/// records all of it beside its seed and picks, so a replay reproduces it from the record alone; publishing puts it on
/// the public page.
/// </summary>
public static class RandomDraws
{
    public static readonly string[] Drawers = [Roles.Bureau, Roles.Department];

    public sealed record DrawRequest(string? Title, Sector? Sector, string? DivisionCode, int? Count, decimal? Ratio, int? InspectorsPerTarget, string? Seed);

    public sealed record DrawView(Guid Id, string Number, string Title, string ScopeDescription, string Seed, int Candidates, int Inspectors,
        int Conflicts, DateTimeOffset DrawnAt, string DrawnBy, DateTimeOffset? PublishedAt, IReadOnlyList<DrawPick> Picks);

    public sealed record ReplayView(bool Identical, string Seed, IReadOnlyList<DrawPick> Recorded, IReadOnlyList<DrawPick> Replayed);

    public static async Task<DrawView> DrawAsync(TianshanDb db, ClaimsPrincipal user, DrawRequest request, TimeProvider time, CancellationToken ct)
    {
        if (!Drawers.Any(user.IsInRole))
            throw new ForbiddenException("只有区应急管理局和行业监管部门可以组织双随机抽查");
        if (string.IsNullOrWhiteSpace(request.Title))
            throw new DomainValidationException("title", "请填写抽查任务名称");
        ulong seed;
        if (string.IsNullOrWhiteSpace(request.Seed))
            seed = BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(8));
        else if (!ulong.TryParse(request.Seed.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out seed))
            throw new DomainValidationException("seed", "随机种子须为 0–18446744073709551615 之间的整数");

        // The candidate list (检查对象名录库): enterprises in the drawer's scope, narrowed by sector and street.
        var enterprises = db.Enterprises.AsNoTracking().AsQueryable();
        var scope = new List<string>();
        if (request.Sector is { } sector)
        {
            enterprises = enterprises.Where(e => e.Sector == sector);
            scope.Add(SectorSet.Label(sector));
        }
        if (!string.IsNullOrWhiteSpace(request.DivisionCode))
        {
            var division = await db.Divisions.AsNoTracking().FirstOrDefaultAsync(d => d.Code == request.DivisionCode, ct)
                ?? throw new DomainValidationException("divisionCode", "街道或社区不存在");
            enterprises = enterprises.Where(e => e.Division!.Path.StartsWith(division.Path));
            scope.Add(division.Name);
        }
        var candidates = await enterprises.Select(e => new DrawCandidate(e.Id, e.CreditCode, e.Name)).ToListAsync(ct);
        var inspectors = await db.Inspectors.AsNoTracking().Where(i => i.Active).Select(i => new DrawInspector(i.Id, i.Code, i.Name)).ToListAsync(ct);
        var candidateIds = candidates.Select(c => c.EnterpriseId).ToHashSet();
        var conflicts = (await db.InspectorConflicts.AsNoTracking().Select(c => new DrawConflict(c.InspectorId, c.EnterpriseId)).ToListAsync(ct))
            .Where(c => candidateIds.Contains(c.EnterpriseId)).ToList();
        var inputs = new DrawInputs
        {
            Seed = seed,
            Candidates = candidates,
            Inspectors = inspectors,
            Conflicts = conflicts,
            PreviousTeams = await PreviousTeamsAsync(db, candidateIds, ct),
            Count = request.Ratio is null ? request.Count : null,
            Ratio = request.Ratio,
            InspectorsPerTarget = request.InspectorsPerTarget ?? RandomDrawer.MinimumInspectors,
        };
        var picks = RandomDrawer.Draw(inputs);
        var now = time.GetUtcNow();
        var record = await RecordNumbers.AddAsync(db, db.RandomDraws.Select(d => d.Number), "SJ", 3, now, number => new RandomDrawRecord
        {
            Number = number,
            Title = request.Title.Trim(),
            ScopeDescription = scope.Count == 0 ? "全部检查对象" : string.Join(" · ", scope),
            Seed = seed.ToString(CultureInfo.InvariantCulture),
            InputsJson = RandomDrawer.Serialize(inputs),
            PicksJson = RandomDrawer.Serialize(picks),
            TargetCount = picks.Count,
            DrawnAt = now,
            DrawnBy = db.Scope.UserName,
        }, ct);
        return View(record);
    }

    /// <summary>Each candidate's team in the latest earlier draw that picked it.</summary>
    private static async Task<List<PreviousTeam>> PreviousTeamsAsync(TianshanDb db, HashSet<Guid> candidates, CancellationToken ct)
    {
        var earlier = await db.RandomDraws.AsNoTracking().OrderByDescending(d => d.DrawnAt).Select(d => d.PicksJson).Take(200).ToListAsync(ct);
        var teams = new Dictionary<Guid, PreviousTeam>();
        foreach (var json in earlier)
        {
            foreach (var pick in RandomDrawer.Deserialize<List<DrawPick>>(json))
            {
                if (candidates.Contains(pick.EnterpriseId) && !teams.ContainsKey(pick.EnterpriseId))
                    teams[pick.EnterpriseId] = new PreviousTeam(pick.EnterpriseId, pick.Team.Select(i => i.InspectorId).ToList());
            }
        }
        return [.. teams.Values];
    }

    public static DrawView View(RandomDrawRecord r)
    {
        var inputs = RandomDrawer.Deserialize<DrawInputs>(r.InputsJson);
        return new DrawView(r.Id, r.Number, r.Title, r.ScopeDescription, r.Seed, inputs.Candidates.Count, inputs.Inspectors.Count, inputs.Conflicts.Count,
            r.DrawnAt, r.DrawnBy, r.PublishedAt, RandomDrawer.Deserialize<List<DrawPick>>(r.PicksJson));
    }

    public static async Task<RandomDrawRecord> FindAsync(TianshanDb db, Guid id, CancellationToken ct) =>
        await db.RandomDraws.FirstOrDefaultAsync(d => d.Id == id, ct) ?? throw new NotFoundException("抽查记录不存在");

    /// <summary>Runs the draw again from its recorded inputs and compares the picks with the recorded ones.</summary>
    public static async Task<ReplayView> ReplayAsync(TianshanDb db, Guid id, CancellationToken ct)
    {
        var record = await FindAsync(db, id, ct);
        var recorded = RandomDrawer.Deserialize<List<DrawPick>>(record.PicksJson);
        var replayed = RandomDrawer.Draw(RandomDrawer.Deserialize<DrawInputs>(record.InputsJson));
        var identical = recorded.Count == replayed.Count && recorded.Zip(replayed).All(p =>
            p.First.EnterpriseId == p.Second.EnterpriseId && p.First.Team.Select(i => i.InspectorId).SequenceEqual(p.Second.Team.Select(i => i.InspectorId)));
        return new ReplayView(identical, record.Seed, recorded, replayed);
    }

    public static async Task PublishAsync(TianshanDb db, ClaimsPrincipal user, Guid id, TimeProvider time, CancellationToken ct)
    {
        if (!Drawers.Any(user.IsInRole))
            throw new ForbiddenException("只有区应急管理局和行业监管部门可以公开抽查结果");
        var record = await FindAsync(db, id, ct);
        if (record.PublishedAt is not null)
            throw new WorkflowException("该抽查结果已公开");
        record.PublishedAt = time.GetUtcNow();
        await db.SaveChangesAsync(ct);
    }

    public sealed record InspectorRequest(string? Code, string? Name, string? Organisation, string? UserName);

    public sealed record ConflictRequest(Guid? EnterpriseId, string? Reason);

    public static void MapRandomDraws(this IEndpointRouteBuilder app)
    {
        var supervisors = HiddenHazardActions.Supervisors;
        var api = app.MapGroup("/api/draws").WithTags("Random draws").RequireAuthorization(p => p.RequireRole(supervisors));
        api.MapGet("/", async (TianshanDb db, CancellationToken ct) =>
            (await db.RandomDraws.AsNoTracking().OrderByDescending(d => d.DrawnAt).Take(200).ToListAsync(ct)).Select(View).ToList());
        api.MapGet("/export", async (TianshanDb db, TimeProvider time, CancellationToken ct) =>
        {
            static string At(DateTimeOffset? at) => at is { } t ? ChinaTime.ToChina(t).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) : "";
            var draws = (await db.RandomDraws.AsNoTracking().ToListAsync(ct)).OrderByDescending(d => d.DrawnAt).Select(View);
            return Results.File(Registry.RegistryWorkbooks.WriteTable("双随机抽取记录",
                ["编号", "名称", "抽取范围", "随机种子", "候选企业数", "执法人员数", "回避关系数", "抽取时间", "抽取人", "公示时间", "抽中企业及检查组"],
                draws.Select(d => new object?[]
                {
                    d.Number, d.Title, d.ScopeDescription, d.Seed, d.Candidates, d.Inspectors, d.Conflicts, At(d.DrawnAt), d.DrawnBy, At(d.PublishedAt),
                    string.Join("；", d.Picks.Select(p => $"{p.Name}（{string.Join("、", p.Team.Select(i => i.Name))}）")),
                })), Registry.RegistryWorkbooks.ContentType, Resources.LedgerActions.FileName("双随机抽取记录", time));
        });
        api.MapGet("/{id:guid}", async (TianshanDb db, Guid id, CancellationToken ct) => View(await FindAsync(db, id, ct)));
        api.MapPost("/", async (TianshanDb db, ClaimsPrincipal user, DrawRequest request, TimeProvider time, CancellationToken ct) =>
        {
            var draw = await DrawAsync(db, user, request, time, ct);
            return Results.Created($"/api/draws/{draw.Id}", draw);
        });
        api.MapPost("/{id:guid}/replay", async (TianshanDb db, Guid id, CancellationToken ct) => await ReplayAsync(db, id, ct));
        api.MapPost("/{id:guid}/publish", async (TianshanDb db, ClaimsPrincipal user, Guid id, TimeProvider time, CancellationToken ct) =>
        {
            await PublishAsync(db, user, id, time, ct);
            return Results.NoContent();
        });

        var roster = app.MapGroup("/api/inspectors").WithTags("Inspector roster").RequireAuthorization(p => p.RequireRole(supervisors));
        roster.MapGet("/", async (TianshanDb db, CancellationToken ct) =>
            await db.Inspectors.AsNoTracking().OrderBy(i => i.Code).ToListAsync(ct));
        roster.MapGet("/export", async (TianshanDb db, TimeProvider time, CancellationToken ct) =>
            Results.File(Registry.RegistryWorkbooks.WriteTable("执法人员名录", ["执法证号", "姓名", "单位", "登录账号", "状态"],
                (await db.Inspectors.AsNoTracking().OrderBy(i => i.Code).ToListAsync(ct))
                    .Select(i => new object?[] { i.Code, i.Name, i.Organisation, i.UserName ?? "", i.Active ? "在册" : "停用" })),
                Registry.RegistryWorkbooks.ContentType, Resources.LedgerActions.FileName("执法人员名录", time)));
        roster.MapPost("/", async (TianshanDb db, ClaimsPrincipal user, InspectorRequest request, CancellationToken ct) =>
        {
            if (!Drawers.Any(user.IsInRole))
                throw new ForbiddenException("只有区应急管理局和行业监管部门可以维护执法人员名录");
            var errors = new Dictionary<string, string[]>();
            if (string.IsNullOrWhiteSpace(request.Code))
                errors["code"] = ["请填写执法证号"];
            if (string.IsNullOrWhiteSpace(request.Name))
                errors["name"] = ["请填写姓名"];
            if (errors.Count > 0)
                throw new DomainValidationException(errors);
            if (await db.Inspectors.AnyAsync(i => i.Code == request.Code!.Trim(), ct))
                throw new WorkflowException($"执法证号 {request.Code} 已在名录中");
            var inspector = new Inspector { Code = request.Code!.Trim(), Name = request.Name!.Trim(), Organisation = request.Organisation?.Trim() ?? "", UserName = request.UserName };
            db.Inspectors.Add(inspector);
            await db.SaveChangesAsync(ct);
            return Results.Created($"/api/inspectors/{inspector.Id}", inspector);
        });
        roster.MapGet("/conflicts", async (TianshanDb db, CancellationToken ct) =>
            await db.InspectorConflicts.AsNoTracking().OrderBy(c => c.DeclaredAt).ToListAsync(ct));
        roster.MapPost("/{id:guid}/conflicts", async (TianshanDb db, Guid id, ConflictRequest request, TimeProvider time, CancellationToken ct) =>
        {
            if (!await db.Inspectors.AnyAsync(i => i.Id == id, ct))
                throw new NotFoundException("执法人员不存在");
            if (request.EnterpriseId is not { } enterpriseId || !await db.Enterprises.AnyAsync(e => e.Id == enterpriseId, ct))
                throw new DomainValidationException("enterpriseId", "请选择存在利害关系的企业");
            if (string.IsNullOrWhiteSpace(request.Reason))
                throw new DomainValidationException("reason", "请填写回避理由");
            if (await db.InspectorConflicts.AnyAsync(c => c.InspectorId == id && c.EnterpriseId == enterpriseId, ct))
                throw new WorkflowException("已申报过该回避事项");
            db.InspectorConflicts.Add(new InspectorConflict
            {
                InspectorId = id, EnterpriseId = enterpriseId, Reason = request.Reason.Trim(), DeclaredAt = time.GetUtcNow(), DeclaredBy = db.Scope.UserName,
            });
            await db.SaveChangesAsync(ct);
            return Results.NoContent();
        });

        // 一公开: the published draws, without login.
        app.MapGet("/api/public/draws", async (TianshanDb db, CancellationToken ct) =>
                (await db.RandomDraws.AsNoTracking().Where(d => d.PublishedAt != null).OrderByDescending(d => d.PublishedAt).Take(100).ToListAsync(ct))
                .Select(d => new { d.Number, d.Title, d.ScopeDescription, d.Seed, d.DrawnAt, d.PublishedAt,
                    Picks = RandomDrawer.Deserialize<List<DrawPick>>(d.PicksJson).Select(p => new { p.Name, p.CreditCode, Inspectors = p.Team.Select(i => i.Name) }) }))
            .WithTags("Public").AllowAnonymous();
    }
}
