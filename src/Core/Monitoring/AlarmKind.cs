namespace Tianshan.Core.Monitoring;

/// <summary>The alarms one sensor can raise; each has its own <see cref="AlarmLifecycle"/>.</summary>
public enum AlarmKind
{
    /// <summary>HH: value ≥ the high-high limit.</summary>
    HighHigh = 1,
    /// <summary>H: value ≥ the high limit.</summary>
    High = 2,
    /// <summary>L: value ≤ the low limit.</summary>
    Low = 3,
    /// <summary>LL: value ≤ the low-low limit.</summary>
    LowLow = 4,
    /// <summary>The value changes faster than the configured units per minute.</summary>
    RateOfChange = 5,
    /// <summary>通信中断: no reading for N sampling periods.</summary>
    NoData = 6,
}

/// <summary>ISA-18.2 alarm priority; a larger value is more urgent, so the worst alarm is the maximum. ISA-18.2 (and
/// EEMUA 191) aim for about 80 % Low, 15 % Medium, 5 % High and under 1 % of the highest priority (domain-rules §7).</summary>
public enum AlarmPriority
{
    Low = 1,
    Medium = 2,
    High = 3,
    Critical = 4,
}

public static class AlarmLabels
{
    public static string Label(AlarmKind kind) => kind switch
    {
        AlarmKind.HighHigh => "高高报",
        AlarmKind.High => "高报",
        AlarmKind.Low => "低报",
        AlarmKind.LowLow => "低低报",
        AlarmKind.RateOfChange => "变化率报警",
        AlarmKind.NoData => "通信中断",
        _ => kind.ToString(),
    };

    /// <summary>Gas detectors name their alarms as GB/T 50493-2019 §5.5.2 does: 一级/二级 for combustible and toxic gas,
    /// 欠氧/过氧 for oxygen.</summary>
    public static string Label(AlarmKind kind, SensorKind sensor) => (sensor, kind) switch
    {
        (SensorKind.CombustibleGas or SensorKind.ToxicGas, AlarmKind.High) => "一级报警",
        (SensorKind.CombustibleGas or SensorKind.ToxicGas, AlarmKind.HighHigh) => "二级报警",
        (SensorKind.Oxygen, AlarmKind.Low) => "欠氧报警",
        (SensorKind.Oxygen, AlarmKind.High) => "过氧报警",
        _ => Label(kind),
    };

    public static string Label(AlarmPriority priority) => priority switch
    {
        AlarmPriority.Low => "低",
        AlarmPriority.Medium => "中",
        AlarmPriority.High => "高",
        AlarmPriority.Critical => "紧急",
        _ => priority.ToString(),
    };

    public static string Label(AlarmState state) => state switch
    {
        AlarmState.Normal => "正常",
        AlarmState.Unacknowledged => "报警未确认",
        AlarmState.Acknowledged => "报警已确认",
        AlarmState.ReturnedUnacknowledged => "已恢复未确认",
        AlarmState.Shelved => "已搁置",
        AlarmState.Suppressed => "已抑制",
        AlarmState.OutOfService => "已停用",
        _ => state.ToString(),
    };
}
