namespace Tianshan.Core.Monitoring;

/// <summary>
/// Plays one sensor for the demo and the load simulator: a mean-reverting random walk around its idle value, a daily
/// cycle (tank temperatures follow the sun), rare excursions that climb past the high limits and come back, and rare
/// dropouts (no reading for a while, which the platform must report as 通信中断). Deterministic for a given seed.
/// </summary>
public sealed class SensorSimulation(double nominal, double noise, double? excursionTo, int seed)
{
    private readonly Random _random = new(seed);
    private double _value = double.NaN;
    private int _excursionLeft;
    private int _dropoutLeft;

    /// <summary>Chance per reading that an excursion starts (about one per sensor per few hours at a 5 s period).</summary>
    public double ExcursionChance { get; init; } = 0.0003;

    /// <summary>Chance per reading that the sensor drops out for a while.</summary>
    public double DropoutChance { get; init; } = 0.0001;

    /// <summary>The next value at <paramref name="time"/>, or null while the sensor is silent.</summary>
    public double? Next(DateTimeOffset time)
    {
        if (_dropoutLeft > 0)
        {
            _dropoutLeft--;
            return null;
        }
        if (_random.NextDouble() < DropoutChance)
        {
            _dropoutLeft = 10 + _random.Next(20);
            return null;
        }
        if (double.IsNaN(_value))
            _value = nominal;
        var daily = Math.Sin((time.UtcDateTime.TimeOfDay.TotalHours + 8 - 14) / 24 * 2 * Math.PI) * noise * 5;
        var target = nominal + daily;
        if (excursionTo is not null && _excursionLeft == 0 && _random.NextDouble() < ExcursionChance)
            _excursionLeft = 24;
        if (_excursionLeft > 0)
        {
            // Up for half the excursion, then back down.
            target = _excursionLeft > 12 ? excursionTo!.Value : nominal;
            _excursionLeft--;
        }
        _value += (target - _value) * (_excursionLeft > 0 ? 0.25 : 0.05) + (_random.NextDouble() - 0.5) * 2 * noise;
        return Math.Round(_value, 3);
    }
}
