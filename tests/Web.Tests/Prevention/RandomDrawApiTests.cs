using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Tianshan.Web.Tests.Prevention;

/// <summary>双随机 through HTTP on each database: a draw is recorded with its seed, replays to the same picks, never sends
/// an inspector with a declared conflict, is published for anyone to read, and only the bureau's side may draw.</summary>
public abstract class RandomDrawApiTests(TianshanApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<JsonElement> DrawAsync(HttpClient client, object request)
    {
        var response = await client.PostAsJsonAsync("/api/draws", request, Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    private static string Picks(JsonElement picks) => string.Join(";", picks.EnumerateArray().Select(p =>
        p.GetProperty("creditCode").GetString() + ":" + string.Join(",", p.GetProperty("team").EnumerateArray().Select(i => i.GetProperty("code").GetString()))));

    [Fact]
    public async Task A_draw_replays_from_its_seed_to_the_same_picks_and_is_published()
    {
        using var bureau = await app.LoginAsync("bureau");
        var draw = await DrawAsync(bureau, new { title = "2026年第四季度危化企业双随机抽查", sector = "HazardousChemicals", count = 3 });
        var picks = draw.GetProperty("picks");
        Assert.Equal(3, picks.GetArrayLength());
        Assert.All(picks.EnumerateArray(), p => Assert.True(p.GetProperty("team").GetArrayLength() >= 2));
        var seed = draw.GetProperty("seed").GetString()!;
        Assert.Matches(@"^\d+$", seed);

        var replay = await (await bureau.PostAsync($"/api/draws/{draw.GetProperty("id").GetGuid()}/replay", null, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(replay.GetProperty("identical").GetBoolean());
        Assert.Equal(Picks(picks), Picks(replay.GetProperty("replayed")));

        // The same seed given again over the same population draws the same enterprises (teams may differ: the last
        // teams of those enterprises are now excluded, as the rules require).
        var again = await DrawAsync(bureau, new { title = "重放核对", sector = "HazardousChemicals", count = 3, seed });
        Assert.Equal(picks.EnumerateArray().Select(p => p.GetProperty("creditCode").GetString()),
            again.GetProperty("picks").EnumerateArray().Select(p => p.GetProperty("creditCode").GetString()));
        foreach (var (first, second) in picks.EnumerateArray().Zip(again.GetProperty("picks").EnumerateArray()))
        {
            var before = first.GetProperty("team").EnumerateArray().Select(i => i.GetProperty("code").GetString()).ToHashSet();
            Assert.DoesNotContain(second.GetProperty("team").EnumerateArray(), i => before.Contains(i.GetProperty("code").GetString()));
        }

        using var anonymous = app.CreateClient();
        Assert.DoesNotContain((await anonymous.GetFromJsonAsync<JsonElement>("/api/public/draws", Ct)).EnumerateArray(),
            d => d.GetProperty("number").GetString() == draw.GetProperty("number").GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await bureau.PostAsync($"/api/draws/{draw.GetProperty("id").GetGuid()}/publish", null, Ct)).StatusCode);
        var published = (await anonymous.GetFromJsonAsync<JsonElement>("/api/public/draws", Ct)).EnumerateArray()
            .Single(d => d.GetProperty("number").GetString() == draw.GetProperty("number").GetString());
        Assert.Equal(seed, published.GetProperty("seed").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/draws", Ct)).StatusCode);
    }

    [Fact]
    public async Task An_inspector_with_a_declared_conflict_is_never_drawn_for_that_enterprise()
    {
        using var bureau = await app.LoginAsync("bureau");
        var enterprise = (await bureau.GetFromJsonAsync<JsonElement>("/api/enterprises?pageSize=100", Ct)).GetProperty("items").EnumerateArray()
            .First(e => e.GetProperty("name").GetString() == "独山子金泰石化储运有限公司");
        var enterpriseId = enterprise.GetProperty("id").GetGuid();
        var roster = (await bureau.GetFromJsonAsync<JsonElement>("/api/inspectors", Ct)).EnumerateArray().ToList();
        Assert.True(roster.Count >= 8);
        var conflicted = roster.Take(3).Select(i => i.GetProperty("id").GetGuid()).ToList();
        foreach (var id in conflicted)
        {
            var declared = await bureau.PostAsJsonAsync($"/api/inspectors/{id}/conflicts", new { enterpriseId, reason = "近亲属在该企业任职" }, Ct);
            Assert.Equal(HttpStatusCode.NoContent, declared.StatusCode);
        }
        Assert.Equal(HttpStatusCode.Conflict, (await bureau.PostAsJsonAsync($"/api/inspectors/{conflicted[0]}/conflicts", new { enterpriseId, reason = "again" }, Ct)).StatusCode);

        var conflictedCodes = roster.Take(3).Select(i => i.GetProperty("code").GetString()).ToHashSet();
        var timesDrawn = 0;
        for (var seed = 1; seed <= 12; seed++)
        {
            // Every hazardous-chemicals enterprise is drawn, so this one is in every draw.
            var draw = await DrawAsync(bureau, new { title = $"回避核对{seed}", sector = "HazardousChemicals", ratio = 1.0, seed = seed.ToString(System.Globalization.CultureInfo.InvariantCulture) });
            var pick = draw.GetProperty("picks").EnumerateArray().Single(p => p.GetProperty("enterpriseId").GetGuid() == enterpriseId);
            Assert.DoesNotContain(pick.GetProperty("team").EnumerateArray(), i => conflictedCodes.Contains(i.GetProperty("code").GetString()));
            timesDrawn++;
        }
        Assert.Equal(12, timesDrawn);
    }

    [Fact]
    public async Task Bad_draws_are_refused_in_Chinese_and_only_the_bureau_side_may_draw()
    {
        using var bureau = await app.LoginAsync("bureau");
        var bad = await bureau.PostAsJsonAsync("/api/draws", new { title = "", inspectorsPerTarget = 1 }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("抽查任务名称", await bad.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var noCount = await bureau.PostAsJsonAsync("/api/draws", new { title = "x", inspectorsPerTarget = 1 }, Ct);
        var text = await noCount.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.BadRequest, noCount.StatusCode);
        Assert.Contains("至少抽取 2 名执法人员", text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await bureau.PostAsJsonAsync("/api/draws", new { title = "x", count = 2, seed = "not-a-number" }, Ct)).StatusCode);

        using var inspector = await app.LoginAsync("inspector");
        Assert.Equal(HttpStatusCode.Forbidden, (await inspector.PostAsJsonAsync("/api/draws", new { title = "x", count = 2 }, Ct)).StatusCode);
        using var enterprise = await app.LoginAsync("enterprise");
        Assert.Equal(HttpStatusCode.Forbidden, (await enterprise.GetAsync("/api/draws", Ct)).StatusCode);
    }
}

[Collection(OnSqlite.Name)]
public sealed class RandomDrawApiOnSqlite(SqliteApp app) : RandomDrawApiTests(app);

[Collection(OnPostgres.Name)]
public sealed class RandomDrawApiOnPostgres(PostgresApp app) : RandomDrawApiTests(app);
