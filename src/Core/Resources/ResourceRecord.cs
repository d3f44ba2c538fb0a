using Tianshan.Core.Platform;

namespace Tianshan.Core.Resources;

/// <summary>What every record of the resource atlas (应急资源) has: a stable code (the key of Excel re-imports), a name, the
/// division that manages it (scoping: a street sees and edits its own records, the bureau all), a WGS84 position, and a
/// demo mark. Each subclass is its own table.</summary>
public abstract class ResourceRecord
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public Guid DivisionId { get; set; }
    public Division? Division { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public string? Address { get; set; }
    public string? Note { get; set; }
    /// <summary>Illustrative demo data (shown as such in the UI).</summary>
    public bool IsDemo { get; set; }

    /// <summary>Checks the record's business rules; throws <see cref="DomainValidationException"/> with every problem in Chinese.</summary>
    public void Validate()
    {
        var errors = new Dictionary<string, string[]>();
        void Add(string field, string message) =>
            errors[field] = errors.TryGetValue(field, out var m) ? [.. m, message] : [message];
        if (string.IsNullOrWhiteSpace(Code))
            Add("code", "编号不能为空");
        else if (Code.Length > 50)
            Add("code", "编号不能超过 50 字");
        if (string.IsNullOrWhiteSpace(Name))
            Add("name", "名称不能为空");
        else if (Name.Length > 200)
            Add("name", "名称不能超过 200 字");
        if (Latitude is { } lat && lat is < -90 or > 90)
            Add("latitude", "纬度应在 -90 到 90 之间");
        if (Longitude is { } lon && lon is < -180 or > 180)
            Add("longitude", "经度应在 -180 到 180 之间");
        if ((Latitude is null) != (Longitude is null))
            Add("latitude", "经纬度应同时填写或同时留空");
        foreach (var (field, message) in Check())
            Add(field, message);
        if (errors.Count > 0)
            throw new DomainValidationException(errors);
        Code = Code.Trim();
        Name = Name.Trim();
    }

    /// <summary>The subclass's own rules, as (field, Chinese message).</summary>
    protected virtual IEnumerable<(string Field, string Message)> Check() => [];

    protected static IEnumerable<(string, string)> NotNegative(string field, string label, decimal? value) =>
        value is < 0 ? [(field, $"{label}不能为负数")] : [];
}

/// <summary>救援队伍: one of the district's 27 teams.</summary>
public sealed class RescueTeam : ResourceRecord
{
    public RescueTeamType Type { get; set; } = RescueTeamType.GovernmentLed;
    /// <summary>Specialty in words (危化品救援, 抗洪抢险, 医疗救护…).</summary>
    public string? Specialty { get; set; }
    public int Members { get; set; }
    /// <summary>编制/规划人数 — the staffing rate is <see cref="Members"/> over this.</summary>
    public int AuthorisedMembers { get; set; }
    public string? Leader { get; set; }
    public string? LeaderPhone { get; set; }
    /// <summary>Equipment in words (车辆、器材清单).</summary>
    public string? Equipment { get; set; }
    /// <summary>Equipment sets (台套) held and required by its equipping norm — the equipment rate is held over required.</summary>
    public int EquipmentHeld { get; set; }
    public int EquipmentRequired { get; set; }
    public Readiness Readiness { get; set; } = Readiness.Ready;

    protected override IEnumerable<(string, string)> Check()
    {
        if (Members < 0)
            yield return ("members", "队员人数不能为负数");
        if (AuthorisedMembers < 0)
            yield return ("authorisedMembers", "编制人数不能为负数");
        if (EquipmentHeld < 0 || EquipmentRequired < 0)
            yield return ("equipmentHeld", "装备台套数不能为负数");
    }
}

/// <summary>应急专家.</summary>
public sealed class Expert : ResourceRecord
{
    /// <summary>专业领域 (危险化学品, 地震地质, 水利, 医疗…).</summary>
    public string Field { get; set; } = "";
    public string? Organisation { get; set; }
    public string? Title { get; set; }
    public string? Phone { get; set; }
    public ExpertAvailability Availability { get; set; } = ExpertAvailability.Available;

    protected override IEnumerable<(string, string)> Check()
    {
        if (string.IsNullOrWhiteSpace(Field))
            yield return ("field", "专业领域不能为空");
    }
}

/// <summary>物资储备库 (救灾物资储备库建设标准 建标121-2009: 县级库 630–800 m²) or a smaller 储备点.</summary>
public sealed class Warehouse : ResourceRecord
{
    public decimal? AreaM2 { get; set; }
    public string? Manager { get; set; }
    public string? Phone { get; set; }

    protected override IEnumerable<(string, string)> Check() => NotNegative("areaM2", "面积", AreaM2);
}

/// <summary>One kind of 应急物资 in the catalogue, with its unit and how many people one unit shelters (the conversion the
/// relief-stock gap uses, see <see cref="ResourceGaps"/>).</summary>
public sealed class ReliefMaterial : ResourceRecord
{
    /// <summary>类别 (生活类, 救生类, 照明类, 动力类…).</summary>
    public string Category { get; set; } = "";
    public string Unit { get; set; } = "";
    /// <summary>People one unit serves in a relocation (tent 12 m² → 4 people, quilt → 1, folding bed → 1); null when the
    /// material is not counted towards the relocation target.</summary>
    public decimal? PeoplePerUnit { get; set; }
    /// <summary>Months before expiry at which a lot is due for rotation (轮换); null when it does not expire.</summary>
    public int? RotationMonths { get; set; }

    protected override IEnumerable<(string, string)> Check()
    {
        if (string.IsNullOrWhiteSpace(Unit))
            yield return ("unit", "计量单位不能为空");
        if (PeoplePerUnit is <= 0)
            yield return ("peoplePerUnit", "每单位可安置人数应大于 0 或留空");
        if (RotationMonths is < 0)
            yield return ("rotationMonths", "轮换提前月数不能为负数");
    }
}

/// <summary>应急装备 and vehicles (车辆).</summary>
public sealed class EquipmentItem : ResourceRecord
{
    public EquipmentKind Kind { get; set; } = EquipmentKind.Equipment;
    public string? Model { get; set; }
    /// <summary>车牌号, for a vehicle.</summary>
    public string? Plate { get; set; }
    public int Quantity { get; set; } = 1;
    /// <summary>The team that holds it, if any.</summary>
    public Guid? RescueTeamId { get; set; }
    public Readiness Readiness { get; set; } = Readiness.Ready;

    protected override IEnumerable<(string, string)> Check()
    {
        if (Quantity < 0)
            yield return ("quantity", "数量不能为负数");
    }
}

/// <summary>避难场所 (GB 51143-2015 type; GB 21734-2008 §5.4: 人均居住面积应 >1.5 m²).</summary>
public sealed class Shelter : ResourceRecord
{
    public ShelterType Type { get; set; } = ShelterType.Emergency;
    /// <summary>容纳人数.</summary>
    public int Capacity { get; set; }
    /// <summary>有效避难面积 (m²).</summary>
    public decimal UsableAreaM2 { get; set; }
    public bool Water { get; set; }
    public bool Power { get; set; }
    public bool FireFighting { get; set; }
    public bool Sewage { get; set; }
    public ShelterStatus Status { get; set; } = ShelterStatus.Closed;
    public string? Manager { get; set; }
    public string? Phone { get; set; }

    protected override IEnumerable<(string, string)> Check()
    {
        if (Capacity < 0)
            yield return ("capacity", "容纳人数不能为负数");
        if (UsableAreaM2 < 0)
            yield return ("usableAreaM2", "有效面积不能为负数");
    }
}

/// <summary>消防站 (建标152-2017; 5-minute arrival rule of GB 51080 4.1.3).</summary>
public sealed class FireStation : ResourceRecord
{
    public FireStationGrade Grade { get; set; } = FireStationGrade.Level1;
    public FacilityStatus Status { get; set; } = FacilityStatus.InService;
    public int VehicleCount { get; set; }
    /// <summary>Vehicles in words (抢险救援车1、举高喷射车1、城市主战车1、泡沫车1).</summary>
    public string? Vehicles { get; set; }
    public int Firefighters { get; set; }

    protected override IEnumerable<(string, string)> Check()
    {
        if (VehicleCount < 0 || Firefighters < 0)
            yield return ("vehicleCount", "车辆数和人数不能为负数");
    }
}

/// <summary>医疗机构 (医疗救治资源).</summary>
public sealed class Hospital : ResourceRecord
{
    /// <summary>等级 (三级甲等, 二级…).</summary>
    public string? Level { get; set; }
    public int Beds { get; set; }
    public string? Phone { get; set; }

    protected override IEnumerable<(string, string)> Check()
    {
        if (Beds < 0)
            yield return ("beds", "床位数不能为负数");
    }
}
