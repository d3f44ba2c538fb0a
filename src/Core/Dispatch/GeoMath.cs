namespace Tianshan.Core.Dispatch;

/// <summary>A WGS84 position (latitude, longitude in degrees).</summary>
public readonly record struct GeoPoint(double Lat, double Lon)
{
    public bool IsValid => Lat is >= -90 and <= 90 && Lon is >= -180 and <= 180 && !double.IsNaN(Lat) && !double.IsNaN(Lon);
}

/// <summary>Distances on the sphere and a local plane for a district-sized area.</summary>
public static class GeoMath
{
    /// <summary>Mean Earth radius (IUGG), metres.</summary>
    public const double EarthRadius = 6_371_008.8;

    private const double Rad = Math.PI / 180;

    /// <summary>Great-circle (haversine) distance in metres.</summary>
    public static double Metres(double lat1, double lon1, double lat2, double lon2)
    {
        var dLat = (lat2 - lat1) * Rad;
        var dLon = (lon2 - lon1) * Rad;
        var a = Math.Sin(dLat / 2) * Math.Sin(dLat / 2) + Math.Cos(lat1 * Rad) * Math.Cos(lat2 * Rad) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * EarthRadius * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    /// <summary>Great-circle (haversine) distance in kilometres.</summary>
    public static double Kilometres(double lat1, double lon1, double lat2, double lon2) => Metres(lat1, lon1, lat2, lon2) / 1000;
}

/// <summary>An equirectangular plane centred on the network: metres east (X) and north (Y). Over a city (tens of
/// kilometres) its scale error is well under 1 %, enough for snapping, buffers and areas; lengths that become travel
/// costs are great-circle distances, not plane distances.</summary>
public sealed class LocalPlane(double originLat, double originLon)
{
    private const double Rad = Math.PI / 180;
    private readonly double _kx = GeoMath.EarthRadius * Rad * Math.Cos(originLat * Rad);
    private const double Ky = GeoMath.EarthRadius * Rad;

    public double OriginLat { get; } = originLat;
    public double OriginLon { get; } = originLon;

    public (double X, double Y) ToPlane(double lat, double lon) => ((lon - OriginLon) * _kx, (lat - OriginLat) * Ky);

    public GeoPoint ToGeo(double x, double y) => new(OriginLat + y / Ky, OriginLon + x / _kx);
}
