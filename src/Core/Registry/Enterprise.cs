using Tianshan.Core.Platform;

namespace Tianshan.Core.Registry;

/// <summary>安全生产标准化等级 (work-safety standardisation grade).</summary>
public enum StandardisationGrade
{
    Level1 = 1,
    Level2 = 2,
    Level3 = 3,
}

/// <summary>The editable facts of an enterprise (PRODUCT.md C1): one shape for the API, the Excel import and the demo.</summary>
public sealed record EnterpriseDetails
{
    public string CreditCode { get; init; } = "";
    public string Name { get; init; } = "";
    public Sector Sector { get; init; }
    /// <summary>Code of the community or grid the enterprise belongs to.</summary>
    public string DivisionCode { get; init; } = "";
    public string Address { get; init; } = "";
    public double? Latitude { get; init; }
    public double? Longitude { get; init; }
    public int Employees { get; init; }
    /// <summary>规模以上 (above the designated size).</summary>
    public bool AboveDesignatedSize { get; init; }
    public string PrincipalName { get; init; } = "";
    public string? PrincipalPhone { get; init; }
    /// <summary>安全总监.</summary>
    public string? SafetyDirectorName { get; init; }
    public string? SafetyDirectorPhone { get; init; }
    /// <summary>注册安全工程师 on staff.</summary>
    public int RegisteredSafetyEngineers { get; init; }
    /// <summary>安全生产费用 extracted this year, 万元.</summary>
    public decimal SafetyCostWanYuan { get; init; }
    /// <summary>安全生产责任保险 (安责险) in force.</summary>
    public bool LiabilityInsurance { get; init; }
    public StandardisationGrade? StandardisationGrade { get; init; }

    /// <summary>Business-rule problems, field → Chinese messages. Empty when the details can be stored.</summary>
    public Dictionary<string, string[]> Problems()
    {
        var problems = new Dictionary<string, List<string>>();
        void Add(string field, string message)
        {
            if (!problems.TryGetValue(field, out var list))
                problems[field] = list = [];
            list.Add(message);
        }

        if (Registry.CreditCode.Problem(CreditCode) is { } codeProblem)
            Add(nameof(CreditCode), codeProblem);
        if (string.IsNullOrWhiteSpace(Name))
            Add(nameof(Name), "企业名称不能为空");
        else if (Name.Length > 200)
            Add(nameof(Name), "企业名称不能超过200字");
        if (!Enum.IsDefined(Sector))
            Add(nameof(Sector), "行业领域无效");
        if (string.IsNullOrWhiteSpace(DivisionCode))
            Add(nameof(DivisionCode), "所属社区(网格)不能为空");
        if (Latitude is < -90 or > 90 || (Latitude is null) != (Longitude is null))
            Add(nameof(Latitude), "纬度应在 -90 到 90 之间，且经纬度须同时填写");
        if (Longitude is < -180 or > 180)
            Add(nameof(Longitude), "经度应在 -180 到 180 之间");
        if (Employees < 0)
            Add(nameof(Employees), "从业人数不能为负数");
        if (string.IsNullOrWhiteSpace(PrincipalName))
            Add(nameof(PrincipalName), "主要负责人不能为空");
        if (RegisteredSafetyEngineers < 0)
            Add(nameof(RegisteredSafetyEngineers), "注册安全工程师人数不能为负数");
        if (SafetyCostWanYuan < 0)
            Add(nameof(SafetyCostWanYuan), "安全生产费用不能为负数");
        if (StandardisationGrade is { } g && !Enum.IsDefined(g))
            Add(nameof(StandardisationGrade), "标准化等级无效");
        return problems.ToDictionary(p => p.Key, p => p.Value.ToArray());
    }
}

/// <summary>An enterprise (生产经营单位), the root of 一企一档. The credit code is the de-duplication key.</summary>
public sealed class Enterprise
{
    private Enterprise() { }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public string CreditCode { get; private set; } = "";
    public string Name { get; private set; } = "";
    public Sector Sector { get; private set; }
    public Guid DivisionId { get; private set; }
    public Division? Division { get; private set; }
    public string Address { get; private set; } = "";
    public double? Latitude { get; private set; }
    public double? Longitude { get; private set; }
    public int Employees { get; private set; }
    public bool AboveDesignatedSize { get; private set; }
    public string PrincipalName { get; private set; } = "";
    public string? PrincipalPhone { get; private set; }
    public string? SafetyDirectorName { get; private set; }
    public string? SafetyDirectorPhone { get; private set; }
    public int RegisteredSafetyEngineers { get; private set; }
    public decimal SafetyCostWanYuan { get; private set; }
    public bool LiabilityInsurance { get; private set; }
    public StandardisationGrade? StandardisationGrade { get; private set; }
    /// <summary>Illustrative demo data, shown as such in the UI.</summary>
    public bool IsDemo { get; private set; }

    public List<MajorHazardSource> MajorHazardSources { get; private set; } = [];
    public List<EnterpriseChemical> Chemicals { get; private set; } = [];
    public List<SpecialEquipment> SpecialEquipment { get; private set; } = [];

    public static Enterprise Create(EnterpriseDetails details, Division division, bool isDemo = false)
    {
        var enterprise = new Enterprise { IsDemo = isDemo };
        enterprise.Update(details, division);
        return enterprise;
    }

    public void Update(EnterpriseDetails details, Division division)
    {
        var problems = details.Problems();
        if (division.Level is not (DivisionLevel.Community or DivisionLevel.Grid))
            problems[nameof(details.DivisionCode)] = ["企业应归属到社区或网格"];
        if (problems.Count > 0)
            throw new DomainValidationException(problems);
        CreditCode = Registry.CreditCode.Normalize(details.CreditCode);
        Name = details.Name.Trim();
        Sector = details.Sector;
        DivisionId = division.Id;
        Division = division;
        Address = details.Address.Trim();
        Latitude = details.Latitude;
        Longitude = details.Longitude;
        Employees = details.Employees;
        AboveDesignatedSize = details.AboveDesignatedSize;
        PrincipalName = details.PrincipalName.Trim();
        PrincipalPhone = details.PrincipalPhone?.Trim();
        SafetyDirectorName = details.SafetyDirectorName?.Trim();
        SafetyDirectorPhone = details.SafetyDirectorPhone?.Trim();
        RegisteredSafetyEngineers = details.RegisteredSafetyEngineers;
        SafetyCostWanYuan = details.SafetyCostWanYuan;
        LiabilityInsurance = details.LiabilityInsurance;
        StandardisationGrade = details.StandardisationGrade;
    }

    public EnterpriseDetails ToDetails() => new()
    {
        CreditCode = CreditCode,
        Name = Name,
        Sector = Sector,
        DivisionCode = Division?.Code ?? "",
        Address = Address,
        Latitude = Latitude,
        Longitude = Longitude,
        Employees = Employees,
        AboveDesignatedSize = AboveDesignatedSize,
        PrincipalName = PrincipalName,
        PrincipalPhone = PrincipalPhone,
        SafetyDirectorName = SafetyDirectorName,
        SafetyDirectorPhone = SafetyDirectorPhone,
        RegisteredSafetyEngineers = RegisteredSafetyEngineers,
        SafetyCostWanYuan = SafetyCostWanYuan,
        LiabilityInsurance = LiabilityInsurance,
        StandardisationGrade = StandardisationGrade,
    };
}

/// <summary>A hazardous chemical an enterprise holds, with its maximum quantity; flagged when on the 禁限控 catalogue.</summary>
public sealed class EnterpriseChemical
{
    private EnterpriseChemical() { }

    public EnterpriseChemical(Guid enterpriseId, Chemical chemical, decimal maxQuantityTonnes)
    {
        if (maxQuantityTonnes < 0)
            throw new DomainValidationException("maxQuantityTonnes", "最大存量不能为负数");
        EnterpriseId = enterpriseId;
        ChemicalKey = chemical.Key;
        ChemicalName = chemical.NameZh;
        Cas = chemical.Cas.Count > 0 ? chemical.Cas[0] : null;
        MaxQuantityTonnes = maxQuantityTonnes;
        Restricted = chemical.Restricted;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid EnterpriseId { get; private set; }
    public Enterprise? Enterprise { get; private set; }
    public string ChemicalKey { get; private set; } = "";
    public string ChemicalName { get; private set; } = "";
    public string? Cas { get; private set; }
    public decimal MaxQuantityTonnes { get; private set; }
    public bool Restricted { get; private set; }
}
