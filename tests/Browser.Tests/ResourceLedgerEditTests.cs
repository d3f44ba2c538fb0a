using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Tianshan.Browser.Tests;

/// <summary>The resource ledgers' create and edit dialogs in the browser: the bureau adds a rescue team and a shelter, is told in
/// Chinese what is wrong with a bad value (nothing stored), edits them and sees the changes in the list; a department, which
/// the API lets only read, gets no buttons.</summary>
[Collection(WithBrowser.Name)]
public sealed class ResourceLedgerEditTests(BrowserApp app)
{
    private static readonly LocatorAssertionsToContainTextOptions Long = new() { Timeout = 20_000 };

    private static ILocator Dialog(IPage page) => page.Locator(".mud-dialog");

    private static ILocator Field(IPage page, string header) => Dialog(page).Locator($"input[id='lf-{header}']");

    private static async Task OpenLedgerAsync(IPage page, string kind)
    {
        await page.GotoAsync($"/resources/ledger/{kind}");
        await Expect(page.Locator("#ledger-count")).ToContainTextAsync("共", Long);
        await page.WaitForFunctionAsync("() => window.Blazor !== undefined");
        await page.WaitForTimeoutAsync(1000);
    }

    private static async Task SaveAsync(IPage page) => await Dialog(page).Locator("#ledger-save").ClickAsync();

    /// <summary>Other tests of the collection count the demo's records (27 teams): what a test adds it removes, through the API
    /// with the page's own login.</summary>
    private static async Task RemoveAsync(IPage page, string kind, string code)
    {
        var list = await page.Context.APIRequest.GetAsync($"/api/resources/{kind}?q={Uri.EscapeDataString(code)}");
        var rows = System.Text.Json.JsonDocument.Parse(await list.TextAsync()).RootElement.EnumerateArray()
            .Where(r => r.GetProperty("code").GetString() == code).Select(r => r.GetProperty("id").GetGuid()).ToList();
        foreach (var id in rows)
            Assert.True((await page.Context.APIRequest.DeleteAsync($"/api/resources/{kind}/{id}")).Ok);
    }

    [Fact]
    public async Task The_bureau_creates_and_edits_a_rescue_team_and_bad_input_is_told_in_Chinese()
    {
        var page = await app.LoggedInPageAsync("bureau");
        try
        {
            await CreateAndEditTeamAsync(page);
        }
        finally
        {
            await RemoveAsync(page, "teams", "DT-EDIT-01");
        }
    }

    private static async Task CreateAndEditTeamAsync(IPage page)
    {
        await OpenLedgerAsync(page, "teams");
        var table = page.Locator("#ledger-table");

        await page.ClickAsync("#ledger-new");
        await Expect(Dialog(page)).ToContainTextAsync("新增救援队伍", Long);
        await SaveAsync(page);   // nothing filled
        var errors = Dialog(page).Locator("#ledger-errors");
        await Expect(errors).ToContainTextAsync("请填写编号", Long);
        await Expect(errors).ToContainTextAsync("请填写队员人数");

        await Field(page, "编号").FillAsync("DT-EDIT-01");
        await Field(page, "名称").FillAsync("界面新增测试救援队");
        await Field(page, "队员人数").FillAsync("十二");
        await Field(page, "负责人").FillAsync("马队长");
        await SaveAsync(page);
        await Expect(errors).ToContainTextAsync("“十二”不是整数", Long);
        await Expect(table).Not.ToContainTextAsync("界面新增测试救援队");

        await Field(page, "队员人数").FillAsync("12");
        await SaveAsync(page);
        await Expect(Dialog(page)).ToHaveCountAsync(0, new() { Timeout = 20_000 });
        var row = table.Locator("tr", new() { HasText = "DT-EDIT-01" });
        await Expect(row).ToContainTextAsync("界面新增测试救援队", Long);
        await Expect(row).ToContainTextAsync("马队长");

        // Edit: the dialog opens with the stored values; a negative count is refused by the record's own rule, then corrected.
        await row.Locator(".ledger-edit").ClickAsync();
        await Expect(Field(page, "名称")).ToHaveValueAsync("界面新增测试救援队", new() { Timeout = 20_000 });
        await Field(page, "名称").FillAsync("界面编辑测试救援队");
        await Field(page, "队员人数").FillAsync("-3");
        await SaveAsync(page);
        await Expect(errors).ToContainTextAsync("队员人数不能为负数", Long);
        await Field(page, "队员人数").FillAsync("15");
        await SaveAsync(page);
        await Expect(Dialog(page)).ToHaveCountAsync(0, new() { Timeout = 20_000 });
        await Expect(row).ToContainTextAsync("界面编辑测试救援队", Long);
        await Expect(row.Locator("td").Nth(4)).ToHaveTextAsync("15");

        // A code another record holds is refused (编号 is the key of Excel re-imports).
        await page.ClickAsync("#ledger-new");
        await Field(page, "编号").FillAsync("DT-EDIT-01");
        await Field(page, "名称").FillAsync("重复编号");
        await Field(page, "队员人数").FillAsync("1");
        await SaveAsync(page);
        await Expect(errors).ToContainTextAsync("编号“DT-EDIT-01”已被其他记录使用", Long);
        await Dialog(page).Locator("#ledger-cancel").ClickAsync();
        await Expect(table).Not.ToContainTextAsync("重复编号");
        await BrowserApp.ScreenshotAsync(page, "resource-ledger-edit");
    }

    [Fact]
    public async Task The_bureau_creates_and_edits_a_shelter_and_a_department_only_reads()
    {
        var page = await app.LoggedInPageAsync("bureau");
        try
        {
            await CreateAndEditShelterAsync(page);
            var department = await app.LoggedInPageAsync("department");
            await OpenLedgerAsync(department, "shelters");
            await Expect(department.Locator("#ledger-table")).ToContainTextAsync("界面新增测试避难场所", Long);
            await Expect(department.Locator("#ledger-new")).ToHaveCountAsync(0);
            await Expect(department.Locator(".ledger-edit")).ToHaveCountAsync(0);
        }
        finally
        {
            await RemoveAsync(page, "shelters", "BN-EDIT-01");
        }
    }

    private static async Task CreateAndEditShelterAsync(IPage page)
    {
        await OpenLedgerAsync(page, "shelters");
        var table = page.Locator("#ledger-table");

        await page.ClickAsync("#ledger-new");
        await Expect(Dialog(page)).ToContainTextAsync("新增避难场所", Long);
        await Field(page, "编号").FillAsync("BN-EDIT-01");
        await Field(page, "名称").FillAsync("界面新增测试避难场所");
        await Field(page, "容纳人数").FillAsync("800");
        await Field(page, "有效避难面积(㎡)").FillAsync("1500");
        await Field(page, "纬度").FillAsync("44.3");   // no longitude
        await SaveAsync(page);
        var errors = Dialog(page).Locator("#ledger-errors");
        await Expect(errors).ToContainTextAsync("经纬度应同时填写或同时留空", Long);
        await Field(page, "纬度").FillAsync("");
        await SaveAsync(page);
        await Expect(Dialog(page)).ToHaveCountAsync(0, new() { Timeout = 20_000 });
        var row = table.Locator("tr", new() { HasText = "BN-EDIT-01" });
        await Expect(row).ToContainTextAsync("界面新增测试避难场所", Long);
        await Expect(row).ToContainTextAsync("800");
        await Expect(row).ToContainTextAsync("未开放");

        await row.Locator(".ledger-edit").ClickAsync();
        await Expect(Field(page, "容纳人数")).ToHaveValueAsync("800", new() { Timeout = 20_000 });
        await Field(page, "容纳人数").FillAsync("1000");
        await MudSelects.PickAsync(page, Dialog(page).Locator("[data-field='应急供水']"), "是");
        await SaveAsync(page);
        await Expect(Dialog(page)).ToHaveCountAsync(0, new() { Timeout = 20_000 });
        await Expect(row).ToContainTextAsync("1000", Long);
        await Expect(row.Locator("td").Nth(5)).ToHaveTextAsync("是");
    }
}
