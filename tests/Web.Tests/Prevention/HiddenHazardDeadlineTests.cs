using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Tianshan.Web.Tests.Prevention;

/// <summary>On a fake clock: the reminder three days before the deadline, then the overdue ladder (enterprise principal at
/// once, street after 7 days) — each written on the hazard's timeline by the background review, and the hazard listed
/// as overdue.</summary>
public sealed class HiddenHazardDeadlineTests(ClockedSqliteApp app) : IClassFixture<ClockedSqliteApp>
{
    private static async Task<List<string>> TimelineAsync(HttpClient client, Guid id, int atLeast)
    {
        var actions = new List<string>();
        for (var i = 0; i < 100 && actions.Count < atLeast; i++)
        {
            var detail = await client.GetFromJsonAsync<JsonElement>($"/api/hazards/{id}");
            actions = detail.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("action").GetString()!).ToList();
            if (actions.Count < atLeast)
                await Task.Delay(100);
        }
        return actions;
    }

    [Fact]
    public async Task A_hazard_is_reminded_before_its_deadline_and_climbs_the_overdue_ladder_after_it()
    {
        var ct = TestContext.Current.CancellationToken;
        var clock = app.Clock!;
        using var enterprise = await app.LoginAsync("enterprise");
        var (id, _) = await HiddenHazardApiTests.RegisterAsync(enterprise, "安全阀未正常投用");
        Assert.Equal(HttpStatusCode.NoContent, (await enterprise.PostAsJsonAsync($"/api/hazards/{id}/assess", new
        {
            grade = "General",
            rectification = new { responsiblePerson = "王磊", measures = "校验后投用", funds = 3000, deadline = clock.GetUtcNow().AddDays(10), contingencyPlan = "加强巡检" },
        }, ct)).StatusCode);

        // The login cookie expires with the days the clock jumps: log in again after each jump.
        clock.Advance(TimeSpan.FromDays(8));
        using var day8 = await app.LoginAsync("enterprise");
        Assert.Equal(["登记", "评估", "到期提醒"], await TimelineAsync(day8, id, 3));
        var listed = (await day8.GetFromJsonAsync<JsonElement>("/api/hazards", ct)).EnumerateArray().Single(h => h.GetProperty("id").GetGuid() == id);
        Assert.Equal("DueSoon", listed.GetProperty("deadlineStatus").GetString());

        clock.Advance(TimeSpan.FromDays(3));
        using var day11 = await app.LoginAsync("enterprise");
        Assert.Equal("逾期督办", (await TimelineAsync(day11, id, 4))[^1]);
        var overdue = await day11.GetFromJsonAsync<JsonElement>("/api/hazards?overdue=true", ct);
        Assert.Contains(overdue.EnumerateArray(), h => h.GetProperty("id").GetGuid() == id);

        clock.Advance(TimeSpan.FromDays(7));
        using var day18 = await app.LoginAsync("enterprise");
        var timeline = await TimelineAsync(day18, id, 5);
        Assert.Equal(["登记", "评估", "到期提醒", "逾期督办", "逾期督办"], timeline);
        var detail = await day18.GetFromJsonAsync<JsonElement>($"/api/hazards/{id}", ct);
        Assert.Contains("属地街道", detail.GetProperty("timeline")[4].GetProperty("note").GetString(), StringComparison.Ordinal);
        var stats = await day18.GetFromJsonAsync<JsonElement>("/api/hazards/stats", ct);
        Assert.True(stats.GetProperty("all").GetProperty("overdue").GetInt32() >= 1);
    }
}
