using System.Text;
using Tianshan.Core.Dispatch;
using Tianshan.Core.Platform;

namespace Tianshan.Core.Tests.Dispatch;

public class OsmImportTests
{
    private static readonly string Monaco = Path.Combine(AppContext.BaseDirectory, "Dispatch", "Data", "monaco.osm.gz");

    private static RoadGraph ReadMonaco()
    {
        using var file = File.OpenRead(Monaco);
        return RoadImport.Read(file, RoadImport.FormatOf("monaco.osm.gz"));
    }

    // Two points in Monaco-Ville where a one-way loop makes the way there much shorter than the way back.
    private static readonly GeoPoint A = new(43.7321771, 7.4226774);
    private static readonly GeoPoint B = new(43.7334186, 7.4217464);

    [Fact]
    public void The_Monaco_extract_imports_its_drivable_roads_only()
    {
        var g = ReadMonaco();
        Assert.InRange(g.NodeCount, 2_500, 4_000);
        Assert.InRange(g.TotalMeters / 1000, 40, 80);
        Assert.True(g.MainNodeCount > g.NodeCount * 0.8);
        var oneWay = Enumerable.Range(0, g.SegmentCount).Count(s => !(g.Segment(s).Forward && g.Segment(s).Backward));
        Assert.True(oneWay > 500, $"one-way segments {oneWay}");
    }

    [Fact]
    public void In_Monaco_a_one_way_loop_makes_the_route_there_and_the_route_back_differ_and_each_follows_its_one_ways()
    {
        var g = ReadMonaco();
        var search = new RoadSearch(g);
        var there = search.Route(g.Snap(A)!.Value, g.Snap(B)!.Value, RouteMode.Shortest)!;
        var back = search.Route(g.Snap(B)!.Value, g.Snap(A)!.Value, RouteMode.Shortest)!;
        Assert.InRange(there.Meters, 150, 200);
        Assert.InRange(back.Meters, 1_000, 1_500);
        foreach (var route in new[] { there, back })
            AssertEveryStepIsAllowed(g, route);
    }

    [Fact]
    public void A_star_routes_on_Monaco_match_a_plain_Dijkstra_on_both_costs()
    {
        var g = ReadMonaco();
        var search = new RoadSearch(g);
        var random = new Random(7);
        for (var i = 0; i < 40; i++)
        {
            var from = g.Snap(g.Node(random.Next(g.NodeCount)))!.Value;
            var to = g.Snap(g.Node(random.Next(g.NodeCount)))!.Value;
            foreach (var mode in new[] { RouteMode.Fastest, RouteMode.Shortest })
            {
                var route = search.Route(from, to, mode)!;
                // Reference: an unbounded reach from `from`, then the two ways onto the target's segment (a target on a
                // node is joined from that node whatever the segment's direction).
                var reach = search.Reach([from], double.MaxValue, mode);
                var cost = reach.Nodes.Select((v, k) => (v, c: reach.Costs[k])).ToDictionary(x => x.v, x => x.c);
                var seg = g.Segment(to.Segment);
                var segCost = mode == RouteMode.Fastest ? seg.Seconds : seg.Meters;
                var reference = Math.Min(
                    (seg.Forward || to.Fraction < 1e-9) && cost.TryGetValue(seg.From, out var a) ? a + to.Fraction * segCost : double.MaxValue,
                    (seg.Backward || to.Fraction > 1 - 1e-9) && cost.TryGetValue(seg.To, out var b) ? b + (1 - to.Fraction) * segCost : double.MaxValue);
                if (from.Segment == to.Segment)
                    reference = Math.Min(reference, (seg.Forward && to.Fraction >= from.Fraction) || (seg.Backward && to.Fraction <= from.Fraction)
                        ? Math.Abs(to.Fraction - from.Fraction) * segCost : double.MaxValue);
                Assert.Equal(reference, mode == RouteMode.Fastest ? route.Seconds : route.Meters, 6);
            }
        }
    }

    private static void AssertEveryStepIsAllowed(RoadGraph g, RouteResult route)
    {
        var allowed = new HashSet<(GeoPoint, GeoPoint)>();
        for (var s = 0; s < g.SegmentCount; s++)
        {
            var seg = g.Segment(s);
            if (seg.Forward)
                allowed.Add((g.Node(seg.From), g.Node(seg.To)));
            if (seg.Backward)
                allowed.Add((g.Node(seg.To), g.Node(seg.From)));
        }
        // Path: snapped start, nodes…, snapped end; every node-to-node step must be an allowed direction.
        for (var i = 1; i < route.Path.Count - 2; i++)
            Assert.Contains((route.Path[i], route.Path[i + 1]), allowed);
    }

    [Fact]
    public void Oneway_tags_and_roundabouts_set_the_allowed_directions()
    {
        const string osm = """
            <?xml version="1.0"?>
            <osm version="0.6">
              <node id="1" lat="44.3200" lon="84.8800"/><node id="2" lat="44.3200" lon="84.8810"/>
              <node id="3" lat="44.3210" lon="84.8810"/><node id="4" lat="44.3210" lon="84.8800"/>
              <way id="10"><nd ref="1"/><nd ref="2"/><tag k="highway" v="residential"/><tag k="oneway" v="yes"/></way>
              <way id="11"><nd ref="2"/><nd ref="3"/><tag k="highway" v="tertiary"/><tag k="oneway" v="-1"/><tag k="maxspeed" v="20 mph"/></way>
              <way id="12"><nd ref="3"/><nd ref="4"/><tag k="highway" v="primary"/><tag k="junction" v="roundabout"/></way>
              <way id="13"><nd ref="4"/><nd ref="1"/><tag k="highway" v="secondary"/></way>
              <way id="14"><nd ref="1"/><nd ref="3"/><tag k="highway" v="footway"/></way>
            </osm>
            """;
        var g = RoadImport.Read(new MemoryStream(Encoding.UTF8.GetBytes(osm)), RoadFileFormat.Osm);
        Assert.Equal(4, g.SegmentCount);
        var segments = Enumerable.Range(0, 4).Select(g.Segment).ToList();
        Assert.Equal((true, false), (segments[0].Forward, segments[0].Backward));
        Assert.Equal((false, true), (segments[1].Forward, segments[1].Backward));
        Assert.Equal(segments[1].Meters / (20 * 1.609344 / 3.6), segments[1].Seconds, 6);
        Assert.Equal((true, false), (segments[2].Forward, segments[2].Backward));
        Assert.Equal((true, true), (segments[3].Forward, segments[3].Backward));
    }

    [Fact]
    public void A_gzip_that_is_not_OSM_and_a_file_of_another_type_are_refused_in_Chinese()
    {
        var broken = Assert.Throws<DomainValidationException>(() => RoadImport.Read(new MemoryStream([0x1f, 0x8b, 1, 2, 3]), RoadFileFormat.OsmGzip));
        Assert.Contains("路网文件无法解析", broken.Message, StringComparison.Ordinal);
        var type = Assert.Throws<DomainValidationException>(() => RoadImport.FormatOf("roads.shp"));
        Assert.Contains("不支持的路网文件类型", type.Message, StringComparison.Ordinal);
        var empty = Assert.Throws<DomainValidationException>(() => RoadImport.Read(new MemoryStream("""{"type":"FeatureCollection","features":[]}"""u8.ToArray()), RoadFileFormat.GeoJson));
        Assert.Contains("没有可通行车辆的道路", empty.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GeoJson_lines_that_share_a_vertex_are_connected_and_keep_their_one_way()
    {
        var json = """
            {"type":"FeatureCollection","features":[
              {"type":"Feature","properties":{"highway":"primary","oneway":"yes"},"geometry":{"type":"LineString","coordinates":[[84.880,44.320],[84.882,44.320]]}},
              {"type":"Feature","properties":{"highway":"residential"},"geometry":{"type":"LineString","coordinates":[[84.882,44.320],[84.882,44.322]]}},
              {"type":"Feature","properties":{"highway":"residential"},"geometry":{"type":"LineString","coordinates":[[84.882,44.322],[84.880,44.320]]}},
              {"type":"Feature","properties":{"highway":"footway"},"geometry":{"type":"LineString","coordinates":[[84.880,44.320],[84.885,44.325]]}}
            ]}
            """u8.ToArray();
        var g = RoadImport.Read(new MemoryStream(json), RoadFileFormat.GeoJson);
        Assert.Equal(3, g.NodeCount);
        Assert.Equal(3, g.SegmentCount);
        var search = new RoadSearch(g);
        var start = g.Snap(new GeoPoint(44.320, 84.880))!.Value;
        var end = g.Snap(new GeoPoint(44.320, 84.882))!.Value;
        var there = search.Route(start, end, RouteMode.Shortest)!;
        var back = search.Route(end, start, RouteMode.Shortest)!;
        Assert.Equal(GeoMath.Metres(44.320, 84.880, 44.320, 84.882), there.Meters, 3);
        Assert.Equal(4, back.Path.Count);
        Assert.True(back.Meters > there.Meters * 2);
    }
}
