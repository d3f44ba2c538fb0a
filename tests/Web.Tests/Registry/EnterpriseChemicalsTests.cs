using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Tianshan.Web.Tests.Registry;

public abstract class EnterpriseChemicalsTests(TianshanApp app)
{
    [Fact]
    public async Task Holdings_are_replaced_and_restricted_chemicals_flagged()
    {
        using var client = await app.LoginAsync("enterprise2");
        var id = (await client.GetFromJsonAsync<JsonElement>("/api/enterprises")).GetProperty("items")[0].GetProperty("id").GetGuid();
        var holdings = new object[] { new { chemical = "汽油", maxQuantityTonnes = 120 }, new { chemical = "液氯", maxQuantityTonnes = 2 } };
        Assert.Equal(HttpStatusCode.NoContent, (await client.PutAsJsonAsync($"/api/enterprises/{id}/chemicals", holdings)).StatusCode);
        // The same list again: replacing keeps one row per chemical.
        Assert.Equal(HttpStatusCode.NoContent, (await client.PutAsJsonAsync($"/api/enterprises/{id}/chemicals", holdings)).StatusCode);
        var list = await client.GetFromJsonAsync<JsonElement>($"/api/enterprises/{id}/chemicals");
        Assert.Equal(2, list.GetArrayLength());
        var chlorine = list.EnumerateArray().Single(c => c.GetProperty("chemicalName").GetString() == "氯");
        Assert.True(chlorine.GetProperty("restricted").GetBoolean());
        Assert.Equal(5m, chlorine.GetProperty("criticalQuantity").GetDecimal());
    }

    [Fact]
    public async Task A_bad_line_changes_nothing()
    {
        using var client = await app.LoginAsync("enterprise");
        var id = (await client.GetFromJsonAsync<JsonElement>("/api/enterprises")).GetProperty("items")[0].GetProperty("id").GetGuid();
        var before = await client.GetFromJsonAsync<JsonElement>($"/api/enterprises/{id}/chemicals");
        var response = await client.PutAsJsonAsync($"/api/enterprises/{id}/chemicals", new object[] { new { chemical = "汽油", maxQuantityTonnes = 1 }, new { chemical = "未知物", maxQuantityTonnes = 1 } });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var after = await client.GetFromJsonAsync<JsonElement>($"/api/enterprises/{id}/chemicals");
        Assert.Equal(before.GetArrayLength(), after.GetArrayLength());
    }
}

[Collection(OnSqlite.Name)]
public sealed class EnterpriseChemicalsOnSqlite(SqliteApp app) : EnterpriseChemicalsTests(app);

[Collection(OnPostgres.Name)]
public sealed class EnterpriseChemicalsOnPostgres(PostgresApp app) : EnterpriseChemicalsTests(app);
