using Tianshan.Core.Platform;

namespace Tianshan.Core.Dispatch;

/// <summary>The file formats a road network is imported from.</summary>
public enum RoadFileFormat
{
    Osm,
    OsmGzip,
    GeoJson,
}

/// <summary>Turns an uploaded file into a road graph, or a <see cref="DomainValidationException"/> with a Chinese
/// message (→ 400) that says what was wrong; nothing is replaced until a file has been read whole.</summary>
public static class RoadImport
{
    public const string Field = "file";

    /// <summary>Upload limit: a county's OSM extract is a few MB gzipped; 200 MB leaves room for a city.</summary>
    public const long MaxBytes = 200L * 1024 * 1024;

    public static RoadFileFormat FormatOf(string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        var name = fileName.ToLowerInvariant();
        if (name.EndsWith(".osm.gz", StringComparison.Ordinal))
            return RoadFileFormat.OsmGzip;
        if (name.EndsWith(".osm", StringComparison.Ordinal) || name.EndsWith(".xml", StringComparison.Ordinal))
            return RoadFileFormat.Osm;
        if (name.EndsWith(".geojson", StringComparison.Ordinal) || name.EndsWith(".json", StringComparison.Ordinal))
            return RoadFileFormat.GeoJson;
        throw new DomainValidationException(Field, "不支持的路网文件类型：请上传 OSM XML（.osm、.osm.gz）或 GeoJSON（.geojson）文件");
    }

    public static RoadGraph Read(Stream content, RoadFileFormat format)
    {
        RoadGraph graph;
        try
        {
            graph = format == RoadFileFormat.GeoJson ? GeoJsonRoadReader.Read(content) : OsmRoadReader.Read(content, format == RoadFileFormat.OsmGzip);
        }
        catch (Exception e) when (e is System.Xml.XmlException or System.Text.Json.JsonException or FormatException
            or InvalidDataException or KeyNotFoundException or InvalidOperationException)
        {
            throw new DomainValidationException(Field, $"路网文件无法解析（{(format == RoadFileFormat.GeoJson ? "GeoJSON" : "OSM XML")}）：{e.Message}");
        }
        if (graph.SegmentCount == 0)
            throw new DomainValidationException(Field, "路网文件中没有可通行车辆的道路（highway 为机动车道路的线）");
        if (graph.MainNodeCount < 2)
            throw new DomainValidationException(Field, "路网文件中的道路互不连通，无法计算路径");
        return graph;
    }
}
