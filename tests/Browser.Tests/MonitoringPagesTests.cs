using System.Text.RegularExpressions;
using Tianshan.Core.Demo;
using static Microsoft.Playwright.Assertions;

namespace Tianshan.Browser.Tests;

[Collection(WithBrowser.Name)]
public sealed class MonitoringPagesTests(BrowserApp app)
{
    [Fact]
    public async Task The_overview_shows_the_kpi_cards_the_map_and_the_major_hazard_sources()
    {
        var page = await app.LoggedInPageAsync("bureau");
        await page.GotoAsync("/monitoring/overview");
        await Expect(page.Locator("#kpi-online-rate")).ToContainTextAsync("传感器在线率", new() { Timeout = 20_000 });
        await Expect(page.Locator("#kpi-installation-rate")).ToContainTextAsync("监测终端安装率");
        await Expect(page.Locator("#kpi-alarm-rate")).ToContainTextAsync("每10分钟报警数");
        await Expect(page.Locator("#kpi-stale")).ToBeVisibleAsync();
        await Expect(page.Locator("#kpi-priorities")).ToContainTextAsync("紧急");

        // Every demo major hazard source is listed with its sensors, and drawn on the map.
        var sources = page.Locator("#source-table tr.source-row");
        await Expect(sources.First).ToBeVisibleAsync();
        Assert.True(await sources.CountAsync() >= 5, $"expected the demo major hazard sources, saw {await sources.CountAsync()}");
        Assert.True(await page.Locator("#source-table tr.sensor-row a.sensor-link").CountAsync() >= 20);
        await Expect(page.Locator("#hazard-map")).ToHaveAttributeAsync("data-source-markers", new Regex("^[1-9][0-9]*$"), new() { Timeout = 20_000 });
        await BrowserApp.ScreenshotAsync(page, "monitoring-overview");

        // The same indicators through the API (the page's login cookie goes along).
        var kpis = await page.APIRequest.GetAsync("/api/monitoring/kpis");
        Assert.Equal(200, kpis.Status);
        var json = await kpis.TextAsync();
        Assert.Contains("\"installationRate\"", json, StringComparison.Ordinal);
        Assert.Contains("\"alarmsPer10MinPeak\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_alarm_recolours_its_source_live()
    {
        var page = await app.LoggedInPageAsync("bureau");
        await page.GotoAsync("/monitoring/overview");
        // The benzene tank farm of the demo's storage company (no other test touches it).
        var row = page.Locator("#source-table tr.source-row").Filter(new() { HasText = "MHS-011" });
        // Before: no high-priority alarm (a quiet sensor may already show 通信中断, which is medium priority).
        await Expect(row).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Expect(row.Locator(".prio-dot.prio-3")).ToHaveCountAsync(0);
        await Expect(page.Locator("#hazard-map")).ToHaveAttributeAsync("data-source-markers", new Regex("^[1-9][0-9]*$"), new() { Timeout = 20_000 });
        await page.WaitForFunctionAsync("() => window.Blazor !== undefined");

        // Its level reads 19 m (HH 18, priority High): pushed to the open page without a reload.
        var enterprise = DemoSeeder.Load().Enterprises[1].CreditCode;
        await PublishAsync(enterprise, $"{{\"readings\":[{{\"s\":\"011-LT01\",\"t\":\"{DateTimeOffset.UtcNow:O}\",\"v\":19}}]}}");
        await Expect(row.Locator(".prio-dot.prio-3")).ToHaveCountAsync(1, new() { Timeout = 15_000 });
        await Expect(page.Locator("#hazard-map path[data-priority='3']").First).ToBeAttachedAsync(new() { Timeout = 10_000 });
    }

    [Fact]
    public async Task An_enterprise_user_sees_only_its_own_sources()
    {
        var page = await app.LoggedInPageAsync("enterprise2");
        await page.GotoAsync("/monitoring/overview");
        var rows = page.Locator("#source-table tr.source-row");
        await Expect(rows.First).ToBeVisibleAsync(new() { Timeout = 20_000 });
        var enterprises = await page.Locator("#source-table tr.source-row a.enterprise-link").AllInnerTextsAsync();
        Assert.Single(enterprises.Distinct());
    }

    [Fact]
    public async Task A_sensor_trend_page_draws_the_published_readings()
    {
        // Two readings of a demo tank's temperature (HH 55 °C), published by the real MQTT client.
        var enterprise = DemoSeeder.Load().Enterprises[1].CreditCode;
        const string sensor = "009-TT02";
        var now = DateTimeOffset.UtcNow;
        await PublishAsync(enterprise,
            $"{{\"readings\":[{{\"s\":\"{sensor}\",\"t\":\"{now.AddSeconds(-20):O}\",\"v\":21.5}},{{\"s\":\"{sensor}\",\"t\":\"{now:O}\",\"v\":22.25}}]}}");

        var page = await app.LoggedInPageAsync("bureau");
        await page.GotoAsync("/monitoring/overview");
        var link = page.Locator("#source-table a.sensor-link").Filter(new() { HasText = $"({sensor})" });
        await Expect(link.First).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await page.WaitForFunctionAsync("() => window.Blazor !== undefined");
        await link.First.ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/monitoring/sensors/", StringComparison.Ordinal));

        await Expect(page.Locator("#sensor-title")).ToContainTextAsync(sensor, new() { Timeout = 20_000 });
        var chart = page.Locator("#trend-chart");
        await Expect(chart.Locator("canvas").First).ToBeVisibleAsync(new() { Timeout = 20_000 });
        // Both readings are drawn (the page refreshes every 10 s if they were stored after it loaded).
        await Expect(chart).ToHaveAttributeAsync("data-points", new Regex("^([2-9]|[1-9][0-9]+)$"), new() { Timeout = 25_000 });
        await Expect(page.Locator("#sensor-latest")).ToContainTextAsync("22.25");
        await Expect(page.Locator("#sensor-status")).ToContainTextAsync("在线");
        await Expect(page.Locator("#sensor-thresholds")).ToContainTextAsync("HH 55");

        // A wider range still draws the chart.
        await page.Locator(".trend-range-24h").ClickAsync();
        await Expect(chart).ToHaveAttributeAsync("data-points", new Regex("^[0-9]+$"));
        await Expect(chart.Locator("canvas").First).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(page, "sensor-trend");
    }

    private Task PublishAsync(string enterprise, string payload) => app.PublishAsync(enterprise, payload, "browser-test-trend-gateway");
}
