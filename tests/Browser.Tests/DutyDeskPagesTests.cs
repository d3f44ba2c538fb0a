using System.Globalization;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Tianshan.Browser.Tests;

/// <summary>The duty desk takes an incident that happened five hours ago: today's duty shows the demo roster, the intake form
/// grades it as it is typed, the detail page shows its clocks — the unit's one hour already missed (迟报) — and the incident
/// list highlights it among the demo incidents, with a clock counting down on the demo's open one.</summary>
[Collection(WithBrowser.Name)]
public sealed class DutyDeskPagesTests(BrowserApp app)
{
    private static readonly LocatorAssertionsToBeVisibleOptions Long = new() { Timeout = 20_000 };

    [Fact]
    public async Task An_incident_taken_at_the_duty_desk_shows_its_clocks_and_its_missed_report()
    {
        var page = await app.LoggedInPageAsync("bureau");
        await page.GotoAsync("/duty");
        await Expect(page.Locator("#today-duty .duty-leader").First).ToContainTextAsync("演示", new() { Timeout = 20_000 });
        await Expect(page.Locator("#open-incidents")).ToContainTextAsync("独奎公路两车相撞事故", new() { Timeout = 20_000 });
        await page.WaitForFunctionAsync("() => window.Blazor !== undefined");
        await page.WaitForTimeoutAsync(1500);

        // Nothing filled: the Chinese messages show and nothing is stored.
        await page.ClickAsync("#save-incident");
        await Expect(page.Locator("#intake-error")).ToContainTextAsync("请检查标红的内容", new() { Timeout = 20_000 });

        var occurred = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).AddHours(-5).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
        await page.Locator("#f-title").FillAsync("石化大道加油站油罐车起火");
        await page.Locator("#f-occurred").FillAsync(occurred);
        await page.Locator("#f-address").FillAsync("独山子区石化大道加油站");
        await page.Locator("#f-lat").FillAsync("44.327");
        await page.Locator("#f-lon").FillAsync("84.882");
        await page.Locator("#f-narrative").FillAsync("油罐车卸油时起火，现场已明火扑灭。");
        await page.Locator("#f-deaths").FillAsync("3");
        await page.Locator("#f-deaths").PressAsync("Tab");
        await Expect(page.Locator("#intake-grade")).ToContainTextAsync("较大", new() { Timeout = 20_000 });
        await page.ClickAsync("#save-incident");
        await page.WaitForURLAsync(url => url.Contains("/incidents/", StringComparison.Ordinal) && !url.EndsWith("/new", StringComparison.Ordinal), new() { Timeout = 20_000 });

        await Expect(page.Locator("#incident-title")).ToContainTextAsync("石化大道加油站油罐车起火", new() { Timeout = 20_000 });
        await Expect(page.Locator("#incident-grade")).ToContainTextAsync("较大（Ⅲ级）");
        var clocks = page.Locator("#incident-clocks");
        await Expect(clocks).ToContainTextAsync("报告区（县）级应急管理部门：迟报");
        await Expect(clocks).ToContainTextAsync("报告省级应急管理部门");
        await Expect(clocks).ToContainTextAsync("伤亡人数变化补报（30 日内）");
        await Expect(page.Locator("#incident-timeline")).ToContainTextAsync("死亡 3 人");
        // The desk dispatches from the incident: the nearest teams, fire stations and shelters by driving time on the roads.
        var nearest = page.Locator("#nearest-resources .nearest-item");
        await Expect(nearest.Filter(new() { HasText = "救援队伍" }).First).ToContainTextAsync("分钟", new() { Timeout = 20_000 });
        await Expect(nearest.Filter(new() { HasText = "消防站" }).First).ToBeVisibleAsync();
        await Expect(nearest.Filter(new() { HasText = "避难场所" }).First).ToContainTextAsync("容纳");
        var minutes = (await nearest.Filter(new() { HasText = "救援队伍" }).AllInnerTextsAsync())
            .Select(t => double.Parse(System.Text.RegularExpressions.Regex.Match(t, @"([0-9.]+) 分钟").Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(3, minutes.Count);
        Assert.Equal(minutes.Order(), minutes);   // nearest first
        var number = (await page.Locator("#incident-title").InnerTextAsync()).Split(' ')[0];

        // ... and opens the nearest shelter: the row says so, and after a reload the timeline has it.
        // (The row is found by name: another test may already have opened a shelter that is near this incident too.)
        var closed = nearest.Filter(new() { HasText = "避难场所" }).Filter(new() { Has = page.Locator(".open-shelter") }).First;
        var shelterName = (await closed.Locator("td").Nth(1).InnerTextAsync()).Split('（')[0].Trim();
        var shelter = nearest.Filter(new() { HasText = shelterName });
        for (var attempt = 0; attempt < 3 && await shelter.Locator(".mud-chip", new() { HasText = "已开放" }).CountAsync() == 0; attempt++)
        {
            if (await shelter.Locator(".open-shelter").CountAsync() > 0)
                await shelter.Locator(".open-shelter").ClickAsync();
            await page.WaitForTimeoutAsync(1000);
        }
        await Expect(shelter.Locator(".mud-chip", new() { HasText = "已开放" })).ToBeVisibleAsync();
        await page.ReloadAsync();
        await Expect(page.Locator("#incident-timeline")).ToContainTextAsync("开放避难场所", new() { Timeout = 20_000 });
        await Expect(page.Locator("#incident-timeline")).ToContainTextAsync(shelterName);
        await BrowserApp.ScreenshotAsync(page, "incident-detail");

        await page.GotoAsync("/incidents");
        var row = page.Locator("#incident-table tr", new() { HasText = number });
        await Expect(row).ToBeVisibleAsync(Long);
        await Expect(row).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("incident-missed"));
        await Expect(row.Locator(".clock-missed").First).ToContainTextAsync("迟报");
        // The demo's open incident counts down: its remaining time changes while the page is open.
        var demo = page.Locator("#incident-table tr", new() { HasText = "独奎公路两车相撞事故" }).Locator(".clock-due").First;
        await Expect(demo).ToContainTextAsync("剩余", new() { Timeout = 20_000 });
        var first = await demo.InnerTextAsync();
        await Expect(demo).Not.ToHaveTextAsync(first, new() { Timeout = 10_000 });
        await BrowserApp.ScreenshotAsync(page, "incident-list");

        await page.GotoAsync("/duty");
        await Expect(page.Locator("#duty-log")).ToContainTextAsync(number, new() { Timeout = 20_000 });
    }
}
