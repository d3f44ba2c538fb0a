using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Tianshan.Core.Demo;

namespace Tianshan.Web.Tests.Prevention;

/// <summary>The risk calculator, risk points and the four-colour map through HTTP (issue 4, C2).</summary>
public abstract class RiskApiTests(TianshanApp app)
{
    private static readonly DemoData Demo = DemoSeeder.Load();

    private static object Point(string name, decimal l, decimal e, decimal c) => new
    {
        name,
        location = "测试车间",
        activity = "巡检",
        hazardType = "机械伤害",
        controlMeasures = "防护罩；停机检修挂牌",
        responsiblePerson = "测试员",
        method = "Lec",
        l,
        e,
        c,
    };

    private async Task<(Guid Own, Guid Other)> EnterpriseIdsAsync()
    {
        using var bureau = await app.LoginAsync("bureau");
        async Task<Guid> Id(string code) =>
            (await bureau.GetFromJsonAsync<JsonElement>($"/api/enterprises?q={code}")).GetProperty("items")[0].GetProperty("id").GetGuid();
        return (await Id(Demo.Enterprises[0].CreditCode), await Id(Demo.Enterprises[1].CreditCode));
    }

    [Fact]
    public async Task Lec_of_the_issue_example_is_270_highly_dangerous_orange()
    {
        using var client = await app.LoginAsync("enterprise");
        var response = await client.PostAsJsonAsync("/api/risk/lec", new { l = 3, e = 6, c = 15 });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(270m, body.GetProperty("d").GetDecimal());
        Assert.Equal("High", body.GetProperty("band").GetString());
        Assert.Equal("orange", body.GetProperty("colour").GetString());
    }

    [Fact]
    public async Task Ls_grades_four_by_three_orange_and_twenty_red()
    {
        using var client = await app.LoginAsync("inspector");
        var body = await (await client.PostAsJsonAsync("/api/risk/ls", new { l = 4, s = 3 })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(12, body.GetProperty("r").GetInt32());
        Assert.Equal("orange", body.GetProperty("colour").GetString());
        var red = await (await client.PostAsJsonAsync("/api/risk/ls", new { l = 4, s = 5 })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("red", red.GetProperty("colour").GetString());
    }

    [Fact]
    public async Task A_province_sets_its_own_ls_bands_by_configuration()
    {
        // The 20–25 / 15–16 / 9–12 / 1–8 variant (domain-rules §2.2): 4 × 3 = 12 is yellow there, orange nationally.
        await using var province = app.WithWebHostBuilder(b => b
            .UseSetting("Prevention:RiskGrading:LsOrangeFrom", "15")
            .UseSetting("Prevention:RiskGrading:LsYellowFrom", "9"));
        using var client = province.CreateClient();
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsJsonAsync("/api/auth/login", new { userName = "bureau", password = TianshanApp.DemoPassword })).StatusCode);
        var body = await (await client.PostAsJsonAsync("/api/risk/ls", new { l = 4, s = 3 })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("yellow", body.GetProperty("colour").GetString());
    }

    [Fact]
    public async Task Values_off_the_scale_are_a_400_with_a_chinese_message()
    {
        using var client = await app.LoginAsync("enterprise");
        var response = await client.PostAsJsonAsync("/api/risk/lec", new { l = 4, e = 6, c = 15 });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("不在评分表中", problem.GetProperty("errors").GetProperty("l")[0].GetString(), StringComparison.Ordinal);

        var ls = await client.PostAsJsonAsync("/api/risk/ls", new { l = 0, s = 6 });
        Assert.Equal(HttpStatusCode.BadRequest, ls.StatusCode);
        var lsProblem = await ls.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("1～5", lsProblem.GetProperty("errors").GetProperty("s")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Enterprise_user_records_changes_and_removes_its_own_risk_point()
    {
        var (own, _) = await EnterpriseIdsAsync();
        using var client = await app.LoginAsync("enterprise");
        var created = await client.PostAsJsonAsync($"/api/enterprises/{own}/risk-points", Point("自建风险点", 6, 6, 15));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var point = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(540m, point.GetProperty("score").GetDecimal());
        Assert.Equal("red", point.GetProperty("colour").GetString());
        Assert.Equal("enterprise", point.GetProperty("assessedBy").GetString());
        var id = point.GetProperty("id").GetGuid();

        var changed = await client.PutAsJsonAsync($"/api/enterprises/{own}/risk-points/{id}", Point("自建风险点", 1, 6, 15));
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal("yellow", (await changed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("colour").GetString());

        var list = await client.GetFromJsonAsync<JsonElement>($"/api/enterprises/{own}/risk-points");
        Assert.Contains(list.EnumerateArray(), p => p.GetProperty("id").GetGuid() == id && p.GetProperty("score").GetDecimal() == 90m);

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/enterprises/{own}/risk-points/{id}")).StatusCode);
        list = await client.GetFromJsonAsync<JsonElement>($"/api/enterprises/{own}/risk-points");
        Assert.DoesNotContain(list.EnumerateArray(), p => p.GetProperty("id").GetGuid() == id);

        // Every change is audited: created, re-graded, removed, each by the enterprise user.
        using var bureau = await app.LoginAsync("bureau");
        var audit = await bureau.GetFromJsonAsync<JsonElement>($"/api/audit?entityType=RiskPoint&entityId={id}");
        var entries = audit.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(3, entries.Count);
        Assert.All(entries, e => Assert.Equal("enterprise", e.GetProperty("userName").GetString()));
    }

    [Fact]
    public async Task Enterprise_user_neither_sees_nor_changes_another_enterprises_risk_points()
    {
        var (own, other) = await EnterpriseIdsAsync();
        using var bureau = await app.LoginAsync("bureau");
        var theirs = (await bureau.GetFromJsonAsync<JsonElement>($"/api/enterprises/{other}/risk-points"))[0];
        var theirId = theirs.GetProperty("id").GetGuid();

        using var client = await app.LoginAsync("enterprise");
        var read = await client.GetAsync($"/api/enterprises/{other}/risk-points");
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.DoesNotContain(theirs.GetProperty("name").GetString()!, await read.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsJsonAsync($"/api/enterprises/{other}/risk-points", Point("越权", 1, 1, 1))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PutAsJsonAsync($"/api/enterprises/{other}/risk-points/{theirId}", Point("篡改", 1, 1, 1))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync($"/api/enterprises/{other}/risk-points/{theirId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/enterprises/{other}/risk-points/export")).StatusCode);
        // Nor through its own enterprise's route with the other enterprise's point id.
        Assert.Equal(HttpStatusCode.NotFound, (await client.PutAsJsonAsync($"/api/enterprises/{own}/risk-points/{theirId}", Point("篡改", 1, 1, 1))).StatusCode);

        var after = await bureau.GetFromJsonAsync<JsonElement>($"/api/enterprises/{other}/risk-points");
        var same = Assert.Single(after.EnumerateArray(), p => p.GetProperty("id").GetGuid() == theirId);
        Assert.Equal(theirs.GetProperty("name").GetString(), same.GetProperty("name").GetString());
        Assert.Equal(theirs.GetProperty("score").GetDecimal(), same.GetProperty("score").GetDecimal());

        var map = await client.GetFromJsonAsync<JsonElement>("/api/risk/map");
        var only = Assert.Single(map.GetProperty("enterprises").EnumerateArray());
        Assert.Equal(own, only.GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task Risk_list_exports_to_excel_with_every_point_and_its_colour()
    {
        var (own, _) = await EnterpriseIdsAsync();
        using var client = await app.LoginAsync("enterprise");
        var points = await client.GetFromJsonAsync<JsonElement>($"/api/enterprises/{own}/risk-points");
        var response = await client.GetAsync($"/api/enterprises/{own}/risk-points/export");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var book = new ClosedXML.Excel.XLWorkbook(await response.Content.ReadAsStreamAsync());
        var sheet = book.Worksheet(1);
        Assert.Equal("风险点", sheet.Cell(1, 1).GetString());
        Assert.Equal(points.GetArrayLength(), sheet.LastRowUsed()!.RowNumber() - 1);
        Assert.Equal(points[0].GetProperty("name").GetString(), sheet.Cell(2, 1).GetString());
        Assert.Equal(points[0].GetProperty("colourLabel").GetString(), sheet.Cell(2, 14).GetString());
    }

    [Fact]
    public async Task Bad_risk_point_is_a_400_naming_each_field_in_chinese()
    {
        var (own, _) = await EnterpriseIdsAsync();
        using var client = await app.LoginAsync("enterprise");
        var response = await client.PostAsJsonAsync($"/api/enterprises/{own}/risk-points", new { name = "", method = "Ls", l = 3 });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal("风险点名称不能为空", errors.GetProperty("name")[0].GetString());
        Assert.Contains("L、S", errors.GetProperty("s")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bureau_grades_an_enterprise_and_the_map_shows_the_colour_and_point_counts()
    {
        var (_, other) = await EnterpriseIdsAsync();
        using var enterprise = await app.LoginAsync("enterprise2");
        Assert.Equal(HttpStatusCode.Forbidden, (await enterprise.PostAsJsonAsync($"/api/enterprises/{other}/risk-assessments",
            new { score = 99, assessedOn = "2026-11-01" })).StatusCode);

        using var bureau = await app.LoginAsync("bureau");
        var graded = await bureau.PostAsJsonAsync($"/api/enterprises/{other}/risk-assessments",
            new { score = 95, directRedConditions = new[] { "UndesignedPlant" }, assessedOn = "2026-11-20" });
        Assert.Equal(HttpStatusCode.Created, graded.StatusCode);
        var body = await graded.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("red", body.GetProperty("colour").GetString());
        Assert.Equal("2029-11-20", body.GetProperty("nextDue").GetString());

        var map = await bureau.GetFromJsonAsync<JsonElement>("/api/risk/map");
        var entry = Assert.Single(map.GetProperty("enterprises").EnumerateArray(), e => e.GetProperty("id").GetGuid() == other);
        Assert.Equal("red", entry.GetProperty("colour").GetString());
        var points = await bureau.GetFromJsonAsync<JsonElement>($"/api/enterprises/{other}/risk-points");
        foreach (var colour in new[] { "red", "orange", "yellow", "blue" })
            Assert.Equal(points.EnumerateArray().Count(p => p.GetProperty("colour").GetString() == colour), entry.GetProperty("points").GetProperty(colour).GetInt32());
        Assert.True(map.GetProperty("grades").GetProperty("red").GetInt32() >= 1);
    }
}

[Collection(OnSqlite.Name)]
public sealed class RiskApiOnSqlite(SqliteApp app) : RiskApiTests(app);

[Collection(OnPostgres.Name)]
public sealed class RiskApiOnPostgres(PostgresApp app) : RiskApiTests(app);
