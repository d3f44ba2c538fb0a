using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClosedXML.Excel;

namespace Tianshan.Web.Tests.Prevention;

/// <summary>The inspection and enforcement-case ledgers export to Excel, on each database: one row per record the user
/// may see, the same records the list gives; an enterprise's export has only its own inspections.</summary>
public abstract class SupervisionExportApiTests(TianshanApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<List<string>> ExportedNumbersAsync(HttpClient client, string url, string sheet)
    {
        var response = await client.GetAsync(url, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var book = new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync(Ct)));
        return book.Worksheet(sheet).RowsUsed().Skip(1).Select(r => r.Cell(1).GetString()).ToList();
    }

    [Fact]
    public async Task Inspections_and_cases_export_the_records_of_the_list()
    {
        using var bureau = await app.LoginAsync("bureau");
        using var enterprise = await app.LoginAsync("enterprise");
        using var inspector = await app.LoginAsync("inspector");
        var own = (await enterprise.GetFromJsonAsync<JsonElement>("/api/enterprises", Ct)).GetProperty("items")[0].GetProperty("id").GetGuid();
        var other = (await bureau.GetFromJsonAsync<JsonElement>("/api/enterprises?pageSize=200", Ct)).GetProperty("items").EnumerateArray()
            .Select(e => e.GetProperty("id").GetGuid()).First(id => id != own);
        var template = (await inspector.GetFromJsonAsync<JsonElement>("/api/inspections/templates", Ct)).EnumerateArray().First();
        foreach (var enterpriseId in new[] { own, other })
        {
            var recorded = await inspector.PostAsJsonAsync("/api/inspections", new
            {
                enterpriseId, template = template.GetProperty("code").GetString(), inspectors = new[] { "马建国", "李秀兰" }, enterpriseSignatory = "王强",
                results = template.GetProperty("items").EnumerateArray().Select(i => new { number = i.GetProperty("number").GetInt32(), result = "Compliant" }),
            }, Ct);
            Assert.True(recorded.StatusCode == HttpStatusCode.Created, await recorded.Content.ReadAsStringAsync(Ct));
        }

        var inspections = (await bureau.GetFromJsonAsync<JsonElement>("/api/inspections", Ct)).EnumerateArray().Select(i => i.GetProperty("number").GetString()!).ToList();
        Assert.NotEmpty(inspections);
        Assert.Equal(inspections.Order(), (await ExportedNumbersAsync(bureau, "/api/inspections/export", "检查记录台账")).Order());
        var cases = (await bureau.GetFromJsonAsync<JsonElement>("/api/cases", Ct)).EnumerateArray().Select(c => c.GetProperty("number").GetString()!).ToList();
        Assert.Equal(cases.Order(), (await ExportedNumbersAsync(bureau, "/api/cases/export", "执法案件台账")).Order());

        var ownInspections = (await enterprise.GetFromJsonAsync<JsonElement>("/api/inspections", Ct)).EnumerateArray().Select(i => i.GetProperty("number").GetString()!).ToList();
        var exported = await ExportedNumbersAsync(enterprise, "/api/inspections/export", "检查记录台账");
        Assert.Equal(ownInspections.Order(), exported.Order());
        Assert.NotEmpty(exported);
        Assert.True(exported.Count < inspections.Count, "an enterprise exports only its own inspections");
    }

    [Fact]
    public async Task Credit_blacklist_draws_and_inspector_roster_export_the_records_of_their_lists()
    {
        using var bureau = await app.LoginAsync("bureau");
        var enterprises = (await bureau.GetFromJsonAsync<JsonElement>("/api/enterprises?pageSize=200", Ct)).GetProperty("items").EnumerateArray().ToList();
        var listed = await bureau.PostAsJsonAsync("/api/blacklist", new
        {
            enterpriseId = enterprises[^1].GetProperty("id").GetGuid(), reason = "导出测试：拒不整改重大事故隐患", listedOn = "2026-01-05", until = "2027-01-04",
        }, Ct);
        Assert.True(listed.StatusCode == HttpStatusCode.Created, await listed.Content.ReadAsStringAsync(Ct));
        var drawn = await bureau.PostAsJsonAsync("/api/draws", new { title = "导出测试抽取", count = 2 }, Ct);
        Assert.True(drawn.StatusCode == HttpStatusCode.Created, await drawn.Content.ReadAsStringAsync(Ct));
        var drawNumber = (await drawn.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("number").GetString();

        var credit = (await bureau.GetFromJsonAsync<JsonElement>("/api/credit", Ct)).EnumerateArray().Select(c => c.GetProperty("creditCode").GetString()!).ToList();
        Assert.Equal(enterprises.Count, credit.Count);
        Assert.Equal(credit.Order(), (await ExportedColumnAsync(bureau, "/api/credit/export", "安全生产信用评价", 2)).Order());

        var blacklist = (await bureau.GetFromJsonAsync<JsonElement>("/api/blacklist", Ct)).EnumerateArray().Select(b => b.GetProperty("reason").GetString()!).ToList();
        Assert.Contains("导出测试：拒不整改重大事故隐患", blacklist);
        Assert.Equal(blacklist.Order(), (await ExportedColumnAsync(bureau, "/api/blacklist/export", "失信惩戒名单", 3)).Order());

        var draws = (await bureau.GetFromJsonAsync<JsonElement>("/api/draws", Ct)).EnumerateArray().Select(d => d.GetProperty("number").GetString()!).ToList();
        Assert.Contains(drawNumber, draws);
        Assert.Equal(draws.Order(), (await ExportedColumnAsync(bureau, "/api/draws/export", "双随机抽取记录", 1)).Order());

        var inspectors = (await bureau.GetFromJsonAsync<JsonElement>("/api/inspectors", Ct)).EnumerateArray().Select(i => i.GetProperty("code").GetString()!).ToList();
        Assert.NotEmpty(inspectors);
        Assert.Equal(inspectors.Order(), (await ExportedColumnAsync(bureau, "/api/inspectors/export", "执法人员名录", 1)).Order());
    }

    [Fact]
    public async Task Enterprise_risk_grades_and_consultations_export_what_was_recorded()
    {
        using var bureau = await app.LoginAsync("bureau");
        var enterprise = (await bureau.GetFromJsonAsync<JsonElement>("/api/enterprises?pageSize=200", Ct)).GetProperty("items")[1];
        var graded = await bureau.PostAsJsonAsync($"/api/enterprises/{enterprise.GetProperty("id").GetGuid()}/risk-assessments",
            new { score = 87.5m, assessedOn = "2026-03-02", note = "导出测试评估" }, Ct);
        Assert.True(graded.StatusCode == HttpStatusCode.Created, await graded.Content.ReadAsStringAsync(Ct));
        var response = await bureau.GetAsync("/api/risk/assessments/export", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using (var book = new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync(Ct))))
        {
            var row = Assert.Single(book.Worksheet("企业风险分级").RowsUsed(), r => r.Cell(9).GetString() == "导出测试评估");
            Assert.Equal(enterprise.GetProperty("creditCode").GetString(), row.Cell(2).GetString());
            Assert.Equal("2026-03-02", row.Cell(3).GetString());
            Assert.Equal(87.5, row.Cell(4).GetDouble());
        }

        var consulted = await bureau.PostAsJsonAsync("/api/disaster-risk/consultations", new
        {
            heldOn = "2026-05-20", kind = "BeforeFloodSeason", title = "导出测试汛前会商", participants = "应急局、气象局、水利局", situation = "降水偏多",
            judgement = "山洪风险偏高", measures = "加强巡查",
        }, Ct);
        Assert.True(consulted.StatusCode == HttpStatusCode.Created, await consulted.Content.ReadAsStringAsync(Ct));
        var consultations = (await bureau.GetFromJsonAsync<JsonElement>("/api/disaster-risk/consultations", Ct)).EnumerateArray().Select(c => c.GetProperty("title").GetString()!).ToList();
        var exported = await ExportedColumnAsync(bureau, "/api/disaster-risk/consultations/export", "会商研判记录", 3);
        Assert.Contains("导出测试汛前会商", exported);
        Assert.Equal(consultations.Order(), exported.Order());
    }

    private static async Task<List<string>> ExportedColumnAsync(HttpClient client, string url, string sheet, int column)
    {
        var response = await client.GetAsync(url, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var book = new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync(Ct)));
        return book.Worksheet(sheet).RowsUsed().Skip(1).Select(r => r.Cell(column).GetString()).ToList();
    }
}

[Collection(OnSqlite.Name)]
public sealed class SupervisionExportApiOnSqlite(SqliteApp app) : SupervisionExportApiTests(app);

[Collection(OnPostgres.Name)]
public sealed class SupervisionExportApiOnPostgres(PostgresApp app) : SupervisionExportApiTests(app);
