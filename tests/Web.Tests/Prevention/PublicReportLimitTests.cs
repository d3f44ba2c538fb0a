using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Tianshan.Web.Tests.Prevention;

/// <summary>A flood of public reports from one address is refused after the fifth in the window, with a Chinese reason,
/// and the reports already taken stay.</summary>
public sealed class PublicReportLimitTests(RateLimitedSqliteApp app) : IClassFixture<RateLimitedSqliteApp>
{
    [Fact]
    public async Task The_sixth_report_in_ten_minutes_is_429_and_the_five_before_it_are_kept()
    {
        var ct = TestContext.Current.CancellationToken;
        using var anonymous = app.CreateClient();
        for (var i = 1; i <= 5; i++)
        {
            var ok = await anonymous.PostAsJsonAsync("/api/public/reports", new { location = $"地点{i}", description = $"第{i}条举报" }, ct);
            Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
        }
        var refused = await anonymous.PostAsJsonAsync("/api/public/reports", new { location = "地点6", description = "第6条举报" }, ct);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>(ct);
        Assert.Contains("最多提交 5 条", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        using var bureau = await app.LoginAsync("bureau");
        var reports = await bureau.GetFromJsonAsync<JsonElement>("/api/reports", ct);
        Assert.Equal(5, reports.GetArrayLength());
    }
}
