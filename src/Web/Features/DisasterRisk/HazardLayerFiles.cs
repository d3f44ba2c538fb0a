using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tianshan.Core.Data;
using Tianshan.Core.DisasterRisk;
using Tianshan.Core.Platform;

namespace Tianshan.Web.Features.DisasterRisk;

/// <summary>
/// GeoJSON (RFC 7946) export and import of a hazard layer, one FeatureCollection per layer. A feature's "name" and "demo"
/// properties are the record's own; every other property is kept as its attributes. Import replaces the whole layer, all or
/// nothing: every feature is checked first, and one bad feature refuses the file with its index and problem, storing nothing.
/// </summary>
public static class HazardLayerFiles
{
    public const string ContentType = "application/geo+json";

    /// <summary>Far more than a district's layer; a bigger upload is a mistake, not a census.</summary>
    public const int MaxFeatures = 5000;

    public static async Task<byte[]> Export(TianshanDb db, HazardLayerKind kind, CancellationToken ct)
    {
        var features = await db.HazardFeatures.AsNoTracking().Where(f => f.Kind == kind).OrderBy(f => f.Name).ThenBy(f => f.Id).ToListAsync(ct);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("type", "FeatureCollection");
            w.WriteString("name", HazardLayers.Code(kind));
            w.WriteStartArray("features");
            foreach (var f in features)
            {
                w.WriteStartObject();
                w.WriteString("type", "Feature");
                w.WritePropertyName("geometry");
                w.WriteRawValue(f.Geometry);
                w.WriteStartObject("properties");
                w.WriteString("name", f.Name);
                w.WriteBoolean("demo", f.IsDemo);
                using var attributes = JsonDocument.Parse(f.Attributes);
                foreach (var p in attributes.RootElement.EnumerateObject())
                    p.WriteTo(w);
                w.WriteEndObject();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return stream.ToArray();
    }

    public sealed record ImportResult(string Layer, int Replaced, int Imported);

    public static async Task<ImportResult> Import(TianshanDb db, HazardLayerKind kind, Stream body, CancellationToken ct)
    {
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(body, cancellationToken: ct);
        }
        catch (JsonException e)
        {
            throw new DomainValidationException("file", $"文件不是有效的 JSON：{e.Message}");
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String
                || type.GetString() != "FeatureCollection" || !root.TryGetProperty("features", out var list) || list.ValueKind != JsonValueKind.Array)
                throw new DomainValidationException("file", "文件应为 GeoJSON FeatureCollection（含 features 数组）");
            if (list.GetArrayLength() > MaxFeatures)
                throw new DomainValidationException("features", $"一个图层最多导入 {MaxFeatures} 个要素");

            var problems = new Dictionary<string, string[]>();
            var created = new List<HazardFeature>();
            var index = 0;
            foreach (var item in list.EnumerateArray())
            {
                var problem = Read(kind, item, out var feature);
                if (problem is not null)
                    problems[$"features[{index}]"] = [$"第 {index + 1} 个要素（features[{index}]）：{problem}"];
                else
                    created.Add(feature!);
                index++;
            }
            if (problems.Count > 0)
                throw new DomainValidationException(problems);

            var old = await db.HazardFeatures.Where(f => f.Kind == kind).ToListAsync(ct);
            db.HazardFeatures.RemoveRange(old);
            db.HazardFeatures.AddRange(created);
            await db.SaveChangesAsync(ct); // one SaveChanges: one transaction, the old layer goes only if the new one is stored
            return new ImportResult(HazardLayers.Code(kind), old.Count, created.Count);
        }
    }

    private static string? Read(HazardLayerKind kind, JsonElement item, out HazardFeature? feature)
    {
        feature = null;
        if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty("type", out var t) || t.ValueKind != JsonValueKind.String || t.GetString() != "Feature")
            return "不是 GeoJSON Feature 对象";
        if (!item.TryGetProperty("geometry", out var geometry) || geometry.ValueKind != JsonValueKind.Object)
            return "缺少几何对象（geometry）";
        string? name = null;
        var isDemo = false;
        var attributes = new StringBuilder();
        if (item.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object)
        {
            using var stream = new MemoryStream();
            using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                w.WriteStartObject();
                foreach (var p in properties.EnumerateObject())
                {
                    if (p.NameEquals("name"))
                        name = p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : null;
                    else if (p.NameEquals("demo"))
                        isDemo = p.Value.ValueKind == JsonValueKind.True;
                    else
                        p.WriteTo(w);
                }
                w.WriteEndObject();
            }
            attributes.Append(Encoding.UTF8.GetString(stream.ToArray()));
        }
        if (string.IsNullOrWhiteSpace(name))
            return "缺少名称（properties.name）";
        var text = geometry.GetRawText();
        var problem = HazardGeometry.Validate(kind, text);
        if (problem is not null)
            return $"{name}：{problem}";
        try
        {
            feature = HazardFeature.Create(kind, name, text, attributes.Length == 0 ? "{}" : attributes.ToString(), isDemo);
        }
        catch (DomainValidationException e)
        {
            return $"{name}：{e.Message}";
        }
        return null;
    }
}
