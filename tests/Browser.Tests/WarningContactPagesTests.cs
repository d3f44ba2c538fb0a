using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Tianshan.Browser.Tests;

/// <summary>The warning contact ledger page as the duty officer uses it: filter to one community, add a resident contact through
/// the dialog (a bad phone number gets the Chinese message and nothing is stored), see it in the list with the phone masked,
/// then delete it after confirming. It works in 宏源社区, which no warning of the other browser tests covers, and removes what
/// it added, so tests that count demo recipients see the demo ledger.</summary>
[Collection(WithBrowser.Name)]
public sealed class WarningContactPagesTests(BrowserApp app)
{
    private static readonly LocatorAssertionsToBeVisibleOptions Long = new() { Timeout = 20_000 };
    private static readonly LocatorAssertionsToContainTextOptions LongText = new() { Timeout = 20_000 };


    private static async Task TypeAsync(IPage page, string field, string value)
    {
        await page.Locator(field).FillAsync(value);
        await page.Locator(field).PressAsync("Tab");
    }

    [Fact]
    public async Task The_bureau_adds_a_contact_through_the_dialog_sees_it_masked_in_the_list_and_deletes_it()
    {
        var name = $"浏览器居民{Guid.NewGuid():N}"[..11];
        var page = await app.LoggedInPageAsync("bureau");
        await page.GotoAsync("/warnings/contacts");
        await Expect(page.Locator("#contact-table")).ToContainTextAsync("大喇叭", LongText);
        await page.WaitForFunctionAsync("() => window.Blazor !== undefined");
        await page.WaitForTimeoutAsync(1500);

        await MudSelects.PickAsync(page, page.Locator("#contact-community"), "宏源社区");
        await Expect(page.Locator("#contact-table tbody tr").First).ToContainTextAsync("宏源社区", LongText);
        await Expect(page.Locator("#contact-table")).Not.ToContainTextAsync("金山社区");

        await page.ClickAsync("#add-contact");
        await Expect(page.Locator("#contact-dialog, .mud-dialog").First).ToBeVisibleAsync(Long);
        await TypeAsync(page, "#c-name", name);
        await MudSelects.PickAsync(page, page.Locator("#c-category"), "居民联系人");
        await MudSelects.PickAsync(page, page.Locator("#c-channel"), "短信");
        await TypeAsync(page, "#c-address", "1390990");
        await page.ClickAsync("#contact-save");
        await Expect(page.Locator("#contact-error")).ToContainTextAsync("“1390990”不是有效的手机号码", LongText);
        await Expect(page.Locator(".mud-dialog")).ToContainTextAsync("应为 1 开头、第二位 3–9 的 11 位数字");
        await Expect(page.Locator("#contact-table")).Not.ToContainTextAsync(name);

        await TypeAsync(page, "#c-address", "139 0990 8765");
        await page.ClickAsync("#contact-save");
        await Expect(page.Locator(".mud-dialog")).ToHaveCountAsync(0, new() { Timeout = 20_000 });
        var row = page.Locator("#contact-table tr", new() { HasText = name });
        await Expect(row).ToContainTextAsync("宏源社区", LongText);
        await Expect(row).ToContainTextAsync("居民联系人");
        await Expect(row.Locator(".contact-address")).ToHaveTextAsync("139****8765");
        await BrowserApp.ScreenshotAsync(page, "warning-contacts");

        await row.Locator(".contact-delete").ClickAsync();
        var confirm = page.Locator(".mud-dialog", new() { HasText = "确定从宏源社区的名录中删除" });
        await Expect(confirm).ToBeVisibleAsync(Long);
        await confirm.Locator("button", new() { HasText = "删除" }).ClickAsync();
        await Expect(page.Locator("#contact-table tr", new() { HasText = name })).ToHaveCountAsync(0, new() { Timeout = 20_000 });
    }

    [Fact]
    public async Task A_department_user_reads_the_ledger_without_edit_buttons()
    {
        var page = await app.LoggedInPageAsync("department");
        await page.GotoAsync("/warnings/contacts");
        await Expect(page.Locator("#contact-table")).ToContainTextAsync("大喇叭", LongText);
        await Expect(page.Locator("#export-contacts")).ToBeVisibleAsync();
        await Expect(page.Locator("#add-contact")).ToHaveCountAsync(0);
        await Expect(page.Locator(".contact-edit")).ToHaveCountAsync(0);
        await Expect(page.Locator(".contact-delete")).ToHaveCountAsync(0);
    }
}
