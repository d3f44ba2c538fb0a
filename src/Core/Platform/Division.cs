namespace Tianshan.Core.Platform;

public enum DivisionLevel
{
    District = 1,
    Street = 2,
    Community = 3,
    Grid = 4,
}

/// <summary>An administrative division: district → street → community → grid. <see cref="Path"/> lists the
/// codes from the district down ("/650202/650202001/"), so "within my jurisdiction" is a prefix test.</summary>
public sealed class Division
{
    private Division() { }

    public Division(string code, string name, DivisionLevel level, Division? parent)
    {
        if (parent is not null && parent.Level + 1 != level)
            throw new DomainValidationException(nameof(Level), $"{name}的上级区划层级不正确");
        Code = code;
        Name = name;
        Level = level;
        ParentId = parent?.Id;
        Path = (parent?.Path ?? "/") + code + "/";
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public DivisionLevel Level { get; private set; }
    public Guid? ParentId { get; private set; }
    public string Path { get; private set; } = "";
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    /// <summary>Resident population (常住人口), where known.</summary>
    public int? Residents { get; set; }

    public static string LevelLabel(DivisionLevel level) => level switch
    {
        DivisionLevel.District => "区",
        DivisionLevel.Street => "街道",
        DivisionLevel.Community => "社区",
        DivisionLevel.Grid => "网格",
        _ => level.ToString(),
    };
}
