using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Tianshan.Browser.Tests;

/// <summary>The bureau draws, replays the draw from its seed, publishes it, and the public page shows it without login.</summary>
[Collection(WithBrowser.Name)]
public sealed class RandomDrawPagesTests(BrowserApp app)
{
    [Fact]
    public async Task A_draw_is_made_replayed_and_published_for_anyone_to_read()
    {
        var page = await app.LoggedInPageAsync("bureau");
        await page.GotoAsync("/draws");
        await Expect(page.Locator("#draw-form")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await page.WaitForFunctionAsync("() => window.Blazor !== undefined");
        await page.WaitForTimeoutAsync(1500);
        var cards = page.Locator(".draw-card");
        var before = await cards.CountAsync();
        for (var attempt = 0; attempt < 3 && await cards.CountAsync() == before; attempt++)
        {
            await page.Locator("#f-draw-title").FillAsync("浏览器测试抽查");
            await page.Locator("#f-draw-title").PressAsync("Tab");
            await page.ClickAsync("#make-draw");
            await page.WaitForTimeoutAsync(1500);
        }
        var card = cards.First;
        await Expect(card).ToContainTextAsync("浏览器测试抽查", new() { Timeout = 20_000 });
        await Expect(card.Locator(".draw-picks tbody tr")).ToHaveCountAsync(3);

        await card.Locator(".replay-draw").ClickAsync();
        await Expect(card.Locator(".replay-result")).ToContainTextAsync("重放结果与记录一致", new() { Timeout = 20_000 });
        await card.Locator(".publish-draw").ClickAsync();
        await Expect(card).ToContainTextAsync("已公开", new() { Timeout = 20_000 });
        var firstEnterprise = (await card.Locator(".draw-picks tbody tr td").First.InnerTextAsync()).Trim();
        await BrowserApp.ScreenshotAsync(page, "draws");

        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl.ToString(), Locale = "zh-CN" });
        var anonymous = await context.NewPageAsync();
        await anonymous.GotoAsync("/public/draws");
        await Expect(anonymous.Locator(".public-draw").First).ToContainTextAsync("浏览器测试抽查", new() { Timeout = 20_000 });
        await Expect(anonymous.Locator(".public-draw").First).ToContainTextAsync(firstEnterprise);
        Assert.DoesNotContain("/login", anonymous.Url, StringComparison.Ordinal);
    }
}
