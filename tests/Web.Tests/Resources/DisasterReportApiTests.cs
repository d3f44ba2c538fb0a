using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tianshan.Core.Data;
using Tianshan.Core.Platform;

namespace Tianshan.Web.Tests.Resources;

/// <summary>灾情报送 through HTTP, on each database: 初报 → 续报 → 核报 → street verification, resends stored once, an informant
/// confined to its community, and the district summary with the communities that have not reported.</summary>
public abstract class DisasterReportApiTests(TianshanApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    private static object Filing(string key, string reportKey, string stage, int affected, int relocated = 0, int collapsed = 0, string[]? photos = null) => new
    {
        idempotencyKey = key, reportKey, stage, type = "Flood", occurredAt = DateTimeOffset.UtcNow.AddHours(-3), affectedPeople = affected, deaths = 0, missing = 0,
        relocated, housesCollapsed = collapsed, housesDamaged = 4, cropsHectares = 12.5, directLossWanYuan = 36.8, narrative = "西防洪渠漫溢，低洼处进水",
        latitude = 44.3235, longitude = 84.8705, writtenAt = DateTimeOffset.UtcNow, photos,
    };

    private static async Task<JsonElement> FileAsync(HttpClient client, object body, HttpStatusCode expected)
    {
        var response = await client.PostAsJsonAsync("/api/disaster-reports/filings", body, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == expected, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>An informant login for another community (康乐社区, 金山路街道), made once per host.</summary>
    private async Task<HttpClient> OtherInformantAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<TianshanUser>>();
        if (await users.FindByNameAsync("informant-kangle") is null)
        {
            var db = scope.ServiceProvider.GetRequiredService<TianshanDb>();
            var kangle = await db.Divisions.SingleAsync(d => d.Code == "650202002005", Ct);
            var user = new TianshanUser { UserName = "informant-kangle", DisplayName = "康乐社区信息员", DivisionId = kangle.Id };
            var created = await users.CreateAsync(user, TianshanApp.DemoPassword);
            Assert.True(created.Succeeded || (await users.FindByNameAsync("informant-kangle")) is not null);
            if (created.Succeeded)
                await users.AddToRoleAsync(user, Roles.Community);
        }
        return await app.LoginAsync("informant-kangle");
    }

    [Fact]
    public async Task A_report_runs_from_initial_to_final_and_the_street_verifies_it_with_every_filing_kept()
    {
        using var informant = await app.LoginAsync("community");   // 天山社区, 西宁路街道
        using var street = await app.LoginAsync("street");
        var reportKey = Guid.NewGuid().ToString();
        var png = "data:image/png;base64," + Convert.ToBase64String(Png);

        var initial = await FileAsync(informant, Filing(Guid.NewGuid().ToString(), reportKey, "Initial", 30, photos: [png]), HttpStatusCode.Created);
        var id = initial.GetProperty("reportId").GetGuid();
        Assert.Equal("初报", initial.GetProperty("stageLabel").GetString());
        Assert.Matches(@"^ZB-\d{8}-[A-Z2-9]{6}$", initial.GetProperty("number").GetString()!);

        var early = await street.PostAsJsonAsync($"/api/disaster-reports/{id}/verify", new { note = "先核实" }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Contains("尚未核报", await early.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        await FileAsync(informant, Filing(Guid.NewGuid().ToString(), reportKey, "Update", 60, relocated: 20, collapsed: 1), HttpStatusCode.Created);
        var final = await FileAsync(informant, Filing(Guid.NewGuid().ToString(), reportKey, "Final", 58, relocated: 18, collapsed: 1), HttpStatusCode.Created);
        Assert.Equal("核报", final.GetProperty("stageLabel").GetString());
        var late = await informant.PostAsJsonAsync("/api/disaster-reports/filings", Filing(Guid.NewGuid().ToString(), reportKey, "Update", 70), Ct);
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains("待街道核实", await late.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        var byInformant = await informant.PostAsJsonAsync($"/api/disaster-reports/{id}/verify", new { }, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, byInformant.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await street.PostAsJsonAsync($"/api/disaster-reports/{id}/verify", new { note = "已入户核实" }, Ct)).StatusCode);

        var detail = await street.GetFromJsonAsync<JsonElement>($"/api/disaster-reports/{id}", Ct);
        var report = detail.GetProperty("report");
        Assert.Equal("已核实", report.GetProperty("statusLabel").GetString());
        Assert.Equal("street", report.GetProperty("verifiedBy").GetString());
        Assert.Equal("天山社区", report.GetProperty("community").GetString());
        Assert.Equal("西宁路街道", report.GetProperty("street").GetString());
        Assert.Equal(58, report.GetProperty("figures").GetProperty("affectedPeople").GetInt32());
        Assert.Equal(["初报", "续报", "核报"], detail.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("stageLabel").GetString()));
        var photo = detail.GetProperty("entries")[0].GetProperty("photoIds")[0].GetGuid();
        Assert.Equal(Png, await street.GetByteArrayAsync($"/api/disaster-reports/photos/{photo}", Ct));

        using var bureau = await app.LoginAsync("bureau");
        var summary = await bureau.GetFromJsonAsync<JsonElement>("/api/disaster-reports/summary", Ct);
        var tianshan = summary.GetProperty("communities").EnumerateArray().Single(c => c.GetProperty("community").GetString() == "天山社区");
        Assert.True(tianshan.GetProperty("reports").GetInt32() >= 1);
        Assert.Equal(2, tianshan.GetProperty("informants").GetInt32());
        Assert.Equal(2, tianshan.GetProperty("informantTarget").GetInt32());
        var notReported = summary.GetProperty("notReported").EnumerateArray().Select(n => n.GetString()).ToList();
        Assert.Contains("北湖社区", notReported);
        Assert.DoesNotContain("天山社区", notReported);
        Assert.True(summary.GetProperty("communitiesBelowInformantTarget").GetInt32() >= 1);
        Assert.Contains(summary.GetProperty("streets").EnumerateArray(), s => s.GetProperty("street").GetString() == "西宁路街道"
            && s.GetProperty("figures").GetProperty("affectedPeople").GetInt32() >= 58);
    }

    [Fact]
    public async Task A_filing_sent_twice_is_stored_once()
    {
        using var informant = await app.LoginAsync("community");
        var key = Guid.NewGuid().ToString();
        var reportKey = Guid.NewGuid().ToString();
        var body = Filing(key, reportKey, "Initial", 12);
        var responses = await Task.WhenAll(
            informant.PostAsJsonAsync("/api/disaster-reports/filings", body, Ct),
            informant.PostAsJsonAsync("/api/disaster-reports/filings", body, Ct));
        Assert.Contains(responses, r => r.StatusCode == HttpStatusCode.Created);
        var again = await FileAsync(informant, body, HttpStatusCode.OK);
        Assert.True(again.GetProperty("duplicate").GetBoolean());
        var id = again.GetProperty("reportId").GetGuid();
        var detail = await informant.GetFromJsonAsync<JsonElement>($"/api/disaster-reports/{id}", Ct);
        Assert.Single(detail.GetProperty("entries").EnumerateArray());
        var list = await informant.GetFromJsonAsync<JsonElement>("/api/disaster-reports", Ct);
        Assert.Single(list.EnumerateArray(), r => r.GetProperty("id").GetGuid() == id);
    }

    [Fact]
    public async Task An_informant_sees_and_reports_only_for_its_own_community()
    {
        using var other = await OtherInformantAsync();
        var reportKey = Guid.NewGuid().ToString();
        var filed = await FileAsync(other, Filing(Guid.NewGuid().ToString(), reportKey, "Initial", 5), HttpStatusCode.Created);
        var otherId = filed.GetProperty("reportId").GetGuid();

        using var informant = await app.LoginAsync("community");
        var mine = await informant.GetFromJsonAsync<JsonElement>("/api/disaster-reports", Ct);
        Assert.All(mine.EnumerateArray(), r => Assert.Equal("天山社区", r.GetProperty("community").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, (await informant.GetAsync($"/api/disaster-reports/{otherId}", Ct)).StatusCode);
        // A follow-up naming another community's report does not reach it.
        var sneaky = await informant.PostAsJsonAsync("/api/disaster-reports/filings", Filing(Guid.NewGuid().ToString(), reportKey, "Update", 99), Ct);
        Assert.Equal(HttpStatusCode.NotFound, sneaky.StatusCode);
        var summary = await informant.GetFromJsonAsync<JsonElement>("/api/disaster-reports/summary", Ct);
        Assert.Equal(["天山社区"], summary.GetProperty("communities").EnumerateArray().Select(c => c.GetProperty("community").GetString()));
        var shelters = await informant.GetFromJsonAsync<JsonElement>("/api/resources/shelters", Ct);
        Assert.All(shelters.EnumerateArray(), s => Assert.Equal("650202001001", s.GetProperty("divisionCode").GetString()));

        // The 西宁路街道 street cannot see or verify a report of 金山路街道; the bureau sees both.
        using var street = await app.LoginAsync("street");
        Assert.Equal(HttpStatusCode.NotFound, (await street.PostAsJsonAsync($"/api/disaster-reports/{otherId}/verify", new { }, Ct)).StatusCode);
        using var bureau = await app.LoginAsync("bureau");
        Assert.Equal(HttpStatusCode.OK, (await bureau.GetAsync($"/api/disaster-reports/{otherId}", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_bad_filing_is_refused_in_Chinese()
    {
        using var informant = await app.LoginAsync("community");
        var negative = await informant.PostAsJsonAsync("/api/disaster-reports/filings", Filing(Guid.NewGuid().ToString(), Guid.NewGuid().ToString(), "Initial", -1), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, negative.StatusCode);
        Assert.Contains("灾情数字不能为负数", await negative.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var noKey = await informant.PostAsJsonAsync("/api/disaster-reports/filings", Filing("", Guid.NewGuid().ToString(), "Initial", 1), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, noKey.StatusCode);
        var orphan = await informant.PostAsJsonAsync("/api/disaster-reports/filings", Filing(Guid.NewGuid().ToString(), Guid.NewGuid().ToString(), "Update", 1), Ct);
        Assert.Equal(HttpStatusCode.NotFound, orphan.StatusCode);
        Assert.Contains("初报尚未送达", await orphan.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var badPhoto = await informant.PostAsJsonAsync("/api/disaster-reports/filings",
            Filing(Guid.NewGuid().ToString(), Guid.NewGuid().ToString(), "Initial", 1, photos: ["data:text/plain;base64,aGVsbG8="]), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, badPhoto.StatusCode);
        using var street = await app.LoginAsync("street");
        Assert.Equal(HttpStatusCode.Forbidden, (await street.PostAsJsonAsync("/api/disaster-reports/filings", Filing(Guid.NewGuid().ToString(), "x", "Initial", 1), Ct)).StatusCode);
    }
}

[Collection(OnSqlite.Name)]
public sealed class DisasterReportApiOnSqlite(SqliteApp app) : DisasterReportApiTests(app);

[Collection(OnPostgres.Name)]
public sealed class DisasterReportApiOnPostgres(PostgresApp app) : DisasterReportApiTests(app);
