using Tianshan.Core.Dispatch;

namespace Tianshan.Core.Tests.Dispatch;

public class ShelterAllocationTests
{
    [Fact]
    public void Short_capacity_places_everyone_it_can_at_the_least_total_travel()
    {
        // Worked by hand: community 0 → shelter 0 (50 × 1); community 1 → shelter 0 (10 × 2) and shelter 1 (20 × 3);
        // community 2 → shelter 1 (30 × 4), 10 people of community 2 unplaced. Total 50 + 20 + 60 + 120 = 250.
        var cost = new double[,] { { 1, 10 }, { 2, 3 }, { 5, 4 } };
        var result = ShelterAllocation.Allocate([50, 30, 40], [60, 50], cost);
        Assert.Equal(250, result.TotalCost, 6);
        Assert.Equal([0, 0, 10], result.Unplaced);
        Assert.Equal([60, 50], result.Used);
    }

    [Fact]
    public void A_community_with_no_road_to_a_shelter_is_reported_unplaced()
    {
        var cost = new double[,] { { 5, double.PositiveInfinity }, { double.PositiveInfinity, double.PositiveInfinity } };
        var result = ShelterAllocation.Allocate([10, 7], [100, 100], cost);
        Assert.Equal([0, 7], result.Unplaced);
        Assert.Equal(50, result.TotalCost, 6);
    }

    [Fact]
    public void No_shelter_ever_takes_more_than_its_capacity_and_no_community_sends_more_than_it_has()
    {
        var random = new Random(20261128);
        for (var run = 0; run < 300; run++)
        {
            int m = random.Next(1, 9), s = random.Next(1, 7);
            var people = Enumerable.Range(0, m).Select(_ => random.Next(0, 500)).ToArray();
            var capacity = Enumerable.Range(0, s).Select(_ => random.Next(0, 400)).ToArray();
            var cost = new double[m, s];
            for (var i = 0; i < m; i++)
                for (var j = 0; j < s; j++)
                    cost[i, j] = random.Next(10) == 0 ? double.PositiveInfinity : random.Next(1, 1000);
            var result = ShelterAllocation.Allocate(people, capacity, cost);
            for (var j = 0; j < s; j++)
            {
                var taken = result.Assignments.Where(a => a.Shelter == j).Sum(a => a.People);
                Assert.True(taken <= capacity[j], $"run {run}: shelter {j} took {taken} of {capacity[j]}");
                Assert.Equal(taken, result.Used[j]);
            }
            for (var i = 0; i < m; i++)
            {
                var sent = result.Assignments.Where(a => a.Community == i).Sum(a => a.People);
                Assert.Equal(people[i], sent + result.Unplaced[i]);
                Assert.True(result.Unplaced[i] >= 0);
            }
            Assert.All(result.Assignments, a => Assert.True(double.IsFinite(a.CostEach)));
            // When every pair is reachable the flow is as large as it can be.
            if (cost.Cast<double>().All(double.IsFinite))
                Assert.Equal(Math.Min(people.Sum(), capacity.Sum()), result.Used.Sum());
        }
    }
}
