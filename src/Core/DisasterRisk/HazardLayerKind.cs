namespace Tianshan.Core.DisasterRisk;

/// <summary>The hazard layers of the natural-disaster risk census (风险普查 致灾要素): the district plan's §三(三) names
/// earthquake (active faults), flood (channels, reservoirs) and geological hazards.</summary>
public enum HazardLayerKind
{
    ActiveFault = 1,
    FloodChannel = 2,
    Reservoir = 3,
    GeologicalHazardPoint = 4,
}

public static class HazardLayers
{
    public static readonly IReadOnlyList<HazardLayerKind> All =
        [HazardLayerKind.ActiveFault, HazardLayerKind.FloodChannel, HazardLayerKind.Reservoir, HazardLayerKind.GeologicalHazardPoint];

    /// <summary>The layer's name in URLs (/api/disaster-risk/layers/{code}.geojson).</summary>
    public static string Code(HazardLayerKind kind) => kind switch
    {
        HazardLayerKind.ActiveFault => "active-faults",
        HazardLayerKind.FloodChannel => "flood-channels",
        HazardLayerKind.Reservoir => "reservoirs",
        _ => "geological-hazards",
    };

    public static HazardLayerKind? FromCode(string code) => All.Cast<HazardLayerKind?>().FirstOrDefault(k => Code(k!.Value) == code);

    public static string Label(HazardLayerKind kind) => kind switch
    {
        HazardLayerKind.ActiveFault => "活动断裂",
        HazardLayerKind.FloodChannel => "行洪河道",
        HazardLayerKind.Reservoir => "水库",
        _ => "地质灾害隐患点",
    };

    /// <summary>Which GeoJSON geometry types a layer takes: a fault or channel is a trace (line), a reservoir an outline
    /// or a point, a geological-hazard point a point (or a small outline for a slope).</summary>
    public static IReadOnlyList<string> GeometryTypes(HazardLayerKind kind) => kind switch
    {
        HazardLayerKind.ActiveFault => ["LineString", "MultiLineString"],
        HazardLayerKind.FloodChannel => ["LineString", "MultiLineString"],
        HazardLayerKind.Reservoir => ["Polygon", "MultiPolygon", "Point"],
        _ => ["Point", "Polygon"],
    };
}
