using System.Globalization;
using Tianshan.Core.Platform;

namespace Tianshan.Core.Monitoring;

/// <summary>
/// One sensor's alarm rules, immutable: to change them the host builds a new <see cref="SensorAlarmEvaluator"/> and
/// restores the alarm states into it. Limits are in the sensor's engineering units; a missing limit means no such alarm.
/// </summary>
public sealed record AlarmRules
{
    /// <summary>高高报 (HH): active at value ≥ HH.</summary>
    public double? HighHigh { get; init; }
    /// <summary>高报 (H): active at value ≥ H.</summary>
    public double? High { get; init; }
    /// <summary>低报 (L): active at value ≤ L.</summary>
    public double? Low { get; init; }
    /// <summary>低低报 (LL): active at value ≤ LL.</summary>
    public double? LowLow { get; init; }

    /// <summary>Deadband in engineering units (ISA-18.2 alarm hysteresis): an active high alarm clears only below
    /// limit − deadband, an active low alarm only above limit + deadband.</summary>
    public double Deadband { get; init; }

    /// <summary>On-delay: the condition must hold continuously this long before the alarm activates (ISA-18.2 filters
    /// fleeting alarms this way).</summary>
    public TimeSpan OnDelay { get; init; }

    /// <summary>Off-delay: the condition must stay clear this long before the alarm returns to normal.</summary>
    public TimeSpan OffDelay { get; init; }

    /// <summary>变化率: alarm when |Δvalue| per minute between consecutive readings exceeds this; null means none.</summary>
    public double? RateOfChangePerMinute { get; init; }

    /// <summary>The sensor's sampling period. 40号令 第十三条 requires uninterrupted acquisition but names no period (AQ 3035's
    /// periods were not retrieved), so 10 s is a house default.</summary>
    public TimeSpan SamplingPeriod { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>通信中断 is raised after this many sampling periods without a reading.</summary>
    public int MissedPeriods { get; init; } = 3;

    /// <summary>Chattering: this many activations of one alarm within <see cref="ChatterWindow"/> suppress it until a
    /// window passes without activations. Default 3 in 60 s (PAS; sources differ, domain-rules §7); 0 turns it off.</summary>
    public int ChatterActivations { get; init; } = 3;

    public TimeSpan ChatterWindow { get; init; } = TimeSpan.FromSeconds(60);

    public AlarmPriority HighHighPriority { get; init; } = AlarmPriority.High;
    public AlarmPriority HighPriority { get; init; } = AlarmPriority.Medium;
    public AlarmPriority LowPriority { get; init; } = AlarmPriority.Medium;
    public AlarmPriority LowLowPriority { get; init; } = AlarmPriority.High;
    public AlarmPriority RateOfChangePriority { get; init; } = AlarmPriority.Low;
    /// <summary>Losing a major hazard source's data breaks 40号令 第十三条's uninterrupted monitoring, hence Medium.</summary>
    public AlarmPriority NoDataPriority { get; init; } = AlarmPriority.Medium;

    public TimeSpan NoDataAfter => SamplingPeriod * MissedPeriods;

    /// <summary>The limit of a limit alarm, the units per minute of the rate alarm; null when not configured.</summary>
    public double? Limit(AlarmKind kind) => kind switch
    {
        AlarmKind.HighHigh => HighHigh,
        AlarmKind.High => High,
        AlarmKind.Low => Low,
        AlarmKind.LowLow => LowLow,
        AlarmKind.RateOfChange => RateOfChangePerMinute,
        _ => null,
    };

    public AlarmPriority PriorityOf(AlarmKind kind) => kind switch
    {
        AlarmKind.HighHigh => HighHighPriority,
        AlarmKind.High => HighPriority,
        AlarmKind.Low => LowPriority,
        AlarmKind.LowLow => LowLowPriority,
        AlarmKind.RateOfChange => RateOfChangePriority,
        _ => NoDataPriority,
    };

    /// <summary>
    /// Default setpoints of a new gas detector, GB/T 50493-2019 §5.5.2: combustible gas 一级 (H) ≤ 25 %LEL and 二级 (HH)
    /// ≤ 50 %LEL; toxic gas 一级 ≤ 100 % OEL and 二级 ≤ 200 % OEL (the OEL depends on the gas, so the caller gives it);
    /// oxygen 欠氧 (L) 19.5 %VOL and 过氧 (H) 23.5 %VOL. The standard sets no deadband; those below are house defaults.
    /// </summary>
    public static AlarmRules GasDetectorDefaults(SensorKind kind, double? occupationalExposureLimit = null) => kind switch
    {
        SensorKind.CombustibleGas => new AlarmRules
        {
            High = 25, HighHigh = 50, Deadband = 1,
            HighPriority = AlarmPriority.High, HighHighPriority = AlarmPriority.Critical,
        },
        SensorKind.ToxicGas when occupationalExposureLimit is { } oel && oel > 0 => new AlarmRules
        {
            High = oel, HighHigh = 2 * oel, Deadband = 0.05 * oel,
            HighPriority = AlarmPriority.High, HighHighPriority = AlarmPriority.Critical,
        },
        SensorKind.ToxicGas => throw new DomainValidationException("occupationalExposureLimit",
            "有毒气体探测器的默认报警值按职业接触限值(OEL)计算，请先填写大于0的OEL（GB/T 50493-2019 第5.5.2条）"),
        SensorKind.Oxygen => new AlarmRules
        {
            Low = 19.5, High = 23.5, Deadband = 0.2,
            LowPriority = AlarmPriority.High, HighPriority = AlarmPriority.High,
        },
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "只有可燃气体、有毒气体和氧气探测器有GB/T 50493默认报警值"),
    };

    /// <summary>Problems with these rules, field → Chinese messages; empty when valid. Given the sensor kind, combustible gas
    /// setpoints are also held to the GB/T 50493-2019 §5.5.2 maxima.</summary>
    public IReadOnlyDictionary<string, string[]> Validate(SensorKind? sensor = null) => Problems(sensor);

    /// <summary>Throws <see cref="DomainValidationException"/> (HTTP 400) listing every problem.</summary>
    public void EnsureValid(SensorKind? sensor = null)
    {
        var problems = Problems(sensor);
        if (problems.Count > 0)
            throw new DomainValidationException(problems);
    }

    private Dictionary<string, string[]> Problems(SensorKind? sensor)
    {
        var problems = new Dictionary<string, string[]>();
        void Add(string field, string message) =>
            problems[field] = problems.TryGetValue(field, out var existing) ? [.. existing, message] : [message];

        // Limits must be ordered HH ≥ H > L ≥ LL (any two that are present): a high limit strictly above a low one.
        (string Field, string Name, double? Value, bool IsHigh)[] limits =
            [("highHigh", "高高报", HighHigh, true), ("high", "高报", High, true), ("low", "低报", Low, false), ("lowLow", "低低报", LowLow, false)];
        (string Name, double Value, bool IsHigh)? above = null;
        double? lowestHigh = null, highestLow = null;
        foreach (var (field, name, limit, isHigh) in limits)
        {
            if (limit is not { } value)
                continue;
            if (!double.IsFinite(value))
            {
                Add(field, $"{name}限值必须是有限数值");
                continue;
            }
            if (above is { } a)
            {
                var strict = a.IsHigh && !isHigh;
                if (strict ? a.Value <= value : a.Value < value)
                    Add(field, $"{a.Name}限值（{N(a.Value)}）必须{(strict ? "大于" : "不小于")}{name}限值（{N(value)}）");
            }
            above = (name, value, isHigh);
            if (isHigh)
                lowestHigh = value;
            else
                highestLow ??= value;
        }

        if (!double.IsFinite(Deadband) || Deadband < 0)
            Add("deadband", "死区必须是不小于0的数值");
        else if (lowestHigh - highestLow is { } gap && gap > 0 && Deadband >= gap)
            Add("deadband", $"死区（{N(Deadband)}）必须小于高报与低报限值之差（{N(gap)}），否则两个报警可能同时存在");
        if (OnDelay < TimeSpan.Zero)
            Add("onDelay", "报警延时不能为负数");
        if (OffDelay < TimeSpan.Zero)
            Add("offDelay", "恢复延时不能为负数");
        if (RateOfChangePerMinute is { } rate && !(double.IsFinite(rate) && rate > 0))
            Add("rateOfChangePerMinute", "变化率限值必须大于0");
        if (SamplingPeriod <= TimeSpan.Zero)
            Add("samplingPeriod", "采样周期必须大于0");
        if (MissedPeriods < 1)
            Add("missedPeriods", "通信中断判定至少需要1个缺失的采样周期");
        if (ChatterActivations is < 0 or 1)
            Add("chatterActivations", "抖动判定次数须为0（不检测）或至少2次");
        if (ChatterActivations > 0 && ChatterWindow <= TimeSpan.Zero)
            Add("chatterWindow", "抖动判定时间窗必须大于0");

        // GB/T 50493-2019 §5.5.2: combustible gas 一级 ≤ 25 %LEL, 二级 ≤ 50 %LEL.
        if (sensor == SensorKind.CombustibleGas)
        {
            if (High > 25)
                Add("high", "可燃气体一级报警（高报）设定值不应高于25%LEL（GB/T 50493-2019 第5.5.2条）");
            if (HighHigh > 50)
                Add("highHigh", "可燃气体二级报警（高高报）设定值不应高于50%LEL（GB/T 50493-2019 第5.5.2条）");
        }
        return problems;
    }

    private static string N(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
