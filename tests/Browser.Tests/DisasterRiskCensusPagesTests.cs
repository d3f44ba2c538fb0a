using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Tianshan.Browser.Tests;

/// <summary>The risk census's data entry in the browser: the bureau edits one community's exposure (a building total that
/// does not add up is told in Chinese and nothing is saved; a good edit shows in the table and the totals row) and records a
/// historical disaster. Other tests of the run read the demo's exposures (the risk map's levels) and disasters: what this
/// test changes it puts back through the API with the page's own login.</summary>
[Collection(WithBrowser.Name)]
public sealed class DisasterRiskCensusPagesTests(BrowserApp app)
{
    private static readonly LocatorAssertionsToContainTextOptions Long = new() { Timeout = 20_000 };
    private const string Community = "650202003004";
    private const string Place = "浏览器测试防洪渠（测试）";

    private static ILocator Dialog(IPage page) => page.Locator(".mud-dialog");

    private static async Task InteractiveAsync(IPage page)
    {
        await page.WaitForFunctionAsync("() => window.Blazor !== undefined");
        await page.WaitForTimeoutAsync(1500);
    }

    private static async Task TypeAsync(IPage page, string field, string value)
    {
        await page.Locator(field).FillAsync(value);
        await page.Locator(field).PressAsync("Tab");
    }

    [Fact]
    public async Task The_bureau_edits_a_communitys_exposure_and_a_building_total_that_does_not_add_up_is_refused_in_Chinese()
    {
        var page = await app.LoggedInPageAsync("bureau");
        var list = JsonDocument.Parse(await (await page.Context.APIRequest.GetAsync("/api/disaster-risk/exposures")).TextAsync()).RootElement;
        var original = list.EnumerateArray().Single(r => r.GetProperty("code").GetString() == Community);
        var id = original.GetProperty("divisionId").GetGuid();
        try
        {
            await page.GotoAsync("/disaster-risk/exposures");
            var row = page.Locator($"#exposures-table tr[data-code='{Community}']");
            await Expect(row).ToContainTextAsync(original.GetProperty("community").GetString()!, Long);
            await InteractiveAsync(page);

            var weak = original.GetProperty("buildingsWeak").GetInt32();
            var after2001 = original.GetProperty("buildingsAfter2001").GetInt32();
            var buildings = original.GetProperty("buildings").GetInt32();
            await row.Locator(".exposure-edit").ClickAsync();
            await Expect(Dialog(page).Locator("#x-population")).ToHaveValueAsync(original.GetProperty("population").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture),
                new() { Timeout = 20_000 });
            await TypeAsync(page, "#x-weak", (weak + 7).ToString(System.Globalization.CultureInfo.InvariantCulture));
            await Dialog(page).Locator("#exposure-save").ClickAsync();
            await Expect(page.Locator("#exposure-error")).ToContainTextAsync(
                $"按结构统计的房屋总数（{buildings + 7}）应与按建成年代统计的总数（{buildings}）一致", Long);
            await Expect(page.Locator("#exposure-buildings-error")).ToBeVisibleAsync();
            await Expect(row.Locator("td").Nth(9)).ToHaveTextAsync(buildings.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));

            await TypeAsync(page, "#x-after2001", (after2001 + 7).ToString(System.Globalization.CultureInfo.InvariantCulture));
            await TypeAsync(page, "#x-schools", "3");
            await Dialog(page).Locator("#exposure-save").ClickAsync();
            await Expect(Dialog(page)).ToHaveCountAsync(0, new() { Timeout = 20_000 });
            await Expect(row.Locator("td").Nth(9)).ToHaveTextAsync((buildings + 7).ToString("N0", System.Globalization.CultureInfo.InvariantCulture), new() { Timeout = 20_000 });
            await Expect(row.Locator("td").Nth(10)).ToHaveTextAsync("3");
            var total = list.EnumerateArray().Sum(r => r.GetProperty("buildings").GetInt32()) + 7;
            await Expect(page.Locator("#exposures-total td").Nth(9)).ToHaveTextAsync(total.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
            await BrowserApp.ScreenshotAsync(page, "disaster-risk-exposures");
        }
        finally
        {
            var restored = await page.Context.APIRequest.PutAsync($"/api/disaster-risk/exposures/{id}", new()
            {
                DataObject = new[]
                {
                    "population", "households", "buildingsReinforcedConcrete", "buildingsMasonry", "buildingsWeak", "buildingsBefore1990",
                    "buildings1990To2001", "buildingsAfter2001", "schools", "hospitals",
                }.ToDictionary(f => f, f => original.GetProperty(f).GetInt32()),
            });
            Assert.Equal(204, restored.Status);
        }
    }

    [Fact]
    public async Task The_bureau_records_a_historical_disaster_and_sees_it_in_the_list()
    {
        var page = await app.LoggedInPageAsync("bureau");
        try
        {
            await page.GotoAsync("/disaster-risk/disasters");
            await Expect(page.Locator("#disasters-table")).ToContainTextAsync("南郊", Long);
            await InteractiveAsync(page);

            await page.ClickAsync("#disaster-add");
            await Expect(Dialog(page)).ToBeVisibleAsync(new() { Timeout = 20_000 });
            await Dialog(page).Locator("#disaster-save").ClickAsync(); // nothing filled: told in Chinese
            await Expect(page.Locator("#disaster-error")).ToContainTextAsync("发生日期不能为空", Long);
            await Expect(page.Locator("#disaster-error")).ToContainTextAsync("灾害发生地点不能为空");

            await TypeAsync(page, "#d-date", "1996-07-20");
            await TypeAsync(page, "#d-place", Place);
            await TypeAsync(page, "#d-summary", "山洪冲毁渠堤（测试）");
            await TypeAsync(page, "#d-affected", "66");
            await TypeAsync(page, "#d-loss", "12.5");
            await Dialog(page).Locator("#disaster-save").ClickAsync();
            await Expect(Dialog(page)).ToHaveCountAsync(0, new() { Timeout = 20_000 });
            var row = page.Locator("#disasters-table tr", new() { HasText = Place });
            await Expect(row).ToContainTextAsync("1996-07-20", Long);
            await Expect(row).ToContainTextAsync("洪涝");
            await Expect(row.Locator("td").Nth(5)).ToHaveTextAsync("66");
            await Expect(row.Locator("td").Nth(6)).ToHaveTextAsync("12.5");
        }
        finally
        {
            var list = JsonDocument.Parse(await (await page.Context.APIRequest.GetAsync("/api/disaster-risk/disasters")).TextAsync()).RootElement;
            foreach (var d in list.EnumerateArray().Where(d => d.GetProperty("place").GetString() == Place))
                Assert.True((await page.Context.APIRequest.DeleteAsync($"/api/disaster-risk/disasters/{d.GetProperty("id").GetGuid()}")).Ok);
        }
    }
}
