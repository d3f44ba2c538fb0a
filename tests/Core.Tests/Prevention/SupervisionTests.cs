using Tianshan.Core.Platform;
using Tianshan.Core.Prevention;
using Tianshan.Core.Registry;

namespace Tianshan.Core.Tests.Prevention;

public sealed class SupervisionTests
{
    private static readonly SupervisionFrequencyOptions Defaults = new();
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 2, 0, 0, TimeSpan.Zero);

    private static List<(Guid, string, RiskLevel?)> Enterprises(int red, int orange, int yellow, int blue, int ungraded) =>
        Enumerable.Repeat(RiskLevel.Red, red).Cast<RiskLevel?>()
            .Concat(Enumerable.Repeat((RiskLevel?)RiskLevel.Orange, orange))
            .Concat(Enumerable.Repeat((RiskLevel?)RiskLevel.Yellow, yellow))
            .Concat(Enumerable.Repeat((RiskLevel?)RiskLevel.Blue, blue))
            .Concat(Enumerable.Repeat((RiskLevel?)null, ungraded))
            .Select((c, i) => (Guid.NewGuid(), $"企业{i:00}", c)).ToList();

    [Fact]
    public void The_plan_covers_every_enterprise_with_its_colours_frequency_spread_over_the_year()
    {
        var plan = InspectionPlanner.Plan(Enterprises(2, 3, 5, 4, 1), Defaults);
        Assert.Equal(15, plan.Count);
        Assert.All(plan.Where(p => p.Colour == RiskLevel.Red), p => Assert.Equal(4, p.Months.Count));
        Assert.All(plan.Where(p => p.Colour == RiskLevel.Orange), p => Assert.Equal(2, p.Months.Count));
        Assert.All(plan.Where(p => p.Colour is RiskLevel.Yellow or RiskLevel.Blue or null), p => Assert.Single(p.Months));
        // Quarterly visits are three months apart, half-yearly ones six.
        Assert.All(plan.Where(p => p.Colour == RiskLevel.Red), p => Assert.Equal([3, 3, 3], p.Months.Zip(p.Months.Skip(1), (a, b) => b - a)));
        Assert.All(plan.Where(p => p.Colour == RiskLevel.Orange), p => Assert.Equal(6, p.Months[1] - p.Months[0]));
        Assert.All(plan.SelectMany(p => p.Months), m => Assert.InRange(m, 1, 12));
    }

    [Fact]
    public void Months_are_staggered_so_the_monthly_load_is_level()
    {
        var plan = InspectionPlanner.Plan(Enterprises(0, 0, 24, 0, 0), Defaults);
        var perMonth = plan.SelectMany(p => p.Months).GroupBy(m => m).Select(g => g.Count()).ToList();
        Assert.Equal(12, perMonth.Count);
        Assert.All(perMonth, n => Assert.Equal(2, n));
    }

    [Fact]
    public void Frequencies_are_configuration_and_must_cover_every_enterprise()
    {
        var plan = InspectionPlanner.Plan(Enterprises(1, 0, 0, 0, 0), new SupervisionFrequencyOptions { Red = 12 });
        Assert.Equal(Enumerable.Range(1, 12), plan[0].Months);
        Assert.Throws<DomainValidationException>(() => InspectionPlanner.Plan(Enterprises(0, 0, 0, 1, 0), new SupervisionFrequencyOptions { Blue = 0 }));
    }

    private static List<(int, CheckResult, string?)> AllCompliant(InspectionChecklists.Template t) =>
        t.Items.Select(i => (i.Number, CheckResult.Compliant, (string?)null)).ToList();

    [Fact]
    public void An_inspection_needs_two_inspectors_a_signatory_every_item_and_a_note_for_each_finding()
    {
        var template = InspectionChecklists.For(Sector.HazardousChemicals);
        var results = AllCompliant(template);
        results[4] = (5, CheckResult.NonCompliant, null);
        results.RemoveAt(0);
        var e = Assert.Throws<DomainValidationException>(() => Inspection.Record(Guid.NewGuid(), "JC-1", new DateOnly(2026, 11, 28), template,
            ["马建国"], false, null, results, "", null, "inspector", Now));
        Assert.Equal(["enterpriseSignatory", "inspectors", "items", "notes"], e.Errors.Keys.Order());
        Assert.Contains("第四十二条", e.Errors["inspectors"][0], StringComparison.Ordinal);
        Assert.Contains("第 1 项未填写", e.Errors["items"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void A_finding_becomes_a_hazard_once_and_a_compliant_item_never()
    {
        var template = InspectionChecklists.For(Sector.HazardousChemicals);
        var results = AllCompliant(template);
        results[4] = (5, CheckResult.NonCompliant, "3号罐组可燃气体探测器2台失效");
        var inspection = Inspection.Record(Guid.NewGuid(), "JC-2026-00001", new DateOnly(2026, 11, 28), template,
            ["马建国", "李秀兰", "马建国"], true, null, results, "张伟", "总体良好", "inspector", Now);
        Assert.Equal(["马建国", "李秀兰"], inspection.Inspectors);
        Assert.Equal(1, inspection.Findings);
        var details = inspection.FindingAsHazard(5);
        Assert.Equal("3号罐组可燃气体探测器2台失效", details.Title);
        Assert.Contains("四不两直", details.Description, StringComparison.Ordinal);
        Assert.Contains(template.Items[4].Text, details.Description, StringComparison.Ordinal);
        inspection.LinkHazard(5, Guid.NewGuid());
        Assert.Throws<WorkflowException>(() => inspection.FindingAsHazard(5));
        Assert.Throws<WorkflowException>(() => inspection.FindingAsHazard(1));
        Assert.Throws<NotFoundException>(() => inspection.FindingAsHazard(99));
    }

    [Fact]
    public void Every_sector_has_a_template_and_numbers_run_from_one()
    {
        foreach (var sector in SectorSet.Each)
        {
            var t = InspectionChecklists.For(sector);
            Assert.Equal(Enumerable.Range(1, t.Items.Count), t.Items.Select(i => i.Number));
        }
        Assert.Equal(Sector.HazardousChemicals, InspectionChecklists.For(Sector.HazardousChemicals).Sector);
    }
}
