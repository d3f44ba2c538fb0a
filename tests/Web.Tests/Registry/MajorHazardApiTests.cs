using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Tianshan.Web.Tests.Registry;

public abstract class MajorHazardApiTests(TianshanApp app)
{
    [Fact]
    public async Task Assess_returns_every_line_of_the_computation()
    {
        using var client = await app.LoginAsync("inspector");
        var response = await client.PostAsJsonAsync("/api/major-hazards/assess", new
        {
            units = new object[] { new { chemical = "乙醇", quantityTonnes = 200 }, new { chemical = "汽油", quantityTonnes = 100 }, new { chemical = "60-29-7", quantityTonnes = 1 } },
            exposedPeople = 100,
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1m, body.GetProperty("s").GetDecimal());
        Assert.True(body.GetProperty("isMajorHazard").GetBoolean());
        Assert.Equal(2.0m, body.GetProperty("alpha").GetDecimal());
        var lines = body.GetProperty("lines");
        Assert.Equal(3, lines.GetArrayLength());
        Assert.Equal(500m, lines[0].GetProperty("criticalQuantity").GetDecimal());
        Assert.Equal(0.4m, lines[0].GetProperty("ratio").GetDecimal());
        Assert.Equal("乙醚", lines[2].GetProperty("chemical").GetString());
        var expectedR = 2.0m * lines.EnumerateArray().Sum(l => l.GetProperty("beta").GetDecimal() * l.GetProperty("ratio").GetDecimal());
        Assert.Equal(expectedR, body.GetProperty("r").GetDecimal());
    }

    [Fact]
    public async Task Assess_grades_the_sulphur_dioxide_exam_item()
    {
        using var client = await app.LoginAsync("bureau");
        var body = await (await client.PostAsJsonAsync("/api/major-hazards/assess", new
        {
            units = new[] { new { chemical = "二氧化硫", quantityTonnes = 200 } },
            exposedPeople = 60,
        })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(30m, body.GetProperty("r").GetDecimal());
        Assert.Equal(3, body.GetProperty("grade").GetInt32());
    }

    [Fact]
    public async Task Assess_with_an_unknown_chemical_names_the_line_in_chinese()
    {
        using var client = await app.LoginAsync("bureau");
        var response = await client.PostAsJsonAsync("/api/major-hazards/assess", new
        {
            units = new object[] { new { chemical = "汽油", quantityTonnes = 10 }, new { chemical = "神秘物质", quantityTonnes = 5 } },
            exposedPeople = 10,
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("请求数据不符合业务规则", problem.GetProperty("title").GetString());
        var error = problem.GetProperty("errors").GetProperty("units[1].chemical")[0].GetString();
        Assert.Contains("第2行", error, StringComparison.Ordinal);
        Assert.Contains("神秘物质", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Assess_with_a_negative_quantity_is_a_400_naming_the_line()
    {
        using var client = await app.LoginAsync("bureau", language: "en-US");
        var response = await client.PostAsJsonAsync("/api/major-hazards/assess", new
        {
            units = new[] { new { chemical = "甲醇", quantityTonnes = -3 } },
            exposedPeople = 10,
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("The request breaks a business rule", problem.GetProperty("title").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("units[0].quantityTonnes", out _));
    }

    [Fact]
    public async Task Chemicals_are_found_by_cas_or_alias()
    {
        using var client = await app.LoginAsync("inspector");
        var byCas = await client.GetFromJsonAsync<JsonElement>("/api/chemicals?q=7664-41");
        Assert.Contains(byCas.EnumerateArray(), c => c.GetProperty("nameZh").GetString() == "氨" && c.GetProperty("criticalQuantity").GetDecimal() == 10m);
        var byAlias = await client.GetFromJsonAsync<JsonElement>("/api/chemicals?q=LPG");
        Assert.Contains(byAlias.EnumerateArray(), c => c.GetProperty("criticalQuantity").GetDecimal() == 50m);
    }

    [Fact]
    public async Task Malformed_json_is_a_400_problem()
    {
        using var client = await app.LoginAsync("bureau");
        using var content = new StringContent("{\"units\": [ {\"chemical\": ", System.Text.Encoding.UTF8, "application/json");
        var response = await client.PostAsync("/api/major-hazards/assess", content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_overdue_list_holds_sources_assessed_more_than_three_years_ago()
    {
        using var client = await app.LoginAsync("bureau");
        var overdue = await client.GetFromJsonAsync<JsonElement>("/api/major-hazards?overdue=true");
        Assert.True(overdue.GetArrayLength() > 0);
        Assert.All(overdue.EnumerateArray(), m => Assert.True(m.GetProperty("reassessmentOverdue").GetBoolean()));
        var all = await client.GetFromJsonAsync<JsonElement>("/api/major-hazards");
        Assert.True(all.GetArrayLength() > overdue.GetArrayLength());
    }

    [Fact]
    public async Task Changing_the_inventory_so_the_grade_changes_opens_a_reassessment_trigger()
    {
        using var client = await app.LoginAsync("enterprise");
        var own = await client.GetFromJsonAsync<JsonElement>("/api/major-hazards");
        var source = own.EnumerateArray().Where(m => !m.GetProperty("reassessmentOverdue").GetBoolean())
            .MaxBy(m => m.GetProperty("grade").GetInt32());
        Assert.True(source.GetProperty("grade").GetInt32() > 1, "the demo refinery has a source below grade 1 that is in date");
        var id = source.GetProperty("id").GetGuid();
        var lines = source.GetProperty("lines").EnumerateArray()
            .Select(l => new { chemical = l.GetProperty("chemical").GetString(), quantityTonnes = l.GetProperty("q").GetDecimal() * 100 }).ToArray();
        var response = await client.PutAsJsonAsync($"/api/major-hazards/{id}", new
        {
            code = source.GetProperty("code").GetString(),
            name = source.GetProperty("name").GetString(),
            kind = source.GetProperty("kind").GetString(),
            exposedPeople = source.GetProperty("exposedPeople").GetInt32(),
            lastAssessedOn = source.GetProperty("lastAssessedOn").GetString(),
            units = lines,
        });
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var after = await client.GetFromJsonAsync<JsonElement>($"/api/major-hazards/{id}");
        Assert.True(after.GetProperty("grade").GetInt32() < source.GetProperty("grade").GetInt32());
        Assert.Equal("InventoryOrProcessChange", after.GetProperty("pendingTrigger").GetString());
        Assert.True(after.GetProperty("reassessmentOverdue").GetBoolean());
    }
}

[Collection(OnSqlite.Name)]
public sealed class MajorHazardApiOnSqlite(SqliteApp app) : MajorHazardApiTests(app);

[Collection(OnPostgres.Name)]
public sealed class MajorHazardApiOnPostgres(PostgresApp app) : MajorHazardApiTests(app);
