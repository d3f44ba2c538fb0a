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
}

[Collection(OnSqlite.Name)]
public sealed class AtlasFacilityApiOnSqlite(SqliteApp app) : AtlasFacilityApiTests(app);

[Collection(OnPostgres.Name)]
public sealed class AtlasFacilityApiOnPostgres(PostgresApp app) : AtlasFacilityApiTests(app);
