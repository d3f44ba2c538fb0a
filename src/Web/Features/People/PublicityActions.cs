using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Tianshan.Core.Data;
using Tianshan.Core.People;
using Tianshan.Core.Platform;

namespace Tianshan.Web.Features.People;

public sealed record PublicityView(Guid Id, Guid DivisionId, string Community, string Title, PublicityKind Kind, string KindLabel, string Place, DateOnly HeldOn,
    int Audience, int HouseholdsReached, string? Organiser);

public sealed record SurveyView(Guid Id, Guid DivisionId, string Community, SurveyKind Kind, string KindLabel, DateOnly ConductedOn, int SampleSize, int Passing,
    decimal Rate, decimal Target, bool Met, string? Organiser);

/// <summary>Publicity activities and knowledge surveys, recorded per community by the bureau, a street or a community within
/// its own divisions (the same division scoping as the resource atlas); enterprises have none.</summary>
public static class PublicityActions
{
    public static readonly string[] Readers = [Roles.Bureau, Roles.Department, Roles.Street, Roles.Community];

    public static readonly string[] Writers = [Roles.Bureau, Roles.Street, Roles.Community];

    public sealed record Filter(int? Year = null, Guid? DivisionId = null);

    public sealed record PublicityRequest(Guid? DivisionId, string? Title, PublicityKind? Kind, string? Place, DateOnly? HeldOn, int? Audience, int? HouseholdsReached,
        string? Organiser);

    public sealed record SurveyRequest(Guid? DivisionId, SurveyKind? Kind, DateOnly? ConductedOn, int? SampleSize, int? Passing, string? Organiser);

    public static async Task<List<PublicityView>> ListPublicityAsync(TianshanDb db, Filter f, CancellationToken ct)
    {
        var query = db.PublicityActivities.AsNoTracking().Include(p => p.Division).AsQueryable();
        if (f.Year is { } year)
            query = query.Where(p => p.HeldOn >= new DateOnly(year, 1, 1) && p.HeldOn <= new DateOnly(year, 12, 31));
        if (f.DivisionId is { } division)
            query = query.Where(p => p.DivisionId == division);
        return (await query.ToListAsync(ct)).OrderByDescending(p => p.HeldOn).ThenBy(p => p.Division!.Code, StringComparer.Ordinal)
            .Select(p => new PublicityView(p.Id, p.DivisionId, p.Division!.Name, p.Title, p.Kind, PeopleLabels.Label(p.Kind), p.Place, p.HeldOn, p.Audience,
                p.HouseholdsReached, p.Organiser)).ToList();
    }

    public static async Task<List<SurveyView>> ListSurveysAsync(TianshanDb db, Filter f, CancellationToken ct)
    {
        var query = db.KnowledgeSurveys.AsNoTracking().Include(p => p.Division).AsQueryable();
        if (f.Year is { } year)
            query = query.Where(s => s.ConductedOn >= new DateOnly(year, 1, 1) && s.ConductedOn <= new DateOnly(year, 12, 31));
        if (f.DivisionId is { } division)
            query = query.Where(s => s.DivisionId == division);
        return (await query.ToListAsync(ct)).OrderByDescending(s => s.ConductedOn).ThenBy(s => s.Division!.Code, StringComparer.Ordinal)
            .Select(s => new SurveyView(s.Id, s.DivisionId, s.Division!.Name, s.Kind, PeopleLabels.Label(s.Kind), s.ConductedOn, s.SampleSize, s.Passing, s.Rate,
                PeopleLabels.Target(s.Kind), s.Rate >= PeopleLabels.Target(s.Kind), s.Organiser)).ToList();
    }

    public static async Task<PublicityActivity> CreatePublicityAsync(TianshanDb db, ClaimsPrincipal user, PublicityRequest r, CancellationToken ct)
    {
        var community = await CommunityAsync(db, user, r.DivisionId, ct);
        var activity = PublicityActivity.Create(community, new PublicityDetails
        {
            Title = r.Title ?? "", Kind = r.Kind ?? throw new DomainValidationException("kind", "请选择活动类型"), Place = r.Place ?? "", HeldOn = r.HeldOn ?? default,
            Audience = r.Audience ?? 0, HouseholdsReached = r.HouseholdsReached ?? 0, Organiser = r.Organiser,
        });
        db.PublicityActivities.Add(activity);
        await db.SaveChangesAsync(ct);
        return activity;
    }

    public static async Task<KnowledgeSurvey> CreateSurveyAsync(TianshanDb db, ClaimsPrincipal user, SurveyRequest r, CancellationToken ct)
    {
        var community = await CommunityAsync(db, user, r.DivisionId, ct);
        var survey = KnowledgeSurvey.Create(community, new SurveyDetails
        {
            Kind = r.Kind ?? throw new DomainValidationException("kind", "请选择调查类型"), ConductedOn = r.ConductedOn ?? default, SampleSize = r.SampleSize ?? 0,
            Passing = r.Passing ?? 0, Organiser = r.Organiser,
        });
        db.KnowledgeSurveys.Add(survey);
        await db.SaveChangesAsync(ct);
        return survey;
    }

    /// <summary>The communities the caller may record for: those under its own division.</summary>
    public static Task<List<Division>> CommunitiesAsync(TianshanDb db, CancellationToken ct) =>
        db.Divisions.AsNoTracking().Where(d => d.Level == DivisionLevel.Community && d.Path.StartsWith(db.Scope.DivisionPath)).OrderBy(d => d.Code).ToListAsync(ct);

    private static async Task<Division> CommunityAsync(TianshanDb db, ClaimsPrincipal user, Guid? divisionId, CancellationToken ct)
    {
        if (!Writers.Any(user.IsInRole))
            throw new ForbiddenException("您的角色不能登记宣传活动和知识调查");
        var id = divisionId ?? throw new DomainValidationException("divisionId", "请选择社区");
        var division = await db.Divisions.FirstOrDefaultAsync(d => d.Id == id, ct);
        if (division is null || !division.Path.StartsWith(db.Scope.DivisionPath, StringComparison.Ordinal) || db.Scope.EnterpriseId is not null)
            throw new NotFoundException("社区不存在或不在您的管辖范围内");
        return division;
    }
}
