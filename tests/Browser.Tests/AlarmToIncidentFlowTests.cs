using System.Globalization;
using Microsoft.Playwright;
using Tianshan.Core.Demo;
using static Microsoft.Playwright.Assertions;

namespace Tianshan.Browser.Tests;

/// <summary>The emergency plan's chain end to end, as the duty officer clicks it: a tank level over 高高 on the live alarm console
/// (published over MQTT to the storage company's 010-LT01, which no other test uses) → 转为事件 → the intake form comes prefilled
/// from the alarm → the incident page shows the nearest rescue teams by road → the officer opens a shelter → the timeline has it.</summary>
[Collection(WithBrowser.Name)]
public sealed class AlarmToIncidentFlowTests(BrowserApp app)
{
    private static readonly LocatorAssertionsToContainTextOptions Long = new() { Timeout = 20_000 };

    [Fact]
    public async Task An_alarm_becomes_an_incident_that_dispatches_the_nearest_teams_and_opens_a_shelter()
    {
        var page = await app.LoggedInPageAsync("bureau");
        await page.GotoAsync("/monitoring");
        await Expect(page.Locator("#alarm-table")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await page.WaitForFunctionAsync("() => window.Blazor !== undefined");

        var storage = DemoSeeder.Load().Enterprises[1];
        await app.PublishAsync(storage.CreditCode,
            $"{{\"readings\":[{{\"s\":\"010-LT01\",\"t\":\"{DateTimeOffset.UtcNow:O}\",\"v\":{19.5.ToString(CultureInfo.InvariantCulture)}}}]}}",
            "browser-test-alarm-to-incident");
        var alarm = page.Locator("#alarm-table tr.alarm-unacked").Filter(new() { HasText = "010-LT01" }).Filter(new() { HasText = "高高报" });
        await Expect(alarm).ToHaveCountAsync(1, new() { Timeout = 20_000 });
        // A click can land while the live list re-renders on a push: open the row until its actions show.
        var toIncident = page.Locator(".alarm-to-incident").First;
        for (var attempt = 0; attempt < 3 && !await toIncident.IsVisibleAsync(); attempt++)
        {
            await alarm.Locator(".detail-button").ClickAsync();
            try
            {
                await toIncident.WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = 10_000 });
            }
            catch (TimeoutException)
            {
                // the click was lost: click again
            }
        }
        await toIncident.ClickAsync();

        // The intake form is the alarm's: source 监测报警, title, place and narrative prefilled.
        await page.WaitForURLAsync(url => url.Contains("/incidents/new?alarmId=", StringComparison.Ordinal), new() { Timeout = 20_000 });
        await Expect(page.Locator("#f-title")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("液位报警$"), new() { Timeout = 20_000 });
        await Expect(page.Locator("#f-narrative")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("010-LT01"));
        await page.WaitForFunctionAsync("() => window.Blazor !== undefined");
        await page.WaitForTimeoutAsync(1000);
        await page.ClickAsync("#save-incident");
        await page.WaitForURLAsync(url => url.Contains("/incidents/", StringComparison.Ordinal) && !url.Contains("/new", StringComparison.Ordinal),
            new() { Timeout = 20_000 });

        await Expect(page.Locator("#incident-title")).ToContainTextAsync(storage.Name, Long);
        await Expect(page.Locator("#incident-timeline")).ToContainTextAsync("监测报警");

        // The nearest teams by driving time from the enterprise, nearest first.
        var nearest = page.Locator("#nearest-resources .nearest-item");
        var teams = nearest.Filter(new() { HasText = "救援队伍" });
        await Expect(teams.First).ToContainTextAsync("分钟", Long);
        var minutes = (await teams.AllInnerTextsAsync())
            .Select(t => double.Parse(System.Text.RegularExpressions.Regex.Match(t, @"([0-9.]+) 分钟").Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
        Assert.NotEmpty(minutes);
        Assert.Equal(minutes.Order(), minutes);

        // Open the nearest shelter not yet open; its own row then says 已开放, and after a reload the timeline has it.
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
        var opened = page.Locator("#incident-timeline");
        await Expect(opened).ToContainTextAsync("开放避难场所", Long);
        await Expect(opened).ToContainTextAsync(shelterName);
        await BrowserApp.ScreenshotAsync(page, "alarm-to-incident");
    }
}
