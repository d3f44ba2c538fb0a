using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tianshan.Core.Data;
using Tianshan.Core.Incidents;
using Tianshan.Core.Plans;
using Tianshan.Core.Platform;
using Tianshan.Core.Prevention;
using Tianshan.Core.Registry;
using Tianshan.Web.Features.Registry;

namespace Tianshan.Web.Features.Plans;

public sealed record PlanView(Guid Id, string Title, PlanKind Kind, string KindLabel, string Owner, string Version, DateOnly PublishedOn,
    Guid? EnterpriseId, string? EnterpriseName, Guid? MajorHazardSourceId, string? MajorHazardSourceName, Guid? HiddenHazardId, string? HiddenHazardNumber,
    List<string> Sectors, FilingStatus Filing, string FilingLabel, DateOnly? FiledOn, string? FilingNumber, DateOnly RevisionDueOn,
    RevisionState RevisionState, string RevisionLabel, bool IsCurrent, RevisionTrigger? PendingTrigger, string? PendingTriggerLabel, DateOnly? TriggeredOn,
    string? TriggerNote, DateOnly? LastEvaluatedOn, List<string> Levels);

public sealed record PlanLevelView(ResponseLevel Level, string LevelLabel, string Triggers, string Actions);

public sealed record PlanActivationView(Guid IncidentId, string IncidentNumber, ResponseLevel Level, string LevelLabel, DateTimeOffset At, string? By, string? Note);

public sealed record PlanDetail(PlanView Plan, string? Summary, List<PlanLevelView> Levels, List<PlanActivationView> Activations, List<DrillView> Drills);

public sealed record CoverageView(int MajorHazardSources, List<CoverageItem> UncoveredMajorHazardSources, int MajorHiddenHazards,
    List<CoverageItem> UncoveredMajorHiddenHazards, List<string> UncoveredSectors, int CurrentPlans, int Plans);

public static class PlanQueries
{
    public sealed record Filter(PlanKind? Kind = null, FilingStatus? Filing = null, bool? Current = null, Guid? EnterpriseId = null, string? Q = null);

    public static async Task<List<PlanView>> ListAsync(TianshanDb db, Filter f, DateOnly today, CancellationToken ct)
    {
        var query = db.EmergencyPlans.AsNoTracking().Include(p => p.Enterprise).AsQueryable();
        if (f.Kind is { } kind)
            query = query.Where(p => p.Kind == kind);
        if (f.Filing is { } filing)
            query = query.Where(p => p.Filing == filing);
        if (f.EnterpriseId is { } eid)
            query = query.Where(p => p.EnterpriseId == eid);
        if (!string.IsNullOrWhiteSpace(f.Q))
        {
            var q = f.Q.Trim();
            query = query.Where(p => p.Title.Contains(q) || p.Owner.Contains(q) || (p.FilingNumber != null && p.FilingNumber.Contains(q)));
        }
        var plans = await query.ToListAsync(ct);
        var views = await ViewsAsync(db, plans, today, ct);
        return views.Where(v => f.Current is null || v.IsCurrent == f.Current)
            .OrderBy(v => v.Kind).ThenBy(v => v.EnterpriseName, StringComparer.Ordinal).ThenBy(v => v.Title, StringComparer.Ordinal).ToList();
    }

    public static async Task<PlanDetail> DetailAsync(TianshanDb db, Guid id, DateOnly today, CancellationToken ct)
    {
        var plan = await db.EmergencyPlans.AsNoTracking().Include(p => p.Enterprise).FirstOrDefaultAsync(p => p.Id == id, ct)
            ?? throw new NotFoundException("预案不存在或不在您的管辖范围内");
        var view = (await ViewsAsync(db, [plan], today, ct))[0];
        var drills = await DrillQueries.ListAsync(db, new DrillQueries.Filter(PlanId: id), ct);
        return new PlanDetail(view, plan.Summary,
            plan.Levels.OrderBy(l => l.Level).Select(l => new PlanLevelView(l.Level, IncidentLabels.Label(l.Level), l.Triggers, l.Actions)).ToList(),
            plan.Activations.OrderByDescending(a => a.At).Select(a => new PlanActivationView(a.IncidentId, a.IncidentNumber, a.Level, IncidentLabels.Label(a.Level), a.At, a.By, a.Note)).ToList(),
            drills);
    }

    /// <summary>Coverage in the caller's scope: 一源一案, 一患一案 (open major hidden hazards), and sectors without a current government plan
    /// (not for enterprise users, whose scope has no sectors of its own).</summary>
    public static async Task<CoverageView> CoverageAsync(TianshanDb db, DateOnly today, CancellationToken ct)
    {
        var plans = await db.EmergencyPlans.AsNoTracking().ToListAsync(ct);
        var sources = await db.MajorHazardSources.AsNoTracking()
            .Select(s => new CoverageItem(s.Id, s.Code + " " + s.Name, s.EnterpriseId, s.Enterprise!.Name)).ToListAsync(ct);
        var hazards = await db.HiddenHazards.AsNoTracking()
            .Where(h => h.Grade == HiddenHazardGrade.Major && h.Status != HiddenHazardStatus.Closed && h.Status != HiddenHazardStatus.Dismissed)
            .Select(h => new CoverageItem(h.Id, h.Number + " " + h.Title, h.EnterpriseId, h.Enterprise!.Name)).ToListAsync(ct);
        var sectors = db.Scope.EnterpriseId is null ? SectorSet.Each.Where(s => (db.Scope.Sectors & s) != 0) : [];
        var result = PlanCoverage.Check(
            plans.Select(p => new CoveragePlan(p.Id, p.Kind, p.EnterpriseId, p.MajorHazardSourceId, p.HiddenHazardId, p.Sectors, p.IsCurrentOn(today))).ToList(),
            sources, hazards, sectors);
        return new CoverageView(result.MajorHazardSources, result.UncoveredMajorHazardSources.OrderBy(s => s.Name, StringComparer.Ordinal).ToList(),
            result.MajorHiddenHazards, result.UncoveredMajorHiddenHazards, result.UncoveredSectors.Select(SectorSet.Label).ToList(),
            plans.Count(p => p.IsCurrentOn(today)), plans.Count);
    }

    /// <summary>Plans the duty officer can start for an incident: filed or lapsed ones, the incident's own enterprise's first.</summary>
    public static async Task<List<PlanView>> StartableAsync(TianshanDb db, Guid? enterpriseId, DateOnly today, CancellationToken ct)
    {
        var plans = await db.EmergencyPlans.AsNoTracking().Include(p => p.Enterprise)
            .Where(p => p.Filing == FilingStatus.Filed || p.Filing == FilingStatus.Expired).ToListAsync(ct);
        return (await ViewsAsync(db, plans, today, ct))
            .OrderBy(v => v.EnterpriseId == enterpriseId && enterpriseId is not null ? 0 : v.EnterpriseId is null ? 1 : 2)
            .ThenBy(v => v.Kind).ThenBy(v => v.Title, StringComparer.Ordinal).ToList();
    }

    public static async Task<List<(string Plan, PlanActivationView Activation)>> ActivationsForIncidentAsync(TianshanDb db, Guid incidentId, CancellationToken ct)
    {
        var plans = await db.EmergencyPlans.AsNoTracking().Where(p => p.Activations.Any(a => a.IncidentId == incidentId)).ToListAsync(ct);
        return plans.SelectMany(p => p.Activations.Where(a => a.IncidentId == incidentId)
                .Select(a => (p.Title, new PlanActivationView(a.IncidentId, a.IncidentNumber, a.Level, IncidentLabels.Label(a.Level), a.At, a.By, a.Note))))
            .OrderBy(x => x.Item2.At).ToList();
    }

    public static byte[] Workbook(IReadOnlyList<PlanView> rows)
    {
        static string Day(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
        return RegistryWorkbooks.WriteTable("应急预案台账",
            ["预案名称", "类别", "编制单位", "版本", "公布日期", "所属企业", "一源一案（重大危险源）", "一患一案（重大隐患）", "行业领域", "备案状态", "备案日期",
             "备案编号", "响应级别", "评估修订到期", "修订状态", "待修订情形", "是否有效"],
            rows.Select(r => new object?[]
            {
                r.Title, r.KindLabel, r.Owner, r.Version, Day(r.PublishedOn), r.EnterpriseName, r.MajorHazardSourceName, r.HiddenHazardNumber,
                string.Join("、", r.Sectors), r.FilingLabel, Day(r.FiledOn), r.FilingNumber, string.Join("、", r.Levels), Day(r.RevisionDueOn), r.RevisionLabel,
                r.PendingTriggerLabel, RegistryWorkbooks.YesNo(r.IsCurrent),
            }));
    }

    private static async Task<List<PlanView>> ViewsAsync(TianshanDb db, IReadOnlyList<EmergencyPlan> plans, DateOnly today, CancellationToken ct)
    {
        var sourceIds = plans.Where(p => p.MajorHazardSourceId is not null).Select(p => p.MajorHazardSourceId!.Value).Distinct().ToList();
        var hazardIds = plans.Where(p => p.HiddenHazardId is not null).Select(p => p.HiddenHazardId!.Value).Distinct().ToList();
        var sources = sourceIds.Count == 0 ? [] : await db.MajorHazardSources.AsNoTracking().Where(s => sourceIds.Contains(s.Id))
            .ToDictionaryAsync(s => s.Id, s => s.Code + " " + s.Name, ct);
        var hazards = hazardIds.Count == 0 ? [] : await db.HiddenHazards.AsNoTracking().Where(h => hazardIds.Contains(h.Id))
            .ToDictionaryAsync(h => h.Id, h => h.Number, ct);
        return plans.Select(p =>
        {
            var state = p.RevisionStateOn(today);
            return new PlanView(p.Id, p.Title, p.Kind, PlanLabels.Label(p.Kind), p.Owner, p.Version, p.PublishedOn, p.EnterpriseId, p.Enterprise?.Name,
                p.MajorHazardSourceId, p.MajorHazardSourceId is { } s ? sources.GetValueOrDefault(s) : null,
                p.HiddenHazardId, p.HiddenHazardId is { } h ? hazards.GetValueOrDefault(h) : null,
                SectorSet.Each.Where(x => (p.Sectors & x) != 0).Select(SectorSet.Label).ToList(),
                p.Filing, PlanLabels.Label(p.Filing), p.FiledOn, p.FilingNumber, p.RevisionDueOn, state, PlanLabels.Label(state), p.IsCurrentOn(today),
                p.PendingTrigger, p.PendingTrigger is { } t ? PlanLabels.Label(t) : null, p.TriggeredOn, p.TriggerNote, p.LastEvaluatedOn,
                p.Levels.OrderBy(l => l.Level).Select(l => IncidentLabels.Label(l.Level)).ToList());
        }).ToList();
    }
}
