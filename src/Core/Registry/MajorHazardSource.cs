using Tianshan.Core.Platform;

namespace Tianshan.Core.Registry;

/// <summary>生产单元 or 储存单元 (GB 18218-2018 §3.5–3.6).</summary>
public enum HazardUnitKind
{
    Production = 1,
    Storage = 2,
}

/// <summary>Why a major hazard source must be re-identified, re-assessed and re-graded (40号令 第十一条).</summary>
public enum ReassessmentTrigger
{
    /// <summary>(一) the safety assessment is three years old.</summary>
    ThreeYearsElapsed = 1,
    /// <summary>(二) new construction, rebuilding or extension of the unit.</summary>
    Construction = 2,
    /// <summary>(三) chemicals, quantities, process, storage or key equipment changed, affecting the grade or risk.</summary>
    InventoryOrProcessChange = 3,
    /// <summary>(四) the surroundings changed, affecting the grade or risk.</summary>
    SurroundingsChange = 4,
    /// <summary>(五) an accident with deaths, ≥ 10 injured, or an effect on public safety.</summary>
    Accident = 5,
    /// <summary>(六) the national or sector standard for identification or assessment changed.</summary>
    StandardChange = 6,
}

public sealed record HazardUnitLineInput(string Chemical, decimal QuantityTonnes, decimal? Beta = null);

/// <summary>The editable facts of a major hazard source; one shape for the API, the Excel import and the demo.</summary>
public sealed record MajorHazardSourceDetails
{
    public string Code { get; init; } = "";
    public string Name { get; init; } = "";
    public HazardUnitKind Kind { get; init; } = HazardUnitKind.Storage;
    /// <summary>Resident people within 500 m outside the plant boundary (GB 18218-2018 Table 5).</summary>
    public int ExposedPeople { get; init; }
    /// <summary>Date of the last safety assessment (安全评估); the next is due three years later (40号令 第九条、第十一条).</summary>
    public DateOnly LastAssessedOn { get; init; }
    public IReadOnlyList<HazardUnitLineInput> Units { get; init; } = [];
    /// <summary>Video stream of the unit (40号令 第十三条 requires video monitoring where highly toxic substances are stored).</summary>
    public string? VideoUrl { get; init; }
}

public static class ReassessmentTriggers
{
    public static string Label(ReassessmentTrigger trigger) => trigger switch
    {
        ReassessmentTrigger.ThreeYearsElapsed => "安全评估已满三年",
        ReassessmentTrigger.Construction => "新建、改建、扩建",
        ReassessmentTrigger.InventoryOrProcessChange => "危险化学品种类、数量、工艺或储存方式等发生变化",
        ReassessmentTrigger.SurroundingsChange => "外界生产安全环境因素发生变化",
        ReassessmentTrigger.Accident => "发生造成人员死亡、10人以上受伤或影响公共安全的事故",
        ReassessmentTrigger.StandardChange => "辨识和评估标准发生变化",
        _ => trigger.ToString(),
    };

    /// <summary>Resolves every line against the catalogue; unknown chemicals name their line (for 400 responses and import reports).</summary>
    public static List<HazardLine> Resolve(IReadOnlyList<HazardUnitLineInput> units, ChemicalCatalogue catalogue)
    {
        var problems = new Dictionary<string, string[]>();
        var lines = new List<HazardLine>();
        for (var i = 0; i < units.Count; i++)
        {
            var u = units[i];
            var chemical = catalogue.Find(u.Chemical, out var problem);
            if (chemical is null)
                problems[$"units[{i}].chemical"] = [$"第{i + 1}行：{problem}"];
            else if (u.QuantityTonnes < 0)
                problems[$"units[{i}].quantityTonnes"] = [$"第{i + 1}行：{chemical.NameZh}的数量不能为负数"];
            else if (u.Beta is <= 0)
                problems[$"units[{i}].beta"] = [$"第{i + 1}行：校正系数β必须大于0"];
            else
                lines.Add(new HazardLine(chemical, u.QuantityTonnes, u.Beta));
        }
        if (units.Count == 0)
            problems["units"] = ["至少需要一种危险化学品"];
        if (problems.Count > 0)
            throw new DomainValidationException(problems);
        return lines;
    }
}

/// <summary>A chemical line of a unit, stored with the numbers used so the computation can be shown as it was made.</summary>
public sealed class MajorHazardLine
{
    public string ChemicalKey { get; set; } = "";
    public string ChemicalName { get; set; } = "";
    public decimal QuantityTonnes { get; set; }
    public decimal CriticalQuantity { get; set; }
    public decimal Beta { get; set; }
    public decimal? BetaOverride { get; set; }
}

/// <summary>A major hazard source (重大危险源): a unit with its chemicals, identified and graded by GB 18218-2018,
/// with the 40号令 re-assessment clock.</summary>
public sealed class MajorHazardSource
{
    private MajorHazardSource() { }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid EnterpriseId { get; private set; }
    public Enterprise? Enterprise { get; private set; }
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public HazardUnitKind Kind { get; private set; }
    public int ExposedPeople { get; private set; }
    public List<MajorHazardLine> Lines { get; private set; } = [];
    public decimal S { get; private set; }
    public decimal R { get; private set; }
    public decimal Alpha { get; private set; }
    /// <summary>1–4, or null when S &lt; 1 (the unit is not a major hazard source).</summary>
    public int? Grade { get; private set; }
    public DateOnly LastAssessedOn { get; private set; }
    /// <summary>Three years after the last assessment (40号令 第十一条(一)).</summary>
    public DateOnly NextAssessmentDue { get; private set; }
    public ReassessmentTrigger? PendingTrigger { get; private set; }
    public DateOnly? TriggeredOn { get; private set; }
    public string? TriggerNote { get; private set; }
    public string? VideoUrl { get; private set; }

    public bool IsMajorHazard => S >= 1;

    public static MajorHazardSource Create(Guid enterpriseId, MajorHazardSourceDetails details, ChemicalCatalogue catalogue)
    {
        var source = new MajorHazardSource { EnterpriseId = enterpriseId };
        source.Apply(details, catalogue);
        return source;
    }

    /// <summary>Changes the unit. A change of inventory or surroundings that changes the grade without a new assessment
    /// date opens a re-assessment trigger (40号令 第十一条(三)/(四)).</summary>
    public void Update(MajorHazardSourceDetails details, ChemicalCatalogue catalogue, DateOnly today)
    {
        var previousGrade = Grade;
        var previousAssessed = LastAssessedOn;
        var previousInventory = InventoryKey();
        Apply(details, catalogue);
        if (LastAssessedOn > previousAssessed)
        {
            ClearTrigger();
        }
        else if (Grade != previousGrade)
        {
            RecordTrigger(InventoryKey() == previousInventory ? ReassessmentTrigger.SurroundingsChange : ReassessmentTrigger.InventoryOrProcessChange,
                today, $"分级由{MajorHazardAssessment.GradeLabel(previousGrade)}变为{MajorHazardAssessment.GradeLabel(Grade)}");
        }
    }

    public void RecordTrigger(ReassessmentTrigger trigger, DateOnly on, string? note)
    {
        PendingTrigger = trigger;
        TriggeredOn = on;
        TriggerNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
    }

    public bool ReassessmentOverdue(DateOnly today) => NextAssessmentDue < today || PendingTrigger is not null;

    public MajorHazardSourceDetails ToDetails() => new()
    {
        Code = Code,
        Name = Name,
        Kind = Kind,
        ExposedPeople = ExposedPeople,
        LastAssessedOn = LastAssessedOn,
        VideoUrl = VideoUrl,
        Units = Lines.Select(l => new HazardUnitLineInput(l.ChemicalName, l.QuantityTonnes, l.BetaOverride)).ToList(),
    };

    private string InventoryKey() =>
        string.Join(";", Lines.Select(l => FormattableString.Invariant($"{l.ChemicalKey}={l.QuantityTonnes}/{l.BetaOverride}")));

    private void Apply(MajorHazardSourceDetails details, ChemicalCatalogue catalogue)
    {
        var problems = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(details.Code))
            problems[nameof(details.Code)] = ["重大危险源编号不能为空"];
        if (string.IsNullOrWhiteSpace(details.Name))
            problems[nameof(details.Name)] = ["重大危险源名称不能为空"];
        if (!Enum.IsDefined(details.Kind))
            problems[nameof(details.Kind)] = ["单元类型应为生产单元或储存单元"];
        if (details.ExposedPeople < 0)
            problems[nameof(details.ExposedPeople)] = ["厂外暴露人员数不能为负数"];
        if (details.VideoUrl is { Length: > 0 } url && !Uri.TryCreate(url, UriKind.Absolute, out _))
            problems[nameof(details.VideoUrl)] = ["视频地址应为完整的URL(如 rtsp:// 或 https://)"];
        if (details.LastAssessedOn == default)
            problems[nameof(details.LastAssessedOn)] = ["请填写最近一次安全评估日期"];
        List<HazardLine> lines = [];
        try
        {
            lines = ReassessmentTriggers.Resolve(details.Units, catalogue);
        }
        catch (DomainValidationException e)
        {
            foreach (var (k, v) in e.Errors)
                problems[k] = v;
        }
        if (problems.Count > 0)
            throw new DomainValidationException(problems);

        var assessment = MajorHazardGrading.Assess(lines, details.ExposedPeople);
        Code = details.Code.Trim();
        Name = details.Name.Trim();
        Kind = details.Kind;
        VideoUrl = string.IsNullOrWhiteSpace(details.VideoUrl) ? null : details.VideoUrl.Trim();
        ExposedPeople = details.ExposedPeople;
        LastAssessedOn = details.LastAssessedOn;
        NextAssessmentDue = details.LastAssessedOn.AddYears(3);
        Lines = lines.Zip(assessment.Lines, (l, r) => new MajorHazardLine
        {
            ChemicalKey = l.Chemical.Key,
            ChemicalName = l.Chemical.NameZh,
            QuantityTonnes = l.QuantityTonnes,
            CriticalQuantity = r.CriticalQuantity,
            Beta = r.Beta,
            BetaOverride = l.BetaOverride,
        }).ToList();
        S = assessment.S;
        R = assessment.R;
        Alpha = assessment.Alpha;
        Grade = assessment.Grade;
    }

    private void ClearTrigger()
    {
        PendingTrigger = null;
        TriggeredOn = null;
        TriggerNote = null;
    }
}
