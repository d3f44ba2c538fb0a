using Tianshan.Core.Platform;

namespace Tianshan.Core.Registry;

/// <summary>The special equipment kinds of the 特种设备安全法 catalogue that the district supervises.</summary>
public enum SpecialEquipmentKind
{
    Elevator = 1,
    Boiler = 2,
    PressureVessel = 3,
    PressurePipeline = 4,
    Crane = 5,
    AmusementRide = 6,
}

public sealed record SpecialEquipmentDetails
{
    public SpecialEquipmentKind Kind { get; init; }
    /// <summary>使用登记证编号 (registration certificate number).</summary>
    public string RegistrationCode { get; init; } = "";
    public string Name { get; init; } = "";
    public string? Location { get; init; }
    public DateOnly? LastInspectedOn { get; init; }
    /// <summary>下次检验日期: periodic inspection due (特种设备安全法 第四十条).</summary>
    public DateOnly NextInspectionDue { get; init; }
}

/// <summary>A piece of special equipment (特种设备) with its periodic-inspection due date.</summary>
public sealed class SpecialEquipment
{
    /// <summary>Days before the due date from which an item is listed as due soon.</summary>
    public const int DueSoonDays = 30;

    private SpecialEquipment() { }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid EnterpriseId { get; private set; }
    public Enterprise? Enterprise { get; private set; }
    public SpecialEquipmentKind Kind { get; private set; }
    public string RegistrationCode { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string? Location { get; private set; }
    public DateOnly? LastInspectedOn { get; private set; }
    public DateOnly NextInspectionDue { get; private set; }

    public static SpecialEquipment Create(Guid enterpriseId, SpecialEquipmentDetails details)
    {
        var item = new SpecialEquipment { EnterpriseId = enterpriseId };
        item.Update(details);
        return item;
    }

    public void Update(SpecialEquipmentDetails details)
    {
        var problems = new Dictionary<string, string[]>();
        if (!Enum.IsDefined(details.Kind))
            problems[nameof(details.Kind)] = ["设备种类无效"];
        if (string.IsNullOrWhiteSpace(details.RegistrationCode))
            problems[nameof(details.RegistrationCode)] = ["使用登记证编号不能为空"];
        if (string.IsNullOrWhiteSpace(details.Name))
            problems[nameof(details.Name)] = ["设备名称不能为空"];
        if (details.NextInspectionDue == default)
            problems[nameof(details.NextInspectionDue)] = ["请填写下次检验日期"];
        else if (details.LastInspectedOn is { } last && last > details.NextInspectionDue)
            problems[nameof(details.NextInspectionDue)] = ["下次检验日期不能早于上次检验日期"];
        if (problems.Count > 0)
            throw new DomainValidationException(problems);
        Kind = details.Kind;
        RegistrationCode = details.RegistrationCode.Trim();
        Name = details.Name.Trim();
        Location = details.Location?.Trim();
        LastInspectedOn = details.LastInspectedOn;
        NextInspectionDue = details.NextInspectionDue;
    }

    public static string KindLabel(SpecialEquipmentKind kind) => kind switch
    {
        SpecialEquipmentKind.Elevator => "电梯",
        SpecialEquipmentKind.Boiler => "锅炉",
        SpecialEquipmentKind.PressureVessel => "压力容器",
        SpecialEquipmentKind.PressurePipeline => "压力管道",
        SpecialEquipmentKind.Crane => "起重机械",
        SpecialEquipmentKind.AmusementRide => "大型游乐设施",
        _ => kind.ToString(),
    };
}
