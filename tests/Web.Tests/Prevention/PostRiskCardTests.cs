using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Tianshan.Web.Tests.Prevention;

/// <summary>The post risk cards come out as a PDF whose text, read back with poppler's pdftotext, carries the Chinese
/// heading and the enterprise's own risk points; another enterprise's cards are not reachable.</summary>
public abstract class PostRiskCardTests(TianshanApp app)
{
    [Fact]
    public async Task The_cards_print_each_risk_point_with_Chinese_text_and_only_for_the_own_enterprise()
    {
        var ct = TestContext.Current.CancellationToken;
        using var enterprise = await app.LoginAsync("enterprise");
        var id = (await enterprise.GetFromJsonAsync<JsonElement>("/api/enterprises", ct)).GetProperty("items")[0].GetProperty("id").GetGuid();
        var points = await enterprise.GetFromJsonAsync<JsonElement>($"/api/enterprises/{id}/risk-points", ct);
        Assert.True(points.GetArrayLength() > 0, "the demo refinery has risk points");

        var response = await enterprise.GetAsync($"/api/enterprises/{id}/risk-points/cards.pdf", ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var pdf = await response.Content.ReadAsByteArrayAsync(ct);
        Assert.True(pdf.Length < 2_000_000, $"{pdf.Length} bytes: the font should be embedded as a subset");
        var text = await PdfText.OfAsync(pdf);
        Assert.Contains("岗位安全风险告知卡", text, StringComparison.Ordinal);
        Assert.Contains("应急电话", text, StringComparison.Ordinal);
        Assert.Contains("12350", text, StringComparison.Ordinal);
        foreach (var point in points.EnumerateArray())
            Assert.Contains(point.GetProperty("name").GetString()!, text, StringComparison.Ordinal);
        Assert.Contains(points[0].GetProperty("colourLabel").GetString()!, text, StringComparison.Ordinal);

        using var other = await app.LoginAsync("enterprise2");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/enterprises/{id}/risk-points/cards.pdf", ct)).StatusCode);
    }
}

[Collection(OnSqlite.Name)]
public sealed class PostRiskCardOnSqlite(SqliteApp app) : PostRiskCardTests(app);

[Collection(OnPostgres.Name)]
public sealed class PostRiskCardOnPostgres(PostgresApp app) : PostRiskCardTests(app);
