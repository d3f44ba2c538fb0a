using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Tianshan.Browser.Tests;

/// <summary>The bureau generates the year's plan; an inspector records an unannounced inspection of the refinery with one
/// finding and turns the finding into a hidden hazard in one click.</summary>
[Collection(WithBrowser.Name)]
public sealed class InspectionPagesTests(BrowserApp app)
{
    [Fact]
    public async Task A_plan_is_generated_and_an_inspection_finding_becomes_a_hazard()
    {
        var bureau = await app.LoggedInPageAsync("bureau");
        await bureau.GotoAsync("/inspections");
        await Expect(bureau.Locator("#generate-plan")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await bureau.WaitForFunctionAsync("() => window.Blazor !== undefined");
        await bureau.WaitForTimeoutAsync(1500);
        // A click before the circuit is wired does nothing, so it is repeated — but only after the summary had time to
        // change, and with a short click timeout: under load the first click's snackbar can cover the button.
        for (var attempt = 0; attempt < 3; attempt++)
        {
            try
            {
                await bureau.ClickAsync("#generate-plan", new() { Timeout = 5_000 });
            }
            catch (TimeoutException)
            {
            }
            try
            {
                await Expect(bureau.Locator("#plan-summary")).ToContainTextAsync("覆盖企业 30 家", new() { Timeout = 10_000 });
                break;
            }
            catch (PlaywrightException) when (attempt < 2)
            {
            }
        }
        await Expect(bureau.Locator("#plan-summary")).ToContainTextAsync("覆盖企业 30 家");

        var page = await app.LoggedInPageAsync("inspector");
        await page.GotoAsync("/inspections");
        await Expect(page.Locator("#record-inspection")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await page.WaitForFunctionAsync("() => window.Blazor !== undefined");
        await page.WaitForTimeoutAsync(1500);
        for (var attempt = 0; attempt < 3 && await page.Locator("#inspection-form").CountAsync() == 0; attempt++)
        {
            await page.ClickAsync("#record-inspection");
            await page.WaitForTimeoutAsync(1000);
        }
        await MudSelects.PickAsync(page, page.Locator("#inspection-form .mud-select").First, "独山子石化公司");
        await Expect(page.Locator("#checklist")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        var row = page.Locator("#checklist tbody tr").Nth(4);
        await row.Locator(".mud-radio", new() { HasText = "不符合" }).ClickAsync();
        await row.Locator("input").Last.FillAsync("2号罐区紧急切断阀处于手动旁路状态");
        await page.Locator("#f-inspectors").FillAsync("马建国、李秀兰");
        await page.Locator("#f-signatory").FillAsync("张伟");
        await page.Locator("#f-signatory").PressAsync("Tab");
        await page.ClickAsync("#save-inspection");
        var finding = page.Locator("#inspection-table .finding", new() { HasText = "紧急切断阀" });
        await Expect(finding).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await finding.Locator(".finding-to-hazard").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/hazards/", StringComparison.Ordinal), new() { Timeout = 20_000 });
        await Expect(page.Locator("#hazard-status")).ToContainTextAsync("已登记", new() { Timeout = 20_000 });
        await Expect(page.GetByText("监督检查").First).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(page, "inspection-hazard");
    }

    [Fact]
    public async Task An_inspection_record_gets_a_photo_and_everyones_drawn_signature()
    {
        var page = await app.LoggedInPageAsync("inspector");
        await page.GotoAsync("/inspections");
        var enterprises = await (await page.APIRequest.GetAsync("/api/enterprises?q=独山子石化公司")).JsonAsync();
        var refinery = enterprises!.Value.GetProperty("items")[0].GetProperty("id").GetGuid();
        var template = (await (await page.APIRequest.GetAsync("/api/inspections/templates")).JsonAsync())!.Value.EnumerateArray()
            .First(t => t.GetProperty("code").GetString() == "HC-2026");
        var recorded = await page.APIRequest.PostAsync("/api/inspections", new()
        {
            DataObject = new
            {
                enterpriseId = refinery, template = "HC-2026", inspectors = new[] { "马建国", "李秀兰" }, enterpriseSignatory = "张伟",
                results = template.GetProperty("items").EnumerateArray().Select(i => new { number = i.GetProperty("number").GetInt32(), result = "Compliant" }),
            },
        });
        Assert.True(recorded.Ok, await recorded.TextAsync());
        var id = (await recorded.JsonAsync())!.Value.GetProperty("id").GetGuid();

        await page.GotoAsync($"/inspections/{id}");
        await Expect(page.Locator("#signature-state")).ToContainTextAsync("待签名：马建国、李秀兰、张伟", new() { Timeout = 20_000 });
        await page.WaitForFunctionAsync("() => window.Blazor !== undefined && window.tianshanSignature.pads['signature-pad'] !== undefined",
            null, new() { Timeout = 20_000 });
        await page.Locator("#photo-input").SetInputFilesAsync(new FilePayload
        {
            Name = "罐区现场.png", MimeType = "image/png",
            Buffer = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="),
        });
        await Expect(page.Locator("#photo-list .photo-item")).ToContainTextAsync("罐区现场.png", new() { Timeout = 20_000 });

        // Signing with an empty pad is refused on the page; then each person named on the record draws and signs in turn.
        await page.ClickAsync("#save-signature");
        await Expect(page.Locator("#attachment-error")).ToContainTextAsync("请先在签名框内手写签名");
        foreach (var name in new[] { "马建国", "李秀兰", "张伟" })
        {
            await Expect(page.Locator("#f-signer")).ToHaveValueAsync(name, new() { Timeout = 20_000 });
            await page.WaitForFunctionAsync("() => window.tianshanSignature.pads['signature-pad'] !== undefined");
            var box = (await page.Locator("#signature-pad").BoundingBoxAsync())!;
            await page.Mouse.MoveAsync(box.X + 20, box.Y + 100);
            await page.Mouse.DownAsync();
            await page.Mouse.MoveAsync(box.X + 80, box.Y + 40, new() { Steps = 8 });
            await page.Mouse.MoveAsync(box.X + 160, box.Y + 110, new() { Steps = 8 });
            await page.Mouse.UpAsync();
            await page.ClickAsync("#save-signature");
            await Expect(page.Locator("#signature-list .signature-item", new() { HasText = name })).ToBeVisibleAsync(new() { Timeout = 20_000 });
        }
        await Expect(page.Locator("#signature-state")).ToHaveTextAsync("签名齐全");
        await BrowserApp.ScreenshotAsync(page, "inspection-signed");
    }
}
