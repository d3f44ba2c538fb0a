using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Tianshan.Browser.Tests;

[Collection(WithBrowser.Name)]
public sealed class EnterprisePagesTests(BrowserApp app)
{
    [Fact]
    public async Task Bureau_searches_the_list_and_opens_an_enterprise_with_its_major_hazard_sources()
    {
        var page = await app.LoggedInPageAsync("bureau");
        await page.GotoAsync("/enterprises");
        var links = page.Locator("a.enterprise-link");
        await Expect(links.First).ToBeVisibleAsync(new() { Timeout = 20_000 });
        Assert.True(await links.CountAsync() >= 10);

        await page.WaitForFunctionAsync("() => window.Blazor !== undefined");
        var search = page.Locator("#enterprise-search");
        await search.FillAsync("独山子石化公司");
        await search.PressAsync("Enter");
        await Expect(links).ToHaveCountAsync(1, new() { Timeout = 20_000 });
        var name = (await links.First.InnerTextAsync()).Trim();
        Assert.Equal("独山子石化公司", name);
        await links.First.ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/enterprises/", StringComparison.Ordinal));
        await Expect(page.Locator("#enterprise-name")).ToContainTextAsync(name);
        await Expect(page.GetByText("统一社会信用代码").First).ToBeVisibleAsync();
        await Expect(page.Locator("#enterprise-major-hazards")).ToContainTextAsync("一级");
        await BrowserApp.ScreenshotAsync(page, "enterprise");
    }

    [Fact]
    public async Task An_enterprise_user_sees_only_its_own_enterprise_in_the_list()
    {
        var page = await app.LoggedInPageAsync("enterprise2");
        await page.GotoAsync("/enterprises");
        var links = page.Locator("a.enterprise-link");
        await Expect(links).ToHaveCountAsync(1, new() { Timeout = 20_000 });
    }

    [Fact]
    public async Task The_assessment_page_computes_a_grade_from_the_typed_inventory()
    {
        var page = await app.LoggedInPageAsync("inspector");
        await page.GotoAsync("/major-hazards/assess");
        await Expect(page.Locator("#assess-run")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await page.WaitForFunctionAsync("() => window.Blazor !== undefined");
        // Input typed before the circuit is connected is lost (the page is prerendered), so type and compute again
        // until the result shows.
        for (var attempt = 0; attempt < 5 && await page.Locator("#assess-result").CountAsync() == 0; attempt++)
        {
            await page.Locator(".assess-chemical input").First.FillAsync("液氨"); // an alias of 氨 (GB 18218-2018 Table 1 no. 1)
            await page.Locator(".assess-quantity input").First.FillAsync("150");
            await page.Locator(".assess-people input").FillAsync("20");
            await page.Locator(".assess-people input").PressAsync("Tab");
            await page.Locator("#assess-run").ClickAsync();
            await page.WaitForTimeoutAsync(2000);
        }
        await Expect(page.Locator("#assess-result")).ToContainTextAsync("三级", new() { Timeout = 20_000 });
        await BrowserApp.ScreenshotAsync(page, "assess");
    }
}
