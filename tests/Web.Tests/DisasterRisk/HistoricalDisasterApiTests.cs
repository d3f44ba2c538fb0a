using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClosedXML.Excel;

namespace Tianshan.Web.Tests.DisasterRisk;

/// <summary>Historical disasters (历史灾害) through HTTP on each database: the bureau records, changes and deletes one; each
/// rule refuses in Chinese with nothing stored; other roles read but do not write; the Excel ledger lists them. Test records
/// are dated long ago (the risk-situation report quotes the latest five) and deleted at the end.</summary>
public abstract class HistoricalDisasterApiTests(TianshanApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateOnly ChinaToday => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DateTime);

    private static readonly Dictionary<string, object> Good = new()
    {
        ["occurredOn"] = "1998-08-15", ["type"] = "Flood", ["place"] = "南郊养殖基地防洪渠（测试）", ["summary"] = "持续降雨，防洪渠漫堤（测试）",
        ["deaths"] = 0, ["affected"] = 210, ["lossWanYuan"] = 35.5m,
    };

    private static Dictionary<string, object> With(string field, object value) => new(Good) { [field] = value };

    private static async Task<List<JsonElement>> ListAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/disaster-risk/disasters", Ct)).EnumerateArray().ToList();

    [Fact]
    public async Task The_bureau_records_changes_exports_and_deletes_a_historical_disaster()
    {
        using var bureau = await app.LoginAsync("bureau");
        var count = (await ListAsync(bureau)).Count;
        var created = await bureau.PostAsJsonAsync("/api/disaster-risk/disasters", Good, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var view = await created.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var id = view.GetProperty("id").GetGuid();
        Assert.Equal("洪涝", view.GetProperty("typeLabel").GetString());
        try
        {
            var listed = (await ListAsync(bureau)).Single(d => d.GetProperty("id").GetGuid() == id);
            Assert.Equal("南郊养殖基地防洪渠（测试）", listed.GetProperty("place").GetString());
            Assert.Equal(count + 1, (await ListAsync(bureau)).Count);

            var changed = await bureau.PutAsJsonAsync($"/api/disaster-risk/disasters/{id}", new Dictionary<string, object>(Good)
            {
                ["type"] = "GeologicalHazard", ["place"] = "南山坡（测试）", ["deaths"] = 1, ["affected"] = 12, ["lossWanYuan"] = 8,
            }, Ct);
            Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
            listed = (await ListAsync(bureau)).Single(d => d.GetProperty("id").GetGuid() == id);
            Assert.Equal("GeologicalHazard", listed.GetProperty("type").GetString());
            Assert.Equal(1, listed.GetProperty("deaths").GetInt32());

            var export = await bureau.GetAsync("/api/disaster-risk/disasters/export", Ct);
            Assert.Equal(HttpStatusCode.OK, export.StatusCode);
            using var book = new XLWorkbook(new MemoryStream(await export.Content.ReadAsByteArrayAsync(Ct)));
            var sheet = book.Worksheet(1);
            Assert.Equal(["发生日期", "灾害类型", "发生地点", "灾情概况", "死亡人数", "受灾人数", "直接经济损失(万元)", "演示数据"],
                sheet.Row(1).CellsUsed().Select(c => c.GetString()));
            Assert.Equal(count + 2, sheet.LastRowUsed()!.RowNumber());
            var row = sheet.RowsUsed().Single(r => r.Cell(3).GetString() == "南山坡（测试）");
            Assert.Equal("1998-08-15", row.Cell(1).GetString());
            Assert.Equal("地质灾害", row.Cell(2).GetString());
            Assert.Equal(8m, row.Cell(7).GetValue<decimal>());
        }
        finally
        {
            Assert.Equal(HttpStatusCode.NoContent, (await bureau.DeleteAsync($"/api/disaster-risk/disasters/{id}", Ct)).StatusCode);
        }
        Assert.Equal(count, (await ListAsync(bureau)).Count);
        Assert.Equal(HttpStatusCode.NotFound, (await bureau.DeleteAsync($"/api/disaster-risk/disasters/{id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bureau.PutAsJsonAsync($"/api/disaster-risk/disasters/{id}", Good, Ct)).StatusCode);
    }

    public static TheoryData<string, object, string> Refusals => new()
    {
        { "occurredOn", "future", "发生日期不能晚于今天" },
        { "type", 99, "灾害类型应为：地震、洪涝、地质灾害、气象灾害、森林草原火灾" },
        { "place", " ", "灾害发生地点不能为空" },
        { "place", new string('渠', 201), "灾害发生地点不能超过200字" },
        { "summary", new string('雨', 2001), "灾情概况不能超过2000字" },
        { "deaths", -1, "死亡人数不能为负数" },
        { "affected", -5, "受灾人数不能为负数" },
        { "lossWanYuan", -0.5m, "直接经济损失不能为负数" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_bad_value_is_refused_in_Chinese_and_nothing_is_stored(string field, object value, string message)
    {
        using var bureau = await app.LoginAsync("bureau");
        var count = (await ListAsync(bureau)).Count;
        if (value is "future")
            value = ChinaToday.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var response = await bureau.PostAsJsonAsync("/api/disaster-risk/disasters", With(field, value), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        Assert.StartsWith(message, errors.GetProperty(field)[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(count, (await ListAsync(bureau)).Count);

        // The same rule on a change: the stored record stays as it was.
        var demo = (await ListAsync(bureau)).First();
        var changed = await bureau.PutAsJsonAsync($"/api/disaster-risk/disasters/{demo.GetProperty("id").GetGuid()}", With(field, value), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, changed.StatusCode);
        Assert.Equal(demo.GetRawText(), (await ListAsync(bureau)).First().GetRawText());
    }

    [Fact]
    public async Task Today_is_accepted_as_the_date_of_a_disaster()
    {
        using var bureau = await app.LoginAsync("bureau");
        var today = ChinaToday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var created = await bureau.PostAsJsonAsync("/api/disaster-risk/disasters", With("occurredOn", today), Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.NoContent, (await bureau.DeleteAsync($"/api/disaster-risk/disasters/{id}", Ct)).StatusCode);
    }

    [Fact]
    public async Task Departments_and_streets_read_historical_disasters_but_only_the_bureau_writes_them()
    {
        using var bureau = await app.LoginAsync("bureau");
        var demo = (await ListAsync(bureau)).First();
        var id = demo.GetProperty("id").GetGuid();
        foreach (var user in new[] { "department", "street", "community" })
        {
            using var client = await app.LoginAsync(user);
            Assert.Equal(demo.GetRawText(), (await ListAsync(client)).First().GetRawText());
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/disaster-risk/disasters/export", Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/disaster-risk/disasters", Good, Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PutAsJsonAsync($"/api/disaster-risk/disasters/{id}", Good, Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.DeleteAsync($"/api/disaster-risk/disasters/{id}", Ct)).StatusCode);
        }
        using var enterprise = await app.LoginAsync("enterprise");
        Assert.Equal(HttpStatusCode.Forbidden, (await enterprise.GetAsync("/api/disaster-risk/disasters", Ct)).StatusCode);
        Assert.Equal(demo.GetRawText(), (await ListAsync(bureau)).First().GetRawText());
    }
}

[Collection(OnSqlite.Name)]
public sealed class HistoricalDisasterApiOnSqlite(SqliteApp app) : HistoricalDisasterApiTests(app);

[Collection(OnPostgres.Name)]
public sealed class HistoricalDisasterApiOnPostgres(PostgresApp app) : HistoricalDisasterApiTests(app);
