using Tianshan.Core.Dispatch;
using static Tianshan.Core.Dispatch.EarthquakeScenario;

namespace Tianshan.Core.Tests.Dispatch;

/// <summary>The earthquake scenario's arithmetic on hand-worked figures: bands by distance (edge inclusive), people to
/// shelter rounded half up, materials needed against stock.</summary>
public class EarthquakeScenarioTests
{
    private static readonly ShelterBand[] Bands = [new(5, 0.3), new(10, 0.15), new(20, 0.05)];

    [Theory]
    [InlineData(0, 0.3)]
    [InlineData(5, 0.3)]        // the edge belongs to the nearer band
    [InlineData(5.01, 0.15)]
    [InlineData(10, 0.15)]
    [InlineData(19.99, 0.05)]
    [InlineData(20.01, 0)]      // beyond the last band: nobody
    public void The_share_is_the_first_band_reaching_the_distance(double km, double expected) => Assert.Equal(expected, ShareAt(km, Bands));

    [Fact]
    public void People_to_shelter_are_residents_times_the_band_share_rounded_half_up_nearest_first()
    {
        var a = new PopulationPoint("A", "甲社区", new GeoPoint(44.3, 84.8), 4_285);   // 3 km: 0.30 × 4285 = 1285.5 → 1286
        var b = new PopulationPoint("B", "乙社区", new GeoPoint(44.3, 84.9), 3_000);   // 8 km: 0.15 × 3000 = 450
        var c = new PopulationPoint("C", "丙社区", new GeoPoint(44.4, 84.9), 2_010);   // 12 km: 0.05 × 2010 = 100.5 → 101
        var d = new PopulationPoint("D", "丁社区", new GeoPoint(44.5, 84.9), 9_000);   // 25 km: 0
        var affected = Affected([(c, 12), (a, 3), (d, 25), (b, 8)], Bands);
        Assert.Equal(["A", "B", "C", "D"], affected.Select(x => x.Code));
        Assert.Equal([1286, 450, 101, 0], affected.Select(x => x.People));
        Assert.Equal(1837, affected.Sum(x => x.People));
    }

    [Fact]
    public void Materials_needed_are_people_over_people_per_unit_rounded_up_and_the_gap_is_what_stock_lacks()
    {
        // 1837 people: tents of 4 → ⌈459.25⌉ = 460, stock 300 + 100 in two batches → gap 60; quilts of 1 → 1837, stock 2000 → no gap.
        var needs = Materials(1837, [
            ("WZ001", "救灾帐篷", "帐篷", "顶", 4m, 300m), ("WZ001", "救灾帐篷", "帐篷", "顶", 4m, 100m),
            ("WZ002", "棉被", "被服", "床", 1m, 2000m), ("WZ009", "发电机", "设备", "台", 0m, 5m),
        ]);
        Assert.Equal(2, needs.Count);
        var tents = needs.Single(n => n.Code == "WZ001");
        Assert.Equal((460m, 400m, 60m), (tents.Needed, tents.InStock, tents.Gap));
        var quilts = needs.Single(n => n.Code == "WZ002");
        Assert.Equal((1837m, 2000m, 0m), (quilts.Needed, quilts.InStock, quilts.Gap));
        Assert.All(Materials(0, [("WZ001", "救灾帐篷", "帐篷", "顶", 4m, 10m)]), n => Assert.Equal(0m, n.Needed));
    }

    [Fact]
    public void Bands_must_increase_and_hold_shares_between_zero_and_one()
    {
        Assert.Empty(Problems(Bands));
        Assert.Contains("应给出 1 到 10 个距离分带", Problems([]));
        var problems = Problems([new(10, 0.2), new(5, 1.2)]);
        Assert.Contains("第 2 带的距离应大于第 1 带", problems);
        Assert.Contains("第 2 带的需安置比例应在 0 到 1 之间", problems);
    }
}
