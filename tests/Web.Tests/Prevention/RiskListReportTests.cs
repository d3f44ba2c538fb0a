using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Tianshan.Web.Tests.Prevention;

/// <summary>An enterprise reports its risk list to the bureau (风险清单报送) as a snapshot; the bureau reads it back with the
/// counts per colour; another enterprise cannot report for it. The four-colour map also carries open hidden hazards.</summary>
public abstract class RiskListReportTests(TianshanApp app)
{
    [Fact]
    public async Task The_risk_list_is_reported_as_a_snapshot_the_bureau_reads()
    {
        var ct = TestContext.Current.CancellationToken;
        using var enterprise = await app.LoginAsync("enterprise");
        var id = (await enterprise.GetFromJsonAsync<JsonElement>("/api/enterprises", ct)).GetProperty("items")[0].GetProperty("id").GetGuid();
        var points = (await enterprise.GetFromJsonAsync<JsonElement>($"/api/enterprises/{id}/risk-points", ct)).EnumerateArray().ToList();

        var response = await enterprise.PostAsync($"/api/enterprises/{id}/risk-points/report", null, ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var reportId = (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetGuid();

        using var bureau = await app.LoginAsync("bureau");
        var report = await bureau.GetFromJsonAsync<JsonElement>($"/api/risk/reports/{reportId}", ct);
        Assert.Equal(points.Count, report.GetProperty("points").GetArrayLength());
        Assert.Equal(points.Count(p => p.GetProperty("level").GetString() == "Red"), report.GetProperty("red").GetInt32());
        Assert.Contains((await bureau.GetFromJsonAsync<JsonElement>("/api/risk/reports", ct)).EnumerateArray(), r => r.GetProperty("id").GetGuid() == reportId);

        using var other = await app.LoginAsync("enterprise2");
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync($"/api/enterprises/{id}/risk-points/report", null, ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/risk/reports/{reportId}", ct)).StatusCode);

        var map = await bureau.GetFromJsonAsync<JsonElement>("/api/risk/map", ct);
        Assert.All(map.GetProperty("enterprises").EnumerateArray(), e => Assert.True(e.GetProperty("openHazards").GetInt32() >= e.GetProperty("openMajorHazards").GetInt32()));
    }
}

[Collection(OnSqlite.Name)]
public sealed class RiskListReportOnSqlite(SqliteApp app) : RiskListReportTests(app);

[Collection(OnPostgres.Name)]
public sealed class RiskListReportOnPostgres(PostgresApp app) : RiskListReportTests(app);
