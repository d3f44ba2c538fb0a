using Tianshan.Core.Platform;

namespace Tianshan.Core.DisasterRisk;

public enum DemonstrationStatus
{
    Candidate = 1,
    Applying = 2,
    Awarded = 3,
}

/// <summary>Who awarded the title: the national one (全国综合减灾示范社区) is what the plan counts.</summary>
public enum DemonstrationLevel
{
    National = 1,
    Region = 2,
    City = 3,
}

/// <summary>A community's progress toward 综合减灾示范社区. The district plan (§三(二)6) aims for at least
/// <see cref="Target"/> national demonstration communities.</summary>
public sealed class DemonstrationCommunity
{
    /// <summary>"力争成功创建全国综合减灾示范社区不低于 2 家" (district plan §三(二)6).</summary>
    public const int Target = 2;

    private DemonstrationCommunity() { }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid DivisionId { get; private set; }
    public Division? Division { get; private set; }
    public DemonstrationStatus Status { get; private set; }
    public int? AwardedYear { get; private set; }
    public DemonstrationLevel? Level { get; private set; }
    public string Note { get; private set; } = "";
    public bool IsDemo { get; private set; }

    public static DemonstrationCommunity Create(Division community, DemonstrationStatus status, int? year, DemonstrationLevel? level, string? note, bool isDemo = false)
    {
        ArgumentNullException.ThrowIfNull(community);
        if (community.Level != DivisionLevel.Community)
            throw new DomainValidationException(nameof(DivisionId), "综合减灾示范社区按社区登记");
        var d = new DemonstrationCommunity { DivisionId = community.Id, IsDemo = isDemo };
        d.Set(status, year, level, note);
        return d;
    }

    public void Set(DemonstrationStatus status, int? year, DemonstrationLevel? level, string? note)
    {
        if (!Enum.IsDefined(status))
            throw new DomainValidationException(nameof(Status), "创建状态不正确");
        if (status == DemonstrationStatus.Awarded && (year is null || level is null))
            throw new DomainValidationException(nameof(AwardedYear), "已命名的示范社区须填写命名年份和级别");
        if (year is < 2007 or > 2100)
            throw new DomainValidationException(nameof(AwardedYear), "命名年份不正确（全国综合减灾示范社区自2007年起命名）");
        if (level is { } l && !Enum.IsDefined(l))
            throw new DomainValidationException(nameof(Level), "命名级别不正确");
        Status = status;
        AwardedYear = status == DemonstrationStatus.Awarded ? year : null;
        Level = status == DemonstrationStatus.Awarded ? level : null;
        Note = (note ?? "").Trim();
    }

    public static string Label(DemonstrationStatus status) => status switch
    {
        DemonstrationStatus.Candidate => "培育对象",
        DemonstrationStatus.Applying => "申报中",
        _ => "已命名",
    };

    public static string Label(DemonstrationLevel level) => level switch
    {
        DemonstrationLevel.National => "全国",
        DemonstrationLevel.Region => "自治区",
        _ => "克拉玛依市",
    };
}
