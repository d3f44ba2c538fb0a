using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Tianshan.Web.Tests.Dispatch;

/// <summary>Dispatch routes to the resource atlas's own records, on each database: a team entered in the ledger is
/// dispatchable at once and leaves the list when it is deployed; the planned fire station is a planned point; a street's
/// desk sees the district's teams although the atlas shows it only its street's records.</summary>
public abstract class AtlasFacilityApiTests(TianshanApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<List<JsonElement>> FacilitiesAsync(HttpClient client) =>
        [.. (await client.GetFromJsonAsync<JsonElement>("/api/dispatch/facilities", Ct)).EnumerateArray()];

    [Fact]
    public async Task A_team_entered_in_the_ledger_is_dispatchable_until_it_is_deployed_and_a_street_sees_the_districts_teams()
    {
        using var bureau = await app.LoginAsync("bureau");
        var facilities = await FacilitiesAsync(bureau);
        Assert.Contains(facilities, f => f.GetProperty("kind").GetString() == "FireStation" && f.GetProperty("planned").GetBoolean()
            && f.GetProperty("name").GetString()!.Contains("长岭路/喀什路", StringComparison.Ordinal));
        Assert.All(facilities.Where(f => f.GetProperty("kind").GetString() == "Shelter"), s => Assert.True(s.GetProperty("capacity").GetInt32() >= 0));

        var district = (await bureau.GetFromJsonAsync<JsonElement>("/api/divisions", Ct)).EnumerateArray().First(d => d.GetProperty("level").GetString() == "District");
        var code = $"DT{Guid.NewGuid():N}"[..12];
        var team = new Dictionary<string, object?>
        {
            ["code"] = code, ["name"] = "调度测试救援队", ["type"] = "GovernmentLed", ["members"] = 12, ["authorisedMembers"] = 12,
            ["readiness"] = "Ready", ["latitude"] = 44.3301, ["longitude"] = 84.8899, ["divisionId"] = district.GetProperty("id").GetGuid(),
        };
        var created = await bureau.PostAsJsonAsync("/api/resources/teams", team, Ct);
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync(Ct));
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();

        // The nearest team to where it stands is itself.
        var nearest = await bureau.GetFromJsonAsync<JsonElement>("/api/dispatch/nearest?lat=44.3301&lon=84.8899&kind=RescueTeam&k=1", Ct);
        Assert.Equal("调度测试救援队", nearest.GetProperty("items")[0].GetProperty("name").GetString());

        // A street's desk sees the district's teams (the atlas itself shows a street only its own records).
        using var street = await app.LoginAsync("street");
        var streetTeams = (await FacilitiesAsync(street)).Where(f => f.GetProperty("kind").GetString() == "RescueTeam").Select(f => f.GetProperty("id").GetString()).ToHashSet();
        Assert.Contains(code, streetTeams);
        var ledgerForStreet = (await street.GetFromJsonAsync<JsonElement>("/api/resources/teams", Ct)).EnumerateArray().Count();
        Assert.True(streetTeams.Count > ledgerForStreet, $"street dispatch sees {streetTeams.Count} teams, its ledger {ledgerForStreet}");

        // Deployed: no longer standing by, no longer offered.
        team["readiness"] = "Deployed";
        var updated = await bureau.PutAsJsonAsync($"/api/resources/teams/{id}", team, Ct);
        Assert.True(updated.StatusCode == HttpStatusCode.OK, await updated.Content.ReadAsStringAsync(Ct));
        Assert.DoesNotContain(await FacilitiesAsync(bureau), f => f.GetProperty("id").GetString() == code);
    }

    [Fact]
    public async Task The_desk_opens_the_nearest_shelter_from_an_incident_and_the_timeline_and_the_ledger_show_it()
    {
        using var bureau = await app.LoginAsync("bureau");
        var created = await bureau.PostAsJsonAsync("/api/incidents", new
        {
            source = "DutyDesk", category = "NaturalDisaster", subtype = "地质灾害", title = "山体滑坡威胁居民区", occurredAt = DateTimeOffset.UtcNow.AddMinutes(-30),
            latitude = 44.325, longitude = 84.882, address = "独山子区", narrative = "坡体出现裂缝，需转移群众。", reporter = "社区网格员",
        }, Ct);
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync(Ct));
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();

        // The nearest shelters by road; open the first one that is not open yet.
        var shelters = (await bureau.GetFromJsonAsync<JsonElement>("/api/dispatch/nearest?lat=44.325&lon=84.882&kind=Shelter&k=10", Ct)).GetProperty("items").EnumerateArray().ToList();
        var ledger = (await bureau.GetFromJsonAsync<JsonElement>("/api/resources/shelters", Ct)).EnumerateArray().ToList();
        static string Cell(JsonElement row, string header) => row.GetProperty("cells").TryGetProperty(header, out var v) ? v.GetString() ?? "" : "";
        var closed = shelters.Select(s => s.GetProperty("id").GetString()!)
            .First(code => ledger.Any(r => Cell(r, "编号") == code && Cell(r, "开放状态") == "未开放"));

        var opened = await bureau.PostAsJsonAsync($"/api/incidents/{id}/open-shelter", new { shelterCode = closed }, Ct);
        Assert.True(opened.StatusCode == HttpStatusCode.OK, await opened.Content.ReadAsStringAsync(Ct));
        Assert.Equal("已开放", (await opened.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("status").GetString());
        var detail = await bureau.GetFromJsonAsync<JsonElement>($"/api/incidents/{id}", Ct);
        Assert.Contains(detail.GetProperty("timeline").EnumerateArray(), e => e.GetProperty("action").GetString() == "开放避难场所");
        var row = (await bureau.GetFromJsonAsync<JsonElement>("/api/resources/shelters", Ct)).EnumerateArray().Single(r => Cell(r, "编号") == closed);
        Assert.Equal("已开放", Cell(row, "开放状态"));

        // Twice: refused in Chinese; without a shelter: 400; an enterprise: 403.
        var twice = await bureau.PostAsJsonAsync($"/api/incidents/{id}/open-shelter", new { shelterCode = closed }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Contains("已开放", await twice.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await bureau.PostAsJsonAsync($"/api/incidents/{id}/open-shelter", new { shelterCode = " " }, Ct)).StatusCode);
        using var enterprise = await app.LoginAsync("enterprise");
        Assert.Equal(HttpStatusCode.Forbidden, (await enterprise.PostAsJsonAsync($"/api/incidents/{id}/open-shelter", new { shelterCode = closed }, Ct)).StatusCode);
    }

    [Fact]
    public async Task An_earthquake_on_a_census_fault_shelters_the_nearby_communities_within_capacity_and_counts_relief_in_time()
    {
        using var bureau = await app.LoginAsync("bureau");
        var faults = (await bureau.GetFromJsonAsync<JsonElement>("/api/dispatch/faults", Ct)).EnumerateArray().ToList();
        var fault = faults.First(f => f.GetProperty("name").GetString()!.StartsWith("独山子-安集海", StringComparison.Ordinal));

        var response = await bureau.PostAsJsonAsync("/api/dispatch/earthquake", new { faultId = fault.GetProperty("id").GetGuid() }, Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        var s = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var communities = s.GetProperty("communities").EnumerateArray().ToList();
        Assert.NotEmpty(communities);
        // Nearest first; each community's people are its residents × its band's share (the default bands 5/10/20 km).
        var distances = communities.Select(c => c.GetProperty("distanceKm").GetDouble()).ToList();
        Assert.Equal(distances.Order(), distances);
        foreach (var c in communities)
        {
            var km = c.GetProperty("distanceKm").GetDouble();
            var share = km <= 5 ? 0.30 : km <= 10 ? 0.15 : km <= 20 ? 0.05 : 0;
            Assert.Equal((int)Math.Round(c.GetProperty("residents").GetInt32() * share, MidpointRounding.AwayFromZero), c.GetProperty("people").GetInt32());
        }
        var people = s.GetProperty("people").GetInt32();
        Assert.True(people > 0, "the demo fault runs along the district's south-west edge: its nearest communities need shelter");
        Assert.Equal(communities.Sum(c => c.GetProperty("people").GetInt32()), people);
        var allocation = s.GetProperty("allocation");
        Assert.Equal(people, allocation.GetProperty("placed").GetInt32() + allocation.GetProperty("unplaced").EnumerateObject().Sum(p => p.Value.GetInt32()));
        Assert.All(allocation.GetProperty("shelters").EnumerateArray(), x => Assert.True(x.GetProperty("assigned").GetInt32() <= x.GetProperty("capacity").GetInt32()));
        // Tents: ⌈people ÷ 4⌉ needed whatever the stock.
        var tents = s.GetProperty("materials").EnumerateArray().First(m => m.GetProperty("category").GetString() == "帐篷");
        Assert.Equal(Math.Ceiling(people / tents.GetProperty("peoplePerUnit").GetDecimal()), tents.GetProperty("needed").GetDecimal());
        Assert.Equal(Math.Max(0, tents.GetProperty("needed").GetDecimal() - tents.GetProperty("inStock").GetDecimal()), tents.GetProperty("gap").GetDecimal());

        // Wider bands shelter more people.
        var wide = await (await bureau.PostAsJsonAsync("/api/dispatch/earthquake", new
        {
            faultId = fault.GetProperty("id").GetGuid(), bands = new[] { new { maxKm = 50.0, share = 0.5 } },
        }, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(wide.GetProperty("people").GetInt32() > people);

        // Bad input: Chinese problems, nothing run.
        var bad = await bureau.PostAsJsonAsync("/api/dispatch/earthquake", new
        {
            faultId = fault.GetProperty("id").GetGuid(), bands = new[] { new { maxKm = 10.0, share = 0.2 }, new { maxKm = 5.0, share = 1.5 } },
        }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("第 2 带的距离应大于第 1 带", await bad.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await bureau.PostAsJsonAsync("/api/dispatch/earthquake", new { }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bureau.PostAsJsonAsync("/api/dispatch/earthquake", new { faultId = Guid.NewGuid() }, Ct)).StatusCode);
    }
}

[Collection(OnSqlite.Name)]
public sealed class AtlasFacilityApiOnSqlite(SqliteApp app) : AtlasFacilityApiTests(app);

[Collection(OnPostgres.Name)]
public sealed class AtlasFacilityApiOnPostgres(PostgresApp app) : AtlasFacilityApiTests(app);
