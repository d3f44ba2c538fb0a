using static Microsoft.Playwright.Assertions;

namespace Tianshan.Browser.Tests;

/// <summary>The people page shows an enterprise its own people and its certificate alerts (the demo's expired and soon-due
/// ones); the informant page shows communities below the plan's two informants.</summary>
[Collection(WithBrowser.Name)]
public sealed class PeoplePagesTests(BrowserApp app)
{
    [Fact]
    public async Task An_enterprise_sees_its_people_and_certificate_alerts()
    {
        var page = await app.LoggedInPageAsync("enterprise");
        await page.GotoAsync("/people");
        var alerts = page.Locator("#certificate-alerts");
        await Expect(alerts).ToContainTextAsync("证书到期预警", new() { Timeout = 20_000 });
        await Expect(alerts.Locator("tr.alert-Expired")).ToHaveCountAsync(1);
        await Expect(alerts.Locator("tr.alert-Expired")).ToContainTextAsync("已过期 12 天");
        await Expect(alerts).ToContainTextAsync("天后到期");
        var people = page.Locator("#people-table");
        await Expect(people).ToContainTextAsync("邱永刚");
        await Expect(people).ToContainTextAsync("特种作业人员");
        // Another enterprise's principal (独山子金泰石化储运有限公司) is not shown.
        await Expect(people).Not.ToContainTextAsync("金晓东");
        await BrowserApp.ScreenshotAsync(page, "people");
    }

    [Fact]
    public async Task The_bureau_sees_informants_per_community_against_the_target()
    {
        var page = await app.LoggedInPageAsync("bureau");
        await page.GotoAsync("/people/informants");
        var row = page.Locator("#informant-communities tr", new() { HasText = "北湖社区" });
        await Expect(row).ToContainTextAsync("0 / 2", new() { Timeout = 20_000 });
        await page.GotoAsync("/people");
        await Expect(page.Locator("#people-table")).ToContainTextAsync("局机关工作人员", new() { Timeout = 20_000 });
    }
}
