using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Tianshan.Browser.Tests;

/// <summary>A warning from draft to the public page through the pages: the duty officer picks two communities on the map and
/// drafts a yellow rainstorm warning, submits it; the 信息审核发布 user approves and publishes it; its deliveries show per
/// channel; and anyone sees it on the public page with its map and the shelters near it, without logging in.</summary>
[Collection(WithBrowser.Name)]
public sealed class WarningPagesTests(BrowserApp app)
{
    private static readonly LocatorAssertionsToBeVisibleOptions Long = new() { Timeout = 20_000 };

    private static async Task InteractiveAsync(IPage page)
    {
        await page.WaitForFunctionAsync("() => window.Blazor !== undefined");
        await page.WaitForTimeoutAsync(1500);
    }

    [Fact]
    public async Task A_warning_drafted_on_the_map_is_approved_by_another_user_published_and_shown_on_the_public_page()
    {
        var headline = $"浏览器测试暴雨黄色预警 {Guid.NewGuid():N}"[..24];
        var bureau = await app.LoggedInPageAsync("bureau");
        await bureau.GotoAsync("/warnings/new");
        await Expect(bureau.Locator("#warning-picker[data-ready='true']")).ToBeVisibleAsync(Long);
        await InteractiveAsync(bureau);
        await bureau.Locator("path[data-community='650202002001']").DispatchEventAsync("click");
        await bureau.Locator("path[data-community='650202002002']").DispatchEventAsync("click");
        await Expect(bureau.Locator("#picked")).ToContainTextAsync("金山社区、喀什路社区", new() { Timeout = 20_000 });
        await bureau.ClickAsync("#save-draft");   // nothing written yet: the Chinese messages, nothing stored
        await Expect(bureau.Locator("#draft-error")).ToContainTextAsync("请填写预警标题", new() { Timeout = 20_000 });
        await bureau.Locator("#d-headline").FillAsync(headline);
        await bureau.Locator("#d-description").FillAsync("预计未来 6 小时内降雨量将达 50 毫米以上。");
        await bureau.Locator("#d-instruction").FillAsync("远离低洼地带和地下通道。");
        await bureau.Locator("#d-instruction").PressAsync("Tab");
        await bureau.ClickAsync("#save-draft");
        await bureau.WaitForURLAsync(url => url.Contains("/warnings/", StringComparison.Ordinal) && !url.EndsWith("/new", StringComparison.Ordinal), new() { Timeout = 20_000 });
        var url = bureau.Url;
        await Expect(bureau.Locator("#warning-status")).ToContainTextAsync("草稿", new() { Timeout = 20_000 });
        await InteractiveAsync(bureau);
        await bureau.ClickAsync("#submit-warning");
        await Expect(bureau.Locator("#warning-status")).ToContainTextAsync("待审核", new() { Timeout = 20_000 });

        var publisher = await app.LoggedInPageAsync("publisher");
        await publisher.GotoAsync(url);
        await Expect(publisher.Locator("#approve-warning")).ToBeVisibleAsync(Long);
        await InteractiveAsync(publisher);
        await publisher.ClickAsync("#approve-warning");
        await Expect(publisher.Locator("#warning-status")).ToContainTextAsync("已审核待发布", new() { Timeout = 20_000 });
        await publisher.ClickAsync("#publish-warning");
        await Expect(publisher.Locator("#warning-status")).ToContainTextAsync("已发布", new() { Timeout = 20_000 });
        await Expect(publisher.Locator("#identifier")).ToContainTextAsync("650202", new() { Timeout = 20_000 });
        // Deliveries per channel (simulated gateways in this host); refresh until the dispatcher has been through them.
        await Expect(publisher.Locator("#delivery-summary tr[data-channel='Loudspeaker']")).ToBeVisibleAsync(Long);
        await BrowserApp.ScreenshotAsync(publisher, "warning-published");

        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl.ToString(), Locale = "zh-CN" });
        var anonymous = await context.NewPageAsync();
        await anonymous.GotoAsync("/public/warnings");
        var section = anonymous.Locator(".public-warning", new() { HasText = headline });
        await Expect(section).ToBeVisibleAsync(Long);
        await Expect(section).ToContainTextAsync("金山社区、喀什路社区");
        // Nearby shelters from the resource atlas: 独山子第三中学's (BN003, in 金山社区) is listed with its capacity, and on the map.
        var shelter = section.Locator(".nearby-shelters tr[data-shelter='BN003']");
        await Expect(shelter).ToContainTextAsync("独山子第三中学避难场所");
        await Expect(shelter).ToContainTextAsync("1000 人");
        await Expect(shelter).ToContainTextAsync("区域内");
        await Expect(anonymous.Locator("#public-warning-map .shelter-marker[data-shelter='BN003']")).ToBeVisibleAsync(Long);
        await Expect(anonymous.Locator("#public-warning-map[data-shapes]")).ToBeVisibleAsync(Long);
        Assert.True(int.Parse(await anonymous.Locator("#public-warning-map").GetAttributeAsync("data-shapes") ?? "0", System.Globalization.CultureInfo.InvariantCulture) >= 2);
        await BrowserApp.ScreenshotAsync(anonymous, "public-warnings");
        await context.CloseAsync();
    }

    [Fact]
    public async Task A_polygon_drawn_on_the_draft_map_fills_the_area_field_and_is_saved_with_the_warning()
    {
        var bureau = await app.LoggedInPageAsync("bureau");
        await bureau.GotoAsync("/warnings/new");
        await Expect(bureau.Locator("#warning-picker[data-draw='true']")).ToBeVisibleAsync(Long);
        await InteractiveAsync(bureau);
        // Zoom to 喀什路社区 so the corners are far apart on screen, then draw with the toolbar: four corners, and the first again.
        await bureau.EvaluateAsync("() => document.getElementById('warning-picker')._map.setView([44.3225, 84.893], 15, { animate: false })");
        await bureau.Locator("#warning-picker .leaflet-pm-icon-polygon").ClickAsync();
        var box = (await bureau.Locator("#warning-picker").BoundingBoxAsync())!;
        double[][] corners = [[44.325, 84.890], [44.325, 84.896], [44.320, 84.896], [44.320, 84.890]];
        foreach (var corner in corners.Append(corners[0]))
        {
            var point = await bureau.EvaluateAsync<System.Text.Json.JsonElement>(
                "([lat, lon]) => { const p = document.getElementById('warning-picker')._map.latLngToContainerPoint([lat, lon]); return { x: p.x, y: p.y }; }", corner);
            await bureau.Mouse.ClickAsync(box.X + point.GetProperty("x").GetSingle(), box.Y + point.GetProperty("y").GetSingle());
            await bureau.WaitForTimeoutAsync(250);
        }
        // The field holds the CAP polygon: the four corners (to the pixel, ~4 m) and the first one again.
        var field = bureau.Locator("#d-polygon");
        await Expect(field).ToHaveValueAsync(new System.Text.RegularExpressions.Regex(@"^44\.\d+,84\.\d+( 44\.\d+,84\.\d+){4}$"), new() { Timeout = 20_000 });
        var polygon = await field.InputValueAsync();
        var points = polygon.Split(' ').Select(p => p.Split(',').Select(x => double.Parse(x, System.Globalization.CultureInfo.InvariantCulture)).ToArray()).ToArray();
        Assert.Equal(points[0], points[^1]);
        for (var i = 0; i < corners.Length; i++)
        {
            Assert.InRange(points[i][0], corners[i][0] - 0.0001, corners[i][0] + 0.0001);
            Assert.InRange(points[i][1], corners[i][1] - 0.0001, corners[i][1] + 0.0001);
        }

        var headline = $"绘制区域暴雨预警 {Guid.NewGuid():N}"[..20];
        await bureau.Locator("#d-headline").FillAsync(headline);
        await bureau.Locator("#d-description").FillAsync("喀什路一带短时强降雨。");
        await bureau.Locator("#d-instruction").FillAsync("远离低洼地带。");
        await bureau.Locator("#d-instruction").PressAsync("Tab");
        await bureau.ClickAsync("#save-draft");
        await bureau.WaitForURLAsync(url => url.Contains("/warnings/", StringComparison.Ordinal) && !url.EndsWith("/new", StringComparison.Ordinal), new() { Timeout = 20_000 });
        await Expect(bureau.Locator("text=独山子区绘制区域")).ToBeVisibleAsync(Long);
        var id = bureau.Url.Split('/')[^1];
        var detail = await (await bureau.Context.APIRequest.GetAsync($"/api/warnings/{id}")).JsonAsync();
        Assert.Equal(polygon, detail!.Value.GetProperty("content").GetProperty("polygons")[0].GetString());
        await BrowserApp.ScreenshotAsync(bureau, "warning-drawn");
    }
}
