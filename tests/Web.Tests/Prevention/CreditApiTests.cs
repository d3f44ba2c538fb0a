using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Tianshan.Web.Tests.Prevention;

/// <summary>Safety credit and the blacklist through HTTP on each database: a listed enterprise is D and appears on the
/// public list until removed; only the bureau lists; an enterprise sees only its own credit.</summary>
public abstract class CreditApiTests(TianshanApp app)
{
    [Fact]
    public async Task Blacklisting_makes_an_enterprise_D_and_public_until_it_is_removed()
    {
        var ct = TestContext.Current.CancellationToken;
        using var bureau = await app.LoginAsync("bureau");
        using var second = await app.LoginAsync("enterprise2");
        var own = await second.GetFromJsonAsync<JsonElement>("/api/credit", ct);
        var mine = Assert.Single(own.EnumerateArray());
        var id = mine.GetProperty("enterpriseId").GetGuid();
        var name = mine.GetProperty("enterpriseName").GetString()!;

        Assert.Equal(HttpStatusCode.Forbidden, (await second.PostAsJsonAsync("/api/blacklist", new { enterpriseId = id, reason = "x" }, ct)).StatusCode);
        var bad = await bureau.PostAsJsonAsync("/api/blacklist", new { enterpriseId = id, reason = " " }, ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("列入失信名单的事实和依据", await bad.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);

        var listed = await bureau.PostAsJsonAsync("/api/blacklist", new { enterpriseId = id, reason = "瞒报生产安全事故（演示）" }, ct);
        Assert.Equal(HttpStatusCode.Created, listed.StatusCode);
        var entryId = (await listed.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Conflict, (await bureau.PostAsJsonAsync("/api/blacklist", new { enterpriseId = id, reason = "again" }, ct)).StatusCode);

        var credit = await second.GetFromJsonAsync<JsonElement>($"/api/credit/{id}", ct);
        Assert.Equal("D", credit.GetProperty("result").GetProperty("grade").GetString());
        using var anonymous = app.CreateClient();
        Assert.Contains((await anonymous.GetFromJsonAsync<JsonElement>("/api/public/blacklist", ct)).EnumerateArray(),
            b => b.GetProperty("enterpriseName").GetString() == name);

        Assert.Equal(HttpStatusCode.NoContent, (await bureau.PostAsJsonAsync($"/api/blacklist/{entryId}/remove", new { reason = "信用修复完成" }, ct)).StatusCode);
        Assert.DoesNotContain((await anonymous.GetFromJsonAsync<JsonElement>("/api/public/blacklist", ct)).EnumerateArray(),
            b => b.GetProperty("enterpriseName").GetString() == name);
        Assert.NotEqual("D", (await second.GetFromJsonAsync<JsonElement>($"/api/credit/{id}", ct)).GetProperty("result").GetProperty("grade").GetString());

        using var first = await app.LoginAsync("enterprise");
        Assert.Equal(HttpStatusCode.NotFound, (await first.GetAsync($"/api/credit/{id}", ct)).StatusCode);
        var all = await bureau.GetFromJsonAsync<JsonElement>("/api/credit", ct);
        Assert.Equal((await bureau.GetFromJsonAsync<JsonElement>("/api/enterprises?pageSize=200", ct)).GetProperty("total").GetInt32(), all.GetArrayLength());
    }
}

[Collection(OnSqlite.Name)]
public sealed class CreditApiOnSqlite(SqliteApp app) : CreditApiTests(app);

[Collection(OnPostgres.Name)]
public sealed class CreditApiOnPostgres(PostgresApp app) : CreditApiTests(app);
