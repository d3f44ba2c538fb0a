using Tianshan.Core.Platform;

namespace Tianshan.Core.Prevention;

/// <summary>How often an enterprise of each colour is inspected in a year (分级分类监管). Provinces set their own
/// frequencies; these defaults follow the common practice that red enterprises are inspected every quarter, orange every
/// half year, yellow once a year, and blue ones through 双随机 spot checks — still at least once a year here, so that the
/// plan covers every enterprise (domain-rules §2.3: 蓝/黄企业 → 双随机或四不两直抽查).</summary>
public sealed class SupervisionFrequencyOptions
{
    public const string Section = "Prevention:SupervisionFrequency";

    public int Red { get; set; } = 4;
    public int Orange { get; set; } = 2;
    public int Yellow { get; set; } = 1;
    public int Blue { get; set; } = 1;
    /// <summary>An enterprise not yet graded is treated as yellow until it is.</summary>
    public int Ungraded { get; set; } = 1;

    public int For(RiskLevel? colour) => colour switch
    {
        RiskLevel.Red => Red,
        RiskLevel.Orange => Orange,
        RiskLevel.Yellow => Yellow,
        RiskLevel.Blue => Blue,
        _ => Ungraded,
    };

    public void EnsureValid()
    {
        if (new[] { Red, Orange, Yellow, Blue, Ungraded }.Any(n => n < 1 || n > 12))
            throw new DomainValidationException("frequency", "每年检查次数须为 1–12 次（计划须覆盖每家企业）");
    }
}

/// <summary>One enterprise in the plan, with its colour at planning time and the months it is due.</summary>
public sealed record PlannedEnterprise(Guid EnterpriseId, string Name, RiskLevel? Colour, IReadOnlyList<int> Months);

/// <summary>
/// The annual inspection plan from the enterprises' grades: every enterprise in scope, n visits spread evenly over the year
/// (4 → one a quarter), and the months staggered between enterprises so the inspectors' load is level month by month.
/// </summary>
public static class InspectionPlanner
{
    public static IReadOnlyList<PlannedEnterprise> Plan(IEnumerable<(Guid EnterpriseId, string Name, RiskLevel? Colour)> enterprises,
        SupervisionFrequencyOptions frequency)
    {
        ArgumentNullException.ThrowIfNull(enterprises);
        ArgumentNullException.ThrowIfNull(frequency);
        frequency.EnsureValid();
        var load = new int[12];
        var plan = new List<PlannedEnterprise>();
        // The most frequent first: their months are the most constrained.
        foreach (var e in enterprises.OrderBy(e => e.Colour ?? RiskLevel.Yellow).ThenBy(e => e.Name, StringComparer.Ordinal))
        {
            var visits = frequency.For(e.Colour);
            var spacing = 12 / visits;
            // Choose the offset within the first interval whose months carry the least load so far.
            var offset = Enumerable.Range(0, spacing).MinBy(o => Enumerable.Range(0, visits).Sum(v => load[(o + (v * spacing)) % 12]));
            var months = Enumerable.Range(0, visits).Select(v => ((offset + (v * spacing)) % 12) + 1).Order().ToList();
            foreach (var m in months)
                load[m - 1]++;
            plan.Add(new PlannedEnterprise(e.EnterpriseId, e.Name, e.Colour, months));
        }
        return plan;
    }
}
