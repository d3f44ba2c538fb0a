using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Tianshan.Browser.Tests;

/// <summary>灾情报送 from the informant's phone with the network down: the filing stays on the phone, is sent when the network
/// returns, and is stored exactly once — also when the phone sends it again (a response lost on the way back).</summary>
[Collection(WithBrowser.Name)]
public sealed class DisasterReportPagesTests(BrowserApp app)
{
    private static readonly LocatorAssertionsToBeVisibleOptions Long = new() { Timeout = 30_000 };

    [Fact]
    public async Task The_report_page_opens_again_with_the_network_down_from_the_phones_cache()
    {
        var page = await app.LoggedInPageAsync("community");
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync("/disaster-report");
        await Expect(page.Locator("#network-state")).ToContainTextAsync("网络已连接", new() { Timeout = 20_000 });
        // The service worker takes the page over, then a reload online fills its cache with the page and its files.
        await page.WaitForFunctionAsync("() => navigator.serviceWorker && navigator.serviceWorker.controller !== null", null, new() { Timeout = 30_000 });
        await page.ReloadAsync();
        await Expect(page.Locator("#network-state")).ToContainTextAsync("网络已连接", new() { Timeout = 20_000 });
        var cached = await page.EvaluateAsync<string[]>(
            "async () => (await (await caches.open('tianshan-disaster-report-v1')).keys()).map(r => new URL(r.url).pathname)");
        Assert.Contains("/disaster-report", cached);
        Assert.Contains(cached, p => p.EndsWith("tianshan-disaster-report.js", StringComparison.Ordinal));

        await page.Context.SetOfflineAsync(true);
        try
        {
            await page.ReloadAsync();
            await Expect(page.Locator("h1")).ToHaveTextAsync("灾情报送", new() { Timeout = 20_000 });
            await Expect(page.Locator("#network-state")).ToContainTextAsync("当前无网络", new() { Timeout = 10_000 });
            await Expect(page.Locator("#filing-submit")).ToBeVisibleAsync();
        }
        finally
        {
            await page.Context.SetOfflineAsync(false);
        }
    }

    [Fact]
    public async Task A_report_written_offline_is_kept_on_the_phone_and_stored_exactly_once_when_the_network_returns()
    {
        var page = await app.LoggedInPageAsync("community");
        await page.SetViewportSizeAsync(390, 844);   // a phone
        await page.GotoAsync("/disaster-report");
        await Expect(page.Locator("#network-state")).ToContainTextAsync("网络已连接", new() { Timeout = 20_000 });
        var title = "暴雨洪涝离线测试" + Guid.NewGuid().ToString("N")[..6];

        await page.Context.SetOfflineAsync(true);
        await Expect(page.Locator("#network-state")).ToContainTextAsync("当前无网络", new() { Timeout = 10_000 });
        await page.SelectOptionAsync("#type", "Flood");
        await page.FillAsync("#title", title);
        await page.FillAsync("#affectedPeople", "42");
        await page.FillAsync("#relocated", "15");
        await page.FillAsync("#housesDamaged", "3");
        await page.FillAsync("#narrative", "南防洪渠漫溢，12户进水");
        await page.ClickAsync("#filing-submit");
        await Expect(page.Locator("#queue-state")).ToContainTextAsync("待发送 1 条", new() { Timeout = 10_000 });
        await Expect(page.Locator("#queue-list li")).ToContainTextAsync(title);
        var queue = await page.EvaluateAsync<string>("() => localStorage.getItem('tianshan.disaster.queue')");
        Assert.Equal(1, await page.EvaluateAsync<int>("q => JSON.parse(q).length", queue));
        var reportKey = await page.EvaluateAsync<string>("q => JSON.parse(q)[0].body.reportKey", queue);
        await BrowserApp.ScreenshotAsync(page, "disaster-report-offline");

        // The network returns: the page sends the queue by itself.
        await page.Context.SetOfflineAsync(false);
        await Expect(page.Locator("#queue-state")).ToContainTextAsync("全部已送达", new() { Timeout = 30_000 });
        Assert.Equal(0, await page.EvaluateAsync<int>("() => JSON.parse(localStorage.getItem('tianshan.disaster.queue') || '[]').length"));

        await page.ReloadAsync();
        var received = page.Locator("#received-list li.received", new() { HasText = title });
        await Expect(received).ToBeVisibleAsync(Long);
        Assert.Equal(1, await received.CountAsync());
        await Expect(received).ToContainTextAsync("初报");
        await Expect(received).ToContainTextAsync("受灾 42 人");

        // The same filing sent again (as if the server's answer had been lost on the way back): recognised by its key, not stored twice.
        await page.EvaluateAsync("q => { localStorage.setItem('tianshan.disaster.queue', q); window.dispatchEvent(new Event('online')); }", queue);
        await Expect(page.Locator("#queue-state")).ToContainTextAsync("全部已送达", new() { Timeout = 30_000 });
        await page.ReloadAsync();
        await Expect(received).ToBeVisibleAsync(Long);
        Assert.Equal(1, await received.CountAsync());
        var filings = await page.EvaluateAsync<int>(@"async title => {
            const list = await (await fetch('/api/disaster-reports')).json();
            const mine = list.filter(r => r.title === title);
            if (mine.length !== 1) return -mine.length;
            return (await (await fetch('/api/disaster-reports/' + mine[0].id)).json()).entries.length;
        }", title);
        Assert.Equal(1, filings);

        // A 续报 on the same report, online this time.
        await page.SelectOptionAsync("#report", reportKey);
        await page.CheckAsync("input[name=stage][value=Update]");
        await page.FillAsync("#affectedPeople", "45");
        await page.ClickAsync("#filing-submit");
        await Expect(page.Locator("#queue-state")).ToContainTextAsync("全部已送达", new() { Timeout = 30_000 });
        await page.ReloadAsync();
        await Expect(received).ToContainTextAsync("续报", new() { Timeout = 20_000 });
        await Expect(received).ToContainTextAsync("受灾 45 人");
    }
}
