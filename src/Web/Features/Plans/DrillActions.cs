using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Tianshan.Core.Data;
using Tianshan.Core.Plans;
using Tianshan.Core.Platform;
using Tianshan.Core.Registry;
using Tianshan.Web.Features.Incidents;
using Tianshan.Web.Features.Registry;

namespace Tianshan.Web.Features.Plans;

public sealed record DrillFollowUpView(int Index, string Action, string Owner, DateOnly Deadline, bool Done, DateOnly? DoneOn, bool Overdue);

public sealed record DrillView(Guid Id, Guid PlanId, string PlanTitle, Guid? EnterpriseId, string Organisation, string Scenario, DateOnly HeldOn, DrillType Type,
    string TypeLabel, string Participants, int ParticipantCount, string Evaluation, string? Problems, List<DrillFollowUpView> FollowUps);

public sealed record PlannedDrillView(int Month, string Scenario, DrillType Type, string TypeLabel, Guid? PlanId);

public sealed record DrillPlanView(Guid Id, int Year, string Organisation, Guid? EnterpriseId, List<PlannedDrillView> Items);

public sealed record HalfYearView(Guid EnterpriseId, string Name, string Sector, string Basis, HalfYearState FirstHalf, string FirstHalfLabel, int FirstHalfDrills,
    HalfYearState SecondHalf, string SecondHalfLabel, int SecondHalfDrills);

/// <summary>Drill records, annual drill plans and the half-year check, through the scoped context like the plans.</summary>
public static class DrillQueries
{
    public sealed record Filter(int? Year = null, Guid? PlanId = null, Guid? EnterpriseId = null);

    public sealed record FollowUpRequest(string? Action, string? Owner, DateOnly? Deadline);

    public sealed record RecordRequest(Guid? PlanId, string? Scenario, DateOnly? HeldOn, DrillType? Type, string? Participants, int? ParticipantCount,
        string? Evaluation, string? Problems, List<FollowUpRequest>? FollowUps);

    public sealed record DoneRequest(DateOnly? DoneOn);

    public sealed record PlannedRequest(int? Month, string? Scenario, DrillType? Type, Guid? PlanId);

    public sealed record DrillPlanRequest(int? Year, string? Organisation, Guid? EnterpriseId, List<PlannedRequest>? Items);

    public static async Task<List<DrillView>> ListAsync(TianshanDb db, Filter f, CancellationToken ct, DateOnly? today = null)
    {
        var query = db.DrillRecords.AsNoTracking().Include(d => d.Plan).AsQueryable();
        if (f.Year is { } year)
            query = query.Where(d => d.HeldOn >= new DateOnly(year, 1, 1) && d.HeldOn <= new DateOnly(year, 12, 31));
        if (f.PlanId is { } planId)
            query = query.Where(d => d.PlanId == planId);
        if (f.EnterpriseId is { } eid)
            query = query.Where(d => d.EnterpriseId == eid);
        var day = today ?? DateOnly.MaxValue;
        return (await query.ToListAsync(ct)).OrderByDescending(d => d.HeldOn).Select(d => new DrillView(d.Id, d.PlanId, d.Plan?.Title ?? "", d.EnterpriseId,
            d.Organisation, d.Scenario, d.HeldOn, d.Type, PlanLabels.Label(d.Type), d.Participants, d.ParticipantCount, d.Evaluation, d.Problems,
            d.FollowUps.Select((x, i) => new DrillFollowUpView(i, x.Action, x.Owner, x.Deadline, x.Done, x.DoneOn, !x.Done && x.Deadline < day)).ToList())).ToList();
    }

    public static async Task<DrillRecord> RecordAsync(TianshanDb db, ClaimsPrincipal user, RecordRequest r, TimeProvider time, CancellationToken ct)
    {
        IncidentActions.RequireAny(user, PlanActions.Editors, "登记演练");
        var planId = r.PlanId ?? throw new DomainValidationException("planId", "请选择所演练的应急预案");
        var plan = await PlanActions.FindAsync(db, planId, ct);
        var details = new DrillDetails
        {
            PlanId = planId, Scenario = r.Scenario ?? "", HeldOn = r.HeldOn ?? default, Type = r.Type ?? 0, Participants = r.Participants ?? "",
            ParticipantCount = r.ParticipantCount ?? 0, Evaluation = r.Evaluation ?? "", Problems = r.Problems,
            FollowUps = (r.FollowUps ?? []).Select(x => new DrillFollowUp { Action = x.Action ?? "", Owner = x.Owner ?? "", Deadline = x.Deadline ?? default }).ToList(),
        };
        var drill = DrillRecord.Record(details, plan, db.Scope.UserName, time.GetUtcNow(), ChinaTime.Today(time));
        db.DrillRecords.Add(drill);
        await db.SaveChangesAsync(ct);
        return drill;
    }

    public static async Task CompleteFollowUpAsync(TianshanDb db, ClaimsPrincipal user, Guid id, int index, DoneRequest r, TimeProvider time, CancellationToken ct)
    {
        var drill = await db.DrillRecords.FirstOrDefaultAsync(d => d.Id == id, ct) ?? throw new NotFoundException("演练记录不存在或不在您的管辖范围内");
        IncidentActions.RequireAny(user, PlanActions.Editors, "完成整改措施");
        drill.CompleteFollowUp(index, r.DoneOn ?? ChinaTime.Today(time), ChinaTime.Today(time));
        await db.SaveChangesAsync(ct);
    }

    public static async Task<List<DrillPlanView>> DrillPlansAsync(TianshanDb db, int year, CancellationToken ct) =>
        (await db.DrillPlans.AsNoTracking().Where(p => p.Year == year).ToListAsync(ct)).OrderBy(p => p.Organisation, StringComparer.Ordinal)
        .Select(p => new DrillPlanView(p.Id, p.Year, p.Organisation, p.EnterpriseId,
            p.Items.Select(i => new PlannedDrillView(i.Month, i.Scenario, i.Type, PlanLabels.Label(i.Type), i.PlanId)).ToList())).ToList();

    public static async Task<DrillPlan> CreateDrillPlanAsync(TianshanDb db, ClaimsPrincipal user, DrillPlanRequest r, CancellationToken ct)
    {
        IncidentActions.RequireAny(user, PlanActions.Editors, "登记年度演练计划");
        var enterpriseId = db.Scope.EnterpriseId ?? r.EnterpriseId;
        var path = db.Scope.DivisionPath;
        if (enterpriseId is { } eid)
            path = await db.Enterprises.Where(e => e.Id == eid).Select(e => e.Division!.Path).FirstOrDefaultAsync(ct)
                ?? throw new DomainValidationException("enterpriseId", "企业不存在或不在您的管辖范围内");
        // A planned drill may name the plan it drills; the plan must be one the caller can see (the scoped set), as everywhere else.
        var items = r.Items ?? [];
        var named = items.Where(i => i.PlanId is not null).Select(i => i.PlanId!.Value).Distinct().ToList();
        if (named.Count > 0)
        {
            var known = (await db.EmergencyPlans.Where(p => named.Contains(p.Id)).Select(p => p.Id).ToListAsync(ct)).ToHashSet();
            var unknown = items.Select((i, n) => (i.PlanId, n)).Where(x => x.PlanId is { } id && !known.Contains(id))
                .ToDictionary(x => $"items[{x.n}].planId", x => new[] { $"第{x.n + 1}项的预案不存在或不在您的管辖范围内" });
            if (unknown.Count > 0)
                throw new DomainValidationException(unknown);
        }
        var plan = DrillPlan.Create(r.Year ?? 0, r.Organisation ?? "", enterpriseId, path,
            items.Select(i => new PlannedDrill { Month = i.Month ?? 0, Scenario = i.Scenario ?? "", Type = i.Type ?? 0, PlanId = i.PlanId }).ToList(),
            db.Scope.UserName);
        db.DrillPlans.Add(plan);
        await db.SaveChangesAsync(ct);
        return plan;
    }

    /// <summary>The half-year drill check of <paramref name="year"/> for the enterprises in scope (708号令 第八条第二款; 2号令 第三十三条).</summary>
    public static async Task<List<HalfYearView>> HalfYearAsync(TianshanDb db, int year, DateOnly today, CancellationToken ct)
    {
        var enterprises = await db.Enterprises.AsNoTracking().Select(e => new { e.Id, e.Name, e.Sector }).ToListAsync(ct);
        var withSources = (await db.MajorHazardSources.AsNoTracking().Select(s => s.EnterpriseId).Distinct().ToListAsync(ct)).ToHashSet();
        var withOnSite = (await db.EmergencyPlans.AsNoTracking()
            .Where(p => p.Kind == PlanKind.OnSiteDisposal && p.Filing != FilingStatus.Withdrawn && p.EnterpriseId != null)
            .Select(p => p.EnterpriseId!.Value).Distinct().ToListAsync(ct)).ToHashSet();
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        var drills = await db.DrillRecords.AsNoTracking().Where(d => d.EnterpriseId != null && d.HeldOn >= from && d.HeldOn <= to)
            .Select(d => new { EnterpriseId = d.EnterpriseId!.Value, d.HeldOn }).ToListAsync(ct);
        return DrillTargets.Check(enterprises.Select(e => new DrillDutyInput(e.Id, e.Name, e.Sector, withSources.Contains(e.Id), withOnSite.Contains(e.Id))),
                drills.Select(d => (d.EnterpriseId, d.HeldOn)), year, today)
            .Select(c => new HalfYearView(c.EnterpriseId, c.Name, SectorSet.Label(c.Sector), c.Basis, c.FirstHalf, DrillTargets.Label(c.FirstHalf), c.FirstHalfDrills,
                c.SecondHalf, DrillTargets.Label(c.SecondHalf), c.SecondHalfDrills)).ToList();
    }

    public static byte[] Workbook(IReadOnlyList<DrillView> rows)
    {
        static string Day(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
        return RegistryWorkbooks.WriteTable("应急演练台账",
            ["演练日期", "单位", "演练预案", "演练情景", "演练形式", "参演单位和人员", "参演人数", "演练评估", "发现的问题", "整改措施（责任人，期限，状态）"],
            rows.Select(r => new object?[]
            {
                Day(r.HeldOn), r.Organisation, r.PlanTitle, r.Scenario, r.TypeLabel, r.Participants, r.ParticipantCount, r.Evaluation, r.Problems,
                string.Join("；", r.FollowUps.Select(f => $"{f.Action}（{f.Owner}，{Day(f.Deadline)}，{(f.Done ? "已完成" : "未完成")}）")),
            }));
    }
}
