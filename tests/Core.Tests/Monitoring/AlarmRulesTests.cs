using Tianshan.Core.Monitoring;
using Tianshan.Core.Platform;

namespace Tianshan.Core.Tests.Monitoring;

public class AlarmRulesTests
{
    [Fact]
    public void Combustible_gas_detectors_default_to_25_and_50_percent_LEL()
    {
        // GB/T 50493-2019 §5.5.2: 一级 ≤ 25 %LEL, 二级 ≤ 50 %LEL.
        var rules = AlarmRules.GasDetectorDefaults(SensorKind.CombustibleGas);
        Assert.Equal((25.0, 50.0), (rules.High, rules.HighHigh));
        Assert.Null(rules.Low);
        Assert.Empty(rules.Validate(SensorKind.CombustibleGas));
        Assert.Equal("二级报警", AlarmLabels.Label(AlarmKind.HighHigh, SensorKind.CombustibleGas));
        Assert.Equal("%LEL", SensorKinds.DefaultUnit(SensorKind.CombustibleGas));
    }

    [Fact]
    public void Oxygen_detectors_default_to_19_5_low_and_23_5_high_percent_vol()
    {
        var rules = AlarmRules.GasDetectorDefaults(SensorKind.Oxygen);
        Assert.Equal((19.5, 23.5), (rules.Low, rules.High));
        Assert.Empty(rules.Validate(SensorKind.Oxygen));
        Assert.Equal("欠氧报警", AlarmLabels.Label(AlarmKind.Low, SensorKind.Oxygen));
        Assert.Equal("%VOL", SensorKinds.DefaultUnit(SensorKind.Oxygen));
    }

    [Fact]
    public void Toxic_gas_defaults_are_one_and_two_times_the_exposure_limit_which_must_be_given()
    {
        var rules = AlarmRules.GasDetectorDefaults(SensorKind.ToxicGas, occupationalExposureLimit: 10);   // e.g. H2S 10 ppm
        Assert.Equal((10.0, 20.0), (rules.High, rules.HighHigh));
        var e = Assert.Throws<DomainValidationException>(() => AlarmRules.GasDetectorDefaults(SensorKind.ToxicGas));
        Assert.Contains("OEL", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Process_sensors_have_no_gas_detector_defaults()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => AlarmRules.GasDetectorDefaults(SensorKind.Pressure));
    }

    [Fact]
    public void Default_rules_without_limits_are_valid()
    {
        Assert.Empty(new AlarmRules().Validate());
        Assert.Equal(TimeSpan.FromSeconds(30), new AlarmRules().NoDataAfter);
    }

    [Fact]
    public void Limits_out_of_order_are_reported_in_chinese_on_their_field()
    {
        var problems = new AlarmRules { HighHigh = 80, High = 90, Low = 10, LowLow = 20 }.Validate();
        Assert.Equal(["高高报限值（80）必须不小于高报限值（90）"], problems["high"]);
        Assert.Equal(["低报限值（10）必须不小于低低报限值（20）"], problems["lowLow"]);
    }

    [Fact]
    public void A_high_limit_must_lie_strictly_above_a_low_one_but_HH_may_equal_H()
    {
        Assert.Equal(["高报限值（50）必须大于低报限值（50）"], new AlarmRules { High = 50, Low = 50 }.Validate()["low"]);
        Assert.Empty(new AlarmRules { HighHigh = 90, High = 90, Low = 10, LowLow = 10 }.Validate());
        Assert.Contains("low", new AlarmRules { HighHigh = 50, Low = 60 }.Validate().Keys);
    }

    [Fact]
    public void Negative_deadband_delays_and_a_zero_sampling_period_are_rejected()
    {
        var problems = new AlarmRules
        {
            Deadband = -1, OnDelay = TimeSpan.FromSeconds(-1), OffDelay = TimeSpan.FromSeconds(-1),
            SamplingPeriod = TimeSpan.Zero, MissedPeriods = 0, RateOfChangePerMinute = 0, ChatterActivations = 1,
        }.Validate();
        Assert.Equal(
            ["chatterActivations", "deadband", "missedPeriods", "offDelay", "onDelay", "rateOfChangePerMinute", "samplingPeriod"],
            problems.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("死区", problems["deadband"][0], StringComparison.Ordinal);
        Assert.Contains("采样周期", problems["samplingPeriod"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void A_deadband_as_wide_as_the_gap_between_high_and_low_is_rejected()
    {
        var problems = new AlarmRules { High = 23.5, Low = 19.5, Deadband = 4 }.Validate();
        Assert.Contains("必须小于高报与低报限值之差（4）", problems["deadband"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void Combustible_gas_setpoints_above_the_standard_maxima_are_rejected()
    {
        var rules = new AlarmRules { High = 30, HighHigh = 60 };
        Assert.Empty(rules.Validate());
        var problems = rules.Validate(SensorKind.CombustibleGas);
        Assert.Contains("不应高于25%LEL", problems["high"][0], StringComparison.Ordinal);
        Assert.Contains("GB/T 50493-2019", problems["highHigh"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_rules_cannot_build_an_evaluator()
    {
        var e = Assert.Throws<DomainValidationException>(() => new SensorAlarmEvaluator(new AlarmRules { High = 10, Low = 20 }, DateTimeOffset.UnixEpoch));
        Assert.Contains("low", e.Errors.Keys);
    }

    [Theory]
    [InlineData("可燃气体", SensorKind.CombustibleGas)]
    [InlineData("oxygen", SensorKind.Oxygen)]
    [InlineData(" 液位 ", SensorKind.Level)]
    public void Sensor_kinds_parse_from_chinese_labels_and_identifiers(string text, SensorKind kind)
    {
        Assert.Equal(kind, SensorKinds.Parse(text));
    }
}
