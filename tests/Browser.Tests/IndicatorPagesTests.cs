using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Tianshan.Browser.Tests;

/// <summary>The bureau opens the plan-indicator dashboard, drills into the monitoring-terminal rate to the major hazard
/// sources behind it, and enters an indicator the platform cannot compute, with its evidence.</summary>
[Collection(WithBrowser.Name)]
public sealed class IndicatorPagesTests(BrowserApp app)
{
    [Fact]
    public async Task The_dashboard_shows_every_indicator_and_one_opens_down_to_its_records()
    {
        var page = await app.LoggedInPageAsync("bureau");
        await page.GotoAsync("/indicators");
        await Expect(page.Locator("#indicator-table .indicator-code")).ToHaveCountAsync(24, new() { Timeout = 20_000 });
        await page.WaitForFunctionAsync("() => window.Blazor !== undefined");
        await page.WaitForTimeoutAsync(1500);

        var row = page.Locator("#indicator-table tbody tr", new() { HasText = "EP-03" });
        await Expect(row).ToContainTextAsync("重大危险源实时监控终端安装率");
        for (var attempt = 0; attempt < 3 && await page.Locator("#indicator-detail").CountAsync() == 0; attempt++)
        {
            await row.ClickAsync();
            await page.WaitForTimeoutAsync(1000);
        }
        await Expect(page.Locator("#indicator-detail")).ToContainTextAsync("至少接入 1 个监测传感器的重大危险源数");
        await Expect(page.Locator("#indicator-records a").First).ToBeVisibleAsync();
        var actual = await row.Locator(".indicator-actual").InnerTextAsync();
        Assert.EndsWith("%", actual, StringComparison.Ordinal);

        // EP-12 is a yearly indicator: its trend chart has a bar for each year of the plan period with a value; the demo
        // windstorm of this year opened field command communications in 55 minutes.
        await page.Locator("#indicator-table tbody tr", new() { HasText = "EP-12" }).ClickAsync();
        await Expect(page.Locator("#indicator-records")).ToContainTextAsync("大风沙尘天气", new() { Timeout = 20_000 });
        await Expect(page.Locator("#indicator-trend")).ToHaveAttributeAsync("data-years", new System.Text.RegularExpressions.Regex("^[1-9]"), new() { Timeout = 20_000 });

        await page.Locator("#indicator-table tbody tr", new() { HasText = "EP-16" }).ClickAsync();
        await Expect(page.Locator("#entry-form")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await page.Locator("#f-value").FillAsync("100");
        await page.Locator("#f-evidence").FillAsync("区应急管理局考核通报（演示）");
        await page.Locator("#f-evidence").PressAsync("Tab");
        await page.ClickAsync("#save-entry");
        await Expect(page.Locator("#indicator-records")).ToContainTextAsync("区应急管理局考核通报（演示）", new() { Timeout = 20_000 });
        await Expect(page.Locator("#indicator-table tbody tr", new() { HasText = "EP-16" })).ToContainTextAsync("达标");
        await BrowserApp.ScreenshotAsync(page, "indicators");
    }
}
