using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Tianshan.Browser.Tests;

/// <summary>The plan registry as the bureau sees it: the coverage check (every demo major hazard source has a current plan, the
/// sectors without one are named), then one plan opened from the list with its filing, three-year due date and response levels,
/// and the drills page with the half-year check.</summary>
[Collection(WithBrowser.Name)]
public sealed class PlanPagesTests(BrowserApp app)
{
    private static readonly LocatorAssertionsToContainTextOptions Long = new() { Timeout = 20_000 };

    [Fact]
    public async Task The_bureau_sees_the_coverage_and_opens_a_plan_with_its_response_levels()
    {
        var page = await app.LoggedInPageAsync("bureau");
        await page.GotoAsync("/plans");
        var coverage = page.Locator("#plan-coverage");
        await Expect(coverage).ToContainTextAsync("一源一案", Long);
        await Expect(page.Locator("#uncovered-sources-count")).ToHaveTextAsync("15/15");
        await Expect(coverage.Locator(".uncovered-sector", new() { HasText = "文化旅游" })).ToBeVisibleAsync();
        await Expect(coverage.Locator(".uncovered-sector", new() { HasText = "建筑施工" })).ToBeVisibleAsync();
        await Expect(page.Locator("#plan-table")).ToContainTextAsync("液氯库事故专项应急预案（演示）");
        await BrowserApp.ScreenshotAsync(page, "plans");

        await page.Locator("#plan-table a.plan-link", new() { HasText = "独山子区突发事件总体应急预案（演示）" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/plans/", StringComparison.Ordinal));
        await Expect(page.Locator("#plan-title")).ToHaveTextAsync("独山子区突发事件总体应急预案（演示）", new() { Timeout = 20_000 });
        await Expect(page.Locator("#plan-state")).ToHaveTextAsync("有效");
        await Expect(page.Locator("#plan-filing")).ToContainTextAsync("已备案");
        await Expect(page.Locator("#plan-levels tbody tr")).ToHaveCountAsync(4);
        await Expect(page.Locator("#plan-levels")).ToContainTextAsync("Ⅲ级");
        await BrowserApp.ScreenshotAsync(page, "plan-detail");

        await page.GotoAsync("/drills");
        await Expect(page.Locator("#half-year-table")).ToContainTextAsync("独山子石化公司", Long);
        await Expect(page.Locator("#half-year-missed")).ToContainTextAsync("上半年未完成");
    }
}
