using Tianshan.Core.Platform;

namespace Tianshan.Core.DisasterRisk;

/// <summary>What a community has that a disaster can hurt (承灾体, the census's 房屋/人口/公共服务 surveys): people,
/// households, buildings by structure and by age, schools and hospitals. One row per community division.</summary>
public sealed class CommunityExposure
{
    private CommunityExposure() { }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid DivisionId { get; private set; }
    public Division? Division { get; private set; }
    public int Population { get; private set; }
    public int Households { get; private set; }
    /// <summary>钢筋混凝土（框架、剪力墙）及钢结构.</summary>
    public int BuildingsReinforcedConcrete { get; private set; }
    /// <summary>砖混结构.</summary>
    public int BuildingsMasonry { get; private set; }
    /// <summary>砖木、土木及其他 — the weak structures.</summary>
    public int BuildingsWeak { get; private set; }
    /// <summary>Built before 1990 (before GB 50011's predecessor GBJ 11-89 took effect).</summary>
    public int BuildingsBefore1990 { get; private set; }
    /// <summary>Built 1990–2001 (GBJ 11-89).</summary>
    public int Buildings1990To2001 { get; private set; }
    /// <summary>Built after 2001 (GB 50011-2001 and later seismic codes).</summary>
    public int BuildingsAfter2001 { get; private set; }
    public int Schools { get; private set; }
    public int Hospitals { get; private set; }
    public bool IsDemo { get; private set; }

    public int Buildings => BuildingsReinforcedConcrete + BuildingsMasonry + BuildingsWeak;

    public sealed record Details(int Population, int Households, int BuildingsReinforcedConcrete, int BuildingsMasonry, int BuildingsWeak,
        int BuildingsBefore1990, int Buildings1990To2001, int BuildingsAfter2001, int Schools, int Hospitals);

    public static CommunityExposure Create(Division community, Details details, bool isDemo = false)
    {
        ArgumentNullException.ThrowIfNull(community);
        if (community.Level != DivisionLevel.Community)
            throw new DomainValidationException(nameof(DivisionId), "承灾体调查按社区登记");
        var exposure = new CommunityExposure { DivisionId = community.Id, IsDemo = isDemo };
        exposure.Update(details);
        return exposure;
    }

    /// <summary>The census form's checks, every problem at once keyed by field so a form or an import row marks each one:
    /// no negative count; a household has at least one person; the buildings counted by structure are the same buildings
    /// as those counted by age (the 房屋建筑调查 classifies each building both ways).</summary>
    public void Update(Details d)
    {
        ArgumentNullException.ThrowIfNull(d);
        var problems = new Dictionary<string, string[]>();
        (string Field, string Label, int Value)[] counts =
        [
            (nameof(d.Population), "人口", d.Population), (nameof(d.Households), "户数", d.Households),
            (nameof(d.BuildingsReinforcedConcrete), "钢筋混凝土及钢结构房屋数", d.BuildingsReinforcedConcrete),
            (nameof(d.BuildingsMasonry), "砖混结构房屋数", d.BuildingsMasonry), (nameof(d.BuildingsWeak), "砖木、土木及其他结构房屋数", d.BuildingsWeak),
            (nameof(d.BuildingsBefore1990), "1990年以前建成房屋数", d.BuildingsBefore1990),
            (nameof(d.Buildings1990To2001), "1990—2001年建成房屋数", d.Buildings1990To2001),
            (nameof(d.BuildingsAfter2001), "2001年以后建成房屋数", d.BuildingsAfter2001),
            (nameof(d.Schools), "学校数", d.Schools), (nameof(d.Hospitals), "医院数", d.Hospitals),
        ];
        foreach (var c in counts.Where(c => c.Value < 0))
            problems[c.Field] = [$"{c.Label}不能为负数"];
        if (problems.Count == 0 && d.Households > d.Population)
            problems[nameof(d.Households)] = [$"户数（{d.Households}）不能多于人口（{d.Population}）"];
        var byStructure = d.BuildingsReinforcedConcrete + d.BuildingsMasonry + d.BuildingsWeak;
        var byAge = d.BuildingsBefore1990 + d.Buildings1990To2001 + d.BuildingsAfter2001;
        if (problems.Count == 0 && byStructure != byAge)
            problems[nameof(Buildings)] = [$"按结构统计的房屋总数（{byStructure}）应与按建成年代统计的总数（{byAge}）一致"];
        if (problems.Count > 0)
            throw new DomainValidationException(problems);
        Population = d.Population;
        Households = d.Households;
        BuildingsReinforcedConcrete = d.BuildingsReinforcedConcrete;
        BuildingsMasonry = d.BuildingsMasonry;
        BuildingsWeak = d.BuildingsWeak;
        BuildingsBefore1990 = d.BuildingsBefore1990;
        Buildings1990To2001 = d.Buildings1990To2001;
        BuildingsAfter2001 = d.BuildingsAfter2001;
        Schools = d.Schools;
        Hospitals = d.Hospitals;
    }
}
