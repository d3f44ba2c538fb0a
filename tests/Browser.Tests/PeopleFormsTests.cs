using System.Globalization;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Tianshan.Browser.Tests;

/// <summary>Data entry of C11 through the pages: an enterprise adds a worker and his certificate (a bad certificate is refused
/// in Chinese on the form first), the bureau records a staff training and its attendance, and a publicity activity and a
/// knowledge survey are recorded — each read back from the page's own list.</summary>
[Collection(WithBrowser.Name)]
public sealed class PeopleFormsTests(BrowserApp app)
{
    private static readonly LocatorAssertionsToContainTextOptions Long = new() { Timeout = 20_000 };

    private static string Day(DateTime d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static async Task InteractiveAsync(IPage page)
    {
        await page.WaitForFunctionAsync("() => window.Blazor !== undefined");
        await page.WaitForTimeoutAsync(1500);
    }


    private static async Task TypeAsync(IPage page, string field, string value)
    {
        await page.Locator(field).FillAsync(value);
        await page.Locator(field).PressAsync("Tab");
    }

    [Fact]
    public async Task An_enterprise_adds_a_worker_and_his_certificate_through_the_forms()
    {
        var name = $"表单焊工{Guid.NewGuid():N}"[..10];
        var number = $"FORM{Guid.NewGuid():N}"[..16];
        var page = await app.LoggedInPageAsync("enterprise");
        await page.GotoAsync("/people");
        await Expect(page.Locator("#person-form")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await InteractiveAsync(page);

        await page.ClickAsync("#person-save"); // nothing filled: refused in Chinese on the form
        await Expect(page.Locator("#person-error")).ToContainTextAsync("姓名不能为空", Long);
        await Expect(page.Locator("#person-form")).ToContainTextAsync("姓名不能为空");

        await TypeAsync(page, "#f-name", name);
        await MudSelects.PickAsync(page, page.Locator("#f-role"), "特种作业人员");
        await TypeAsync(page, "#f-position", "电焊工");
        await page.ClickAsync("#person-save");
        await Expect(page.Locator("#person-error")).ToHaveCountAsync(0, new() { Timeout = 20_000 });
        await page.GetByPlaceholder("搜索姓名、单位、岗位").FillAsync(name);
        var row = page.Locator("#people-table tr", new() { HasText = name });
        await Expect(row).ToContainTextAsync("特种作业人员", Long);

        await row.Locator(".person-certificate").ClickAsync();
        await Expect(page.Locator("#certificate-form")).ToContainTextAsync(name, Long);
        await MudSelects.PickAsync(page, page.Locator("#c-kind"), "特种作业操作证");
        await TypeAsync(page, "#c-number", number);
        await TypeAsync(page, "#c-authority", "克拉玛依市应急管理局");
        await TypeAsync(page, "#c-issued", Day(DateTime.UtcNow.AddYears(-1)));
        await TypeAsync(page, "#c-expires", Day(DateTime.UtcNow.AddDays(45)));
        await page.ClickAsync("#certificate-save"); // no operation category: the entity's rule, shown on the form, nothing stored
        await Expect(page.Locator("#certificate-error")).ToContainTextAsync("特种作业操作证应填写作业类别", Long);
        await Expect(row).Not.ToContainTextAsync(number);

        await TypeAsync(page, "#c-category", "焊接与热切割作业");
        await page.ClickAsync("#certificate-save");
        await Expect(page.Locator("#certificate-form")).ToHaveCountAsync(0, new() { Timeout = 20_000 });
        await Expect(row).ToContainTextAsync(number, Long);
        await Expect(row).ToContainTextAsync("天后到期"); // within the 90-day window
        await BrowserApp.ScreenshotAsync(page, "people-forms");
    }

    [Fact]
    public async Task The_bureau_records_a_staff_training_and_who_attended()
    {
        var topic = $"应急值守业务培训{Guid.NewGuid():N}"[..14];
        var page = await app.LoggedInPageAsync("bureau");
        await page.GotoAsync("/people/trainings");
        await Expect(page.Locator("#training-form")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await InteractiveAsync(page);

        await MudSelects.PickAsync(page, page.Locator("#t-kind"), "局机关干部职工培训");
        await TypeAsync(page, "#t-topic", topic);
        await TypeAsync(page, "#t-hours", "0");
        await page.ClickAsync("#training-save");
        await Expect(page.Locator("#training-error")).ToContainTextAsync("学时应大于 0", Long);

        await TypeAsync(page, "#t-hours", "6");
        await TypeAsync(page, "#t-place", "局三楼会议室");
        await page.ClickAsync("#training-save");
        var detail = page.Locator("#training-detail");
        await Expect(detail).ToContainTextAsync(topic, Long);
        await Expect(detail).ToContainTextAsync("尚未登记参训人员");

        await page.ClickAsync("#attend-save"); // nobody chosen
        await Expect(page.Locator("#attend-error")).ToContainTextAsync("请选择参训人员", Long);
        await MudSelects.PickAsync(page, page.Locator("#a-person"), "马建国");
        await TypeAsync(page, "#a-hours", "4");
        await page.ClickAsync("#attend-save");
        await Expect(page.Locator("#attendee-table")).ToContainTextAsync("马建国", Long);
        await Expect(page.Locator("#attendee-table tr", new() { HasText = "马建国" })).ToContainTextAsync("4");
        await MudSelects.PickAsync(page, page.Locator("#a-person"), "李秀兰");
        await page.ClickAsync("#attend-save");
        await Expect(page.Locator("#attendee-table tr", new() { HasText = "李秀兰" })).ToContainTextAsync("6", Long);

        var session = page.Locator("#training-table tr", new() { HasText = topic });
        await Expect(session).ToContainTextAsync("局机关干部职工培训", Long);
        await Expect(session.Locator("td").Nth(5)).ToHaveTextAsync("2");
        await BrowserApp.ScreenshotAsync(page, "training-forms");
    }

    [Fact]
    public async Task A_publicity_activity_and_a_knowledge_survey_are_recorded_through_the_forms()
    {
        var title = $"防灾减灾日进社区{Guid.NewGuid():N}"[..14];
        var page = await app.LoggedInPageAsync("bureau");
        await page.GotoAsync("/people/publicity");
        await Expect(page.Locator("#publicity-form")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await InteractiveAsync(page);

        await MudSelects.PickAsync(page, page.Locator("#p-community"), "北湖社区");
        await TypeAsync(page, "#p-title", title);
        await MudSelects.PickAsync(page, page.Locator("#p-kind"), "防灾减灾日");
        await TypeAsync(page, "#p-place", "北湖社区文化广场");
        await TypeAsync(page, "#p-audience", "320");
        await TypeAsync(page, "#p-households", "-5");
        await page.ClickAsync("#publicity-save");
        await Expect(page.Locator("#publicity-error")).ToContainTextAsync("覆盖户数不能为负数", Long);
        await Expect(page.Locator("#publicity-table")).Not.ToContainTextAsync(title);

        await TypeAsync(page, "#p-households", "140");
        await page.ClickAsync("#publicity-save");
        var row = page.Locator("#publicity-table tr", new() { HasText = title });
        await Expect(row).ToContainTextAsync("北湖社区", Long);
        await Expect(row).ToContainTextAsync("320");
        await Expect(row).ToContainTextAsync("140");

        await page.GetByRole(AriaRole.Tab, new() { Name = "知识调查" }).ClickAsync();
        await Expect(page.Locator("#survey-form")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await MudSelects.PickAsync(page, page.Locator("#s-community"), "北湖社区");
        await MudSelects.PickAsync(page, page.Locator("#s-kind"), "防灾减灾知识");
        await TypeAsync(page, "#s-sample", "137");
        await TypeAsync(page, "#s-passing", "140");
        await page.ClickAsync("#survey-save");
        await Expect(page.Locator("#survey-error")).ToContainTextAsync("合格户数不能多于被调查户数", Long);
        await TypeAsync(page, "#s-passing", "131");
        await page.ClickAsync("#survey-save");
        var survey = page.Locator("#survey-table tr", new() { HasText = "137" });
        await Expect(survey).ToContainTextAsync("北湖社区", Long);
        await Expect(survey).ToContainTextAsync("95.6% / 90%");
        await BrowserApp.ScreenshotAsync(page, "publicity-forms");
    }
}
