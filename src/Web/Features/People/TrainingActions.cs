using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Tianshan.Core.Data;
using Tianshan.Core.Incidents.DisasterReports;
using Tianshan.Core.People;
using Tianshan.Core.Platform;

namespace Tianshan.Web.Features.People;

public sealed record TrainingView(Guid Id, Guid? EnterpriseId, string Holder, string Topic, TrainingKind Kind, string KindLabel, string Organiser,
    DateOnly HeldOn, decimal Hours, string? Place, int Attendees, decimal HoursCredited);

public sealed record AttendeeView(Guid Id, Guid? PersonId, Guid? InformantId, string Name, string Affiliation, string Role, decimal HoursCredited, bool Passed);

public sealed record TrainingDetail(TrainingView Session, IReadOnlyList<AttendeeView> Attendees);

/// <summary>One worker's three-level education (三级安全教育): the hours of each level attended.</summary>
public sealed record ThreeLevelRow(Guid PersonId, string Name, string Enterprise, string RoleLabel, DateOnly? HiredOn, decimal CompanyHours, decimal WorkshopHours,
    decimal TeamHours, bool Complete);

public sealed record StaffHoursRow(Guid PersonId, string Name, string? Position, int Sessions, decimal Hours);

/// <summary>A community's disaster informants against the plan: two informants, each trained at least twice a year.</summary>
public sealed record InformantCommunityRow(Guid DivisionId, string Community, int Informants, int TargetInformants, int FewestTrainings, int TargetTrainings,
    IReadOnlyList<InformantTrainingRow> People)
{
    public bool InformantsMet => Informants >= TargetInformants;

    public bool TrainingsMet => Informants > 0 && FewestTrainings >= TargetTrainings;
}

public sealed record InformantTrainingRow(Guid Id, string Name, int Trainings);

/// <summary>Training sessions and attendance: the bureau holds its own staff's, the informants' and the emergency-competence
/// course; an enterprise holds its own (three-level education included) and sees its people's attendance anywhere.</summary>
public static class TrainingActions
{
    public sealed record Filter(TrainingKind? Kind = null, int? Year = null, Guid? EnterpriseId = null);

    public sealed record TrainingRequest(Guid? EnterpriseId, string? Topic, TrainingKind? Kind, string? Organiser, DateOnly? HeldOn, decimal? Hours, string? Place);

    public sealed record AttendRequest(Guid? PersonId, Guid? InformantId, decimal? HoursCredited, bool? Passed);

    private static TrainingView ViewOf(TrainingSession t, int attendees, decimal hours) =>
        new(t.Id, t.EnterpriseId, t.Enterprise?.Name ?? PeopleActions.BureauName, t.Topic, t.Kind, PeopleLabels.Label(t.Kind), t.Organiser, t.HeldOn, t.Hours, t.Place,
            attendees, hours);

    public static async Task<List<TrainingView>> ListAsync(TianshanDb db, Filter f, CancellationToken ct)
    {
        var query = db.TrainingSessions.AsNoTracking().Include(t => t.Enterprise).AsQueryable();
        if (f.Kind is { } kind)
            query = query.Where(t => t.Kind == kind);
        if (f.Year is { } year)
            query = query.Where(t => t.HeldOn >= new DateOnly(year, 1, 1) && t.HeldOn <= new DateOnly(year, 12, 31));
        if (f.EnterpriseId is { } enterprise)
            query = query.Where(t => t.EnterpriseId == enterprise);
        var sessions = await query.ToListAsync(ct);
        var ids = sessions.Select(s => s.Id).ToList();
        // Attendance as the caller may see it: an enterprise counts only its own people at the bureau's course.
        var counts = (await db.Attendances.AsNoTracking().Where(a => ids.Contains(a.TrainingSessionId)).Select(a => new { a.TrainingSessionId, a.HoursCredited }).ToListAsync(ct))
            .GroupBy(a => a.TrainingSessionId).ToDictionary(g => g.Key, g => (Count: g.Count(), Hours: g.Sum(a => a.HoursCredited)));
        return sessions.OrderByDescending(s => s.HeldOn).ThenBy(s => s.Topic, StringComparer.Ordinal)
            .Select(s => counts.TryGetValue(s.Id, out var c) ? ViewOf(s, c.Count, c.Hours) : ViewOf(s, 0, 0)).ToList();
    }

    public static async Task<TrainingDetail> GetAsync(TianshanDb db, Guid id, CancellationToken ct)
    {
        var attendance = await db.Attendances.AsNoTracking().Where(a => a.TrainingSessionId == id)
            .Include(a => a.Person!).ThenInclude(p => p.Enterprise).Include(a => a.Informant!).ThenInclude(i => i.Division).ToListAsync(ct);
        var session = await db.TrainingSessions.AsNoTracking().Include(t => t.Enterprise).FirstOrDefaultAsync(t => t.Id == id, ct)
            ?? throw new NotFoundException("培训不存在或不在您的管辖范围内");
        var attendees = attendance.Select(a => a.Person is { } p
                ? new AttendeeView(a.Id, p.Id, null, p.Name, p.Enterprise?.Name ?? PeopleActions.BureauName, PeopleLabels.Label(p.Role), a.HoursCredited, a.Passed)
                : new AttendeeView(a.Id, null, a.InformantId, a.Informant?.Name ?? "", a.Informant?.Division?.Name ?? "", "灾害信息员", a.HoursCredited, a.Passed))
            .OrderBy(a => a.Affiliation, StringComparer.Ordinal).ThenBy(a => a.Name, StringComparer.Ordinal).ToList();
        return new TrainingDetail(ViewOf(session, attendees.Count, attendees.Sum(a => a.HoursCredited)), attendees);
    }

    public static async Task<TrainingSession> CreateAsync(TianshanDb db, ClaimsPrincipal user, TrainingRequest r, CancellationToken ct)
    {
        var enterpriseId = await PeopleActions.OwnerAsync(db, user, r.EnterpriseId, ct);
        var session = TrainingSession.Create(enterpriseId, new TrainingDetails
        {
            Topic = r.Topic ?? "", Kind = r.Kind ?? throw new DomainValidationException("kind", "请选择培训类别"), Organiser = r.Organiser ?? "",
            HeldOn = r.HeldOn ?? default, Hours = r.Hours ?? 0, Place = r.Place,
        });
        db.TrainingSessions.Add(session);
        await db.SaveChangesAsync(ct);
        return session;
    }

    public static async Task<Attendance> AttendAsync(TianshanDb db, ClaimsPrincipal user, Guid id, AttendRequest r, CancellationToken ct)
    {
        if (!PeopleActions.Writers.Any(user.IsInRole))
            throw new ForbiddenException("您的角色不能登记培训");
        var session = await db.TrainingSessions.Include(t => t.Attendances).FirstOrDefaultAsync(t => t.Id == id, ct)
            ?? throw new NotFoundException("培训不存在或不在您的管辖范围内");
        if (session.EnterpriseId is null && !user.IsInRole(Roles.Bureau))
            throw new ForbiddenException("区应急管理局组织的培训由区应急管理局登记参训人员");
        Attendance attendance;
        if (r.PersonId is { } personId)
        {
            var person = await db.People.FirstOrDefaultAsync(p => p.Id == personId, ct) ?? throw new NotFoundException("人员不存在或不在您的管辖范围内");
            attendance = session.Attend(person, r.HoursCredited, r.Passed ?? true);
        }
        else if (r.InformantId is { } informantId)
        {
            var informant = await db.DisasterInformants.FirstOrDefaultAsync(i => i.Id == informantId, ct) ?? throw new NotFoundException("灾害信息员不存在");
            attendance = session.Attend(informant, r.HoursCredited, r.Passed ?? true);
        }
        else
        {
            throw new DomainValidationException("personId", "请选择参训人员");
        }
        db.Attendances.Add(attendance);
        await db.SaveChangesAsync(ct);
        return attendance;
    }

    /// <summary>三级安全教育 per worker (生产经营单位安全培训规定 第十二条: 厂（矿）、车间（工段、区、队）、班组三级安全培训教育;
    /// 第十三条: 新上岗不少于 24 学时, 危险化学品等高危行业不少于 72 学时) — complete when all three levels were attended.</summary>
    public static async Task<List<ThreeLevelRow>> ThreeLevelAsync(TianshanDb db, CancellationToken ct)
    {
        var workers = await db.People.AsNoTracking().Include(p => p.Enterprise)
            .Where(p => p.Role == PersonRole.Worker || p.Role == PersonRole.SpecialOperationWorker).ToListAsync(ct);
        var ids = workers.Select(w => w.Id).ToList();
        var hours = (await db.Attendances.AsNoTracking().Where(a => a.PersonId != null && ids.Contains(a.PersonId.Value))
                .Select(a => new { a.PersonId, a.TrainingSession!.Kind, a.HoursCredited }).ToListAsync(ct))
            .GroupBy(a => (a.PersonId!.Value, a.Kind)).ToDictionary(g => g.Key, g => g.Sum(a => a.HoursCredited));
        decimal H(Guid id, TrainingKind kind) => hours.GetValueOrDefault((id, kind));
        return workers.Select(w => new ThreeLevelRow(w.Id, w.Name, w.Enterprise?.Name ?? "", PeopleLabels.Label(w.Role), w.HiredOn,
                H(w.Id, TrainingKind.ThreeLevelCompany), H(w.Id, TrainingKind.ThreeLevelWorkshop), H(w.Id, TrainingKind.ThreeLevelTeam),
                H(w.Id, TrainingKind.ThreeLevelCompany) > 0 && H(w.Id, TrainingKind.ThreeLevelWorkshop) > 0 && H(w.Id, TrainingKind.ThreeLevelTeam) > 0))
            .OrderBy(r => r.Complete).ThenBy(r => r.Enterprise, StringComparer.Ordinal).ThenBy(r => r.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>The bureau's own staff: sessions attended and hours credited in the year (any kind of session).</summary>
    public static async Task<List<StaffHoursRow>> StaffHoursAsync(TianshanDb db, int year, CancellationToken ct)
    {
        if (db.Scope.EnterpriseId is not null)
            return [];
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        var staff = await db.People.AsNoTracking().Where(p => p.Role == PersonRole.BureauStaff).ToListAsync(ct);
        var rows = (await db.Attendances.AsNoTracking().Where(a => a.Person!.Role == PersonRole.BureauStaff && a.TrainingSession!.HeldOn >= from && a.TrainingSession.HeldOn <= to)
                .Select(a => new { a.PersonId, a.HoursCredited }).ToListAsync(ct))
            .GroupBy(a => a.PersonId!.Value).ToDictionary(g => g.Key, g => (Count: g.Count(), Hours: g.Sum(a => a.HoursCredited)));
        return staff.Select(p => rows.TryGetValue(p.Id, out var r) ? new StaffHoursRow(p.Id, p.Name, p.Position, r.Count, r.Hours) : new StaffHoursRow(p.Id, p.Name, p.Position, 0, 0))
            .OrderByDescending(r => r.Hours).ThenBy(r => r.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>Per community in scope: its informants (the resources ledger — no second list) and the informant trainings each
    /// attended in the year, against the plan's two informants, each trained twice.</summary>
    public static async Task<List<InformantCommunityRow>> InformantCommunitiesAsync(TianshanDb db, int year, CancellationToken ct)
    {
        if (db.Scope.EnterpriseId is not null)
            return [];
        var communities = await db.Divisions.AsNoTracking().Where(d => d.Level == DivisionLevel.Community && d.Path.StartsWith(db.Scope.DivisionPath))
            .OrderBy(d => d.Code).ToListAsync(ct);
        var informants = await db.DisasterInformants.AsNoTracking().ToListAsync(ct);
        var counts = await InformantTrainingCountsAsync(db, year, ct);
        return communities.Select(c =>
        {
            var people = informants.Where(i => i.DivisionId == c.Id).OrderBy(i => i.Code, StringComparer.Ordinal)
                .Select(i => new InformantTrainingRow(i.Id, i.Name, counts.GetValueOrDefault(i.Id))).ToList();
            return new InformantCommunityRow(c.Id, c.Name, people.Count, DisasterInformant.TargetPerCommunity, people.Count == 0 ? 0 : people.Min(p => p.Trainings),
                PeopleIndicatorFormulas.InformantTrainingsPerYear, people);
        }).ToList();
    }

    internal static async Task<Dictionary<Guid, int>> InformantTrainingCountsAsync(TianshanDb db, int year, CancellationToken ct)
    {
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        return (await db.Attendances.AsNoTracking()
                .Where(a => a.InformantId != null && a.TrainingSession!.Kind == TrainingKind.DisasterInformant && a.TrainingSession.HeldOn >= from && a.TrainingSession.HeldOn <= to)
                .Select(a => a.InformantId!.Value).ToListAsync(ct))
            .GroupBy(i => i).ToDictionary(g => g.Key, g => g.Count());
    }
}
