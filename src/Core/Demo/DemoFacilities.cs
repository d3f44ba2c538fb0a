using System.Text.Json;
using System.Text.Json.Serialization;
using Tianshan.Core.Dispatch;

namespace Tianshan.Core.Demo;

/// <summary>The demo's facility points (dushanzi-facilities.json: fire stations incl. the plan's new station at
/// 长岭路/喀什路, rescue teams, shelters with capacity, hospitals, warehouses) — illustrative, marked 演示. Dispatch reads
/// them through <see cref="IFacilityPoints"/> until the resource atlas serves the real ones.</summary>
public sealed class DemoFacilities : IFacilityPoints
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNameCaseInsensitive = true,
        Converters = { new JsonStringEnumConverter() },
    };

    private readonly Lazy<List<FacilityPoint>> _points = new(Load);

    public Task<IReadOnlyList<FacilityPoint>> ListAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<FacilityPoint>>(_points.Value);

    private static List<FacilityPoint> Load()
    {
        using var stream = typeof(DemoFacilities).Assembly.GetManifestResourceStream("Tianshan.Demo.dushanzi-facilities.json")
            ?? throw new InvalidOperationException("The embedded demo facility file is missing");
        var file = JsonSerializer.Deserialize<FacilityFile>(stream, Json) ?? throw new InvalidOperationException("The demo facility file is empty");
        return file.Facilities.Select(f => new FacilityPoint(f.Id, f.Kind, f.Name, new GeoPoint(f.Lat, f.Lon), f.Capacity, f.Planned)).ToList();
    }

    private sealed record FacilityFile(List<FacilityEntry> Facilities);

    private sealed record FacilityEntry(string Id, FacilityKind Kind, string Name, double Lat, double Lon, int? Capacity, bool Planned);
}
