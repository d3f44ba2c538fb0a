using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Tianshan.Core.Data;
using Tianshan.Core.Duty;
using Tianshan.Core.Incidents;
using Tianshan.Core.Platform;
using Tianshan.Web.Features.Platform;

namespace Tianshan.Web.Features.Incidents;

/// <summary>
/// The incident workflow as the API and the pages both run it: loads through the scoped context (an enterprise reaches only
/// its own incidents; anything else is "not found"), checks the caller's role, lets <see cref="Incident"/> apply its rules,
/// writes the duty log line in the same SaveChanges (audited there too).
/// </summary>
public static class IncidentActions
{
    /// <summary>Who reads incidents in their scope.</summary>
    public static readonly string[] Readers = [Roles.Bureau, Roles.Department, Roles.Street, Roles.Community, Roles.Enterprise];

    /// <summary>Who reports an incident and its 续报: the desk, the departments and streets, and an enterprise for its own (493号令 第九条).</summary>
    public static readonly string[] Reporters = [Roles.Bureau, Roles.Department, Roles.Street, Roles.Enterprise];

    /// <summary>The duty desk: reports up the ladder, milestones, closure.</summary>
    public static readonly string[] Desk = [Roles.Bureau];

    public sealed record GradeRequest(int? Deaths, int? SeriousInjuries, decimal? DirectLossYuan);

    public sealed record GradeResponse(string Grade, AccidentGrade GradeCode, string ResponseLevel, string ReportCeiling, ReportLevel ReportCeilingLevel,
        string Reason, string ByDeaths, string BySeriousInjuries, string ByDirectLoss);

    public sealed record IntakeRequest(IncidentSource? Source, IncidentCategory? Category, string? Subtype, string? Title, DateTimeOffset? OccurredAt,
        DateTimeOffset? ReceivedAt, double? Latitude, double? Longitude, string? Address, string? Narrative, string? Reporter, string? ReporterPhone,
        int? Deaths, int? Missing, int? SeriousInjuries, int? Injuries, decimal? DirectLossYuan, AccidentGrade? AssessedGrade, Guid? EnterpriseId,
        Guid? AlarmId, Guid? DivisionId);

    public sealed record FollowUpRequest(string? Text, int? Deaths, int? Missing, int? SeriousInjuries, int? Injuries, decimal? DirectLossYuan,
        AccidentGrade? AssessedGrade);

    public sealed record ReportRequest(ReportLevel? Level, DateTimeOffset? At, string? Recipient);

    public sealed record MilestoneRequest(MilestoneKind? Kind, DateTimeOffset? At, string? Note);

    public sealed record CloseRequest(string? Cause, string? Responsibility, string? Measures, string? Education, DateTimeOffset? ReportSubmittedAt,
        DateTimeOffset? ApprovedAt);

    public sealed record Filter(IncidentStatus? Status = null, IncidentCategory? Category = null, string? Q = null);

    /// <summary>POST /api/incidents/grade: the 493号令 grade of a set of figures, nothing stored.</summary>
    public static GradeResponse Grade(GradeRequest r)
    {
        int deaths = r.Deaths ?? 0, injuries = r.SeriousInjuries ?? 0;
        var loss = r.DirectLossYuan ?? 0;
        var g = AccidentGrading.Of(deaths, injuries, loss);
        var ceiling = ReportingClocks.Ceiling(g.Grade);
        return new GradeResponse(IncidentLabels.Label(g.Grade), g.Grade, IncidentLabels.Label(IncidentLabels.LevelOf(g.Grade)), IncidentLabels.Label(ceiling),
            ceiling, g.Reason(deaths, injuries, loss), IncidentLabels.Label(g.ByDeaths), IncidentLabels.Label(g.BySeriousInjuries), IncidentLabels.Label(g.ByDirectLoss));
    }

    private static IQueryable<Incident> Query(TianshanDb db) => db.Incidents.Include(i => i.Enterprise);

    /// <summary>突发事件台账 as Excel: one row per incident, with its grade, figures and missed reporting clocks (迟报).</summary>
    public static byte[] Workbook(IReadOnlyList<IncidentView> rows)
    {
        static string Time(DateTimeOffset at) => ChinaTime.ToChina(at).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        return Tianshan.Web.Features.Registry.RegistryWorkbooks.WriteTable("突发事件台账",
            ["事件编号", "标题", "类别", "类型", "来源", "等级", "响应级别", "状态", "发生时间", "接报时间", "地点", "企业", "死亡", "失踪", "重伤（含急性中毒）", "受伤",
             "直接经济损失（元）", "迟报时限数"],
            rows.Select(r => new object?[]
            {
                r.Number, r.Title, r.CategoryLabel, r.Subtype, r.SourceLabel, r.GradeLabel, r.ResponseLevelLabel, r.StatusLabel, Time(r.OccurredAt), Time(r.ReceivedAt),
                r.Address, r.EnterpriseName ?? "", r.Deaths, r.Missing, r.SeriousInjuries, r.Injuries, r.DirectLossYuan, r.MissedClocks,
            }));
    }

    public static async Task<List<IncidentView>> ListAsync(TianshanDb db, Filter f, DateTimeOffset now, ReportingClockOptions options, CancellationToken ct)
    {
        var query = Query(db).AsNoTracking();
        if (f.Status is { } status)
            query = query.Where(i => i.Status == status);
        if (f.Category is { } category)
            query = query.Where(i => i.Category == category);
        if (!string.IsNullOrWhiteSpace(f.Q))
        {
            var q = f.Q.Trim();
            query = query.Where(i => i.Title.Contains(q) || i.Number.Contains(q) || i.Address.Contains(q));
        }
        return (await query.ToListAsync(ct)).OrderByDescending(i => i.OccurredAt).Select(i => IncidentView.Of(i, now, options)).ToList();
    }

    public static async Task<Incident> FindAsync(TianshanDb db, Guid id, CancellationToken ct) =>
        await Query(db).FirstOrDefaultAsync(i => i.Id == id, ct) ?? throw new NotFoundException("事件不存在或不在您的管辖范围内");

    public static async Task<IncidentDetail> DetailAsync(TianshanDb db, Guid id, DateTimeOffset now, ReportingClockOptions options, CancellationToken ct)
    {
        var incident = await Query(db).AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct) ?? throw new NotFoundException("事件不存在或不在您的管辖范围内");
        return IncidentDetail.Of(incident, now, options);
    }

    /// <summary>Takes an incident, numbered SJ-yyyy-nnnnn; the line in the duty log is written in the same commit.</summary>
    public static async Task<Incident> IntakeAsync(TianshanDb db, ClaimsPrincipal user, IntakeRequest r, TimeProvider time, CancellationToken ct)
    {
        RequireAny(user, Reporters, "接报事件");
        var now = time.GetUtcNow();
        var source = r.Source ?? IncidentSource.DutyDesk;
        var category = r.Category;
        Guid? enterpriseId = r.EnterpriseId;
        if (db.Scope.EnterpriseId is { } own)
        {
            // An enterprise reports its own accident (493号令 第九条), nothing else.
            source = IncidentSource.Enterprise;
            enterpriseId = own;
        }
        if (source == IncidentSource.MonitoringAlarm)
        {
            if (r.AlarmId is null)
                throw new DomainValidationException("alarmId", "来源为监测报警的事件须关联报警记录");
            var alarm = await db.Alarms.AsNoTracking().FirstOrDefaultAsync(a => a.Id == r.AlarmId, ct)
                ?? throw new NotFoundException("报警记录不存在或不在您的管辖范围内");
            enterpriseId = alarm.EnterpriseId;
            category ??= IncidentCategory.Accident;
        }
        string divisionPath;
        if (enterpriseId is { } eid)
        {
            divisionPath = await db.Enterprises.Where(e => e.Id == eid).Select(e => e.Division!.Path).FirstOrDefaultAsync(ct)
                ?? throw new NotFoundException("企业不存在或不在您的管辖范围内");
        }
        else if (r.DivisionId is { } divisionId)
        {
            divisionPath = await db.Divisions.Where(d => d.Id == divisionId).Select(d => d.Path).FirstOrDefaultAsync(ct)
                ?? throw new DomainValidationException("divisionId", "事发区划不存在");
        }
        else
        {
            divisionPath = db.Scope.DivisionPath;
        }
        if (!divisionPath.StartsWith(db.Scope.DivisionPath, StringComparison.Ordinal))
            throw new ForbiddenException("事发地不在您的管辖范围内");

        var details = new IncidentDetails
        {
            Source = source,
            Category = category ?? 0,
            Subtype = r.Subtype ?? "",
            Title = r.Title ?? "",
            OccurredAt = r.OccurredAt ?? default,
            ReceivedAt = r.ReceivedAt ?? now,
            Latitude = r.Latitude,
            Longitude = r.Longitude,
            Address = r.Address ?? "",
            Narrative = r.Narrative ?? "",
            Reporter = r.Reporter,
            ReporterPhone = r.ReporterPhone,
            Figures = new IncidentFigures
            {
                Deaths = r.Deaths ?? 0, Missing = r.Missing ?? 0, SeriousInjuries = r.SeriousInjuries ?? 0, Injuries = r.Injuries ?? 0,
                DirectLossYuan = r.DirectLossYuan ?? 0,
            },
            AssessedGrade = r.AssessedGrade,
            EnterpriseId = enterpriseId,
            AlarmId = source == IncidentSource.MonitoringAlarm ? r.AlarmId : null,
        };
        // Every intake lands in the duty log in the same commit (值班日志 records each incident as it is taken).
        return await RecordNumbers.AddAsync(db, db.Incidents.IgnoreQueryFilters().Select(i => i.Number), "SJ", 5, now,
            number => RequireSector(db.Scope, Incident.Intake(number, details, divisionPath, db.Scope.UserName, now)), ct,
            beforeSave: incident => db.DutyLog.Add(DutyLogEntry.Create(DutyLogKind.Incident,
                $"{incident.Number} {incident.Title}（{IncidentLabels.Label(incident.Grade)}，{incident.Figures.Summary()}）",
                incident.Reporter, incident.ReporterPhone, incident.Id, db.Scope.UserName, now)));
    }

    public static Task FollowUpAsync(TianshanDb db, ClaimsPrincipal user, Guid id, FollowUpRequest r, TimeProvider time, CancellationToken ct) =>
        StepAsync(db, user, id, Reporters, "续报", (i, by, now) =>
        {
            var changed = r.Deaths is not null || r.Missing is not null || r.SeriousInjuries is not null || r.Injuries is not null || r.DirectLossYuan is not null;
            var current = i.Figures;
            var figures = changed
                ? new IncidentFigures
                {
                    Deaths = r.Deaths ?? current.Deaths, Missing = r.Missing ?? current.Missing, SeriousInjuries = r.SeriousInjuries ?? current.SeriousInjuries,
                    Injuries = r.Injuries ?? current.Injuries, DirectLossYuan = r.DirectLossYuan ?? current.DirectLossYuan,
                }
                : null;
            var grade = i.Grade;
            i.FollowUp(r.Text ?? "", figures, r.AssessedGrade, by, now);
            var regraded = grade != i.Grade ? $"；等级 {IncidentLabels.Label(grade)} → {IncidentLabels.Label(i.Grade)}" : "";
            return $"{i.Number} 续报：{r.Text?.Trim()}{regraded}";
        }, time, ct);

    public static Task ReportAsync(TianshanDb db, ClaimsPrincipal user, Guid id, ReportRequest r, TimeProvider time, CancellationToken ct) =>
        StepAsync(db, user, id, Desk, "记录上报", (i, by, now) =>
        {
            var level = r.Level ?? throw new DomainValidationException("level", "请选择报告层级");
            i.RecordReport(level, r.At ?? now, r.Recipient, by, now);
            return $"{i.Number} 已报{(string.IsNullOrWhiteSpace(r.Recipient) ? IncidentLabels.Label(level) : r.Recipient.Trim())}";
        }, time, ct);

    public static Task MilestoneAsync(TianshanDb db, ClaimsPrincipal user, Guid id, MilestoneRequest r, TimeProvider time, CancellationToken ct) =>
        StepAsync(db, user, id, Desk, "记录处置节点", (i, by, now) =>
        {
            var kind = r.Kind ?? throw new DomainValidationException("kind", "请选择处置节点");
            i.RecordMilestone(kind, r.At ?? now, r.Note, by, now);
            return null;
        }, time, ct);

    public static Task CloseAsync(TianshanDb db, ClaimsPrincipal user, Guid id, CloseRequest r, TimeProvider time, CancellationToken ct) =>
        StepAsync(db, user, id, Desk, "结案", (i, by, now) =>
        {
            i.Close(new InvestigationClosure
            {
                Cause = r.Cause ?? "", Responsibility = r.Responsibility ?? "", Measures = r.Measures ?? "", Education = r.Education ?? "",
                ReportSubmittedAt = r.ReportSubmittedAt, ApprovedAt = r.ApprovedAt,
            }, by, now);
            return $"{i.Number} 结案";
        }, time, ct);

    /// <summary>Runs one step; a non-null log line goes into the duty log in the same commit.</summary>
    private static async Task StepAsync(TianshanDb db, ClaimsPrincipal user, Guid id, string[] roles, string action,
        Func<Incident, string, DateTimeOffset, string?> step, TimeProvider time, CancellationToken ct)
    {
        var incident = await FindAsync(db, id, ct);
        RequireAny(user, roles, action);
        var now = time.GetUtcNow();
        var line = step(incident, db.Scope.UserName, now);
        if (line is not null)
            db.DutyLog.Add(DutyLogEntry.Create(DutyLogKind.IncidentUpdate, line.Length > 2000 ? line[..2000] : line, null, null, incident.Id, db.Scope.UserName, now));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A department takes only incidents of the sectors it supervises (it could not see any other): an enterprise's is
    /// checked when the enterprise is found in its scope, any other here by the sector of its subtype.</summary>
    private static Incident RequireSector(UserScope scope, Incident incident)
    {
        if (incident.EnterpriseId is null && scope.Sectors != Tianshan.Core.Registry.SectorSet.All
            && (incident.Sector is not { } sector || (scope.Sectors & sector) == 0))
            throw new ForbiddenException("该类事件不属于您监管的行业，请报区应急管理局值班室");
        return incident;
    }

    internal static void RequireAny(ClaimsPrincipal user, IEnumerable<string> roles, string action)
    {
        if (!roles.Any(user.IsInRole))
            throw new ForbiddenException($"您的角色不能{action}");
    }
}
