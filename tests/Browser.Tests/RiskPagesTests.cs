using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Tianshan.Browser.Tests;

[Collection(WithBrowser.Name)]
public sealed class RiskPagesTests(BrowserApp app)
{
    [Fact]
    public async Task Enterprise_user_grades_a_new_risk_point_and_sees_its_colour()
    {
        var page = await app.LoggedInPageAsync("enterprise");
        await page.GotoAsync("/risk");
        var map = page.Locator("#risk-map");
        await Expect(map).ToHaveAttributeAsync("data-enterprise-markers", "1", new() { Timeout = 20_000 });
        var links = page.Locator("a.risk-enterprise-link");
        await Expect(links).ToHaveCountAsync(1);
        // Open the link's target directly: a click after the circuit connects is an enhanced (client-side) navigation
        // with no load event to wait for.
        await page.GotoAsync(await links.First.GetAttributeAsync("href") ?? "");
        await page.WaitForFunctionAsync("() => window.Blazor !== undefined");

        // A click before the circuit connects is lost (the page is prerendered): click until the form opens.
        var form = page.Locator("#risk-point-form");
        for (var attempt = 0; attempt < 10 && await form.CountAsync() == 0; attempt++)
        {
            await page.Locator("#risk-point-new").ClickAsync();
            await page.WaitForTimeoutAsync(1000);
        }
        await Expect(form).ToBeVisibleAsync();
        await page.Locator(".rp-name input").FillAsync("浏览器测试：乙烯压缩机");
        await page.Locator(".rp-location input").FillAsync("裂解车间压缩机房");
        await page.Locator(".rp-activity input").FillAsync("压缩机运行");
        await page.Locator(".rp-hazard input").FillAsync("火灾、爆炸");
        await page.Locator(".rp-person input").FillAsync("测试员");
        await page.Locator(".rp-measures textarea").First.FillAsync("可燃气体检测报警；联锁停机");
        await page.SelectOptionAsync("#rp-lec-l", "3");
        await page.SelectOptionAsync("#rp-lec-e", "6");
        await page.SelectOptionAsync("#rp-lec-c", "15");
        // The live calculator: D = 3 × 6 × 15 = 270, 高度危险, orange.
        var preview = page.Locator("#risk-preview");
        await Expect(preview).ToContainTextAsync("= 270");
        await Expect(preview.Locator(".risk-chip")).ToHaveAttributeAsync("data-colour", "orange");

        await page.Locator("#risk-point-save").ClickAsync();
        await Expect(form).ToHaveCountAsync(0, new() { Timeout = 20_000 });
        var row = page.Locator("tr.risk-point-row", new() { HasText = "浏览器测试：乙烯压缩机" });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row.Locator(".risk-chip")).ToHaveAttributeAsync("data-colour", "orange");
        await Expect(row).ToContainTextAsync("D=3×6×15=270");
        await BrowserApp.ScreenshotAsync(page, "risk-points");
    }

    [Fact]
    public async Task Bureau_sees_the_four_colour_map_with_enterprises_of_every_colour()
    {
        var page = await app.LoggedInPageAsync("bureau");
        await page.GotoAsync("/risk");
        var map = page.Locator("#risk-map");
        await Expect(map).ToHaveAttributeAsync("data-enterprise-markers", new System.Text.RegularExpressions.Regex("^[1-9][0-9]+$"), new() { Timeout = 20_000 });
        foreach (var colour in new[] { "red", "orange", "yellow", "blue" })
            Assert.True(int.Parse(await page.Locator($"#grade-count-{colour}").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture) >= 1, colour);
        await Expect(map.Locator("path.leaflet-interactive[data-colour='red']").First).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(page, "risk-map");
    }

    [Fact]
    public async Task Bureau_records_an_enterprise_grade_below_sixty_as_red()
    {
        var page = await app.LoggedInPageAsync("bureau");
        await page.GotoAsync("/risk");
        var link = page.Locator("a.risk-enterprise-link", new() { HasText = "独山子区供排水有限公司第二水厂" });
        await Expect(link).ToHaveCountAsync(1, new() { Timeout = 20_000 });
        await page.GotoAsync(await link.GetAttributeAsync("href") ?? "");
        await page.WaitForFunctionAsync("() => window.Blazor !== undefined");
        var history = page.Locator("#grade-history");
        var chip = page.Locator("#grade-form .risk-chip");
        // Typed input before the circuit connects is lost (prerendering): type until the live chip follows.
        for (var attempt = 0; attempt < 10 && await chip.GetAttributeAsync("data-colour") != "red"; attempt++)
        {
            await page.Locator(".grade-score input").FillAsync("58");
            await page.Locator(".grade-score input").PressAsync("Tab");
            await page.WaitForTimeoutAsync(1000);
        }
        await Expect(chip).ToHaveAttributeAsync("data-colour", "red");
        await page.Locator("#grade-save").ClickAsync();
        await Expect(history.Locator(".risk-chip").First).ToHaveAttributeAsync("data-colour", "red", new() { Timeout = 20_000 });
        await Expect(history).ToContainTextAsync("58");
    }
}
