using System.Globalization;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Tianshan.Browser.Tests;

/// <summary>The plan and drill data-entry pages: an enterprise registers an on-site disposal plan through the form (bad input first:
/// the Chinese messages show and nothing is stored), corrects it, and the bureau finds it in the list with the filing button the
/// enterprise does not have; the bureau records a drill with a follow-up action and marks it done on the drill list; the bureau
/// makes an annual drill plan; the inspector, who only reads, sees none of the buttons.</summary>
[Collection(WithBrowser.Name)]
public sealed class PlanFormPagesTests(BrowserApp app)
{
    private static readonly LocatorAssertionsToContainTextOptions Long = new() { Timeout = 20_000 };

    /// <summary>Interactive pages are prerendered: wait until the circuit is up before typing, and (on a loaded machine the interactive
    /// render can take a while to replace the prerendered one) until the form's button is there again.</summary>
    private static async Task InteractiveAsync(IPage page, string? button = null)
    {
        await page.WaitForFunctionAsync("() => window.Blazor !== undefined");
        await page.WaitForTimeoutAsync(1500);
        if (button is not null)
            await Expect(page.Locator(button)).ToBeEnabledAsync(new() { Timeout = 60_000 });
    }


    /// <summary>
    /// Clicks a form's save button until the page leaves the form. On a loaded machine a save click can come to nothing:
    /// CI saw the drill plan form stay put for 20 s after a click (session 8 twice, session 9 once), with no message on the
    /// form. A user clicks again; so does this, up to three times, and then fails with the URL and what the form says.
    /// A second click on a save already under way finds the button disabled or gone, so nothing is saved twice.
    /// </summary>
    private static async Task SaveAndLeaveAsync(IPage page, string button, Func<string, bool> left)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (left(page.Url))
                return;
            try
            {
                await page.Locator(button).ClickAsync(new() { Timeout = 5_000 });
            }
            catch (TimeoutException)
            {
                // disabled while an earlier save runs, or gone because it has navigated: the wait below tells which
            }
            try
            {
                await page.WaitForURLAsync(url => left(url), new() { Timeout = 10_000 });
                return;
            }
            catch (TimeoutException) when (attempt < 3)
            {
            }
            catch (TimeoutException e)
            {
                var shown = await page.Locator("[id$='-error'], .mud-input-error").AllInnerTextsAsync();
                throw new TimeoutException($"保存后未离开表单 / the save did not leave {page.Url}; the form shows: {string.Join(" | ", shown)}", e);
            }
        }
    }

    private static string Day(int fromToday) =>
        DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).AddDays(fromToday).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task An_enterprise_registers_a_plan_through_the_form_and_the_bureau_sees_it_in_the_list()
    {
        var title = $"裂解炉区现场处置方案（页面测试 {Guid.NewGuid().ToString("N")[..6]}）";
        var enterprise = await app.LoggedInPageAsync("enterprise");
        await enterprise.GotoAsync("/plans");
        await InteractiveAsync(enterprise, "#new-plan");   // a link followed before the circuit is up can land back on the list
        await enterprise.Locator("#new-plan").ClickAsync();
        await enterprise.WaitForURLAsync(url => url.EndsWith("/plans/new", StringComparison.Ordinal));
        await Expect(enterprise.Locator("#plan-form")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await InteractiveAsync(enterprise, "#save-plan");

        // Nothing filled but the defaults: the server's Chinese messages show on the form and nothing is stored.
        await enterprise.ClickAsync("#save-plan");
        var error = enterprise.Locator("#plan-form-error");
        await Expect(error).ToContainTextAsync("请检查标红的内容", Long);
        await Expect(error).ToContainTextAsync("请填写预案名称");
        await Expect(enterprise.Locator("#levels-error")).ToContainTextAsync("请至少填写一个响应级别");
        Assert.EndsWith("/plans/new", enterprise.Url, StringComparison.Ordinal);

        // An enterprise is offered only the enterprise kinds (2号令 第六条).
        await enterprise.ClickAsync("#f-kind");
        await Expect(enterprise.Locator(".mud-popover-open .mud-list-item", new() { HasText = "现场处置方案" })).ToBeVisibleAsync();   // the list is open,
        await Expect(enterprise.Locator(".mud-popover-open .mud-list-item", new() { HasText = "总体应急预案" })).ToHaveCountAsync(0);  // so this is no vacuous pass
        await MudSelects.PickAsync(enterprise, enterprise.Locator("#f-kind"), "现场处置方案");
        await enterprise.Locator("#f-title").FillAsync(title);
        await enterprise.Locator("#f-version").FillAsync("2026版");
        await enterprise.Locator("#level-IV .level-on input").CheckAsync();
        await enterprise.Locator("#level-IV .level-triggers textarea").FillAsync("裂解炉炉管泄漏着火");
        await enterprise.Locator("#level-IV .level-actions textarea").FillAsync("班组切断进料、启动蒸汽幕，报告厂调度");
        await enterprise.Locator("#level-IV .level-actions textarea").PressAsync("Tab");
        await SaveAndLeaveAsync(enterprise, "#save-plan", url => !url.EndsWith("/plans/new", StringComparison.Ordinal));
        await Expect(enterprise.Locator("#plan-title")).ToHaveTextAsync(title, new() { Timeout = 20_000 });
        await Expect(enterprise.Locator("#plan-filing")).ToContainTextAsync("未备案");
        await Expect(enterprise.Locator("#plan-levels")).ToContainTextAsync("裂解炉炉管泄漏着火");
        // 备案 is the bureau's: the enterprise has no filing button.
        await Expect(enterprise.Locator("#file-plan")).ToHaveCountAsync(0);
        var planUrl = enterprise.Url;

        // The enterprise corrects the plan through the same form.
        await InteractiveAsync(enterprise);
        await enterprise.Locator("#edit-plan").ClickAsync();
        await enterprise.WaitForURLAsync(url => url.EndsWith("/edit", StringComparison.Ordinal), new() { Timeout = 20_000 });
        await Expect(enterprise.Locator("#f-title")).ToHaveValueAsync(title, new() { Timeout = 20_000 });
        await InteractiveAsync(enterprise, "#save-plan");
        await enterprise.Locator("#f-summary").FillAsync("裂解炉区泄漏着火的现场处置");
        await enterprise.Locator("#f-summary").PressAsync("Tab");
        await SaveAndLeaveAsync(enterprise, "#save-plan", url => !url.EndsWith("/edit", StringComparison.Ordinal));
        await Expect(enterprise.Locator("#plan-form-error")).ToHaveCountAsync(0);
        await Expect(enterprise.GetByText("裂解炉区泄漏着火的现场处置")).ToBeVisibleAsync(new() { Timeout = 20_000 });

        var bureau = await app.LoggedInPageAsync("bureau");
        await bureau.GotoAsync("/plans");
        await Expect(bureau.Locator("#plan-table")).ToContainTextAsync(title, Long);
        await bureau.GotoAsync(planUrl);
        await Expect(bureau.Locator("#file-plan")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await BrowserApp.ScreenshotAsync(bureau, "plan-registered");

        var inspector = await app.LoggedInPageAsync("inspector");
        await inspector.GotoAsync("/plans");
        await Expect(inspector.Locator("#plan-table")).ToContainTextAsync(title, Long);
        await Expect(inspector.Locator("#new-plan")).ToHaveCountAsync(0);
        await inspector.GotoAsync(planUrl);
        await Expect(inspector.Locator("#plan-title")).ToHaveTextAsync(title, new() { Timeout = 20_000 });
        await Expect(inspector.Locator("#edit-plan")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task The_bureau_records_a_drill_with_a_follow_up_and_marks_it_done()
    {
        var scenario = $"化工园区危化品泄漏桌面推演 {Guid.NewGuid().ToString("N")[..6]}";
        var page = await app.LoggedInPageAsync("bureau");
        await page.GotoAsync("/drills");
        await InteractiveAsync(page, "#new-drill");
        await page.Locator("#new-drill").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/drills/new", StringComparison.Ordinal));
        await Expect(page.Locator("#drill-form")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await InteractiveAsync(page, "#save-drill");

        await page.ClickAsync("#save-drill");
        await Expect(page.Locator("#drill-form-error")).ToContainTextAsync("请选择所演练的应急预案", Long);

        await MudSelects.PickAsync(page, page.Locator("#f-plan"), "独山子区突发事件总体应急预案（演示）");
        await MudSelects.PickAsync(page, page.Locator("#f-type"), "桌面演练");
        await page.Locator("#f-scenario").FillAsync(scenario);
        await page.Locator("#f-participants").FillAsync("区应急管理局、消防救援大队、独山子石化公司");
        await page.Locator("#f-count").FillAsync("18");
        await page.Locator("#f-evaluation").FillAsync("信息报送及时，职责分工清楚");
        await page.Locator("#f-problems").FillAsync("园区疏散路线标识不清");
        await page.ClickAsync("#add-follow-up");
        var followUp = page.Locator(".follow-up-row").First;
        await followUp.Locator(".fu-action input").FillAsync("重新设置园区疏散路线标识");
        await followUp.Locator(".fu-owner input").FillAsync("王磊");
        await followUp.Locator(".fu-deadline input").FillAsync(Day(30));
        await followUp.Locator(".fu-deadline input").PressAsync("Tab");
        await SaveAndLeaveAsync(page, "#save-drill", url => url.EndsWith("/drills", StringComparison.Ordinal));

        var row = page.Locator("#drill-table tr", new() { HasText = scenario });
        await Expect(row).ToContainTextAsync("重新设置园区疏散路线标识", Long);
        await Expect(row.Locator(".follow-up-state")).ToHaveTextAsync("未完成");
        await InteractiveAsync(page);
        // A click that lands while the circuit is still busy can be lost on a loaded machine: click until it shows done.
        for (var attempt = 1; await row.Locator(".follow-up-done").CountAsync() > 0 && attempt <= 3; attempt++)
        {
            await row.Locator(".follow-up-done").ClickAsync();
            await page.WaitForTimeoutAsync(2000 * attempt);
        }
        await Expect(row.Locator(".follow-up-state")).ToHaveTextAsync("已完成", new() { Timeout = 20_000 });
        await Expect(row.Locator(".follow-up-done")).ToHaveCountAsync(0);
        await BrowserApp.ScreenshotAsync(page, "drill-recorded");

        // The inspector reads the drills but records nothing.
        var inspector = await app.LoggedInPageAsync("inspector");
        await inspector.GotoAsync("/drills");
        await Expect(inspector.Locator("#drill-table")).ToContainTextAsync(scenario, Long);
        await Expect(inspector.Locator("#new-drill")).ToHaveCountAsync(0);
        await Expect(inspector.Locator(".follow-up-done")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task The_bureau_makes_an_annual_drill_plan()
    {
        var organisation = $"独山子区应急管理局（计划测试 {Guid.NewGuid().ToString("N")[..6]}）";
        var page = await app.LoggedInPageAsync("bureau");
        await page.GotoAsync("/drills");
        await InteractiveAsync(page, "#new-drill-plan");
        await page.Locator("#new-drill-plan").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/drills/plans/new", StringComparison.Ordinal));
        await Expect(page.Locator("#drill-plan-form")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await InteractiveAsync(page, "#save-drill-plan");

        await page.ClickAsync("#save-drill-plan");
        await Expect(page.Locator("#drill-plan-error")).ToContainTextAsync("请填写单位名称", Long);
        await Expect(page.Locator("#drill-plan-error")).ToContainTextAsync("第1项缺少演练科目");

        await page.Locator("#f-organisation").FillAsync(organisation);
        var item = page.Locator(".planned-row").First;
        await item.Locator(".pd-month input").FillAsync("9");
        await item.Locator(".pd-scenario input").FillAsync("地震应急疏散实战演练");
        await MudSelects.PickAsync(page, page.Locator(".planned-row .pd-type"), "实战演练");
        await SaveAndLeaveAsync(page, "#save-drill-plan", url => url.Contains("/drills?year=", StringComparison.Ordinal));
        var plan = page.Locator("#drill-plans tr", new() { HasText = organisation });
        await Expect(plan).ToContainTextAsync("9月 地震应急疏散实战演练（实战演练）", Long);
    }
}
