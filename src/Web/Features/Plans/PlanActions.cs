using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Tianshan.Core.Data;
using Tianshan.Core.Duty;
using Tianshan.Core.Incidents;
using Tianshan.Core.Plans;
using Tianshan.Core.Platform;
using Tianshan.Core.Prevention;
using Tianshan.Core.Registry;
using Tianshan.Web.Features.Incidents;

namespace Tianshan.Web.Features.Plans;

/// <summary>
/// The plan registry as the API and the pages both run it. Loads through the scoped context (an enterprise user reaches only its
/// own plans; anything else is "not found"); the bureau and departments manage, an enterprise registers its own plans, and only the
/// bureau accepts a filing (备案). Starting a response level from an incident writes the incident's timeline and the duty log in
/// the same commit.
/// </summary>
public static class PlanActions
{
    public static readonly string[] Readers = [Roles.Bureau, Roles.Department, Roles.Street, Roles.Inspector, Roles.Enterprise];
    public static readonly string[] Editors = [Roles.Bureau, Roles.Department, Roles.Enterprise];
    /// <summary>备案 is accepted by the emergency management bureau (2号令 第二十六条).</summary>
    public static readonly string[] Filers = [Roles.Bureau];

    public sealed record LevelRequest(ResponseLevel? Level, string? Triggers, string? Actions);

    public sealed record SaveRequest(string? Title, PlanKind? Kind, string? Owner, string? Version, DateOnly? PublishedOn, Guid? EnterpriseId,
        Guid? MajorHazardSourceId, Guid? HiddenHazardId, List<Sector>? Sectors, string? Summary, List<LevelRequest>? Levels,
        DateOnly? LastEvaluatedOn = null);

    public sealed record FileRequest(string? FilingNumber, DateOnly? FiledOn);

    public sealed record TriggerRequest(RevisionTrigger? Trigger, DateOnly? On, string? Note);

    public sealed record EvaluateRequest(DateOnly? EvaluatedOn);

    public sealed record ReviseRequest(string? Version, DateOnly? PublishedOn);

    public sealed record ActivateRequest(Guid? IncidentId, ResponseLevel? Level, string? Note);

    public static async Task<EmergencyPlan> FindAsync(TianshanDb db, Guid id, CancellationToken ct) =>
        await db.EmergencyPlans.FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw new NotFoundException("预案不存在或不在您的管辖范围内");

    public static async Task<EmergencyPlan> RegisterAsync(TianshanDb db, ClaimsPrincipal user, SaveRequest r, TimeProvider time, CancellationToken ct)
    {
        IncidentActions.RequireAny(user, Editors, "登记预案");
        var (details, path) = await DetailsAsync(db, r, ct);
        var plan = EmergencyPlan.Register(details, path, db.Scope.UserName, time.GetUtcNow(), ChinaTime.Today(time));
        Evaluated(plan, r, time);
        db.EmergencyPlans.Add(plan);
        await db.SaveChangesAsync(ct);
        return plan;
    }

    public static async Task UpdateAsync(TianshanDb db, ClaimsPrincipal user, Guid id, SaveRequest r, TimeProvider time, CancellationToken ct)
    {
        var plan = await FindAsync(db, id, ct);
        IncidentActions.RequireAny(user, Editors, "修改预案");
        var (details, path) = await DetailsAsync(db, r, ct);
        plan.Update(details, path, ChinaTime.Today(time));
        Evaluated(plan, r, time);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The form's 最近评估日期: a changed date is a 第三十五条 evaluation (the three-year clock restarts from it), recorded in the
    /// same commit as the plan's facts so a rejected date stores nothing. An existing plan registered late may carry its last evaluation.</summary>
    private static void Evaluated(EmergencyPlan plan, SaveRequest r, TimeProvider time)
    {
        if (r.LastEvaluatedOn is { } on && on != plan.LastEvaluatedOn)
            plan.RecordEvaluation(on, ChinaTime.Today(time));
    }

    public static Task FileAsync(TianshanDb db, ClaimsPrincipal user, Guid id, FileRequest r, TimeProvider time, CancellationToken ct) =>
        StepAsync(db, user, id, Filers, "受理备案", p => p.File(r.FilingNumber ?? "", r.FiledOn ?? ChinaTime.Today(time), db.Scope.UserName, ChinaTime.Today(time)), ct);

    public static Task ExpireAsync(TianshanDb db, ClaimsPrincipal user, Guid id, CancellationToken ct) =>
        StepAsync(db, user, id, Filers, "标记备案失效", p => p.Expire(), ct);

    public static Task WithdrawAsync(TianshanDb db, ClaimsPrincipal user, Guid id, CancellationToken ct) =>
        StepAsync(db, user, id, Editors, "废止预案", p => p.Withdraw(), ct);

    public static Task TriggerAsync(TianshanDb db, ClaimsPrincipal user, Guid id, TriggerRequest r, TimeProvider time, CancellationToken ct) =>
        StepAsync(db, user, id, Editors, "记录修订情形", p =>
            p.RecordTrigger(r.Trigger ?? throw new DomainValidationException("trigger", "请选择修订情形（第三十六条）"), r.On ?? ChinaTime.Today(time), r.Note,
                ChinaTime.Today(time)), ct);

    public static Task EvaluateAsync(TianshanDb db, ClaimsPrincipal user, Guid id, EvaluateRequest r, TimeProvider time, CancellationToken ct) =>
        StepAsync(db, user, id, Editors, "记录评估", p => p.RecordEvaluation(r.EvaluatedOn ?? ChinaTime.Today(time), ChinaTime.Today(time)), ct);

    public static Task ReviseAsync(TianshanDb db, ClaimsPrincipal user, Guid id, ReviseRequest r, TimeProvider time, CancellationToken ct) =>
        StepAsync(db, user, id, Editors, "修订预案", p => p.Revise(r.Version ?? "", r.PublishedOn ?? ChinaTime.Today(time), ChinaTime.Today(time)), ct);

    /// <summary>The duty officer starts one of the plan's response levels for an incident: on the plan, on the incident's timeline and in the
    /// duty log, in one commit.</summary>
    public static async Task ActivateAsync(TianshanDb db, ClaimsPrincipal user, Guid id, ActivateRequest r, TimeProvider time, CancellationToken ct)
    {
        var plan = await FindAsync(db, id, ct);
        IncidentActions.RequireAny(user, IncidentActions.Desk, "启动预案响应");
        var incidentId = r.IncidentId ?? throw new DomainValidationException("incidentId", "请选择事件");
        var level = r.Level ?? throw new DomainValidationException("level", "请选择响应级别");
        var incident = await IncidentActions.FindAsync(db, incidentId, ct);
        var now = time.GetUtcNow();
        if (incident.Status == IncidentStatus.Closed)
            throw new WorkflowException("事件已结案，不能启动预案响应");
        var started = plan.Activate(incident.Id, incident.Number, level, r.Note, db.Scope.UserName, now);
        var note = string.IsNullOrWhiteSpace(r.Note) ? started.Actions : $"{started.Actions}（{r.Note.Trim()}）";
        incident.RecordPlanResponse(plan.Title, level, note, db.Scope.UserName, now);
        var line = $"{incident.Number} 启动《{plan.Title}》{IncidentLabels.Label(level)}响应";
        db.DutyLog.Add(DutyLogEntry.Create(DutyLogKind.IncidentUpdate, line.Length > 2000 ? line[..2000] : line, null, null, incident.Id, db.Scope.UserName, now));
        await db.SaveChangesAsync(ct);
    }

    private static async Task StepAsync(TianshanDb db, ClaimsPrincipal user, Guid id, string[] roles, string action, Action<EmergencyPlan> step, CancellationToken ct)
    {
        var plan = await FindAsync(db, id, ct);
        IncidentActions.RequireAny(user, roles, action);
        step(plan);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Resolves the request against what the caller may see: an enterprise user registers for its own enterprise only and only the
    /// enterprise kinds; a bound major hazard source or major hidden hazard must belong to the plan's enterprise.</summary>
    private static async Task<(PlanDetails Details, string DivisionPath)> DetailsAsync(TianshanDb db, SaveRequest r, CancellationToken ct)
    {
        var enterpriseId = r.EnterpriseId;
        var kind = r.Kind ?? 0;
        if (db.Scope.EnterpriseId is { } own)
        {
            if (enterpriseId is not null && enterpriseId != own)
                throw new ForbiddenException("企业用户只能登记本企业的预案");
            if (r.Kind is { } k && !PlanLabels.IsEnterpriseKind(k))
                throw new DomainValidationException("kind", "企业用户只能登记企业综合应急预案、专项应急预案和现场处置方案");
            enterpriseId = own;
        }
        var path = db.Scope.DivisionPath;
        if (enterpriseId is { } eid)
        {
            path = await db.Enterprises.Where(e => e.Id == eid).Select(e => e.Division!.Path).FirstOrDefaultAsync(ct)
                ?? throw new DomainValidationException("enterpriseId", "企业不存在或不在您的管辖范围内");
        }
        if (r.MajorHazardSourceId is { } sid
            && !await db.MajorHazardSources.AnyAsync(s => s.Id == sid && s.EnterpriseId == enterpriseId, ct))
            throw new DomainValidationException("majorHazardSourceId", "重大危险源不存在或不属于该企业（一源一案）");
        if (r.HiddenHazardId is { } hid)
        {
            var hazard = await db.HiddenHazards.AsNoTracking().Where(h => h.Id == hid && h.EnterpriseId == enterpriseId)
                .Select(h => new { h.Grade }).FirstOrDefaultAsync(ct)
                ?? throw new DomainValidationException("hiddenHazardId", "隐患不存在或不属于该企业");
            if (hazard.Grade != HiddenHazardGrade.Major)
                throw new DomainValidationException("hiddenHazardId", "一患一案只针对重大事故隐患");
        }
        var details = new PlanDetails
        {
            Title = r.Title ?? "", Kind = kind, Owner = r.Owner ?? "", Version = r.Version ?? "", PublishedOn = r.PublishedOn ?? default,
            EnterpriseId = enterpriseId, MajorHazardSourceId = r.MajorHazardSourceId, HiddenHazardId = r.HiddenHazardId,
            Sectors = (r.Sectors ?? []).Aggregate((Sector)0, (all, s) => all | s), Summary = r.Summary,
            Levels = (r.Levels ?? []).Select(l => new PlanLevel { Level = l.Level ?? 0, Triggers = l.Triggers ?? "", Actions = l.Actions ?? "" }).ToList(),
        };
        return (details, path);
    }
}
