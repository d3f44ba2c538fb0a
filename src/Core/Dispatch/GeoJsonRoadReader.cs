using System.Globalization;
using System.Text.Json;

namespace Tianshan.Core.Dispatch;

/// <summary>Reads roads from a GeoJSON FeatureCollection of LineStrings / MultiLineStrings ([lon, lat] as GeoJSON
/// requires). Properties, when present, use the OSM keys: <c>highway</c> (a non-drivable class is skipped; absent
/// means a plain street), <c>oneway</c>, <c>junction</c>, <c>maxspeed</c>. Vertices that share a position (to 1e-7°,
/// about 1 cm) are one node, so lines that meet at a vertex are connected.</summary>
public static class GeoJsonRoadReader
{
    public static RoadGraph Read(Stream stream)
    {
        using var document = JsonDocument.Parse(stream);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("type", out var type))
            throw new FormatException("not a GeoJSON object");
        var features = type.GetString() switch
        {
            "FeatureCollection" when root.TryGetProperty("features", out var f) && f.ValueKind == JsonValueKind.Array => f.EnumerateArray().ToList(),
            "Feature" => [root],
            _ => throw new FormatException("GeoJSON must be a FeatureCollection or a Feature"),
        };
        var builder = new RoadGraphBuilder();
        var index = new Dictionary<(long, long), int>();
        int NodeOf(JsonElement position)
        {
            if (position.ValueKind != JsonValueKind.Array || position.GetArrayLength() < 2)
                throw new FormatException("a position must be [lon, lat]");
            var lon = position[0].GetDouble();
            var lat = position[1].GetDouble();
            if (lat is < -90 or > 90 || lon is < -180 or > 180)
                throw new FormatException("a position is outside WGS84 [lon, lat] ranges");
            var key = ((long)Math.Round(lat * 1e7), (long)Math.Round(lon * 1e7));
            if (!index.TryGetValue(key, out var v))
                index[key] = v = builder.AddNode(lat, lon);
            return v;
        }
        foreach (var feature in features)
        {
            if (!feature.TryGetProperty("geometry", out var geometry) || geometry.ValueKind != JsonValueKind.Object)
                continue;
            var props = feature.TryGetProperty("properties", out var p) && p.ValueKind == JsonValueKind.Object ? p : default;
            string? Prop(string name) => props.ValueKind == JsonValueKind.Object && props.TryGetProperty(name, out var value)
                ? value.ValueKind switch
                {
                    JsonValueKind.String => value.GetString(),
                    JsonValueKind.Number => value.GetRawText(),
                    JsonValueKind.True => "yes",
                    JsonValueKind.False => "no",
                    _ => null,
                }
                : null;
            var highway = Prop("highway") ?? "residential";
            if (!RoadClass.IsDrivable(highway))
                continue;
            var (forward, backward) = RoadClass.Directions(highway, Prop("oneway"), Prop("junction"));
            var speed = RoadClass.Speed(highway, Prop("maxspeed"));
            var lines = geometry.GetProperty("type").GetString() switch
            {
                "LineString" => [geometry.GetProperty("coordinates")],
                "MultiLineString" => geometry.GetProperty("coordinates").EnumerateArray().ToList(),
                _ => new List<JsonElement>(),
            };
            foreach (var line in lines)
            {
                var previous = -1;
                foreach (var position in line.EnumerateArray())
                {
                    var v = NodeOf(position);
                    if (previous >= 0)
                        builder.AddSegment(previous, v, speed, forward, backward);
                    previous = v;
                }
            }
        }
        return builder.Build();
    }

    /// <summary>Formats a coordinate for GeoJSON output: seven decimals (≈1 cm), invariant culture.</summary>
    internal static string Coordinate(double value) => value.ToString("0.#######", CultureInfo.InvariantCulture);
}
