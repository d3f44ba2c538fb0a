using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Tianshan.Web.Tests.Dispatch;

/// <summary>Coverage answers are cached, on each database, but never stale: a fire station entered in the atlas is in the next
/// answer, and gone from the one after it is deleted.</summary>
public abstract class CoverageCacheApiTests(TianshanApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<List<string?>> StationsAsync(HttpClient client) =>
        [.. (await client.GetFromJsonAsync<JsonElement>("/api/dispatch/coverage?minutes=5", Ct)).GetProperty("current").GetProperty("stations")
            .EnumerateArray().Select(s => s.GetProperty("id").GetString())];

    [Fact]
    public async Task An_atlas_change_is_in_the_next_coverage_answer()
    {
        using var bureau = await app.LoginAsync("bureau");
        var before = await StationsAsync(bureau);
        Assert.Equal(before, await StationsAsync(bureau));   // asked twice: the same answer (the second from the cache)

        var district = (await bureau.GetFromJsonAsync<JsonElement>("/api/divisions", Ct)).EnumerateArray().First(d => d.GetProperty("level").GetString() == "District");
        var code = $"XF{Guid.NewGuid():N}"[..12];
        var created = await bureau.PostAsJsonAsync("/api/resources/fire-stations", new Dictionary<string, object?>
        {
            ["code"] = code, ["name"] = "覆盖缓存测试消防站", ["grade"] = "Level1", ["status"] = "InService", ["vehicleCount"] = 3, ["firefighters"] = 15,
            ["latitude"] = 44.345, ["longitude"] = 84.852, ["divisionId"] = district.GetProperty("id").GetGuid(),
        }, Ct);
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync(Ct));
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();

        var after = await StationsAsync(bureau);
        Assert.Contains(code, after);
        Assert.Equal(before.Count + 1, after.Count);

        Assert.Equal(HttpStatusCode.NoContent, (await bureau.DeleteAsync($"/api/resources/fire-stations/{id}", Ct)).StatusCode);
        Assert.Equal(before.Order(), (await StationsAsync(bureau)).Order());
    }
}

[Collection(OnSqlite.Name)]
public sealed class CoverageCacheApiOnSqlite(SqliteApp app) : CoverageCacheApiTests(app);

[Collection(OnPostgres.Name)]
public sealed class CoverageCacheApiOnPostgres(PostgresApp app) : CoverageCacheApiTests(app);
