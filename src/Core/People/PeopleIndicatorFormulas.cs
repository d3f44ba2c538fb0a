using Tianshan.Core.Indicators;
using Tianshan.Core.Registry;

namespace Tianshan.Core.People;

/// <summary>
/// The arithmetic of the people-and-publicity indicators (EP-04, EP-14, DP-03, DP-04 of <see cref="IndicatorCatalogue"/>) as
/// pure functions of plain rows, so each formula is tested on a small hand-computed fixture; the indicator calculators load
/// the rows in the user's scope and turn these results into the records behind the number.
/// </summary>
public static class PeopleIndicatorFormulas
{
    /// <summary>灾害信息员每年培训不少于 2 次 (综合防灾减灾“十四五”规划 目标 4).</summary>
    public const int InformantTrainingsPerYear = 2;

    public sealed record PersonRow(Guid Id, PersonRole Role, Sector? Sector);

    public sealed record AttendanceRow(Guid? PersonId, Guid? InformantId, TrainingKind Kind, DateOnly HeldOn);

    public sealed record CommunityHouseholds(Guid CommunityId, int Households);

    public sealed record PublicityRow(Guid CommunityId, int HouseholdsReached, DateOnly HeldOn);

    public sealed record SurveyRow(Guid Id, SurveyKind Kind, DateOnly ConductedOn, int SampleSize, int Passing);

    public sealed record Result<T>(decimal? Actual, IReadOnlyList<T> Items);

    /// <summary>EP-04: the principals and safety managers of enterprises in <paramref name="highRiskSectors"/>, each with the
    /// emergency-competence sessions attended in <paramref name="year"/>; the rate counts those with at least one.</summary>
    public static Result<(PersonRow Person, int Sessions)> EmergencyCompetence(IEnumerable<PersonRow> people, IEnumerable<AttendanceRow> attendance,
        int year, IReadOnlyCollection<Sector> highRiskSectors)
    {
        var sessions = attendance.Where(a => a.Kind == TrainingKind.EmergencyCompetence && a.HeldOn.Year == year && a.PersonId is not null)
            .GroupBy(a => a.PersonId!.Value).ToDictionary(g => g.Key, g => g.Count());
        var items = people.Where(p => p.Role is PersonRole.Principal or PersonRole.SafetyManager && p.Sector is { } s && highRiskSectors.Contains(s))
            .Select(p => (p, sessions.GetValueOrDefault(p.Id))).ToList();
        return new(IndicatorCatalogue.Rate(items.Count(i => i.Item2 > 0), items.Count), items);
    }

    /// <summary>DP-03: the disaster-informant trainings each informant on the ledger attended in <paramref name="year"/>; the
    /// value is the fewest any informant attended (the plan asks every informant to be trained at least twice a year, so one
    /// untrained informant shows as 0). No informants: no value.</summary>
    public static Result<(Guid Informant, int Trainings)> InformantTrainings(IEnumerable<Guid> informants, IEnumerable<AttendanceRow> attendance, int year)
    {
        var counts = attendance.Where(a => a.Kind == TrainingKind.DisasterInformant && a.HeldOn.Year == year && a.InformantId is not null)
            .GroupBy(a => a.InformantId!.Value).ToDictionary(g => g.Key, g => g.Count());
        var items = informants.Distinct().Select(i => (i, counts.GetValueOrDefault(i))).ToList();
        return new(items.Count == 0 ? null : items.Min(i => i.Item2), items);
    }

    /// <summary>EP-14: households reached by publicity in <paramref name="year"/> over the households of the communities
    /// (承灾体调查). A community's reach is capped at its households (repeat activities reach the same homes), so the
    /// rate never exceeds 100 %. No households recorded: no value.</summary>
    public static Result<(CommunityHouseholds Community, int Reached, int Counted)> HouseholdReach(IEnumerable<CommunityHouseholds> communities,
        IEnumerable<PublicityRow> activities, int year)
    {
        var reached = activities.Where(a => a.HeldOn.Year == year).GroupBy(a => a.CommunityId).ToDictionary(g => g.Key, g => g.Sum(a => a.HouseholdsReached));
        var items = communities.Select(c =>
        {
            var r = reached.GetValueOrDefault(c.CommunityId);
            return (c, r, Math.Min(r, c.Households));
        }).ToList();
        return new(IndicatorCatalogue.Rate(items.Sum(i => i.Item3), items.Sum(i => i.c.Households)), items);
    }

    /// <summary>DP-04 (and the fire-safety awareness rate): households passing over households sampled, over every survey of
    /// the kind in <paramref name="year"/>. No survey: no value.</summary>
    public static Result<SurveyRow> SurveyRate(IEnumerable<SurveyRow> surveys, SurveyKind kind, int year)
    {
        var items = surveys.Where(s => s.Kind == kind && s.ConductedOn.Year == year).ToList();
        return new(IndicatorCatalogue.Rate(items.Sum(s => s.Passing), items.Sum(s => s.SampleSize)), items);
    }
}
