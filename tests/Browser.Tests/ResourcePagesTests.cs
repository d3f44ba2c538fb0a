using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Tianshan.Browser.Tests;

/// <summary>The resource pages as the bureau sees them: a ledger with the planned station, the gaps with the demo's own
/// figures, and the disaster summary with the communities that have not reported.</summary>
[Collection(WithBrowser.Name)]
public sealed class ResourcePagesTests(BrowserApp app)
{
    private static readonly LocatorAssertionsToContainTextOptions Long = new() { Timeout = 20_000 };

    [Fact]
    public async Task The_bureau_sees_the_ledgers_the_gaps_and_which_communities_have_not_reported()
    {
        var page = await app.LoggedInPageAsync("bureau");
        await page.GotoAsync("/resources/ledger/fire-stations");
        await Expect(page.Locator("#ledger-table")).ToContainTextAsync("长岭路/喀什路一级消防站(规划)", Long);
        await Expect(page.Locator("#ledger-table")).ToContainTextAsync("规划");

        await page.GotoAsync("/resources/gaps");
        await Expect(page.Locator("#relief-gap")).ToContainTextAsync("2000 人", Long);
        await Expect(page.Locator("#relief-gap")).ToContainTextAsync("缺口 3,000–5,000 人");
        await Expect(page.Locator("#shelter-lines tr", new() { HasText = "BN003" })).ToContainTextAsync("1.20");
        await Expect(page.Locator("#team-gap")).ToContainTextAsync("27 / 27");
        await BrowserApp.ScreenshotAsync(page, "resource-gaps");

        await page.GotoAsync("/disasters");
        await Expect(page.Locator("#not-reported")).ToContainTextAsync("北湖社区", Long);
        await Expect(page.Locator("#community-table tr", new() { HasText = "北湖社区" })).ToContainTextAsync("0/2");
    }
}
