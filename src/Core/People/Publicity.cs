using Tianshan.Core.Platform;

namespace Tianshan.Core.People;

public sealed record PublicityDetails
{
    public string Title { get; init; } = "";
    public PublicityKind Kind { get; init; }
    public string Place { get; init; } = "";
    public DateOnly HeldOn { get; init; }
    /// <summary>受众人数.</summary>
    public int Audience { get; init; }
    /// <summary>覆盖家庭户数 — what EP-14 counts against the community's households.</summary>
    public int HouseholdsReached { get; init; }
    public string? Organiser { get; init; }
}

/// <summary>A publicity activity (宣传活动) held in a community: what, where, when, how many people and households it reached.</summary>
public sealed class PublicityActivity
{
    private PublicityActivity() { }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    /// <summary>The community it was held in (scoping: a street sees its communities', the bureau all).</summary>
    public Guid DivisionId { get; private set; }
    public Division? Division { get; private set; }
    public string Title { get; private set; } = "";
    public PublicityKind Kind { get; private set; }
    public string Place { get; private set; } = "";
    public DateOnly HeldOn { get; private set; }
    public int Audience { get; private set; }
    public int HouseholdsReached { get; private set; }
    public string? Organiser { get; private set; }
    public bool IsDemo { get; private set; }

    public static PublicityActivity Create(Division community, PublicityDetails d, bool isDemo = false)
    {
        ArgumentNullException.ThrowIfNull(community);
        ArgumentNullException.ThrowIfNull(d);
        var errors = new Dictionary<string, string[]>();
        if (community.Level != DivisionLevel.Community)
            errors["divisionId"] = ["宣传活动按社区登记，请选择社区"];
        if (string.IsNullOrWhiteSpace(d.Title))
            errors["title"] = ["活动名称不能为空"];
        else if (d.Title.Length > 200)
            errors["title"] = ["活动名称不能超过 200 字"];
        if (!Enum.IsDefined(d.Kind))
            errors["kind"] = ["活动类型无效"];
        if (string.IsNullOrWhiteSpace(d.Place))
            errors["place"] = ["活动地点不能为空"];
        else if (d.Place.Length > 200)
            errors["place"] = ["活动地点不能超过 200 字"];
        if (d.HeldOn == default)
            errors["heldOn"] = ["请填写活动日期"];
        if (d.Audience < 0)
            errors["audience"] = ["受众人数不能为负数"];
        if (d.HouseholdsReached < 0)
            errors["householdsReached"] = ["覆盖户数不能为负数"];
        if (d.Organiser?.Length > 100)
            errors["organiser"] = ["组织单位不能超过 100 字"];
        if (errors.Count > 0)
            throw new DomainValidationException(errors);
        return new PublicityActivity
        {
            DivisionId = community.Id, Title = d.Title.Trim(), Kind = d.Kind, Place = d.Place.Trim(), HeldOn = d.HeldOn, Audience = d.Audience,
            HouseholdsReached = d.HouseholdsReached, Organiser = string.IsNullOrWhiteSpace(d.Organiser) ? null : d.Organiser.Trim(), IsDemo = isDemo,
        };
    }
}

public sealed record SurveyDetails
{
    public SurveyKind Kind { get; init; }
    public DateOnly ConductedOn { get; init; }
    /// <summary>被调查家庭数.</summary>
    public int SampleSize { get; init; }
    /// <summary>合格（知晓）家庭数.</summary>
    public int Passing { get; init; }
    public string? Organiser { get; init; }
}

/// <summary>A knowledge survey (知识调查) of households in a community: how many were asked and how many passed.</summary>
public sealed class KnowledgeSurvey
{
    private KnowledgeSurvey() { }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid DivisionId { get; private set; }
    public Division? Division { get; private set; }
    public SurveyKind Kind { get; private set; }
    public DateOnly ConductedOn { get; private set; }
    public int SampleSize { get; private set; }
    public int Passing { get; private set; }
    public string? Organiser { get; private set; }
    public bool IsDemo { get; private set; }

    /// <summary>Passing over sampled, %, one decimal.</summary>
    public decimal Rate => SampleSize == 0 ? 0 : Math.Round(100m * Passing / SampleSize, 1, MidpointRounding.AwayFromZero);

    public static KnowledgeSurvey Create(Division community, SurveyDetails d, bool isDemo = false)
    {
        ArgumentNullException.ThrowIfNull(community);
        ArgumentNullException.ThrowIfNull(d);
        var errors = new Dictionary<string, string[]>();
        if (community.Level != DivisionLevel.Community)
            errors["divisionId"] = ["知识调查按社区登记，请选择社区"];
        if (!Enum.IsDefined(d.Kind))
            errors["kind"] = ["调查类型无效"];
        if (d.ConductedOn == default)
            errors["conductedOn"] = ["请填写调查日期"];
        if (d.SampleSize <= 0)
            errors["sampleSize"] = ["被调查户数应大于 0"];
        if (d.Passing < 0)
            errors["passing"] = ["合格户数不能为负数"];
        else if (d.Passing > d.SampleSize)
            errors["passing"] = ["合格户数不能多于被调查户数"];
        if (d.Organiser?.Length > 100)
            errors["organiser"] = ["组织单位不能超过 100 字"];
        if (errors.Count > 0)
            throw new DomainValidationException(errors);
        return new KnowledgeSurvey
        {
            DivisionId = community.Id, Kind = d.Kind, ConductedOn = d.ConductedOn, SampleSize = d.SampleSize, Passing = d.Passing,
            Organiser = string.IsNullOrWhiteSpace(d.Organiser) ? null : d.Organiser.Trim(), IsDemo = isDemo,
        };
    }
}
