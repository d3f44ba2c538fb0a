using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Tianshan.Browser.Tests;

/// <summary>One hidden hazard from an anonymous public report to its closure, through the pages: the public form, the
/// bureau's triage into a hazard of the refinery, the enterprise's assessment with its 五落实 and a photo as evidence,
/// and the inspector's verification that strikes it off.</summary>
[Collection(WithBrowser.Name)]
public sealed class HiddenHazardPagesTests(BrowserApp app)
{
    private static readonly LocatorAssertionsToBeVisibleOptions Long = new() { Timeout = 20_000 };

    /// <summary>Interactive pages are prerendered: wait until the circuit is up before typing.</summary>
    private static async Task InteractiveAsync(IPage page)
    {
        await page.WaitForFunctionAsync("() => window.Blazor !== undefined");
        await page.WaitForTimeoutAsync(1500);
    }

    [Fact]
    public async Task A_public_report_becomes_a_hazard_that_is_rectified_with_evidence_and_closed_by_an_inspector()
    {
        // 1. Anyone, without logging in.
        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl.ToString(), Locale = "zh-CN" });
        var anonymous = await context.NewPageAsync();
        await anonymous.GotoAsync("/report");
        await anonymous.ClickAsync("#report-submit");
        await Expect(anonymous.Locator("#report-error")).ToContainTextAsync("请检查标红的内容", new() { Timeout = 20_000 });
        await anonymous.FillAsync("#enterpriseName", "独山子石化公司");
        await anonymous.FillAsync("#location", "炼油厂北门外");
        await anonymous.FillAsync("#description", "油罐区围堰破损，雨后有油污流出");
        await anonymous.ClickAsync("#report-submit");
        await Expect(anonymous.Locator("#report-receipt")).ToBeVisibleAsync(Long);
        var receipt = (await anonymous.Locator(".receipt-number").InnerTextAsync()).Trim();
        Assert.StartsWith("JB-", receipt, StringComparison.Ordinal);
        await BrowserApp.ScreenshotAsync(anonymous, "public-report");

        // 2. The bureau triages it into a hazard of the refinery.
        var bureau = await app.LoggedInPageAsync("bureau");
        await bureau.GotoAsync("/reports");
        var row = bureau.Locator("#report-table tr", new() { HasText = receipt });
        await Expect(row).ToBeVisibleAsync(Long);
        await InteractiveAsync(bureau);
        // A click that lands while the circuit is still busy can be lost on a loaded machine: pick and convert until it navigates.
        for (var attempt = 1; !bureau.Url.Contains("/hazards/", StringComparison.Ordinal); attempt++)
        {
            await row.Locator(".convert-enterprise").ClickAsync();
            await bureau.Locator(".mud-popover-open .mud-list-item", new() { HasText = "独山子石化公司" }).First.ClickAsync();
            await row.Locator(".convert-report").ClickAsync();
            try
            {
                await bureau.WaitForURLAsync(url => url.Contains("/hazards/", StringComparison.Ordinal), new() { Timeout = 10_000 });
            }
            catch (TimeoutException) when (attempt < 3)
            {
            }
        }
        var hazardUrl = bureau.Url;
        await Expect(bureau.Locator("#hazard-status")).ToContainTextAsync("已登记", new() { Timeout = 20_000 });

        // 3. The refinery assesses it, attaches a photo and submits.
        var enterprise = await app.LoggedInPageAsync("enterprise");
        await enterprise.GotoAsync(hazardUrl);
        await Expect(enterprise.Locator("#assess-form")).ToBeVisibleAsync(Long);
        await InteractiveAsync(enterprise);
        await enterprise.ClickAsync("#assess-hazard");   // nothing filled: the 五落实 messages show, nothing stored
        await Expect(enterprise.Locator("#action-error")).ToContainTextAsync("五落实", new() { Timeout = 20_000 });
        await enterprise.Locator("#f-responsible").FillAsync("张伟");
        await enterprise.Locator("#f-measures").FillAsync("修复围堰，清理油污");
        await enterprise.Locator("#f-contingency").FillAsync("修复前设置临时围挡并每班巡检");
        await enterprise.Locator("#f-deadline").FillAsync(DateTime.UtcNow.AddDays(20).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await enterprise.Locator("#f-deadline").PressAsync("Tab");
        await enterprise.ClickAsync("#assess-hazard");
        await Expect(enterprise.Locator("#hazard-status")).ToContainTextAsync("整改中", new() { Timeout = 20_000 });

        await enterprise.Locator("#evidence-input").SetInputFilesAsync(new FilePayload
        {
            Name = "围堰修复后.png",
            MimeType = "image/png",
            Buffer = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="),
        });
        await Expect(enterprise.Locator("#evidence-list")).ToContainTextAsync("围堰修复后.png", new() { Timeout = 20_000 });
        await enterprise.Locator("#f-submit-note").FillAsync("围堰已修复");
        await enterprise.ClickAsync("#submit-rectification");
        await Expect(enterprise.Locator("#hazard-status")).ToContainTextAsync("待验收", new() { Timeout = 20_000 });

        // 4. The submitter cannot verify; the inspector does, and the hazard is struck off.
        await enterprise.ClickAsync("#verify-pass");
        await Expect(enterprise.Locator("#action-error")).ToContainTextAsync("验收人不能是整改提交人", new() { Timeout = 20_000 });
        var inspector = await app.LoggedInPageAsync("inspector");
        await inspector.GotoAsync(hazardUrl);
        await Expect(inspector.Locator("#verify-form")).ToBeVisibleAsync(Long);
        await InteractiveAsync(inspector);
        await inspector.ClickAsync("#verify-pass");
        await Expect(inspector.Locator("#hazard-status")).ToContainTextAsync("已销号", new() { Timeout = 20_000 });
        var actions = await inspector.Locator("#hazard-timeline .timeline-action").AllInnerTextsAsync();
        Assert.Equal(["登记", "评估", "提交整改", "验收销号"], actions.Select(a => a.Trim()));
        await BrowserApp.ScreenshotAsync(inspector, "hazard-closed");
    }
}
