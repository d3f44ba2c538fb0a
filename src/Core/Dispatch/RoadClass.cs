using System.Globalization;

namespace Tianshan.Core.Dispatch;

/// <summary>Which OSM ways a vehicle can drive, in which direction, and how fast.</summary>
public static class RoadClass
{
    /// <summary>Speed by OSM highway class when a way has no usable maxspeed, km/h. Urban classes follow the design
    /// speeds of CJJ 37-2012 §3.1 (快速路 60–100, 主干路 40–60, 次干路 30–50, 支路 20–40), taking a value inside each
    /// band that a loaded vehicle keeps in traffic; service ways and living streets are walking-pace courtyards.</summary>
    private static readonly Dictionary<string, double> Speeds = new(StringComparer.Ordinal)
    {
        ["motorway"] = 100, ["motorway_link"] = 50,
        ["trunk"] = 70, ["trunk_link"] = 40,
        ["primary"] = 50, ["primary_link"] = 35,
        ["secondary"] = 40, ["secondary_link"] = 30,
        ["tertiary"] = 35, ["tertiary_link"] = 25,
        ["unclassified"] = 30, ["residential"] = 25, ["road"] = 25,
        ["living_street"] = 10, ["service"] = 15,
    };

    /// <summary>True for a highway value a car or fire engine may use (footways, cycleways, steps, tracks and
    /// roads under construction are left out).</summary>
    public static bool IsDrivable(string? highway) => highway is not null && Speeds.ContainsKey(highway);

    public static double DefaultSpeed(string highway) => Speeds.TryGetValue(highway, out var v) ? v : 25;

    /// <summary>The speed of a way: its maxspeed ("50", "50 km/h", "30 mph") when it is a number, else the class speed.</summary>
    public static double Speed(string highway, string? maxspeed)
    {
        if (maxspeed is { Length: > 0 })
        {
            var text = maxspeed.Trim();
            var mph = text.EndsWith("mph", StringComparison.OrdinalIgnoreCase);
            var digits = new string(text.TakeWhile(c => char.IsAsciiDigit(c) || c == '.').ToArray());
            if (double.TryParse(digits, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value is > 0 and < 200)
                return mph ? value * 1.609344 : value;
        }
        return DefaultSpeed(highway);
    }

    /// <summary>Allowed directions along the way's node order. oneway=yes/true/1 forward only, -1/reverse backward only,
    /// no/false/0 both; a roundabout (junction=roundabout/circular) and a motorway are one-way unless tagged otherwise
    /// (OSM wiki, Key:oneway "implied oneway").</summary>
    public static (bool Forward, bool Backward) Directions(string highway, string? oneway, string? junction)
    {
        switch (oneway?.Trim().ToLowerInvariant())
        {
            case "yes" or "true" or "1":
                return (true, false);
            case "-1" or "reverse":
                return (false, true);
            case "no" or "false" or "0":
                return (true, true);
        }
        if (junction is "roundabout" or "circular" || highway == "motorway")
            return (true, false);
        return (true, true);
    }
}
