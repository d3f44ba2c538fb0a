using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Tianshan.Web.Tests.DisasterRisk;

/// <summary>Consultations (会商研判) through HTTP: the bureau records, changes and deletes them; bad input is refused field by field
/// in Chinese with nothing stored; other roles cannot write; and the risk-situation report's own section follows the key date,
/// with a figure computed from the platform's data. What a test adds it deletes again (other tests count consultations).</summary>
public abstract class ConsultationApiTests(TianshanApp app)
{
    private const string Url = "/api/disaster-risk/consultations";

    private static string Today() => DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static Dictionary<string, object?> Details(string kind, string title, string? heldOn = null) => new()
    {
        ["heldOn"] = heldOn ?? Today(), ["kind"] = kind, ["title"] = title, ["participants"] = "区应急管理局、区气象局、区水利局",
        ["situation"] = "近期降水偏多", ["judgement"] = "风险较高", ["measures"] = "加强值守，预警到户",
    };

    private static Dictionary<string, object?> With(Dictionary<string, object?> d, string key, object? value) => new(d) { [key] = value };

    private static async Task<JsonElement> ErrorsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("errors");
    }

    [Fact]
    public async Task The_bureau_records_changes_and_deletes_a_consultation_and_bad_fields_are_named_in_Chinese()
    {
        var ct = TestContext.Current.CancellationToken;
        using var bureau = await app.LoginAsync("bureau");
        var before = (await bureau.GetFromJsonAsync<JsonElement>(Url, ct)).GetArrayLength();
        var details = Details("Holiday", $"国庆节前风险会商（接口测试 {Guid.NewGuid().ToString("N")[..6]}）");

        var created = await bureau.PostAsJsonAsync(Url, details, ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var view = await created.Content.ReadFromJsonAsync<JsonElement>(ct);
        var id = view.GetProperty("id").GetGuid();
        Assert.Equal("节假日前", view.GetProperty("kindLabel").GetString());
        Assert.Equal($"{Url}/{id}", created.Headers.Location?.ToString());

        // Every bad field is named, in Chinese, at once; nothing is stored.
        var bad = With(With(With(details, "title", new string('会', 201)), "measures", "  "), "heldOn", "1999-12-31");
        var errors = await ErrorsAsync(await bureau.PostAsJsonAsync(Url, bad, ct));
        Assert.Equal("会商主题不能超过200字（现为201字）", errors.GetProperty("title")[0].GetString());
        Assert.Equal("防范措施不能为空", errors.GetProperty("measures")[0].GetString());
        Assert.Contains("不能早于2000年", errors.GetProperty("heldOn")[0].GetString(), StringComparison.Ordinal);
        var future = DateTimeOffset.UtcNow.AddYears(2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.Equal("会商日期不能晚于一年以后", (await ErrorsAsync(await bureau.PostAsJsonAsync(Url, With(details, "heldOn", future), ct)))
            .GetProperty("heldOn")[0].GetString());
        var missingDate = new Dictionary<string, object?>(details);
        missingDate.Remove("heldOn");
        Assert.Contains("会商日期不能为空", (await ErrorsAsync(await bureau.PostAsJsonAsync(Url, missingDate, ct))).GetProperty("heldOn")[0].GetString(),
            StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await bureau.PostAsJsonAsync(Url, With(details, "kind", "Tomorrow"), ct)).StatusCode);
        Assert.Equal("参会单位和人员不能超过2000字（现为2001字）", (await ErrorsAsync(await bureau.PutAsJsonAsync($"{Url}/{id}",
            With(details, "participants", new string('人', 2001)), ct))).GetProperty("participants")[0].GetString());
        Assert.Equal(before + 1, (await bureau.GetFromJsonAsync<JsonElement>(Url, ct)).GetArrayLength());
        var unchanged = await bureau.GetFromJsonAsync<JsonElement>($"{Url}/{id}", ct);
        Assert.Equal("区应急管理局、区气象局、区水利局", unchanged.GetProperty("participants").GetString());

        var changed = await bureau.PutAsJsonAsync($"{Url}/{id}", With(With(details, "kind", "YearEnd"), "judgement", "  节日期间危化品运输风险较高  "), ct);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var read = await bureau.GetFromJsonAsync<JsonElement>($"{Url}/{id}", ct);
        Assert.Equal("节日期间危化品运输风险较高", read.GetProperty("judgement").GetString());
        Assert.Equal("年末", read.GetProperty("kindLabel").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await bureau.DeleteAsync($"{Url}/{id}", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bureau.DeleteAsync($"{Url}/{id}", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bureau.PutAsJsonAsync($"{Url}/{id}", details, ct)).StatusCode);
        Assert.Equal(before, (await bureau.GetFromJsonAsync<JsonElement>(Url, ct)).GetArrayLength());
    }

    [Fact]
    public async Task Only_the_bureau_writes_consultations_a_department_reads_and_gets_403_on_every_write()
    {
        var ct = TestContext.Current.CancellationToken;
        using var bureau = await app.LoginAsync("bureau");
        var details = Details("FireSeason", $"防火期会商（权限测试 {Guid.NewGuid().ToString("N")[..6]}）");
        var id = (await (await bureau.PostAsJsonAsync(Url, details, ct)).Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetGuid();
        try
        {
            foreach (var user in new[] { "department", "community" })
            {
                using var reader = await app.LoginAsync(user);
                Assert.Equal(details["title"], (await reader.GetFromJsonAsync<JsonElement>($"{Url}/{id}", ct)).GetProperty("title").GetString());
                Assert.Equal(HttpStatusCode.Forbidden, (await reader.PostAsJsonAsync(Url, details, ct)).StatusCode);
                Assert.Equal(HttpStatusCode.Forbidden, (await reader.PutAsJsonAsync($"{Url}/{id}", With(details, "title", "改"), ct)).StatusCode);
                Assert.Equal(HttpStatusCode.Forbidden, (await reader.DeleteAsync($"{Url}/{id}", ct)).StatusCode);
            }
            Assert.Equal(details["title"], (await bureau.GetFromJsonAsync<JsonElement>($"{Url}/{id}", ct)).GetProperty("title").GetString());
        }
        finally
        {
            await bureau.DeleteAsync($"{Url}/{id}", ct);
        }
    }

    /// <summary>Records a consultation of the kind, returns its report's text, and deletes it again.</summary>
    private static async Task<string> ReportTextAsync(HttpClient bureau, string kind, string? heldOn = null)
    {
        var ct = TestContext.Current.CancellationToken;
        var title = $"{kind} 报告测试 {Guid.NewGuid().ToString("N")[..6]}";
        var created = await bureau.PostAsJsonAsync(Url, Details(kind, title, heldOn), ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetGuid();
        try
        {
            var response = await bureau.GetAsync($"{Url}/{id}/report.pdf", ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var text = await PdfText.OfAsync(await response.Content.ReadAsByteArrayAsync(ct));
            Assert.Contains(title, text, StringComparison.Ordinal);
            Assert.Contains("四、防范应对措施", text, StringComparison.Ordinal);   // the common part stays
            return text;
        }
        finally
        {
            await bureau.DeleteAsync($"{Url}/{id}", ct);
        }
    }

    private static string Squeezed(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    [Fact]
    public async Task A_flood_season_report_counts_the_geological_hazard_points_and_the_people_they_threaten()
    {
        var ct = TestContext.Current.CancellationToken;
        using var bureau = await app.LoginAsync("bureau");
        var points = (await bureau.GetFromJsonAsync<JsonElement>("/api/disaster-risk/layers/geological-hazards.geojson", ct)).GetProperty("features")
            .EnumerateArray().ToList();
        var threatened = points.Sum(p => p.GetProperty("properties").TryGetProperty("threatened", out var t) ? t.GetInt32() : 0);
        Assert.True(threatened > 0);
        var nearest = (await bureau.GetFromJsonAsync<JsonElement>("/api/disaster-risk/map", ct)).GetProperty("communities").EnumerateArray()
            .Where(c => c.GetProperty("nearestFloodChannelKm").ValueKind == JsonValueKind.Number)
            .MinBy(c => c.GetProperty("nearestFloodChannelKm").GetDouble());

        var text = Squeezed(await ReportTextAsync(bureau, "BeforeFloodSeason"));

        Assert.Contains("七、汛期风险重点：防汛和地质灾害", text, StringComparison.Ordinal);
        Assert.Contains($"地质灾害隐患点{points.Count}处，威胁{threatened}人", text, StringComparison.Ordinal);
        Assert.Contains($"{nearest.GetProperty("name").GetString()}距行洪河道{nearest.GetProperty("nearestFloodChannelKm").GetDouble().ToString("0.0", CultureInfo.InvariantCulture)}km人口{nearest.GetProperty("population").GetInt32()}",
            text, StringComparison.Ordinal);
        Assert.Contains("汛期值班提醒", text, StringComparison.Ordinal);
        Assert.DoesNotContain("七、年度回顾", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_holiday_report_counts_the_schools_and_hospitals_the_open_hidden_hazards_and_lists_the_major_hazard_sources()
    {
        var ct = TestContext.Current.CancellationToken;
        using var bureau = await app.LoginAsync("bureau");
        var open = (await bureau.GetFromJsonAsync<JsonElement>("/api/hazards?open=true", ct)).GetArrayLength();
        var overdue = (await bureau.GetFromJsonAsync<JsonElement>("/api/hazards?overdue=true", ct)).GetArrayLength();
        var exposures = (await bureau.GetFromJsonAsync<JsonElement>("/api/disaster-risk/exposures", ct)).EnumerateArray().ToList();
        var schools = exposures.Sum(e => e.GetProperty("schools").GetInt32());
        var hospitals = exposures.Sum(e => e.GetProperty("hospitals").GetInt32());
        Assert.True(schools > 0);

        var text = Squeezed(await ReportTextAsync(bureau, "Holiday"));

        Assert.Contains("七、节假日安全防范重点：安全生产和人员密集场所", text, StringComparison.Ordinal);
        Assert.Contains($"未销号事故隐患{open}项", text, StringComparison.Ordinal);
        Assert.Contains($"逾期未整改{overdue}项", text, StringComparison.Ordinal);
        Assert.Contains($"人员密集场所：学校{schools}所、医院{hospitals}所", text, StringComparison.Ordinal);
        Assert.Contains("重大危险源", text, StringComparison.Ordinal);
        Assert.Contains("值班安排", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_fire_season_report_lists_every_fire_station_and_the_fire_teams()
    {
        var ct = TestContext.Current.CancellationToken;
        using var bureau = await app.LoginAsync("bureau");
        var stations = (await bureau.GetFromJsonAsync<JsonElement>("/api/resources/fire-stations", ct)).EnumerateArray().ToList();
        Assert.NotEmpty(stations);

        var text = Squeezed(await ReportTextAsync(bureau, "FireSeason"));

        Assert.Contains("七、防火期风险重点：森林草原火灾", text, StringComparison.Ordinal);
        Assert.Contains($"消防站{stations.Count}个", text, StringComparison.Ordinal);
        Assert.Contains(Squeezed(stations[0].GetProperty("name").GetString()!), text, StringComparison.Ordinal);
        Assert.Contains("灭火救援队伍", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_year_end_report_counts_the_years_consultations_by_key_date_and_the_demonstration_communities()
    {
        var ct = TestContext.Current.CancellationToken;
        using var bureau = await app.LoginAsync("bureau");
        var year = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).Year;
        var heldOn = $"{year}-01-02";
        var demonstration = await bureau.GetFromJsonAsync<JsonElement>("/api/disaster-risk/demonstration-communities", ct);
        var awarded = demonstration.GetProperty("nationalAwarded").GetInt32();
        // The report counts this year's consultations including itself (recorded before the count is read).
        var thisYear = (await bureau.GetFromJsonAsync<JsonElement>(Url, ct)).EnumerateArray()
            .Where(c => c.GetProperty("heldOn").GetString()!.StartsWith($"{year}-", StringComparison.Ordinal)).ToList();
        var yearEnd = thisYear.Count(c => c.GetProperty("kind").GetString() == "YearEnd") + 1;

        var text = Squeezed(await ReportTextAsync(bureau, "YearEnd", heldOn));

        Assert.Contains("七、年度回顾", text, StringComparison.Ordinal);
        Assert.Contains($"{year}年开展会商{thisYear.Count + 1}次", text, StringComparison.Ordinal);
        Assert.Contains($"年末{yearEnd}次", text, StringComparison.Ordinal);
        Assert.Contains($"全国综合减灾示范社区{awarded}个，目标不低于2个", text, StringComparison.Ordinal);
        Assert.Contains($"{year}年发布预警", text, StringComparison.Ordinal);
    }
}

[Collection(OnSqlite.Name)]
public sealed class ConsultationApiOnSqlite(SqliteApp app) : ConsultationApiTests(app);

[Collection(OnPostgres.Name)]
public sealed class ConsultationApiOnPostgres(PostgresApp app) : ConsultationApiTests(app);
