using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Tianshan.Browser.Tests;

[Collection(WithBrowser.Name)]
public sealed class DistrictMapTests(BrowserApp app)
{
    [Fact]
    public async Task Login_shows_the_chinese_dashboard_with_the_district_boundary_and_enterprises()
    {
        var page = await app.LoggedInPageAsync("bureau");
        await Expect(page.GetByText("独山子区 · 区情总览")).ToBeVisibleAsync();
        var map = page.Locator("#district-map");
        await Expect(map).ToHaveAttributeAsync("data-boundary-loaded", "true", new() { Timeout = 20_000 });
        // The boundary is drawn as an SVG path, and every demo enterprise as a marker.
        await Expect(map.Locator("path.leaflet-interactive").First).ToBeVisibleAsync();
        var markers = int.Parse(await map.GetAttributeAsync("data-enterprise-markers") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(markers >= 25, $"expected the demo enterprises on the map, saw {markers}");
        Assert.True(int.Parse(await page.Locator("#count-enterprises").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture) >= 25);
        await BrowserApp.ScreenshotAsync(page, "home");
    }

    [Fact]
    public async Task A_wrong_password_shows_a_chinese_message()
    {
        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl.ToString() });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/login");
        await page.FillAsync("#userName", "bureau");
        await page.FillAsync("#password", "not-the-password");
        await page.ClickAsync("#login-submit");
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("用户名或密码错误");
        await context.CloseAsync();
    }

    [Fact]
    public async Task Pages_need_a_login()
    {
        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl.ToString() });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await page.WaitForURLAsync(url => url.Contains("/login", StringComparison.Ordinal));
        await context.CloseAsync();
    }

    [Fact]
    public async Task A_role_without_access_is_told_so_and_stays_logged_in()
    {
        var page = await app.LoggedInPageAsync("street");
        await page.GotoAsync("/audit");
        await Expect(page.Locator("#access-denied")).ToContainTextAsync("无权访问", new() { Timeout = 20_000 });
        await Expect(page.Locator("#current-user")).ToHaveTextAsync("street");
    }
}
