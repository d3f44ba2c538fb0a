using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Tianshan.Browser.Tests;

/// <summary>The consultations page's forms in the browser: the bureau records a consultation (an empty form first: the Chinese
/// messages show beside the fields and nothing is stored), edits it, sees it in the list, and deletes it after confirming; a
/// department, which only reads, gets none of the buttons. What the test adds it removes (other tests count consultations).</summary>
[Collection(WithBrowser.Name)]
public sealed class ConsultationPagesTests(BrowserApp app)
{
    private static readonly LocatorAssertionsToContainTextOptions Long = new() { Timeout = 20_000 };

    private static ILocator Dialog(IPage page) => page.Locator("#consultation-dialog, .mud-dialog").First;

    private static async Task OpenAsync(IPage page)
    {
        await page.GotoAsync("/disaster-risk/consultations");
        await Expect(page.Locator("#consultations")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await page.WaitForFunctionAsync("() => window.Blazor !== undefined");
        await page.WaitForTimeoutAsync(1500);
    }

    private static async Task RemoveAsync(IPage page, string title)
    {
        var list = await page.Context.APIRequest.GetAsync("/api/disaster-risk/consultations");
        var ids = System.Text.Json.JsonDocument.Parse(await list.TextAsync()).RootElement.EnumerateArray()
            .Where(c => c.GetProperty("title").GetString()!.StartsWith(title, StringComparison.Ordinal)).Select(c => c.GetProperty("id").GetGuid()).ToList();
        foreach (var id in ids)
            await page.Context.APIRequest.DeleteAsync($"/api/disaster-risk/consultations/{id}");
    }

    [Fact]
    public async Task The_bureau_records_edits_and_deletes_a_consultation_on_the_page()
    {
        var title = $"元旦节前风险会商（页面测试 {Guid.NewGuid().ToString("N")[..6]}）";
        var page = await app.LoggedInPageAsync("bureau");
        try
        {
            await OpenAsync(page);
            var rows = page.Locator("#consultations tbody tr");
            var before = await rows.CountAsync();

            await page.ClickAsync("#new-consultation");
            await Expect(Dialog(page)).ToContainTextAsync("新增会商记录", Long);
            await page.ClickAsync("#consultation-save");   // nothing filled
            await Expect(page.Locator("#consultation-error")).ToContainTextAsync("请检查标红的内容", Long);
            await Expect(Dialog(page)).ToContainTextAsync("会商主题不能为空");
            await Expect(Dialog(page)).ToContainTextAsync("防范措施不能为空");
            await Expect(rows).ToHaveCountAsync(before);

            await MudSelects.PickAsync(page, page.Locator("#f-kind"), "节假日前");
            await page.Locator("#f-title").FillAsync(title);
            await page.Locator("#f-participants").FillAsync("区应急管理局、区公安分局、区市场监管局");
            await page.Locator("#f-situation").FillAsync("节日期间人员流动增多，危化品运输车辆集中");
            await page.Locator("#f-judgement").FillAsync("人员密集场所和危化品运输风险较高");
            await page.Locator("#f-measures").FillAsync("落实领导带班和24小时值班；重大危险源企业节前检查");
            await page.ClickAsync("#consultation-save");
            await Expect(Dialog(page)).ToBeHiddenAsync(new() { Timeout = 20_000 });
            var row = page.Locator("#consultations tbody tr", new() { HasText = title });
            await Expect(row).ToContainTextAsync("节假日前", Long);
            await Expect(rows).ToHaveCountAsync(before + 1);
            await BrowserApp.ScreenshotAsync(page, "consultations-created");

            await row.Locator(".edit-consultation").ClickAsync();
            await Expect(Dialog(page)).ToContainTextAsync("编辑会商记录", Long);
            await Expect(page.Locator("#f-title")).ToHaveValueAsync(title);
            await page.Locator("#f-judgement").FillAsync("人员密集场所、危化品运输和燃气使用风险较高");
            await page.Locator("#f-title").FillAsync(title + new string('长', 200));
            await page.ClickAsync("#consultation-save");
            await Expect(Dialog(page)).ToContainTextAsync("会商主题不能超过200字", Long);
            await page.Locator("#f-title").FillAsync(title);
            await page.ClickAsync("#consultation-save");
            await Expect(Dialog(page)).ToBeHiddenAsync(new() { Timeout = 20_000 });
            await Expect(row.Locator(".consultation-judgement")).ToHaveTextAsync("人员密集场所、危化品运输和燃气使用风险较高", new() { Timeout = 20_000 });

            await row.Locator(".delete-consultation").ClickAsync();
            var box = page.Locator(".mud-message-box, .mud-dialog", new() { HasText = "确定删除" });
            await Expect(box).ToBeVisibleAsync(new() { Timeout = 20_000 });
            await box.Locator("button", new() { HasText = "取消" }).ClickAsync();
            await Expect(rows).ToHaveCountAsync(before + 1);
            await row.Locator(".delete-consultation").ClickAsync();
            await Expect(box).ToBeVisibleAsync(new() { Timeout = 20_000 });
            await box.Locator("button", new() { HasText = "删除" }).ClickAsync();
            await Expect(rows).ToHaveCountAsync(before, new() { Timeout = 20_000 });
        }
        finally
        {
            await RemoveAsync(page, title);
        }
    }

    [Fact]
    public async Task A_department_reads_the_consultations_without_the_buttons()
    {
        var page = await app.LoggedInPageAsync("department");
        await OpenAsync(page);
        await Expect(page.Locator("#consultations tbody tr").First).ToBeVisibleAsync();
        await Expect(page.Locator("#new-consultation")).ToHaveCountAsync(0);
        await Expect(page.Locator(".edit-consultation")).ToHaveCountAsync(0);
        await Expect(page.Locator(".delete-consultation")).ToHaveCountAsync(0);
    }
}
