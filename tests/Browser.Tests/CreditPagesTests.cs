using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Tianshan.Browser.Tests;

/// <summary>The bureau puts an enterprise on the blacklist from the credit page; its grade turns D and the public list shows it.</summary>
[Collection(WithBrowser.Name)]
public sealed class CreditPagesTests(BrowserApp app)
{
    [Fact]
    public async Task A_blacklisted_enterprise_turns_D_and_is_published()
    {
        var page = await app.LoggedInPageAsync("bureau");
        await page.GotoAsync("/credit");
        var row = page.Locator("#credit-table tr", new() { HasText = "独山子金泰石化储运有限公司" });
        await Expect(row).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await page.WaitForFunctionAsync("() => window.Blazor !== undefined");
        await page.WaitForTimeoutAsync(1500);
        for (var attempt = 0; attempt < 3 && await row.Locator(".blacklist-reason").CountAsync() == 0; attempt++)
        {
            await row.Locator(".blacklist-open").ClickAsync();
            await page.WaitForTimeoutAsync(1000);
        }
        await row.Locator(".blacklist-reason input").FillAsync("瞒报生产安全事故（浏览器测试）");
        await row.Locator(".blacklist-reason input").PressAsync("Tab");
        await row.Locator(".blacklist-confirm").ClickAsync();
        await Expect(row).ToContainTextAsync("D 严重失信", new() { Timeout = 20_000 });
        await BrowserApp.ScreenshotAsync(page, "credit");

        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl.ToString(), Locale = "zh-CN" });
        var anonymous = await context.NewPageAsync();
        await anonymous.GotoAsync("/public/blacklist");
        await Expect(anonymous.Locator(".public-page")).ToContainTextAsync("独山子金泰石化储运有限公司", new() { Timeout = 20_000 });
        await Expect(anonymous.Locator(".public-page")).ToContainTextAsync("瞒报生产安全事故（浏览器测试）");
    }
}
