using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Tianshan.Browser.Tests;

[Collection(WithBrowser.Name)]
public sealed class DispatchMapTests(BrowserApp app)
{
    private static async Task ClickMapAsync(IPage page, double lat, double lon)
    {
        var point = await page.EvaluateAsync<System.Text.Json.JsonElement>("([lat, lon]) => tianshanDispatchMap.pointFor('dispatch-map', lat, lon)", new[] { lat, lon });
        await page.Mouse.ClickAsync(point.GetProperty("x").GetSingle(), point.GetProperty("y").GetSingle());
    }

    [Fact]
    public async Task The_desk_routes_between_two_clicked_points_finds_the_nearest_teams_and_sees_coverage_with_the_new_station()
    {
        var page = await app.LoggedInPageAsync("bureau");
        await page.GotoAsync("/dispatch");
        var map = page.Locator("#dispatch-map");
        await Expect(map).ToHaveAttributeAsync("data-ready", "true", new() { Timeout = 30_000 });

        // Coverage: today's gap in the north, closed by the planned station at 长岭路/喀什路.
        await Expect(page.Locator("#coverage-summary")).ToContainTextAsync("北湖社区");
        await Expect(page.Locator("#coverage-summary")).ToContainTextAsync("长岭路/喀什路");
        var newlyCovered = int.Parse(await page.Locator("#newly-covered-people").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(newlyCovered > 0);
        // Both coverage layers can be switched on and off.
        var withNew = page.GetByLabel("5分钟消防覆盖（含规划站）");
        await withNew.CheckAsync();
        await Expect(withNew).ToBeCheckedAsync();
        await page.GetByLabel("5分钟消防覆盖（现状）").UncheckAsync();

        // Route: click a start and an end on the map.
        await ClickMapAsync(page, 44.3175, 84.8745);
        await Expect(page.Locator("#dispatch-result")).ToContainTextAsync("已选起点");
        await ClickMapAsync(page, 44.3400, 84.8990);
        await Expect(page.Locator("#route-result")).ToContainTextAsync("km", new() { Timeout = 15_000 });
        await Expect(page.Locator("#route-result")).ToContainTextAsync("最快路径");

        // Nearest rescue teams to a clicked incident.
        await page.Locator("#mode-nearest").CheckAsync();
        await page.Locator("#nearest-kind").SelectOptionAsync("RescueTeam");
        await ClickMapAsync(page, 44.3300, 84.8900);
        var items = page.Locator("#nearest-result li");
        await Expect(items).ToHaveCountAsync(3, new() { Timeout = 15_000 });
        await Expect(items.First).ToContainTextAsync("救援队伍");

        // Earthquake scenario on the first census fault with the default bands: people to shelter, shelters to open, drawn on the map.
        await Expect(page.Locator("#eq-fault")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^[0-9a-f-]{36}$"));
        for (var attempt = 0; attempt < 3 && await page.Locator("#eq-summary").CountAsync() == 0; attempt++)
        {
            await page.ClickAsync("#eq-run");
            await page.WaitForTimeoutAsync(1500);
        }
        await Expect(page.Locator("#eq-summary")).ToContainTextAsync("需安置", new() { Timeout = 20_000 });
        await Expect(page.Locator("#eq-shelters tbody tr").First).ToBeVisibleAsync();
        await Expect(map).ToHaveAttributeAsync("data-scenario-people", new System.Text.RegularExpressions.Regex("^[1-9][0-9]*$"));
        await BrowserApp.ScreenshotAsync(page, "dispatch");
    }
}
