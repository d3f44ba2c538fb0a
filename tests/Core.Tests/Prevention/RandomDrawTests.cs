using Tianshan.Core.Platform;
using Tianshan.Core.Prevention;

namespace Tianshan.Core.Tests.Prevention;

public sealed class RandomDrawTests
{
    private static readonly List<DrawCandidate> Candidates = Enumerable.Range(1, 20)
        .Select(i => new DrawCandidate(Guid.NewGuid(), $"9165020200000000{i:00}", $"企业{i}")).ToList();

    private static readonly List<DrawInspector> Inspectors = Enumerable.Range(1, 8)
        .Select(i => new DrawInspector(Guid.NewGuid(), $"ZF{i:000}", $"执法员{i}")).ToList();

    private static DrawInputs Inputs(ulong seed, int? count = 5, decimal? ratio = null) => new()
    {
        Seed = seed,
        Candidates = Candidates,
        Inspectors = Inspectors,
        Count = count,
        Ratio = ratio,
        Conflicts = [new DrawConflict(Inspectors[0].InspectorId, Candidates[3].EnterpriseId), new DrawConflict(Inspectors[1].InspectorId, Candidates[3].EnterpriseId)],
    };

    [Fact]
    public void SplitMix64_gives_the_published_reference_sequence_for_seed_zero()
    {
        var random = new DrawRandom(0);
        Assert.Equal(0xE220A8397B1DCDAFUL, random.NextUInt64());
        Assert.Equal(0x6E789E6AA1B965F4UL, random.NextUInt64());
        Assert.Equal(0x06C45D188009454FUL, random.NextUInt64());
    }

    [Fact]
    public void The_same_seed_gives_the_same_picks_whatever_order_the_lists_were_loaded_in()
    {
        var first = RandomDrawer.Draw(Inputs(20261129));
        var shuffled = Inputs(20261129) with
        {
            Candidates = Candidates.AsEnumerable().Reverse().ToList(),
            Inspectors = Inspectors.OrderBy(i => i.Name.Length).ThenByDescending(i => i.Code).ToList(),
        };
        var replay = RandomDrawer.Draw(shuffled);
        Assert.Equal(Flatten(first), Flatten(replay));
        Assert.Equal(5, first.Count);
        Assert.All(first, p => Assert.Equal(2, p.Team.Count));
        Assert.All(first, p => Assert.Equal(2, p.Team.Select(i => i.InspectorId).Distinct().Count()));
    }

    [Fact]
    public void Another_seed_gives_other_picks()
    {
        var differing = Enumerable.Range(1, 20).Count(s => Flatten(RandomDrawer.Draw(Inputs((ulong)s))) != Flatten(RandomDrawer.Draw(Inputs(12345))));
        Assert.True(differing >= 19, $"{differing} of 20 seeds differ");
    }

    [Fact]
    public void No_conflicted_inspector_is_ever_drawn_over_a_thousand_draws()
    {
        var conflicted = Inputs(0).Conflicts.Select(c => (c.InspectorId, c.EnterpriseId)).ToHashSet();
        var drewTheConflictedEnterprise = 0;
        for (ulong seed = 1; seed <= 1000; seed++)
        {
            foreach (var pick in RandomDrawer.Draw(Inputs(seed)))
            {
                Assert.DoesNotContain(pick.Team, i => conflicted.Contains((i.InspectorId, pick.EnterpriseId)));
                if (pick.EnterpriseId == Candidates[3].EnterpriseId)
                    drewTheConflictedEnterprise++;
            }
        }
        Assert.True(drewTheConflictedEnterprise > 100, "the enterprise with conflicts was drawn often enough to test the rule");
    }

    [Fact]
    public void The_last_team_of_an_enterprise_is_not_sent_again()
    {
        var target = Candidates[0];
        var everything = Inputs(7, count: 20);
        var last = RandomDrawer.Draw(everything).Single(p => p.EnterpriseId == target.EnterpriseId).Team.Select(i => i.InspectorId).ToList();
        for (ulong seed = 1; seed <= 200; seed++)
        {
            var next = RandomDrawer.Draw(Inputs(seed, count: 20) with { PreviousTeams = [new PreviousTeam(target.EnterpriseId, last)] });
            Assert.DoesNotContain(next.Single(p => p.EnterpriseId == target.EnterpriseId).Team, i => last.Contains(i.InspectorId));
        }
    }

    [Fact]
    public void A_draw_that_cannot_staff_a_target_with_two_eligible_inspectors_is_refused()
    {
        var two = Inspectors.Take(3).ToList();
        var inputs = Inputs(1, count: 20) with
        {
            Inspectors = two,
            Conflicts = [new DrawConflict(two[0].InspectorId, Candidates[5].EnterpriseId), new DrawConflict(two[1].InspectorId, Candidates[5].EnterpriseId)],
        };
        var e = Assert.Throws<WorkflowException>(() => RandomDrawer.Draw(inputs));
        Assert.Contains("企业6", e.Message, StringComparison.Ordinal);
        Assert.Contains("不足 2 人", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.25, 5)]    // 20 × 25 % = 5
    [InlineData(0.26, 6)]    // 5.2 rounds up
    [InlineData(1.0, 20)]
    public void A_ratio_takes_that_share_of_the_list_rounded_up(double ratio, int expected) =>
        Assert.Equal(expected, RandomDrawer.Draw(Inputs(3, count: null, ratio: (decimal)ratio)).Count);

    [Fact]
    public void Bad_inputs_are_refused_with_Chinese_messages()
    {
        var e = Assert.Throws<DomainValidationException>(() => RandomDrawer.Draw(Inputs(1, count: null) with { InspectorsPerTarget = 1 }));
        Assert.Equal(["count", "inspectorsPerTarget"], e.Errors.Keys.Order());
        Assert.Throws<DomainValidationException>(() => RandomDrawer.Draw(Inputs(1, count: null, ratio: 1.5m)));
        Assert.Throws<DomainValidationException>(() => RandomDrawer.Draw(Inputs(1) with { Candidates = [] }));
    }

    [Fact]
    public void Bounded_values_are_uniform()
    {
        var random = new DrawRandom(42);
        var counts = new int[3];
        for (var i = 0; i < 30_000; i++)
            counts[random.Next(3)]++;
        Assert.All(counts, c => Assert.InRange(c, 9_500, 10_500));
    }

    private static string Flatten(IReadOnlyList<DrawPick> picks) =>
        string.Join(";", picks.Select(p => p.CreditCode + ":" + string.Join(",", p.Team.Select(i => i.Code))));
}
