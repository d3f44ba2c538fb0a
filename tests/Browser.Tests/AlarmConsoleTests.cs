using Tianshan.Core.Demo;
using static Microsoft.Playwright.Assertions;

namespace Tianshan.Browser.Tests;

[Collection(WithBrowser.Name)]
public sealed class AlarmConsoleTests(BrowserApp app)
{
    [Fact]
    public async Task An_alarm_appears_live_and_the_duty_officer_acknowledges_it()
    {
        var page = await app.LoggedInPageAsync("bureau");
        await page.GotoAsync("/monitoring");
        await Expect(page.Locator("#alarm-table")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await page.WaitForFunctionAsync("() => window.Blazor !== undefined");

        // A gas detector of the demo tank farm reads 60 %LEL (HH is 50): published by the real MQTT client.
        var enterprise = DemoSeeder.Load().Enterprises[1].CreditCode;
        var sensor = "009-GT04";
        await app.PublishAsync(enterprise, $"{{\"readings\":[{{\"s\":\"{sensor}\",\"t\":\"{DateTimeOffset.UtcNow:O}\",\"v\":60}}]}}", "browser-test-gateway");

        // Pushed to the open page without a reload.
        // 60 %LEL raises both the 一级 (H 25) and the 二级 (HH 50) alarm of GB/T 50493; acknowledge the 二级 one.
        var row = page.Locator("#alarm-table tr.alarm-unacked").Filter(new() { HasText = sensor }).Filter(new() { HasText = "二级报警" });
        await Expect(row).ToHaveCountAsync(1, new() { Timeout = 15_000 });
        // Both alarms are listed before clicking, so no re-render moves the rows under the click.
        await Expect(page.Locator("#alarm-table tr.alarm-unacked").Filter(new() { HasText = sensor }).Filter(new() { HasText = "一级报警" })).ToHaveCountAsync(1, new() { Timeout = 15_000 });
        await BrowserApp.ScreenshotAsync(page, "alarms");
        await row.Locator(".ack-button").ClickAsync();
        var acknowledged = page.Locator("#alarm-table tr").Filter(new() { HasText = sensor }).Filter(new() { HasText = "二级报警" });
        await Expect(acknowledged).ToContainTextAsync("已确认", new() { Timeout = 15_000 });
        await Expect(acknowledged).ToContainTextAsync("bureau");
    }
}
