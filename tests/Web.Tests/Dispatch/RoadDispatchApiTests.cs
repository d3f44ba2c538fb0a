using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Tianshan.Web.Tests.Dispatch;

/// <summary>Roads and dispatch through HTTP, on each database: the demo network routes, nearest teams come by travel
/// time, the new station closes the demo's coverage gap, shelters never overfill, a bad import is refused in Chinese
/// and keeps the network in use, and the real Monaco extract imports and routes with its one-way streets. These tests
/// replace the host's network, so they have hosts of their own.</summary>
public abstract class RoadDispatchApiTests(TianshanApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string Monaco = Path.Combine(AppContext.BaseDirectory, "Dispatch", "Data", "monaco.osm.gz");

    private static async Task<JsonElement> OkAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync(Ct)}");
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    private static async Task<HttpResponseMessage> ImportAsync(HttpClient client, byte[] content, string fileName)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        return await client.PostAsync("/api/roads/import", form, Ct);
    }

    [Fact]
    public async Task Demo_network_routes_and_dispatches_then_a_bad_import_is_refused_and_Monaco_routes_one_way_streets_included()
    {
        using var bureau = await app.LoginAsync("bureau");

        // The demo network is in use from the first start.
        var network = await OkAsync(await bureau.GetAsync("/api/roads", Ct));
        Assert.True(network.GetProperty("isDemo").GetBoolean());
        var demoId = network.GetProperty("id").GetString();

        var route = await OkAsync(await bureau.GetAsync("/api/roads/route?from=44.3175,84.8745&to=44.3425,84.899&mode=shortest", Ct));
        Assert.InRange(route.GetProperty("distanceMeters").GetDouble(), 4_000, 6_000);
        Assert.True(route.GetProperty("seconds").GetDouble() > 0);
        Assert.Equal("LineString", route.GetProperty("geometry").GetProperty("type").GetString());
        Assert.True(route.GetProperty("geometry").GetProperty("coordinates").GetArrayLength() >= 3);

        // Nearest rescue teams by road, closest first.
        var nearest = await OkAsync(await bureau.GetAsync("/api/dispatch/nearest?lat=44.33&lon=84.89&kind=RescueTeam&k=2", Ct));
        var items = nearest.GetProperty("items");
        Assert.Equal(2, items.GetArrayLength());
        Assert.True(items[0].GetProperty("seconds").GetDouble() <= items[1].GetProperty("seconds").GetDouble());
        Assert.All(items.EnumerateArray(), i => Assert.Equal("RescueTeam", i.GetProperty("kind").GetString()));

        // 5-minute fire coverage: the demo's northern communities are outside it until the planned station is added.
        var coverage = await OkAsync(await bureau.GetAsync("/api/dispatch/coverage?minutes=5", Ct));
        var current = coverage.GetProperty("current");
        var withNew = coverage.GetProperty("withNew");
        Assert.True(current.GetProperty("uncoveredPeople").GetInt32() > 0);
        Assert.Contains("北湖社区", current.GetProperty("uncoveredCommunities").EnumerateArray().Select(c => c.GetString()));
        Assert.True(withNew.GetProperty("uncoveredPeople").GetInt32() < current.GetProperty("uncoveredPeople").GetInt32());
        Assert.True(withNew.GetProperty("coveredKm2").GetDouble() > current.GetProperty("coveredKm2").GetDouble());
        Assert.True(current.GetProperty("uncoveredKm2").GetDouble() > 0);
        Assert.Contains(coverage.GetProperty("added").EnumerateArray(), s => s.GetProperty("name").GetString()!.Contains("长岭路/喀什路", StringComparison.Ordinal));

        // A what-if station far out west adds coverage there and nowhere else is lost.
        var whatIf = await OkAsync(await bureau.GetAsync("/api/dispatch/coverage?minutes=5&station=44.345,84.852", Ct));
        Assert.True(whatIf.GetProperty("withNew").GetProperty("coveredKm2").GetDouble() > withNew.GetProperty("coveredKm2").GetDouble());

        // Shelters: half of every community displaced; no shelter takes more than its capacity.
        var allocation = await OkAsync(await bureau.PostAsJsonAsync("/api/dispatch/shelter-allocation", new { share = 0.5 }, Ct));
        Assert.All(allocation.GetProperty("shelters").EnumerateArray(),
            s => Assert.True(s.GetProperty("assigned").GetInt32() <= s.GetProperty("capacity").GetInt32()));
        var displaced = allocation.GetProperty("displaced").GetInt32();
        var placed = allocation.GetProperty("placed").GetInt32();
        var unplaced = allocation.GetProperty("unplaced").EnumerateObject().Sum(p => p.Value.GetInt32());
        Assert.Equal(displaced, placed + unplaced);

        // Bad input: Chinese ProblemDetails.
        var badPoint = await bureau.GetAsync("/api/roads/route?from=44.3,abc&to=44.33,84.89", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, badPoint.StatusCode);
        Assert.Contains("纬度,经度", await badPoint.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        // A bad file is refused with a Chinese message and the demo network stays in use.
        var broken = await ImportAsync(bureau, "<osm><node id='1' lat='44.3' lon='84.8'><way"u8.ToArray(), "broken.osm");
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        var problem = await broken.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Contains("路网文件无法解析", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var wrongType = await ImportAsync(bureau, [1, 2, 3], "roads.shp");
        Assert.Equal(HttpStatusCode.BadRequest, wrongType.StatusCode);
        Assert.Contains("不支持的路网文件类型", await wrongType.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(demoId, (await OkAsync(await bureau.GetAsync("/api/roads", Ct))).GetProperty("id").GetString());
        await OkAsync(await bureau.GetAsync("/api/roads/route?from=44.3175,84.8745&to=44.3425,84.899", Ct));

        // Only the bureau imports.
        using var street = await app.LoginAsync("street");
        Assert.Equal(HttpStatusCode.Forbidden, (await ImportAsync(street, await File.ReadAllBytesAsync(Monaco, Ct), "monaco.osm.gz")).StatusCode);
        using var enterprise = await app.LoginAsync("enterprise");
        Assert.Equal(HttpStatusCode.Forbidden, (await enterprise.GetAsync("/api/dispatch/nearest?lat=44.33&lon=84.89", Ct)).StatusCode);

        // The real Monaco extract: imported, stored, and routed with its one-way streets in each direction.
        var imported = await OkAsync(await ImportAsync(bureau, await File.ReadAllBytesAsync(Monaco, Ct), "monaco.osm.gz"));
        Assert.InRange(imported.GetProperty("nodes").GetInt32(), 2_500, 4_000);
        var now = await OkAsync(await bureau.GetAsync("/api/roads", Ct));
        Assert.False(now.GetProperty("isDemo").GetBoolean());
        Assert.Equal("monaco.osm.gz", now.GetProperty("fileName").GetString());
        var there = await OkAsync(await bureau.GetAsync("/api/roads/route?from=43.7321771,7.4226774&to=43.7334186,7.4217464&mode=shortest", Ct));
        var back = await OkAsync(await bureau.GetAsync("/api/roads/route?from=43.7334186,7.4217464&to=43.7321771,7.4226774&mode=shortest", Ct));
        Assert.InRange(there.GetProperty("distanceMeters").GetDouble(), 150, 200);
        Assert.InRange(back.GetProperty("distanceMeters").GetDouble(), 1_000, 1_500);
        // Far from every Monaco road: refused, not guessed.
        var far = await bureau.GetAsync("/api/roads/route?from=44.3175,84.8745&to=43.7334186,7.4217464", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, far.StatusCode);
        Assert.Contains("没有可通行的道路", await far.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }
}

/// <summary>Hosts of their own (a collection per provider): the import replaces the host's network.</summary>
[CollectionDefinition(Name)]
public sealed class RoadsOnSqlite : ICollectionFixture<SqliteApp>
{
    public const string Name = "Roads on SQLite";
}

[CollectionDefinition(Name)]
public sealed class RoadsOnPostgres : ICollectionFixture<PostgresApp>
{
    public const string Name = "Roads on PostgreSQL";
}

[Collection(RoadsOnSqlite.Name)]
public sealed class RoadDispatchApiOnSqlite(SqliteApp app) : RoadDispatchApiTests(app);

[Collection(RoadsOnPostgres.Name)]
public sealed class RoadDispatchApiOnPostgres(PostgresApp app) : RoadDispatchApiTests(app);
