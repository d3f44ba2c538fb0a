using Tianshan.Core.Indicators;
using Tianshan.Core.Resources;
using static Tianshan.Core.Indicators.ResponseFormulas;

namespace Tianshan.Core.Tests.Indicators;

/// <summary>The response-side indicator formulas on small fixtures whose expected values are worked out by hand in the comments.</summary>
public class ResponseFormulasTests
{
    private static readonly DateTimeOffset T0 = new(2026, 7, 14, 3, 0, 0, TimeSpan.Zero);

    private static TimedEvent At(double? hours) => new(Guid.NewGuid(), "e", T0, hours is { } h ? T0.AddHours(h) : null);

    [Fact]
    public void The_longest_milestone_time_is_the_maximum_over_events_that_recorded_it()
    {
        // 3 h and 9.25 h recorded, one not recorded: max 9.25 → 9.3 (one decimal, half away from zero).
        Assert.Equal(9.3m, MaxHours([At(3), At(9.25), At(null)]));
        Assert.Null(MaxHours([]));
        Assert.Null(MaxHours([At(null)]));
    }

    [Fact]
    public void Within_the_limit_includes_the_limit_itself()
    {
        Assert.True(Within(At(8), TimeSpan.FromHours(8)));                 // "8小时内": exactly 8 h counts
        Assert.False(Within(At(8 + 1 / 3600d), TimeSpan.FromHours(8)));    // one second later does not
        Assert.False(Within(At(null), TimeSpan.FromHours(8)));            // nothing recorded has not met it
    }

    [Fact]
    public void The_within_rate_counts_events_without_a_milestone_in_the_denominator()
    {
        // 2 h ✓, 8 h ✓, 8 h 1 min ✗, none ✗ → 2 / 4 = 50 %.
        Assert.Equal(50m, WithinRate([At(2), At(8), At(8 + 1 / 60d), At(null)], TimeSpan.FromHours(8)));
        // 1 of 3 → 33.3 %.
        Assert.Equal(33.3m, WithinRate([At(1.5), At(2.5), At(null)], TimeSpan.FromHours(2)));
        Assert.Null(WithinRate([], TimeSpan.FromHours(2)));
    }

    [Fact]
    public void Relief_within_eight_hours_is_weighted_by_the_affected_people_reported()
    {
        // 120 people relieved at 7 h ✓, 80 at 9 h ✗, 40 never ✗, a report with nobody affected ignored → 120 / 240 = 50 %.
        Assert.Equal(50m, PeopleRelievedWithin([new(At(7), 120), new(At(9), 80), new(At(null), 40), new(At(1), 0)], TimeSpan.FromHours(8)));
        // 100 at exactly 8 h ✓, 200 never → 100 / 300 = 33.3 %.
        Assert.Equal(33.3m, PeopleRelievedWithin([new(At(8), 100), new(At(null), 200)], TimeSpan.FromHours(8)));
        Assert.Null(PeopleRelievedWithin([new(At(1), 0)], TimeSpan.FromHours(8)));
        Assert.Null(PeopleRelievedWithin([], TimeSpan.FromHours(8)));
    }

    [Theory]
    [InlineData(3, 5, -2)]
    [InlineData(0, 0, 0)]
    [InlineData(2, 0, 2)]
    public void Accident_deaths_change_is_this_year_minus_last_year(int now, int before, int expected) =>
        Assert.Equal(expected, DeathsChange(now, before));

    private static ShelterSite Shelter(ShelterType type, int capacity, decimal area, ShelterStatus status = ShelterStatus.Closed, Guid? division = null,
        double? lat = null, double? lon = null) => new(Guid.NewGuid(), $"{type}", division ?? Guid.NewGuid(), lat, lon, type, capacity, area, status);

    [Theory]
    [InlineData(1000, "1500", ShelterStatus.Closed, false)]   // 1.5 m² per person: GB 21734 asks for more than 1.5
    [InlineData(1000, "1501", ShelterStatus.Closed, true)]    // closed but ready: available
    [InlineData(1000, "3000", ShelterStatus.Open, true)]
    [InlineData(1000, "3000", ShelterStatus.OutOfUse, false)]
    [InlineData(0, "3000", ShelterStatus.Closed, false)]      // no capacity recorded shelters nobody
    public void A_shelter_qualifies_with_more_than_one_and_a_half_square_metres_per_person_and_in_use(int capacity, string area, ShelterStatus status,
        bool expected) =>
        Assert.Equal(expected, Qualifies(Shelter(ShelterType.Emergency, capacity, decimal.Parse(area, System.Globalization.CultureInfo.InvariantCulture), status), 1.5m));

    [Fact]
    public void A_community_is_covered_by_a_qualified_shelter_within_its_service_radius_or_its_own()
    {
        // One degree of latitude is 2πR/360 = 111.195 km, so these offsets are distances along a meridian.
        const double kmPerDegree = 111.19508;
        const double lat = 44.32, lon = 84.88;
        var a = new Community(Guid.NewGuid(), "A", lat, lon);
        var b = new Community(Guid.NewGuid(), "B", lat + 3 / kmPerDegree, lon);
        var c = new Community(Guid.NewGuid(), "C", lat - 3 / kmPerDegree, lon);
        var d = new Community(Guid.NewGuid(), "D", null, null);
        var e = new Community(Guid.NewGuid(), "E", lat + 10 / kmPerDegree, lon);
        ShelterSite[] shelters =
        [
            Shelter(ShelterType.Emergency, 500, 1000, lat: lat + 0.4 / kmPerDegree, lon: lon),            // 0.4 km from A ✓ (500 m radius)
            Shelter(ShelterType.FixedShortTerm, 2000, 6000, lat: lat + 4.5 / kmPerDegree, lon: lon),      // 1.5 km from B ✓ (2 km radius)
            Shelter(ShelterType.Emergency, 500, 1000, lat: lat - 3.6 / kmPerDegree, lon: lon),            // 0.6 km from C ✗ (beyond 500 m)
            Shelter(ShelterType.FixedLongTerm, 2000, 2000, lat: lat - 3 / kmPerDegree, lon: lon),         // at C but 1.0 m² per person ✗
            Shelter(ShelterType.Emergency, 100, 200, division: d.Id),                                     // D's own, no position ✓
            Shelter(ShelterType.Central, 5000, 20000, ShelterStatus.OutOfUse, lat: e.Latitude, lon: lon), // at E but out of use ✗
        ];
        var coverage = ShelterCoverage([a, b, c, d, e], shelters, 1.5m).ToDictionary(x => x.Community.Name, x => x.CoveredBy);
        Assert.Same(shelters[0], coverage["A"]);
        Assert.Same(shelters[1], coverage["B"]);
        Assert.Null(coverage["C"]);
        Assert.Same(shelters[4], coverage["D"]);
        Assert.Null(coverage["E"]);
        // 3 of 5 communities covered → 60 %.
        Assert.Equal(60m, IndicatorCatalogue.Rate(coverage.Values.Count(s => s is not null), coverage.Count));
    }

    [Fact]
    public void Distance_is_the_great_circle_distance()
    {
        Assert.Equal(111.195, Tianshan.Core.Dispatch.GeoMath.Kilometres(44, 84, 45, 84), 3);
        Assert.Equal(0, Tianshan.Core.Dispatch.GeoMath.Kilometres(44.3, 84.9, 44.3, 84.9), 9);
    }
}
