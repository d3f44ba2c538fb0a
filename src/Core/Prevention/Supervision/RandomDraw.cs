using System.Text.Json;
using Tianshan.Core.Platform;

namespace Tianshan.Core.Prevention;

/// <summary>An enterprise that may be drawn (检查对象名录库), identified by its credit code.</summary>
public sealed record DrawCandidate(Guid EnterpriseId, string CreditCode, string Name);

/// <summary>An inspector on the roster (执法检查人员名录库), identified by a stable code.</summary>
public sealed record DrawInspector(Guid InspectorId, string Code, string Name);

/// <summary>A declared conflict of interest (回避): the inspector may not inspect this enterprise.</summary>
public sealed record DrawConflict(Guid InspectorId, Guid EnterpriseId);

/// <summary>Who inspected an enterprise in its last draw: not sent twice in a row.</summary>
public sealed record PreviousTeam(Guid EnterpriseId, IReadOnlyList<Guid> InspectorIds);

/// <summary>Everything a draw depends on, recorded with it so that a replay needs nothing from the live database.</summary>
public sealed record DrawInputs
{
    public ulong Seed { get; init; }
    public IReadOnlyList<DrawCandidate> Candidates { get; init; } = [];
    public IReadOnlyList<DrawInspector> Inspectors { get; init; } = [];
    public IReadOnlyList<DrawConflict> Conflicts { get; init; } = [];
    public IReadOnlyList<PreviousTeam> PreviousTeams { get; init; } = [];
    /// <summary>How many enterprises: a count, or a share of the candidates (rounded up) when <see cref="Ratio"/> is set.</summary>
    public int? Count { get; init; }
    public decimal? Ratio { get; init; }
    /// <summary>Inspectors per enterprise: at least two (双随机 rules, domain-rules §8).</summary>
    public int InspectorsPerTarget { get; init; } = 2;
}

/// <summary>One drawn enterprise with its inspection team.</summary>
public sealed record DrawPick(Guid EnterpriseId, string CreditCode, string Name, IReadOnlyList<DrawInspector> Team);

/// <summary>
/// 双随机 (国办发〔2015〕58号): random enterprises from the list and random inspectors from the roster, at least two per
/// enterprise, never one with a declared conflict of interest, never the same inspector for an enterprise twice in a row.
/// Deterministic in its inputs: candidates and inspectors are put in code order first, so the order they were loaded
/// in does not matter, and the same seed gives the same picks on any machine.
/// </summary>
public static class RandomDrawer
{
    public const int MinimumInspectors = 2;

    public static int TargetCount(DrawInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        return inputs.Ratio is { } ratio
            ? (int)Math.Ceiling(inputs.Candidates.Count * ratio)
            : Math.Min(inputs.Count ?? 0, inputs.Candidates.Count);
    }

    public static void Validate(DrawInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var errors = new Dictionary<string, string[]>();
        if (inputs.Ratio is null && inputs.Count is null)
            errors["count"] = ["请填写抽取数量或抽取比例"];
        if (inputs.Ratio is { } r && (r <= 0 || r > 1))
            errors["ratio"] = ["抽取比例须大于 0、不超过 100%"];
        if (inputs.Count is { } c && c <= 0)
            errors["count"] = ["抽取数量须大于 0"];
        if (inputs.InspectorsPerTarget < MinimumInspectors)
            errors["inspectorsPerTarget"] = [$"每个检查对象至少抽取 {MinimumInspectors} 名执法人员"];
        if (inputs.Candidates.Count == 0)
            errors["candidates"] = ["检查对象名录为空：请调整行业或街道范围"];
        if (inputs.Inspectors.Count < inputs.InspectorsPerTarget)
            errors["inspectors"] = [$"执法人员名录只有 {inputs.Inspectors.Count} 人，少于每组所需的 {inputs.InspectorsPerTarget} 人"];
        if (errors.Count > 0)
            throw new DomainValidationException(errors);
    }

    /// <summary>Draws. Throws <see cref="WorkflowException"/> when some drawn enterprise has too few eligible inspectors
    /// (everyone else conflicted or on its last team) — a draw is never completed with fewer than the minimum.</summary>
    public static IReadOnlyList<DrawPick> Draw(DrawInputs inputs)
    {
        Validate(inputs);
        var random = new DrawRandom(inputs.Seed);
        var candidates = inputs.Candidates.OrderBy(c => c.CreditCode, StringComparer.Ordinal).ToList();
        var inspectors = inputs.Inspectors.OrderBy(i => i.Code, StringComparer.Ordinal).ToList();
        var conflicts = inputs.Conflicts.Select(c => (c.InspectorId, c.EnterpriseId)).ToHashSet();
        var previous = inputs.PreviousTeams.ToDictionary(p => p.EnterpriseId, p => p.InspectorIds.ToHashSet());
        var targets = random.Pick(candidates, TargetCount(inputs));
        var picks = new List<DrawPick>(targets.Count);
        foreach (var target in targets)
        {
            var last = previous.GetValueOrDefault(target.EnterpriseId) ?? [];
            var eligible = inspectors.Where(i => !conflicts.Contains((i.InspectorId, target.EnterpriseId)) && !last.Contains(i.InspectorId)).ToList();
            if (eligible.Count < inputs.InspectorsPerTarget)
                throw new WorkflowException($"{target.Name} 可抽取的执法人员只有 {eligible.Count} 人（已排除回避和上次检查人员），不足 {inputs.InspectorsPerTarget} 人，请补充执法人员名录");
            picks.Add(new DrawPick(target.EnterpriseId, target.CreditCode, target.Name, random.Pick(eligible, inputs.InspectorsPerTarget)));
        }
        return picks;
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Json);

    public static T Deserialize<T>(string json) => JsonSerializer.Deserialize<T>(json, Json)!;
}
