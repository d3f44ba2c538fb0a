using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Tianshan.Browser.Tests;

/// <summary>The natural-disaster risk map draws the communities by level and the hazard layers, and a layer switched off in
/// the map's layer control disappears from the map.</summary>
[Collection(WithBrowser.Name)]
public sealed class DisasterRiskMapPageTests(BrowserApp app)
{
    [Fact]
    public async Task The_risk_map_shows_the_fault_layer_and_switching_it_off_hides_the_fault_traces()
    {
        var page = await app.LoggedInPageAsync("street");
        await page.GotoAsync("/disaster-risk");
        var map = page.Locator("#disaster-risk-map");
        await Expect(map).ToHaveAttributeAsync("data-visible-layers", "active-faults,communities,flood-channels,geological-hazards,reservoirs",
            new() { Timeout = 30_000 });
        await Expect(page.Locator("#disaster-risk-communities tbody tr")).ToHaveCountAsync(14);
        var faultTraces = map.Locator("path[stroke='#b71c1c']");
        await Expect(faultTraces).ToHaveCountAsync(4);
        await BrowserApp.ScreenshotAsync(page, "disaster-risk-map");

        await map.Locator(".leaflet-control-layers-overlays label", new() { Has = page.Locator(".hazard-layer[data-layer='active-faults']") })
            .Locator("input").ClickAsync();

        await Expect(map).ToHaveAttributeAsync("data-visible-layers", "communities,flood-channels,geological-hazards,reservoirs", new() { Timeout = 10_000 });
        await Expect(faultTraces).ToHaveCountAsync(0);
    }
}
