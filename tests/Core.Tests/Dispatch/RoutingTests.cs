using Tianshan.Core.Dispatch;
using static Tianshan.Core.Tests.Dispatch.TestGraphs;

namespace Tianshan.Core.Tests.Dispatch;

public class RoutingTests
{
    private static void AssertPath(RouteResult route, params GeoPoint[] expected)
    {
        Assert.Equal(expected.Length, route.Path.Count);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i].Lat, route.Path[i].Lat, 6);
            Assert.Equal(expected[i].Lon, route.Path[i].Lon, 6);
        }
    }

    [Fact]
    public void Along_a_one_way_street_the_route_goes_straight()
    {
        var g = Block();
        var route = new RoadSearch(g).Route(At(g, 0), At(g, 2), RouteMode.Shortest)!;
        Assert.Equal(M(0, 1) + M(1, 2), route.Meters, 3);
        Assert.Equal((M(0, 1) + M(1, 2)) / (10 / 3.6), route.Seconds, 3);
    }

    [Fact]
    public void Against_a_one_way_street_the_route_goes_round_the_block()
    {
        var g = Block();
        var route = new RoadSearch(g).Route(At(g, 2), At(g, 0), RouteMode.Shortest)!;
        Assert.Equal(M(2, 5) + M(5, 4) + M(4, 3) + M(3, 0), route.Meters, 3);
        AssertPath(route, Points[2], Points[2], Points[5], Points[4], Points[3], Points[0], Points[0]);
    }

    [Fact]
    public void Fastest_takes_the_longer_arterial_and_shortest_the_slow_street()
    {
        var g = Block();
        var search = new RoadSearch(g);
        var shortest = search.Route(At(g, 3), At(g, 2), RouteMode.Shortest)!;
        var fastest = search.Route(At(g, 3), At(g, 2), RouteMode.Fastest)!;
        Assert.Equal(M(3, 0) + M(0, 1) + M(1, 2), shortest.Meters, 3);
        Assert.Equal(M(3, 4) + M(4, 5) + M(5, 2), fastest.Meters, 3);
        Assert.True(fastest.Seconds < shortest.Seconds);
        Assert.True(shortest.Meters < fastest.Meters);
    }

    [Fact]
    public void A_point_beside_the_middle_of_a_one_way_segment_snaps_mid_edge_and_leaves_only_forwards()
    {
        var g = Block();
        // 20 m north of the middle of 0 → 1.
        var beside = new GeoPoint(Lat0 + 0.00018, Lon0 + 0.001);
        var snap = g.Snap(beside)!.Value;
        Assert.Equal(0.5, snap.Fraction, 2);
        Assert.InRange(snap.OffsetMeters, 19, 21);
        var route = new RoadSearch(g).Route(snap, At(g, 0), RouteMode.Shortest)!;
        // Half of 0 → 1 eastwards, then down, west along the bottom and up to 0.
        Assert.Equal(M(0, 1) * (1 - snap.Fraction) + M(1, 4) + M(4, 3) + M(3, 0), route.Meters, 1);
        AssertPath(route, snap.OnRoad, Points[1], Points[4], Points[3], Points[0], Points[0]);
    }

    [Fact]
    public void Two_points_on_one_segment_route_directly_ahead_and_round_the_block_behind()
    {
        var g = Block();
        var search = new RoadSearch(g);
        var quarter = g.Snap(new GeoPoint(Lat0, Lon0 + 0.0005))!.Value;
        var threeQuarters = g.Snap(new GeoPoint(Lat0, Lon0 + 0.0015))!.Value;
        Assert.Equal(quarter.Segment, threeQuarters.Segment);
        var ahead = search.Route(quarter, threeQuarters, RouteMode.Shortest)!;
        Assert.Equal(M(0, 1) * 0.5, ahead.Meters, 1);
        Assert.Equal(2, ahead.Path.Count);
        var behind = search.Route(threeQuarters, quarter, RouteMode.Shortest)!;
        Assert.Equal(M(0, 1) * 0.5 + M(1, 4) + M(4, 3) + M(3, 0), behind.Meters, 1);
    }

    [Fact]
    public void The_nearest_facilities_are_ranked_by_travel_towards_the_incident_one_way_streets_included()
    {
        var g = Block();
        // Incident at node 0. A station at node 1 is close but cannot drive west along the top; one at node 3 can.
        var candidates = new[] { At(g, 1), At(g, 3), At(g, 5) };
        var nearest = new RoadSearch(g).Nearest(At(g, 0), candidates, k: 2, RouteMode.Shortest);
        Assert.Equal([1, 0], nearest.Select(n => n.Candidate));
        Assert.Equal(M(3, 0), nearest[0].Route.Meters, 3);
        Assert.Equal(M(1, 4) + M(4, 3) + M(3, 0), nearest[1].Route.Meters, 3);
        AssertPath(nearest[1].Route, Points[1], Points[1], Points[4], Points[3], Points[0], Points[0]);
    }

    [Fact]
    public void A_reach_from_a_mid_edge_point_on_a_one_way_street_covers_only_what_lies_ahead_within_the_limit()
    {
        var g = Block();
        var snap = g.Snap(new GeoPoint(Lat0, Lon0 + 0.001))!.Value;
        // Half of 0 → 1 at 10 km/h is ≈ 28.6 s: a 60 s limit reaches node 1 and some way beyond, never node 0.
        var reach = new RoadSearch(g).Reach([snap], 60, RouteMode.Fastest);
        Assert.Contains(1, reach.Nodes);
        Assert.DoesNotContain(0, reach.Nodes);
        Assert.All(reach.Costs, c => Assert.True(c <= 60));
        var road = Isochrones.RoadMeters(g, reach);
        Assert.True(road > M(0, 1) / 2, $"road reached {road}");
        Assert.DoesNotContain(reach.Pieces, p => p.Segment == 0 && p.From < 0.49);
    }

    [Fact]
    public void Several_stations_cover_the_union_of_their_reaches_each_node_credited_to_the_first()
    {
        var g = Block();
        var search = new RoadSearch(g);
        var both = search.Reach([At(g, 3), At(g, 2)], 20, RouteMode.Fastest);
        var fromThree = search.Reach([At(g, 3)], 20, RouteMode.Fastest);
        var fromTwo = search.Reach([At(g, 2)], 20, RouteMode.Fastest);
        Assert.Equal(fromThree.Nodes.Union(fromTwo.Nodes).Order(), both.Nodes.Order());
        Assert.Equal(0, both.Origins[Array.IndexOf(both.Nodes, 3)]);
        Assert.Equal(1, both.Origins[Array.IndexOf(both.Nodes, 2)]);
    }

    [Fact]
    public void A_point_far_from_any_road_does_not_snap()
    {
        var g = Block();
        Assert.Null(g.Snap(new GeoPoint(Lat0 + 1, Lon0), maxMeters: 5_000));
    }
}
