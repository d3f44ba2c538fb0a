using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Tianshan.Browser.Tests;

/// <summary>One enforcement case through the pages: the inspector files and investigates, the bureau reviews (the filer could
/// not) and decides with the legal basis, the inspector records the fine paid and closes, and the public page shows the decision.</summary>
[Collection(WithBrowser.Name)]
public sealed class EnforcementCasePagesTests(BrowserApp app)
{
    private static readonly LocatorAssertionsToContainTextOptions Long = new() { Timeout = 20_000 };

    private static async Task InteractiveAsync(IPage page)
    {
        await page.WaitForFunctionAsync("() => window.Blazor !== undefined");
        await page.WaitForTimeoutAsync(1500);
    }


    [Fact]
    public async Task A_case_runs_from_filing_to_closing_through_the_pages_and_is_published()
    {
        var title = $"未按规定维护安全设备 {Guid.NewGuid():N}"[..20];
        var inspector = await app.LoggedInPageAsync("inspector");
        await inspector.GotoAsync("/cases");
        await Expect(inspector.Locator("#file-form")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await InteractiveAsync(inspector);
        await inspector.ClickAsync("#file-case");   // nothing filled: refused in Chinese, nothing stored
        await Expect(inspector.Locator("#file-error")).ToContainTextAsync("请选择当事企业", Long);
        await MudSelects.PickAsync(inspector, inspector.Locator("#f-enterprise"), "独山子石化公司");
        await inspector.Locator("#f-title").FillAsync(title);
        await inspector.Locator("#f-facts").FillAsync("3号罐组可燃气体探测器失效，逾期未整改");
        await inspector.ClickAsync("#file-case");
        await inspector.WaitForURLAsync(url => url.Contains("/cases/", StringComparison.Ordinal), new() { Timeout = 20_000 });
        await Expect(inspector.Locator("#case-stage")).ToContainTextAsync("立案", Long);
        var caseUrl = inspector.Url;
        await InteractiveAsync(inspector);
        await inspector.Locator("#f-findings").FillAsync("现场检查笔录、询问笔录各一份");
        await inspector.ClickAsync("#investigate-case");
        await Expect(inspector.Locator("#case-stage")).ToContainTextAsync("调查取证", Long);

        var bureau = await app.LoggedInPageAsync("bureau");
        await bureau.GotoAsync(caseUrl);
        await Expect(bureau.Locator("#investigate-form")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await InteractiveAsync(bureau);
        await bureau.ClickAsync("#review-pass");
        await Expect(bureau.Locator("#case-stage")).ToContainTextAsync("法制审核", Long);
        await bureau.Locator("#f-basis").FillAsync("《安全生产法》第九十九条");
        await MudSelects.PickAsync(bureau, bureau.Locator("#f-penalty"), "罚款");
        await bureau.Locator("#f-fine").FillAsync("50000");
        await bureau.Locator("#f-fine").PressAsync("Tab");
        await bureau.Locator("#f-document").FillAsync("独应急罚〔2026〕9号");
        await bureau.ClickAsync("#decide-case");
        await Expect(bureau.Locator("#case-stage")).ToContainTextAsync("决定", Long);

        await inspector.ReloadAsync();
        await Expect(inspector.Locator("#execute-form")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await InteractiveAsync(inspector);
        await inspector.Locator("#f-execution").FillAsync("罚款已缴入指定银行");
        await inspector.Locator("#f-paid").FillAsync("50000");
        await inspector.Locator("#f-paid").PressAsync("Tab");
        await inspector.ClickAsync("#execute-case");
        await Expect(inspector.Locator("#case-stage")).ToContainTextAsync("执行", Long);
        await inspector.ClickAsync("#close-case");
        await Expect(inspector.Locator("#case-stage")).ToContainTextAsync("结案", Long);
        await Expect(inspector.Locator("#case-timeline .timeline-action")).ToHaveCountAsync(6);

        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl.ToString(), Locale = "zh-CN" });
        var anonymous = await context.NewPageAsync();
        await anonymous.GotoAsync("/public/enforcement");
        await Expect(anonymous.Locator("#public-enforcement")).ToContainTextAsync("《安全生产法》第九十九条", Long);
        await Expect(anonymous.Locator("#public-enforcement")).ToContainTextAsync("罚款 50000 元", Long);
        await Expect(anonymous.Locator("body")).Not.ToContainTextAsync("探测器失效");
        await BrowserApp.ScreenshotAsync(anonymous, "public-enforcement");
    }
}
