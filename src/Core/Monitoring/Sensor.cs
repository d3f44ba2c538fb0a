using Tianshan.Core.Platform;
using Tianshan.Core.Registry;

namespace Tianshan.Core.Monitoring;

/// <summary>The editable facts of a sensor; one shape for the API, the Excel import and the demo.</summary>
public sealed record SensorDetails
{
    /// <summary>The code the gateway publishes under: topic tianshan/{enterprise credit code}/{sensor code}.</summary>
    public string Code { get; init; } = "";
    public string Name { get; init; } = "";
    public SensorKind Kind { get; init; }
    /// <summary>Engineering unit; the kind's default unit when empty.</summary>
    public string? Unit { get; init; }
    public double? RangeMin { get; init; }
    public double? RangeMax { get; init; }
    public Guid? MajorHazardSourceId { get; init; }
    /// <summary>Alarm rules; new gas detectors get the GB/T 50493-2019 defaults when none are given.</summary>
    public AlarmRules? Rules { get; init; }
}

/// <summary>A monitoring point (监测点) on a major hazard source (40号令 第十三条: temperature, pressure, level, flow,
/// composition, combustible and toxic gas). <see cref="StoreId"/> is the compact number readings are stored under.</summary>
public sealed class Sensor
{
    private Sensor() { }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public int StoreId { get; private set; }
    public Guid EnterpriseId { get; private set; }
    public Enterprise? Enterprise { get; private set; }
    public Guid? MajorHazardSourceId { get; private set; }
    public MajorHazardSource? MajorHazardSource { get; private set; }
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public SensorKind Kind { get; private set; }
    public string Unit { get; private set; } = "";
    public double? RangeMin { get; private set; }
    public double? RangeMax { get; private set; }
    public AlarmRules Rules { get; private set; } = new();

    public static Sensor Create(Guid enterpriseId, int storeId, SensorDetails details)
    {
        var sensor = new Sensor { EnterpriseId = enterpriseId, StoreId = storeId };
        sensor.Update(details);
        return sensor;
    }

    public void Update(SensorDetails details)
    {
        var problems = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(details.Code))
            problems[nameof(details.Code)] = ["传感器编码不能为空"];
        else if (details.Code.Contains('/', StringComparison.Ordinal) || details.Code.Contains('+', StringComparison.Ordinal) || details.Code.Contains('#', StringComparison.Ordinal) || details.Code.Trim() == "batch")
            problems[nameof(details.Code)] = ["传感器编码不能含有 / + # 字符，也不能为 batch(用于MQTT主题)"];
        if (string.IsNullOrWhiteSpace(details.Name))
            problems[nameof(details.Name)] = ["传感器名称不能为空"];
        if (!Enum.IsDefined(details.Kind))
            problems[nameof(details.Kind)] = ["传感器类型无效"];
        if (details.RangeMin is { } min && details.RangeMax is { } max && min >= max)
            problems[nameof(details.RangeMax)] = ["量程上限必须大于下限"];
        var rules = details.Rules ?? (Enum.IsDefined(details.Kind) && SensorKinds.IsGasDetector(details.Kind) && details.Kind != SensorKind.ToxicGas
            ? AlarmRules.GasDetectorDefaults(details.Kind)
            : new AlarmRules());
        if (Enum.IsDefined(details.Kind))
        {
            foreach (var (field, messages) in rules.Validate(details.Kind))
                problems["rules." + field] = messages;
        }
        if (problems.Count > 0)
            throw new DomainValidationException(problems);
        Code = details.Code.Trim();
        Name = details.Name.Trim();
        Kind = details.Kind;
        Unit = string.IsNullOrWhiteSpace(details.Unit) ? SensorKinds.DefaultUnit(details.Kind) : details.Unit.Trim();
        RangeMin = details.RangeMin;
        RangeMax = details.RangeMax;
        MajorHazardSourceId = details.MajorHazardSourceId;
        Rules = rules;
    }
}
