using System.Globalization;
using System.IO.Compression;
using System.Xml;

namespace Tianshan.Core.Dispatch;

/// <summary>Reads the drivable roads of an OSM XML extract (.osm, or .osm.gz) in one streaming pass with
/// <see cref="XmlReader"/>: node positions are kept in a dictionary, ways are kept only when their highway tag is
/// drivable, and every node a kept way passes through becomes a graph node (so a route's line follows the road).</summary>
public static class OsmRoadReader
{
    public static RoadGraph Read(Stream stream, bool gzip)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var input = gzip ? new GZipStream(stream, CompressionMode.Decompress, leaveOpen: true) : null;
        using var xml = XmlReader.Create(input ?? stream, new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            IgnoreComments = true,
            IgnoreWhitespace = true,
            CloseInput = false,
        });
        var positions = new Dictionary<long, (double Lat, double Lon)>();
        var ways = new List<(long[] Refs, double Speed, bool Forward, bool Backward)>();
        var sawOsm = false;
        while (xml.Read())
        {
            if (xml.NodeType != XmlNodeType.Element)
                continue;
            switch (xml.Name)
            {
                case "osm":
                    sawOsm = true;
                    break;
                case "node":
                    if (long.TryParse(xml.GetAttribute("id"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var id)
                        && double.TryParse(xml.GetAttribute("lat"), NumberStyles.Float, CultureInfo.InvariantCulture, out var lat)
                        && double.TryParse(xml.GetAttribute("lon"), NumberStyles.Float, CultureInfo.InvariantCulture, out var lon))
                        positions[id] = (lat, lon);
                    break;
                case "way":
                    if (ReadWay(xml) is { } way)
                        ways.Add(way);
                    break;
            }
        }
        if (!sawOsm)
            throw new FormatException("not an OSM XML document");
        var builder = new RoadGraphBuilder();
        var index = new Dictionary<long, int>();
        int NodeOf(long osmId)
        {
            if (!index.TryGetValue(osmId, out var v))
            {
                var (lat, lon) = positions[osmId];
                index[osmId] = v = builder.AddNode(lat, lon);
            }
            return v;
        }
        foreach (var (refs, speed, forward, backward) in ways)
        {
            // A way whose nodes are not all in the extract (cut at its border) keeps its pieces inside.
            for (var i = 1; i < refs.Length; i++)
            {
                if (positions.ContainsKey(refs[i - 1]) && positions.ContainsKey(refs[i]))
                    builder.AddSegment(NodeOf(refs[i - 1]), NodeOf(refs[i]), speed, forward, backward);
            }
        }
        return builder.Build();
    }

    private static (long[] Refs, double Speed, bool Forward, bool Backward)? ReadWay(XmlReader xml)
    {
        if (xml.IsEmptyElement)
            return null;
        var refs = new List<long>();
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        var depth = xml.Depth;
        while (xml.Read() && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
        {
            if (xml.NodeType != XmlNodeType.Element)
                continue;
            if (xml.Name == "nd" && long.TryParse(xml.GetAttribute("ref"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var r))
                refs.Add(r);
            else if (xml.Name == "tag" && xml.GetAttribute("k") is { } k && xml.GetAttribute("v") is { } v)
                tags[k] = v;
        }
        var highway = tags.GetValueOrDefault("highway");
        if (!RoadClass.IsDrivable(highway) || refs.Count < 2)
            return null;
        // Closed to vehicles: access=no/private, motor_vehicle=no, or an area (a pedestrian square drawn as a way).
        if (tags.GetValueOrDefault("access") is "no" or "private" || tags.GetValueOrDefault("motor_vehicle") is "no"
            || tags.GetValueOrDefault("area") == "yes")
            return null;
        var (forward, backward) = RoadClass.Directions(highway!, tags.GetValueOrDefault("oneway"), tags.GetValueOrDefault("junction"));
        return ([.. refs], RoadClass.Speed(highway!, tags.GetValueOrDefault("maxspeed")), forward, backward);
    }
}
