using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Tianshan.Web.Tests.DisasterRisk;

/// <summary>The natural-disaster risk census through HTTP: the risk map, GeoJSON layers out and back in, a bad file refused
/// with nothing stored, consultations written by the bureau only and hidden from enterprises, and the report's text.</summary>
public abstract class DisasterRiskApiTests(TianshanApp app)
{
    private static StringContent GeoJson(string text) => new(text, Encoding.UTF8, "application/geo+json");

    private static List<string> Normalised(JsonElement collection) =>
        collection.GetProperty("features").EnumerateArray()
            .Select(f => JsonSerializer.Serialize(new
            {
                geometry = JsonSerializer.Serialize(f.GetProperty("geometry")),
                properties = f.GetProperty("properties").EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal)
                    .Select(p => p.Name + "=" + p.Value.GetRawText()).ToList(),
            }))
            .Order(StringComparer.Ordinal).ToList();

    [Fact]
    public async Task The_risk_map_ranks_every_demo_community_and_shows_the_four_faults()
    {
        var ct = TestContext.Current.CancellationToken;
        using var street = await app.LoginAsync("street");
        var map = await street.GetFromJsonAsync<JsonElement>("/api/disaster-risk/map", ct);
        var communities = map.GetProperty("communities").EnumerateArray().ToList();
        Assert.Equal(14, communities.Count);
        Assert.All(communities, c => Assert.NotEqual("none", c.GetProperty("levelCode").GetString()));
        var risks = communities.Select(c => c.GetProperty("risk").GetDouble()).ToList();
        Assert.Equal(risks.OrderDescending(), risks);
        var faults = map.GetProperty("features").EnumerateArray().Where(f => f.GetProperty("layer").GetString() == "active-faults").ToList();
        Assert.Equal(4, faults.Count);
        Assert.Contains(faults, f => f.GetProperty("name").GetString()!.StartsWith("独山子-安集海", StringComparison.Ordinal));
        Assert.True(map.GetProperty("levels").EnumerateArray().Count(l => l.GetProperty("communities").GetInt32() > 0) >= 3,
            "the demo district spreads over at least three levels");
    }

    [Fact]
    public async Task Every_layer_exported_and_imported_again_comes_back_the_same()
    {
        var ct = TestContext.Current.CancellationToken;
        using var bureau = await app.LoginAsync("bureau");
        foreach (var layer in new[] { "active-faults", "flood-channels", "reservoirs", "geological-hazards" })
        {
            var response = await bureau.GetAsync($"/api/disaster-risk/layers/{layer}.geojson", ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);
            var exported = await response.Content.ReadAsStringAsync(ct);
            var before = Normalised(JsonDocument.Parse(exported).RootElement);
            Assert.NotEmpty(before);

            var import = await bureau.PostAsync($"/api/disaster-risk/layers/{layer}.geojson", GeoJson(exported), ct);
            Assert.Equal(HttpStatusCode.OK, import.StatusCode);
            Assert.Equal(before.Count, (await import.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("imported").GetInt32());

            var after = Normalised(await bureau.GetFromJsonAsync<JsonElement>($"/api/disaster-risk/layers/{layer}.geojson", ct));
            Assert.Equal(before, after);
        }
    }

    [Fact]
    public async Task A_file_with_one_bad_feature_is_refused_naming_it_and_nothing_is_stored()
    {
        var ct = TestContext.Current.CancellationToken;
        using var bureau = await app.LoginAsync("bureau");
        var before = await bureau.GetStringAsync("/api/disaster-risk/layers/geological-hazards.geojson", ct);
        const string bad = """
            {"type":"FeatureCollection","features":[
              {"type":"Feature","geometry":{"type":"Point","coordinates":[84.88,44.30]},"properties":{"name":"新隐患点"}},
              {"type":"Feature","geometry":{"type":"Point","coordinates":[44.30,84.88]},"properties":{"name":"经纬度颠倒的点"}},
              {"type":"Feature","geometry":{"type":"LineString","coordinates":[[84.8,44.3],[84.9,44.3]]},"properties":{"name":"一条线"}}
            ]}
            """;
        var response = await bureau.PostAsync("/api/disaster-risk/layers/geological-hazards.geojson", GeoJson(bad), ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        var errors = problem.GetProperty("errors");
        Assert.Contains("第 2 个要素", errors.GetProperty("features[1]")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("不在独山子区及周边范围内", errors.GetProperty("features[1]")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("几何类型 LineString", errors.GetProperty("features[2]")[0].GetString(), StringComparison.Ordinal);
        Assert.False(errors.TryGetProperty("features[0]", out _));
        Assert.Equal(before, await bureau.GetStringAsync("/api/disaster-risk/layers/geological-hazards.geojson", ct));

        var notJson = await bureau.PostAsync("/api/disaster-risk/layers/geological-hazards.geojson", GeoJson("{\"type\":\"Feature"), ct);
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        Assert.Equal(before, await bureau.GetStringAsync("/api/disaster-risk/layers/geological-hazards.geojson", ct));
    }

    [Fact]
    public async Task Only_the_bureau_records_consultations_streets_read_them_and_enterprises_cannot_see_them()
    {
        var ct = TestContext.Current.CancellationToken;
        using var bureau = await app.LoginAsync("bureau");
        var details = new
        {
            heldOn = "2026-12-28", kind = "YearEnd", title = "2026年年末风险会商", participants = "区应急管理局、区气象局",
            situation = "冬季降雪偏多", judgement = "雪灾风险较高", measures = "储备融雪物资",
        };
        var created = await bureau.PostAsJsonAsync("/api/disaster-risk/consultations", details, ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetGuid();

        var changed = await bureau.PutAsJsonAsync($"/api/disaster-risk/consultations/{id}", details with { judgement = "雪灾和低温风险较高" }, ct);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var empty = await bureau.PostAsJsonAsync("/api/disaster-risk/consultations", details with { measures = "" }, ct);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("防范措施不能为空", await empty.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);

        using var street = await app.LoginAsync("street");
        var read = await street.GetFromJsonAsync<JsonElement>($"/api/disaster-risk/consultations/{id}", ct);
        Assert.Equal("雪灾和低温风险较高", read.GetProperty("judgement").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await street.PostAsJsonAsync("/api/disaster-risk/consultations", details, ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await street.DeleteAsync($"/api/disaster-risk/consultations/{id}", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await street.PostAsync("/api/disaster-risk/layers/reservoirs.geojson", GeoJson("{}"), ct)).StatusCode);

        using var enterprise = await app.LoginAsync("enterprise");
        Assert.Equal(HttpStatusCode.Forbidden, (await enterprise.GetAsync("/api/disaster-risk/consultations", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await enterprise.GetAsync($"/api/disaster-risk/consultations/{id}", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await enterprise.GetAsync($"/api/disaster-risk/consultations/{id}/report.pdf", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await enterprise.GetAsync("/api/disaster-risk/map", ct)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await bureau.DeleteAsync($"/api/disaster-risk/consultations/{id}", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await street.GetAsync($"/api/disaster-risk/consultations/{id}", ct)).StatusCode);
    }

    [Fact]
    public async Task The_risk_situation_report_carries_the_consultation_the_top_communities_and_recent_disasters()
    {
        var ct = TestContext.Current.CancellationToken;
        using var department = await app.LoginAsync("department");
        var consultation = (await department.GetFromJsonAsync<JsonElement>("/api/disaster-risk/consultations", ct)).EnumerateArray()
            .First(c => c.GetProperty("kind").GetString() == "BeforeFloodSeason");
        var map = await department.GetFromJsonAsync<JsonElement>("/api/disaster-risk/map", ct);

        var response = await department.GetAsync($"/api/disaster-risk/consultations/{consultation.GetProperty("id").GetGuid()}/report.pdf", ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var text = await PdfText.OfAsync(await response.Content.ReadAsByteArrayAsync(ct));

        Assert.Contains("自然灾害风险形势分析报告", text, StringComparison.Ordinal);
        Assert.Contains(consultation.GetProperty("title").GetString()!, text, StringComparison.Ordinal);
        Assert.Contains("汛前会商", text, StringComparison.Ordinal);
        Assert.Contains("研判结论", text, StringComparison.Ordinal);
        var top = map.GetProperty("communities")[0];
        Assert.Contains(top.GetProperty("name").GetString()!, text, StringComparison.Ordinal);
        Assert.Contains(top.GetProperty("levelLabel").GetString()!, text, StringComparison.Ordinal);
        Assert.Contains("近期灾害", text, StringComparison.Ordinal);
        Assert.Contains("2024-08-09", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demonstration_communities_count_national_titles_against_the_target_of_two()
    {
        var ct = TestContext.Current.CancellationToken;
        using var bureau = await app.LoginAsync("bureau");
        var list = await bureau.GetFromJsonAsync<JsonElement>("/api/disaster-risk/demonstration-communities", ct);
        Assert.Equal(2, list.GetProperty("target").GetInt32());
        Assert.Equal(14, list.GetProperty("communities").GetArrayLength());
        var awarded = list.GetProperty("nationalAwarded").GetInt32();
        var applying = list.GetProperty("communities").EnumerateArray().First(c => c.GetProperty("status").ValueKind == JsonValueKind.String
            && c.GetProperty("status").GetString() == "Applying");

        var refused = await bureau.PutAsJsonAsync($"/api/disaster-risk/demonstration-communities/{applying.GetProperty("divisionId").GetGuid()}",
            new { status = "Awarded" }, ct);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("命名年份和级别", await refused.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);

        var ok = await bureau.PutAsJsonAsync($"/api/disaster-risk/demonstration-communities/{applying.GetProperty("divisionId").GetGuid()}",
            new { status = "Awarded", awardedYear = 2026, level = "National" }, ct);
        Assert.Equal(HttpStatusCode.NoContent, ok.StatusCode);
        var after = await bureau.GetFromJsonAsync<JsonElement>("/api/disaster-risk/demonstration-communities", ct);
        Assert.Equal(awarded + 1, after.GetProperty("nationalAwarded").GetInt32());
    }

}

[Collection(OnSqlite.Name)]
public sealed class DisasterRiskApiOnSqlite(SqliteApp app) : DisasterRiskApiTests(app);

[Collection(OnPostgres.Name)]
public sealed class DisasterRiskApiOnPostgres(PostgresApp app) : DisasterRiskApiTests(app);
