using Tianshan.Core.People;
using Tianshan.Core.Registry;
using static Tianshan.Core.People.PeopleIndicatorFormulas;

namespace Tianshan.Core.Tests.People;

/// <summary>EP-04, EP-14, DP-03 and DP-04 on small fixtures with hand-computed values, including the empty and boundary cases.</summary>
public sealed class PeopleIndicatorFormulaTests
{
    private const int Year = 2026;
    private static readonly Sector[] HighRisk = [Sector.HazardousChemicals, Sector.NonCoalMines, Sector.IndustryTrade];
    private static readonly Guid A = Guid.NewGuid(), B = Guid.NewGuid(), C = Guid.NewGuid(), D = Guid.NewGuid(), E = Guid.NewGuid(), F = Guid.NewGuid();

    private static AttendanceRow Course(Guid person, DateOnly on, TrainingKind kind = TrainingKind.EmergencyCompetence) => new(person, null, kind, on);

    [Fact]
    public void Emergency_competence_counts_high_risk_principals_and_managers_trained_this_year()
    {
        PersonRow[] people =
        [
            new(A, PersonRole.Principal, Sector.HazardousChemicals),     // trained this year → counted
            new(B, PersonRole.SafetyManager, Sector.NonCoalMines),        // trained last year only → in the denominator, not counted
            new(C, PersonRole.SafetyManager, Sector.IndustryTrade),       // trained on 31 December → counted (boundary)
            new(D, PersonRole.SpecialOperationWorker, Sector.HazardousChemicals), // not a principal or manager → left out
            new(E, PersonRole.Principal, Sector.CrowdedPlaces),           // not a high-risk sector → left out
            new(F, PersonRole.Principal, Sector.HazardousChemicals),      // went to a different kind of course → not counted
        ];
        AttendanceRow[] attendance =
        [
            Course(A, new(Year, 3, 1)), Course(A, new(Year, 9, 1)), Course(B, new(Year - 1, 12, 31)), Course(C, new(Year, 12, 31)),
            Course(D, new(Year, 3, 1)), Course(F, new(Year, 3, 1), TrainingKind.Other),
        ];
        var result = EmergencyCompetence(people, attendance, Year, HighRisk);
        // 2 of 4 (A, C of A, B, C, F) → 50.0 %
        Assert.Equal(50.0m, result.Actual);
        Assert.Equal(4, result.Items.Count);
        Assert.Equal(2, result.Items.Single(i => i.Person.Id == A).Sessions);
    }

    [Fact]
    public void Emergency_competence_with_nobody_to_train_has_no_value()
    {
        Assert.Null(EmergencyCompetence([new(E, PersonRole.Principal, Sector.Construction)], [], Year, HighRisk).Actual);
        Assert.Null(EmergencyCompetence([], [], Year, HighRisk).Actual);
    }

    [Fact]
    public void Informant_trainings_are_the_fewest_any_informant_attended()
    {
        AttendanceRow Informant(Guid id, DateOnly on) => new(null, id, TrainingKind.DisasterInformant, on);
        AttendanceRow[] attendance =
        [
            Informant(A, new(Year, 4, 1)), Informant(A, new(Year, 9, 1)), Informant(A, new(Year, 11, 1)),
            Informant(B, new(Year, 1, 1)), Informant(B, new(Year, 12, 31)),  // both boundary days of the year
            Informant(C, new(Year - 1, 12, 31)), Informant(C, new(Year, 5, 1)), // one falls in last year
            new(C, null, TrainingKind.Other, new(Year, 6, 1)),              // not an informant training
        ];
        var result = InformantTrainings([A, B, C], attendance, Year);
        Assert.Equal(1m, result.Actual);    // A 3, B 2, C 1 → min 1
        Assert.Equal(2, result.Items.Single(i => i.Informant == B).Trainings);

        Assert.Equal(2m, InformantTrainings([A, B], attendance, Year).Actual);
        Assert.Equal(0m, InformantTrainings([A, D], attendance, Year).Actual); // an untrained informant shows as 0
        Assert.Null(InformantTrainings([], attendance, Year).Actual);
    }

    [Fact]
    public void Household_reach_caps_each_community_at_its_households()
    {
        CommunityHouseholds[] communities = [new(A, 1000), new(B, 500), new(C, 500)];
        PublicityRow[] activities =
        [
            new(A, 400, new(Year, 5, 12)), new(A, 200, new(Year, 6, 16)),   // A: 600 of 1000
            new(B, 450, new(Year, 5, 12)), new(B, 300, new(Year, 11, 9)),   // B: 750 → capped at 500
            new(C, 500, new(Year - 1, 5, 12)),                              // C: last year's only → 0
        ];
        var result = HouseholdReach(communities, activities, Year);
        // (600 + 500 + 0) / 2000 = 55.0 %
        Assert.Equal(55.0m, result.Actual);
        var b = result.Items.Single(i => i.Community.CommunityId == B);
        Assert.Equal((750, 500), (b.Reached, b.Counted));
    }

    [Fact]
    public void Household_reach_without_households_has_no_value_and_full_reach_is_one_hundred()
    {
        Assert.Null(HouseholdReach([], [new(A, 10, new(Year, 1, 1))], Year).Actual);
        Assert.Null(HouseholdReach([new(A, 0)], [], Year).Actual);
        Assert.Equal(100.0m, HouseholdReach([new(A, 300)], [new(A, 300, new(Year, 1, 1))], Year).Actual);
    }

    [Fact]
    public void Survey_rate_pools_the_years_surveys_of_the_kind()
    {
        SurveyRow[] surveys =
        [
            new(A, SurveyKind.DisasterReduction, new(Year, 3, 1), 120, 110),
            new(B, SurveyKind.DisasterReduction, new(Year, 10, 1), 80, 70),
            new(C, SurveyKind.FireSafetyAwareness, new(Year, 10, 1), 100, 10),   // other kind: not counted
            new(D, SurveyKind.DisasterReduction, new(Year - 1, 10, 1), 100, 0),  // last year: not counted
        ];
        // (110 + 70) / (120 + 80) = 90.0 % — exactly the DP-04 target
        Assert.Equal(90.0m, SurveyRate(surveys, SurveyKind.DisasterReduction, Year).Actual);
        Assert.Equal(10.0m, SurveyRate(surveys, SurveyKind.FireSafetyAwareness, Year).Actual);
        Assert.Null(SurveyRate(surveys, SurveyKind.DisasterReduction, Year + 1).Actual);
        // 2 of 3 rounds half away from zero to one decimal: 66.7 %
        Assert.Equal(66.7m, SurveyRate([new(E, SurveyKind.DisasterReduction, new(Year, 1, 1), 3, 2)], SurveyKind.DisasterReduction, Year).Actual);
    }
}
