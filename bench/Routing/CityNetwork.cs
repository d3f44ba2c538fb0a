using Tianshan.Core.Dispatch;

namespace Tianshan.Bench.Routing;

/// <summary>A generated city: a street grid at 100 m spacing, arterials every tenth line (50 km/h, two-way), other
/// streets at 30 km/h with one in four lines one-way (alternating direction), and 8 % of the residential blocks'
/// sides missing, so routes must detour and one-way streets matter. Deterministic for a seed.</summary>
internal static class CityNetwork
{
    public static RoadGraph Build(int rows, int cols, int seed)
    {
        var random = new Random(seed);
        var b = new RoadGraphBuilder();
        const double lat0 = 44.20, lon0 = 84.70, dLat = 100 / 111_195.0;
        var dLon = 100 / (111_195.0 * Math.Cos(lat0 * Math.PI / 180));
        for (var r = 0; r < rows; r++)
            for (var c = 0; c < cols; c++)
                b.AddNode(lat0 + r * dLat, lon0 + c * dLon);
        void Street(int a, int z, int line, bool arterial)
        {
            if (!arterial && random.NextDouble() < 0.08)
                return;
            var oneWay = !arterial && line % 4 == 3;
            var forward = !oneWay || line % 8 == 3;
            b.AddSegment(a, z, arterial ? 50 : 30, forward, !oneWay || !forward);
        }
        for (var r = 0; r < rows; r++)
            for (var c = 0; c + 1 < cols; c++)
                Street(r * cols + c, r * cols + c + 1, r, r % 10 == 0);
        for (var c = 0; c < cols; c++)
            for (var r = 0; r + 1 < rows; r++)
                Street(r * cols + c, (r + 1) * cols + c, c, c % 10 == 0);
        return b.Build();
    }
}
