using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Tianshan.Browser.Tests;

/// <summary>The bureau generates this month's report from the reports page: the progress bar runs to the end and the PDF and
/// Excel downloads appear, and the PDF link serves the file.</summary>
[Collection(WithBrowser.Name)]
public sealed class ReportPagesTests(BrowserApp app)
{
    [Fact]
    public async Task The_monthly_report_is_generated_from_the_page_with_its_progress_and_download_links()
    {
        var page = await app.LoggedInPageAsync("bureau");
        await page.GotoAsync("/reports/center");
        await Expect(page.Locator("#generate")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await page.WaitForFunctionAsync("() => window.Blazor !== undefined");
        await page.WaitForTimeoutAsync(1500);

        for (var attempt = 0; attempt < 3 && await page.Locator("#report-job").CountAsync() == 0; attempt++)
        {
            await page.ClickAsync("#generate");
            await page.WaitForTimeoutAsync(1000);
        }
        await Expect(page.Locator("#report-job")).ToContainTextAsync("安全生产和应急管理工作月报");
        await Expect(page.Locator("#report-progress")).ToBeVisibleAsync();
        await Expect(page.Locator("#report-status")).ToContainTextAsync("已完成 · 100%", new() { Timeout = 90_000 });
        var pdf = page.Locator("#download-pdf");
        await Expect(pdf).ToBeVisibleAsync();
        await Expect(page.Locator("#download-xlsx")).ToBeVisibleAsync();
        var href = await pdf.GetAttributeAsync("href");
        Assert.Matches(@"^/api/reports/jobs/[0-9a-f-]{36}/file\.pdf$", href);
        var response = await page.APIRequest.GetAsync(href!);
        Assert.Equal(200, response.Status);
        Assert.Equal("application/pdf", response.Headers["content-type"]);
        await Expect(page.Locator("#report-history")).ToContainTextAsync("已完成");
        await BrowserApp.ScreenshotAsync(page, "reports");
    }
}
