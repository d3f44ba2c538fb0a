using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClosedXML.Excel;
using Tianshan.Core.Demo;

namespace Tianshan.Web.Tests.Registry;

/// <summary>An enterprise user reaches its own enterprise and nothing of any other, by any route (PRODUCT.md C13).</summary>
public abstract class EnterpriseIsolationTests(TianshanApp app)
{
    private static readonly DemoData Demo = DemoSeeder.Load();
    private static string OwnCode => Demo.Enterprises[0].CreditCode;
    private static string OtherCode => Demo.Enterprises[1].CreditCode;

    private async Task<(Guid Own, Guid Other)> IdsAsync()
    {
        using var bureau = await app.LoginAsync("bureau");
        async Task<Guid> Id(string code)
        {
            var page = await bureau.GetFromJsonAsync<JsonElement>($"/api/enterprises?q={code}");
            return page.GetProperty("items")[0].GetProperty("id").GetGuid();
        }
        return (await Id(OwnCode), await Id(OtherCode));
    }

    [Fact]
    public async Task Enterprise_user_lists_only_its_own_enterprise()
    {
        using var client = await app.LoginAsync("enterprise");
        var page = await client.GetFromJsonAsync<JsonElement>("/api/enterprises?pageSize=500");
        Assert.Equal(1, page.GetProperty("total").GetInt32());
        Assert.Equal(OwnCode, page.GetProperty("items")[0].GetProperty("creditCode").GetString());
    }

    [Fact]
    public async Task Enterprise_user_cannot_read_another_enterprise()
    {
        var (own, other) = await IdsAsync();
        using var client = await app.LoginAsync("enterprise2");
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/enterprises/{own}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/enterprises/{other}")).StatusCode);
        var search = await client.GetFromJsonAsync<JsonElement>($"/api/enterprises?q={OwnCode}");
        Assert.Equal(0, search.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Enterprise_user_cannot_change_another_enterprise()
    {
        var (own, _) = await IdsAsync();
        using var bureau = await app.LoginAsync("bureau");
        var details = await bureau.GetFromJsonAsync<JsonElement>($"/api/enterprises/{own}");
        using var client = await app.LoginAsync("enterprise2");
        var body = new
        {
            creditCode = OwnCode,
            name = "被篡改的名称",
            sector = "HazardousChemicals",
            divisionCode = details.GetProperty("divisionCode").GetString(),
            principalName = "某人",
        };
        var response = await client.PutAsJsonAsync($"/api/enterprises/{own}", body);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var after = await bureau.GetFromJsonAsync<JsonElement>($"/api/enterprises/{own}");
        Assert.Equal(details.GetProperty("name").GetString(), after.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Enterprise_user_updates_its_own_facts_but_not_its_credit_code()
    {
        using var client = await app.LoginAsync("enterprise");
        var own = (await client.GetFromJsonAsync<JsonElement>("/api/enterprises")).GetProperty("items")[0];
        var body = JsonSerializer.Deserialize<Dictionary<string, object?>>(own.GetRawText())!;
        body["principalPhone"] = "0992-3600999";
        Assert.Equal(HttpStatusCode.NoContent, (await client.PutAsJsonAsync($"/api/enterprises/{own.GetProperty("id")}", body)).StatusCode);
        body["creditCode"] = "91350100M000100Y43";
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PutAsJsonAsync($"/api/enterprises/{own.GetProperty("id")}", body)).StatusCode);
        var after = await client.GetFromJsonAsync<JsonElement>($"/api/enterprises/{own.GetProperty("id")}");
        Assert.Equal(OwnCode, after.GetProperty("creditCode").GetString());
        Assert.Equal("0992-3600999", after.GetProperty("principalPhone").GetString());
    }

    [Fact]
    public async Task Enterprise_user_cannot_register_an_enterprise()
    {
        using var client = await app.LoginAsync("enterprise");
        var response = await client.PostAsJsonAsync("/api/enterprises", new { creditCode = "91350100M000100Y43", name = "新企业", sector = "Construction", divisionCode = "x", principalName = "某人" });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Export_holds_only_the_enterprise_users_own_enterprise()
    {
        using var client = await app.LoginAsync("enterprise2");
        var bytes = await client.GetByteArrayAsync("/api/enterprises/export");
        using var book = new XLWorkbook(new MemoryStream(bytes));
        var sheet = book.Worksheet(1);
        var codes = sheet.RowsUsed().Skip(1).Select(r => r.Cell(1).GetString()).ToList();
        Assert.Equal([OtherCode], codes);
    }

    [Fact]
    public async Task Major_hazards_and_equipment_of_another_enterprise_are_invisible()
    {
        var (own, _) = await IdsAsync();
        using var bureau = await app.LoginAsync("bureau");
        var ownHazards = await bureau.GetFromJsonAsync<JsonElement>($"/api/major-hazards?enterpriseId={own}");
        Assert.True(ownHazards.GetArrayLength() > 0, "the demo refinery has major hazard sources");
        var hazardId = ownHazards[0].GetProperty("id").GetGuid();

        using var client = await app.LoginAsync("enterprise2");
        Assert.Equal(0, (await client.GetFromJsonAsync<JsonElement>($"/api/major-hazards?enterpriseId={own}")).GetArrayLength());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/major-hazards/{hazardId}")).StatusCode);
        var all = await client.GetFromJsonAsync<JsonElement>("/api/major-hazards");
        Assert.All(all.EnumerateArray(), m => Assert.NotEqual(own, m.GetProperty("enterpriseId").GetGuid()));
        var equipment = await client.GetFromJsonAsync<JsonElement>("/api/special-equipment");
        Assert.All(equipment.EnumerateArray(), s => Assert.NotEqual(own, s.GetProperty("enterpriseId").GetGuid()));
        var exported = await client.GetByteArrayAsync("/api/major-hazards/export");
        using var book = new XLWorkbook(new MemoryStream(exported));
        Assert.All(book.Worksheet(1).RowsUsed().Skip(1), r => Assert.Equal(OtherCode, r.Cell(1).GetString()));

        var put = await client.PutAsJsonAsync($"/api/major-hazards/{hazardId}", new
        {
            code = "X", name = "X", kind = "Storage", exposedPeople = 0, lastAssessedOn = "2026-01-01",
            units = new[] { new { chemical = "汽油", quantityTonnes = 1 } },
        });
        Assert.Equal(HttpStatusCode.NotFound, put.StatusCode);
    }

    [Fact]
    public async Task Street_user_sees_only_enterprises_in_its_street()
    {
        using var client = await app.LoginAsync("street");
        var page = await client.GetFromJsonAsync<JsonElement>("/api/enterprises?pageSize=500");
        var streetCommunities = Demo.Streets[0].Communities.Select(c => c.Code).ToHashSet();
        var expected = Demo.Enterprises.Count(e => streetCommunities.Contains(e.Community));
        Assert.Equal(expected, page.GetProperty("total").GetInt32());
        Assert.True(expected < Demo.Enterprises.Count);
    }

    [Fact]
    public async Task Anonymous_callers_get_401_problem_details()
    {
        using var client = app.CreateClient();
        var response = await client.GetAsync("/api/enterprises");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}

[Collection(OnSqlite.Name)]
public sealed class EnterpriseIsolationOnSqlite(SqliteApp app) : EnterpriseIsolationTests(app);

[Collection(OnPostgres.Name)]
public sealed class EnterpriseIsolationOnPostgres(PostgresApp app) : EnterpriseIsolationTests(app);
