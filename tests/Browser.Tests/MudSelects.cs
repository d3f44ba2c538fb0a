using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Tianshan.Browser.Tests;

/// <summary>Picks from a MudBlazor select as a user does, and checks that the pick took before the test goes on.</summary>
internal static class MudSelects
{
    private const string OpenItems = ".mud-popover-open .mud-list-item";

    /// <summary>
    /// Opens the list of the select that <paramref name="inSelect"/> is or lies in (unless the list is open already), clicks
    /// <paramref name="item"/>, waits for the list to close and for the select to show the item.
    /// </summary>
    /// <remarks>
    /// Until the list has closed, a click elsewhere (the save button) may only close it, and the save never happens. And on a
    /// loaded machine a pick can close the list without taking: a full run saw a shelter saved with its old "否" after the
    /// test had picked "是". A user sees the old value and picks again; so does this, once, and then fails with the reason.
    /// </remarks>
    public static async Task PickAsync(IPage page, ILocator inSelect, string item)
    {
        var select = inSelect.Locator("xpath=ancestor-or-self::div[contains(concat(' ', normalize-space(@class), ' '), ' mud-select ')][1]");
        for (var attempt = 1; ; attempt++)
        {
            if (await page.Locator(OpenItems).CountAsync() == 0)
                await select.ClickAsync();
            await page.Locator(OpenItems, new() { HasText = item }).First.ClickAsync();
            await Expect(page.Locator(OpenItems)).ToHaveCountAsync(0, new() { Timeout = 10_000 });
            if (await ShowsAsync(select, item, TimeSpan.FromSeconds(5)))
                return;
            if (attempt == 2)
                throw new InvalidOperationException($"选择“{item}”未生效 / picking '{item}' did not take: the select shows '{await ShownAsync(select)}'");
        }
    }

    private static async Task<bool> ShowsAsync(ILocator select, string item, TimeSpan within)
    {
        var until = DateTime.UtcNow + within;
        while (!(await ShownAsync(select)).Contains(item, StringComparison.Ordinal))
        {
            if (DateTime.UtcNow > until)
                return false;
            await Task.Delay(100);
        }
        return true;
    }

    /// <summary>What the select shows, its label left out: the value's text in a visible input, or a presenter's text (the
    /// input is then hidden and may hold an id).</summary>
    private static Task<string> ShownAsync(ILocator select) =>
        select.EvaluateAsync<string>("""
            e => {
                const shown = e.cloneNode(true);
                shown.querySelectorAll('label, input').forEach(n => n.remove());
                const input = e.querySelector('input:not([type=hidden])');
                return (input ? input.value : '') + ' ' + shown.textContent;
            }
            """);
}
