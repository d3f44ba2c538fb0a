using Microsoft.EntityFrameworkCore;
using Tianshan.Core.Data;
using Tianshan.Core.Indicators;
using Tianshan.Core.People;
using Tianshan.Core.Platform;
using Tianshan.Core.Registry;
using static Tianshan.Core.People.PeopleIndicatorFormulas;

namespace Tianshan.Web.Features.Indicators;

/// <summary>The people-and-publicity indicators (C11): the rows come from the scoped context, the arithmetic from
/// <see cref="PeopleIndicatorFormulas"/>, and every value opens down to its people, informants, communities or surveys.</summary>
public static partial class Indicators
{
    /// <summary>EP-04: high-risk-sector principals and safety managers who attended an emergency-competence course in the year.</summary>
    private static async Task<Computation> EmergencyCompetenceAsync(TianshanDb db, int year, CancellationToken ct)
    {
        var people = await db.People.AsNoTracking().Where(p => p.EnterpriseId != null && (p.Role == PersonRole.Principal || p.Role == PersonRole.SafetyManager))
            .Select(p => new { p.Id, p.Name, p.Role, p.EnterpriseId, EnterpriseName = p.Enterprise!.Name, p.Enterprise.Sector }).ToListAsync(ct);
        var attendance = await AttendanceRowsAsync(db, year, TrainingKind.EmergencyCompetence, ct);
        var result = EmergencyCompetence(people.Select(p => new PersonRow(p.Id, p.Role, p.Sector)), attendance, year, LedgerFormulas.HighRiskSectors);
        var byId = people.ToDictionary(p => p.Id);
        var records = result.Items.Select(i => (Row: byId[i.Person.Id], i.Sessions))
            .OrderBy(i => i.Sessions > 0).ThenBy(i => i.Row.EnterpriseName, StringComparer.Ordinal).ThenBy(i => i.Row.Role)
            .Select(i => new IndicatorRecord("人员", i.Row.Id, $"{i.Row.EnterpriseName} · {i.Row.Name}（{PeopleLabels.Label(i.Row.Role)}）", i.Sessions > 0,
                i.Sessions > 0 ? $"{year} 年参加应急能力培训 {i.Sessions} 次" : $"{year} 年未参加应急能力培训", "/people")).ToList();
        return new Computation(result.Actual, records);
    }

    /// <summary>EP-14: households reached by publicity in the year over the communities' households (承灾体调查).</summary>
    private static async Task<Computation> PublicityHouseholdsAsync(TianshanDb db, int year, CancellationToken ct)
    {
        var communities = await db.CommunityExposures.AsNoTracking().Where(c => c.Division!.Path.StartsWith(db.Scope.DivisionPath))
            .Select(c => new { c.DivisionId, c.Division!.Name, c.Division.Code, c.Households }).ToListAsync(ct);
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        var activities = await db.PublicityActivities.AsNoTracking().Where(p => p.HeldOn >= from && p.HeldOn <= to)
            .Select(p => new PublicityRow(p.DivisionId, p.HouseholdsReached, p.HeldOn)).ToListAsync(ct);
        var result = HouseholdReach(communities.Select(c => new CommunityHouseholds(c.DivisionId, c.Households)), activities, year);
        var byId = communities.ToDictionary(c => c.DivisionId);
        var records = result.Items.OrderBy(i => byId[i.Community.CommunityId].Code, StringComparer.Ordinal)
            .Select(i => new IndicatorRecord("社区", i.Community.CommunityId, byId[i.Community.CommunityId].Name, i.Reached > 0,
                $"宣传覆盖 {i.Reached} 户（计 {i.Counted} 户）/ 共 {i.Community.Households} 户", "/people/publicity")).ToList();
        return new Computation(result.Actual, records);
    }

    /// <summary>DP-03: the fewest informant trainings any informant on the ledger attended in the year.</summary>
    private static async Task<Computation> InformantTrainingsAsync(TianshanDb db, int year, CancellationToken ct)
    {
        var informants = await db.DisasterInformants.AsNoTracking().Select(i => new { i.Id, i.Name, Community = i.Division!.Name, i.Code }).ToListAsync(ct);
        var attendance = await AttendanceRowsAsync(db, year, TrainingKind.DisasterInformant, ct);
        var result = InformantTrainings(informants.Select(i => i.Id), attendance, year);
        var byId = informants.ToDictionary(i => i.Id);
        var records = result.Items.OrderBy(i => i.Trainings).ThenBy(i => byId[i.Informant].Code, StringComparer.Ordinal)
            .Select(i => new IndicatorRecord("灾害信息员", i.Informant, $"{byId[i.Informant].Community} · {byId[i.Informant].Name}",
                i.Trainings >= InformantTrainingsPerYear, $"{year} 年参加培训 {i.Trainings} 次", "/people/informants")).ToList();
        return new Computation(result.Actual, records);
    }

    /// <summary>DP-04: households passing the disaster-reduction knowledge surveys of the year over those sampled.</summary>
    private static async Task<Computation> DisasterKnowledgeAsync(TianshanDb db, int year, CancellationToken ct)
    {
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        var surveys = await db.KnowledgeSurveys.AsNoTracking().Where(s => s.Kind == SurveyKind.DisasterReduction && s.ConductedOn >= from && s.ConductedOn <= to)
            .Select(s => new { s.Id, s.Kind, s.ConductedOn, s.SampleSize, s.Passing, Community = s.Division!.Name }).ToListAsync(ct);
        var result = SurveyRate(surveys.Select(s => new SurveyRow(s.Id, s.Kind, s.ConductedOn, s.SampleSize, s.Passing)), SurveyKind.DisasterReduction, year);
        var byId = surveys.ToDictionary(s => s.Id);
        var records = result.Items.OrderBy(s => s.ConductedOn)
            .Select(s => new IndicatorRecord("知识调查", s.Id, $"{byId[s.Id].Community} · {s.ConductedOn:yyyy-MM-dd}", true,
                $"合格 {s.Passing} 户 / 调查 {s.SampleSize} 户", "/people/publicity")).ToList();
        return new Computation(result.Actual, records);
    }

    private static async Task<List<AttendanceRow>> AttendanceRowsAsync(TianshanDb db, int year, TrainingKind kind, CancellationToken ct)
    {
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        return await db.Attendances.AsNoTracking().Where(a => a.TrainingSession!.Kind == kind && a.TrainingSession.HeldOn >= from && a.TrainingSession.HeldOn <= to)
            .Select(a => new AttendanceRow(a.PersonId, a.InformantId, a.TrainingSession!.Kind, a.TrainingSession.HeldOn)).ToListAsync(ct);
    }
}
