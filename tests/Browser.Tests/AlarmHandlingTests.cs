using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Tianshan.Core.Demo;
using static Microsoft.Playwright.Assertions;

namespace Tianshan.Browser.Tests;

/// <summary>Shelving and disposal in the alarm console, and the enterprise monitoring view. The alarms are raised on
/// sensors of the storage company's MHS-009 that no other test publishes to.</summary>
[Collection(WithBrowser.Name)]
public sealed class AlarmHandlingTests(BrowserApp app)
{
    [Fact]
    public async Task The_duty_officer_shelves_an_alarm_with_a_typed_reason()
    {
        var page = await OpenConsoleAsync();
        // A tank level of 19 m raises the 高高报 (HH 18) and the 高报 (H 16) of 009-LT01; both are listed before clicking,
        // so no re-render moves the rows under the click.
        await PublishAsync("009-LT01", 19);
        var high = new Regex("[^高]高报");
        await Expect(page.Locator("#alarm-table tr.alarm-unacked").Filter(new() { HasText = "009-LT01" }).Filter(new() { HasTextRegex = high })).ToHaveCountAsync(1, new() { Timeout = 15_000 });
        var unacked = page.Locator("#alarm-table tr.alarm-unacked").Filter(new() { HasText = "009-LT01" }).Filter(new() { HasText = "高高报" });
        await Expect(unacked).ToHaveCountAsync(1);
        await unacked.Locator(".detail-button").ClickAsync();

        // No reason: refused with a message in Chinese.
        var form = page.Locator(".shelve-form");
        await form.Locator(".shelve-submit").ClickAsync();
        await Expect(form).ToContainTextAsync("请填写搁置原因");

        await form.Locator(".shelve-reason input").FillAsync("液位计检修，临时搁置");
        await form.Locator(".shelve-480").ClickAsync();
        await form.Locator(".shelve-submit").ClickAsync();

        // It leaves the unacknowledged alarms and shows as shelved, with its reason, in the list and in its journal.
        await Expect(unacked).ToHaveCountAsync(0, new() { Timeout = 15_000 });
        var shelved = page.Locator("#alarm-table tr.alarm-shelved").Filter(new() { HasText = "009-LT01" }).Filter(new() { HasText = "高高报" });
        await Expect(shelved).ToHaveCountAsync(1);
        await Expect(shelved.Locator(".alarm-state")).ToContainTextAsync("已搁置");
        await Expect(shelved.Locator(".alarm-state")).ToContainTextAsync("液位计检修，临时搁置");
        var shelving = page.Locator(".alarm-journal tr.journal-entry").Filter(new() { HasText = "→ 已搁置" });
        await Expect(shelving).ToContainTextAsync("bureau");
        await Expect(shelving).ToContainTextAsync("液位计检修，临时搁置");
        await Expect(page.Locator(".shelve-form")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_disposal_record_is_validated_and_then_shown_in_the_journal()
    {
        var page = await OpenConsoleAsync();
        // 1.7 MPa (H 1.6, HH 1.8) raises only the 高报 of 009-PT03.
        await PublishAsync("009-PT03", 1.7);
        var row = page.Locator("#alarm-table tr.alarm-unacked").Filter(new() { HasText = "009-PT03" }).Filter(new() { HasTextRegex = new Regex("[^高]高报") });
        await Expect(row).ToHaveCountAsync(1, new() { Timeout = 15_000 });
        await row.Locator(".detail-button").ClickAsync();

        var form = page.Locator(".disposal-form");
        await form.Locator(".disposal-submit").ClickAsync();
        await Expect(form).ToContainTextAsync("请选择是否误报");
        await form.Locator(".false-alarm-no").ClickAsync();
        await form.Locator(".disposal-submit").ClickAsync();
        await Expect(form).ToContainTextAsync("请填写报警原因");
        await Expect(form).ToContainTextAsync("请填写处置措施");
        await Expect(page.Locator(".journal-disposal")).ToHaveCountAsync(0);

        await form.Locator(".disposal-cause input").FillAsync("进料阀卡涩导致压力升高");
        await form.Locator(".disposal-action input").FillAsync("切换备用阀门，压力恢复正常");
        await form.Locator(".disposal-submit").ClickAsync();

        var record = page.Locator(".alarm-journal tr.journal-disposal");
        await Expect(record).ToContainTextAsync("bureau", new() { Timeout = 15_000 });
        await Expect(record).ToContainTextAsync("进料阀卡涩导致压力升高");
        await Expect(record).ToContainTextAsync("切换备用阀门，压力恢复正常");
        await Expect(record).ToContainTextAsync("真实报警");
        await BrowserApp.ScreenshotAsync(page, "alarm-journal");
        // The journal also holds the alarm's own history (raised by the system).
        await Expect(page.Locator(".alarm-journal tr.journal-entry").Filter(new() { HasText = "报警未确认" }).First).ToContainTextAsync("系统");
        await Expect(row.Locator(".alarm-state")).ToContainTextAsync("已处置");
    }

    [Fact]
    public async Task An_enterprise_user_sees_its_own_sources_and_sensors_in_the_enterprise_view()
    {
        // A normal temperature of the diesel tank farm (MHS-010, no other test publishes there).
        await PublishAsync("010-TT02", 23.5);
        var page = await app.LoggedInPageAsync("enterprise2");
        await page.GotoAsync("/monitoring/overview");
        var link = page.Locator("#source-table a.enterprise-monitoring-link");
        await Expect(link.First).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await page.WaitForFunctionAsync("() => window.Blazor !== undefined");
        await link.First.ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/monitoring/enterprises/", StringComparison.Ordinal));

        var own = DemoSeeder.Load().Enterprises[1].Name;
        await Expect(page.Locator("#enterprise-monitoring-title")).ToContainTextAsync(own, new() { Timeout = 20_000 });
        var source = page.Locator(".source-card[data-source-code$='MHS-009']");
        await Expect(source).ToBeVisibleAsync();
        await Expect(source.Locator(".source-name")).Not.ToBeEmptyAsync();
        Assert.True(await source.Locator("tr.sensor-row").CountAsync() >= 4);
        await Expect(source.Locator("tr.sensor-row").Filter(new() { HasText = "009-LT01" })).ToHaveCountAsync(1);
        await Expect(source.Locator(".source-video")).ToContainTextAsync("视频监控");
        var temperature = page.Locator(".source-card[data-source-code$='MHS-010'] tr.sensor-row").Filter(new() { HasText = "010-TT02" });
        await Expect(temperature.Locator(".sensor-value")).ToContainTextAsync("23.5 ℃");
        await Expect(temperature.Locator(".sensor-online")).ToContainTextAsync("在线");
        await BrowserApp.ScreenshotAsync(page, "enterprise-monitoring");
    }

    [Fact]
    public async Task An_enterprise_user_opening_another_enterprise_sees_no_data()
    {
        // The bureau finds the refinery's id; the storage company's user then opens its monitoring view.
        var bureau = await app.LoggedInPageAsync("bureau");
        var other = DemoSeeder.Load().Enterprises[0].Name;
        var response = await bureau.APIRequest.GetAsync("/api/enterprises?q=" + Uri.EscapeDataString(other));
        using var json = JsonDocument.Parse(await response.TextAsync());
        var id = json.RootElement.GetProperty("items").EnumerateArray()
            .Single(e => e.GetProperty("name").GetString() == other).GetProperty("id").GetGuid();

        // The bureau sees it …
        await bureau.GotoAsync($"/monitoring/enterprises/{id}");
        await Expect(bureau.Locator("#enterprise-monitoring-title")).ToContainTextAsync(other, new() { Timeout = 20_000 });
        await Expect(bureau.Locator(".source-card").First).ToBeVisibleAsync();

        // … the other enterprise's user does not.
        var page = await app.LoggedInPageAsync("enterprise2");
        await page.GotoAsync($"/monitoring/enterprises/{id}");
        await Expect(page.Locator("#enterprise-monitoring-not-found")).ToContainTextAsync("不在您的管辖范围内", new() { Timeout = 20_000 });
        await Expect(page.Locator(".source-card")).ToHaveCountAsync(0);
        await Expect(page.Locator("tr.sensor-row")).ToHaveCountAsync(0);
        await Expect(page.Locator("body")).Not.ToContainTextAsync(other);
    }

    private async Task<IPage> OpenConsoleAsync()
    {
        var page = await app.LoggedInPageAsync("bureau");
        await page.GotoAsync("/monitoring");
        await Expect(page.Locator("#alarm-table")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await page.WaitForFunctionAsync("() => window.Blazor !== undefined");
        return page;
    }

    private Task PublishAsync(string sensor, double value) =>
        app.PublishAsync(DemoSeeder.Load().Enterprises[1].CreditCode,
            $"{{\"readings\":[{{\"s\":\"{sensor}\",\"t\":\"{DateTimeOffset.UtcNow:O}\",\"v\":{value.ToString(CultureInfo.InvariantCulture)}}}]}}",
            $"browser-test-handling-{sensor}");
}
