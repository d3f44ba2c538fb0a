using System.Text.Json;
using Tianshan.Core.Platform;

namespace Tianshan.Core.DisasterRisk;

/// <summary>One feature of a hazard layer: a fault trace, a flood channel, a reservoir or a geological-hazard point.
/// The geometry is kept as its GeoJSON text (WGS84) and the attributes as a flat JSON object (fault activity and slip,
/// reservoir capacity, …), so a layer exported and imported again comes back as it was.</summary>
public sealed class HazardFeature
{
    private HazardFeature() { }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public HazardLayerKind Kind { get; private set; }
    public string Name { get; private set; } = "";
    /// <summary>The GeoJSON geometry object, as text.</summary>
    public string Geometry { get; private set; } = "";
    /// <summary>The feature's other properties as a JSON object ("{}" when none).</summary>
    public string Attributes { get; private set; } = "{}";
    /// <summary>Illustrative demo data, not survey results.</summary>
    public bool IsDemo { get; private set; }

    /// <summary>A feature whose geometry has been checked by <see cref="HazardGeometry.Validate"/>.</summary>
    public static HazardFeature Create(HazardLayerKind kind, string name, string geometry, string? attributes, bool isDemo = false)
    {
        if (string.IsNullOrWhiteSpace(name))
            throw new DomainValidationException(nameof(Name), "要素名称不能为空");
        if (name.Length > 200)
            throw new DomainValidationException(nameof(Name), "要素名称不能超过200字");
        var error = HazardGeometry.Validate(kind, geometry);
        if (error is not null)
            throw new DomainValidationException(nameof(Geometry), error);
        attributes = string.IsNullOrWhiteSpace(attributes) ? "{}" : attributes;
        using (var doc = JsonDocument.Parse(attributes))
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
                throw new DomainValidationException(nameof(Attributes), "要素属性必须是JSON对象");
        }
        return new HazardFeature { Kind = kind, Name = name.Trim(), Geometry = geometry, Attributes = attributes, IsDemo = isDemo };
    }

    /// <summary>A text attribute, or null.</summary>
    public string? Attribute(string key)
    {
        using var doc = JsonDocument.Parse(Attributes);
        return doc.RootElement.TryGetProperty(key, out var value)
            ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText()
            : null;
    }
}
