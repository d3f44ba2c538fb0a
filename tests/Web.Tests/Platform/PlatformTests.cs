using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Tianshan.Core.Demo;

namespace Tianshan.Web.Tests.Platform;

public abstract class PlatformTests(TianshanApp app)
{
    [Fact]
    public async Task Health_reports_healthy()
    {
        using var client = app.CreateClient();
        var response = await client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task OpenApi_document_lists_the_registry_routes()
    {
        using var client = app.CreateClient();
        var doc = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = doc.GetProperty("paths");
        foreach (var path in new[] { "/api/auth/login", "/api/enterprises", "/api/enterprises/{id}", "/api/enterprises/export", "/api/enterprises/import", "/api/major-hazards/assess", "/api/major-hazards", "/api/audit" })
            Assert.True(paths.TryGetProperty(path, out _), path);
    }

    [Fact]
    public async Task A_wrong_password_is_a_401_in_chinese()
    {
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        var response = await client.PostAsJsonAsync("/api/auth/login", new { userName = "bureau", password = "wrong" });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("登录失败", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_change_is_audited_with_who_when_before_and_after()
    {
        using var client = await app.LoginAsync("bureau");
        var code = DemoSeeder.Load().Enterprises[5].CreditCode;
        var item = (await client.GetFromJsonAsync<JsonElement>($"/api/enterprises?q={code}")).GetProperty("items")[0];
        var id = item.GetProperty("id").GetGuid();
        var oldAddress = item.GetProperty("address").GetString();
        var newAddress = "审计测试路" + Guid.NewGuid().ToString("N")[..6] + "号";
        var details = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(item.GetRawText())!;
        var body = details.ToDictionary(k => k.Key, k => (object?)k.Value);
        body["address"] = newAddress;
        var response = await client.PutAsJsonAsync($"/api/enterprises/{id}", body);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);

        var audit = await client.GetFromJsonAsync<JsonElement>($"/api/audit?entityId={id}");
        var entry = audit.GetProperty("items").EnumerateArray().First(a => a.GetProperty("after").GetString()?.Contains(newAddress, StringComparison.Ordinal) == true);
        Assert.Equal("bureau", entry.GetProperty("userName").GetString());
        Assert.Equal("Enterprise", entry.GetProperty("entityType").GetString());
        Assert.Equal("Modified", entry.GetProperty("action").GetString());
        Assert.Contains(oldAddress!, entry.GetProperty("before").GetString(), StringComparison.Ordinal);
        Assert.True((DateTimeOffset.UtcNow - entry.GetProperty("at").GetDateTimeOffset()).Duration() < TimeSpan.FromMinutes(5));
    }

    [Fact]
    public async Task Only_the_bureau_reads_the_audit_log()
    {
        using var client = await app.LoginAsync("street");
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/audit")).StatusCode);
    }

    [Fact]
    public async Task A_bad_credit_code_is_a_400_naming_the_field()
    {
        using var client = await app.LoginAsync("bureau");
        var community = DemoSeeder.Load().Streets[0].Communities[0].Code;
        var response = await client.PostAsJsonAsync("/api/enterprises", new
        {
            creditCode = "91350100M000100Y44", name = "校验测试公司", sector = "IndustryTrade", divisionCode = community, principalName = "某人",
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("校验位", problem.GetProperty("errors").GetProperty("creditCode")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Registering_a_duplicate_credit_code_is_a_409()
    {
        using var client = await app.LoginAsync("bureau");
        var existing = DemoSeeder.Load().Enterprises[2];
        var response = await client.PostAsJsonAsync("/api/enterprises", new
        {
            creditCode = existing.CreditCode, name = "重复", sector = "IndustryTrade", divisionCode = existing.Community, principalName = "某人",
        });
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }
}

[Collection(OnSqlite.Name)]
public sealed class PlatformOnSqlite(SqliteApp app) : PlatformTests(app);

[Collection(OnPostgres.Name)]
public sealed class PlatformOnPostgres(PostgresApp app) : PlatformTests(app);
