namespace Tianshan.Core.Monitoring;

/// <summary>What a sensor measures. 40号令 第十三条: a major hazard source continuously monitors temperature, pressure,
/// level, flow and composition, and detects combustible and toxic gas leaks; oxygen detectors follow GB/T 50493-2019.</summary>
public enum SensorKind
{
    Level = 1,
    Temperature = 2,
    Pressure = 3,
    Flow = 4,
    Composition = 5,
    /// <summary>可燃气体, in %LEL.</summary>
    CombustibleGas = 6,
    /// <summary>有毒气体, in ppm (µmol/mol).</summary>
    ToxicGas = 7,
    /// <summary>氧气, in %VOL.</summary>
    Oxygen = 8,
}

public static class SensorKinds
{
    public static readonly IReadOnlyList<SensorKind> Each = Enum.GetValues<SensorKind>();

    public static string Label(SensorKind kind) => kind switch
    {
        SensorKind.Level => "液位",
        SensorKind.Temperature => "温度",
        SensorKind.Pressure => "压力",
        SensorKind.Flow => "流量",
        SensorKind.Composition => "组分",
        SensorKind.CombustibleGas => "可燃气体",
        SensorKind.ToxicGas => "有毒气体",
        SensorKind.Oxygen => "氧气",
        _ => kind.ToString(),
    };

    /// <summary>The unit a new sensor of this kind gets unless the import says otherwise.</summary>
    public static string DefaultUnit(SensorKind kind) => kind switch
    {
        SensorKind.Level => "m",
        SensorKind.Temperature => "℃",
        SensorKind.Pressure => "MPa",
        SensorKind.Flow => "m³/h",
        SensorKind.Composition => "%",
        SensorKind.CombustibleGas => "%LEL",
        SensorKind.ToxicGas => "ppm",
        SensorKind.Oxygen => "%VOL",
        _ => "",
    };

    public static bool IsGasDetector(SensorKind kind) =>
        kind is SensorKind.CombustibleGas or SensorKind.ToxicGas or SensorKind.Oxygen;

    /// <summary>Parses a kind from its identifier or Chinese label (Excel import, query strings).</summary>
    public static SensorKind? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        text = text.Trim();
        foreach (var kind in Each)
        {
            if (string.Equals(kind.ToString(), text, StringComparison.OrdinalIgnoreCase) || Label(kind) == text)
                return kind;
        }
        return null;
    }
}
