using Tianshan.Core.Platform;

namespace Tianshan.Core.DisasterRisk;

public enum DisasterType
{
    Earthquake = 1,
    Flood = 2,
    GeologicalHazard = 3,
    Meteorological = 4,
    ForestGrasslandFire = 5,
}

/// <summary>A past disaster (历史灾害调查): when, what, where, and what it cost.</summary>
public sealed class HistoricalDisaster
{
    /// <summary>Column sizes (DisasterRiskConfigurations): a place names a community, road or area; a summary is a paragraph.</summary>
    public const int PlaceMaxLength = 200;
    public const int SummaryMaxLength = 2000;

    private HistoricalDisaster() { }

    /// <summary>What a user records about one past disaster (the census's 历史灾害 table: time, type, place, casualties, loss).</summary>
    public sealed record Details(DateOnly OccurredOn, DisasterType Type, string Place, string? Summary, int Deaths, int Affected, decimal LossWanYuan);

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public DateOnly OccurredOn { get; private set; }
    public DisasterType Type { get; private set; }
    public string Place { get; private set; } = "";
    public string Summary { get; private set; } = "";
    public int Deaths { get; private set; }
    public int Affected { get; private set; }
    /// <summary>Direct economic loss, 万元.</summary>
    public decimal LossWanYuan { get; private set; }
    public bool IsDemo { get; private set; }

    /// <summary>A disaster recorded today (China time): it cannot have happened after <paramref name="today"/>.</summary>
    public static HistoricalDisaster Create(Details details, DateOnly today, bool isDemo = false)
    {
        var disaster = new HistoricalDisaster { IsDemo = isDemo };
        disaster.Update(details, today);
        return disaster;
    }

    /// <summary>A record with a fixed past date (the demo's seed): the date itself is the latest it may be.</summary>
    public static HistoricalDisaster Create(DateOnly occurredOn, DisasterType type, string place, string summary, int deaths, int affected,
        decimal lossWanYuan, bool isDemo = false) =>
        Create(new Details(occurredOn, type, place, summary, deaths, affected, lossWanYuan), occurredOn, isDemo);

    /// <summary>Every problem at once, keyed by field, so a form marks each one.</summary>
    public void Update(Details d, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(d);
        var problems = new Dictionary<string, string[]>();
        if (d.OccurredOn == default)
            problems[nameof(d.OccurredOn)] = ["发生日期不能为空"];
        else if (d.OccurredOn > today)
            problems[nameof(d.OccurredOn)] = [$"发生日期不能晚于今天（{today:yyyy-MM-dd}）：历史灾害只登记已经发生的灾害"];
        if (!Enum.IsDefined(d.Type))
            problems[nameof(d.Type)] = [$"灾害类型应为：{string.Join("、", Enum.GetValues<DisasterType>().Select(Label))}"];
        if (string.IsNullOrWhiteSpace(d.Place))
            problems[nameof(d.Place)] = ["灾害发生地点不能为空"];
        else if (d.Place.Trim().Length > PlaceMaxLength)
            problems[nameof(d.Place)] = [$"灾害发生地点不能超过{PlaceMaxLength}字"];
        if ((d.Summary?.Trim().Length ?? 0) > SummaryMaxLength)
            problems[nameof(d.Summary)] = [$"灾情概况不能超过{SummaryMaxLength}字"];
        if (d.Deaths < 0)
            problems[nameof(d.Deaths)] = ["死亡人数不能为负数"];
        if (d.Affected < 0)
            problems[nameof(d.Affected)] = ["受灾人数不能为负数"];
        if (d.LossWanYuan < 0)
            problems[nameof(d.LossWanYuan)] = ["直接经济损失不能为负数"];
        if (problems.Count > 0)
            throw new DomainValidationException(problems);
        OccurredOn = d.OccurredOn;
        Type = d.Type;
        Place = d.Place.Trim();
        Summary = d.Summary?.Trim() ?? "";
        Deaths = d.Deaths;
        Affected = d.Affected;
        LossWanYuan = d.LossWanYuan;
    }

    public static string Label(DisasterType type) => type switch
    {
        DisasterType.Earthquake => "地震",
        DisasterType.Flood => "洪涝",
        DisasterType.GeologicalHazard => "地质灾害",
        DisasterType.Meteorological => "气象灾害",
        _ => "森林草原火灾",
    };
}
