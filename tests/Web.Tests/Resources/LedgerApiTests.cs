using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ClosedXML.Excel;

namespace Tianshan.Web.Tests.Resources;

/// <summary>The resource ledgers through HTTP, on each database: the demo's 27 teams and their gaps, Excel export → import
/// round trips that update and never duplicate, a bad row that stores nothing and says where, scoping by division, and
/// stock movements imported once however often the sheet is imported.</summary>
public abstract class LedgerApiTests(TianshanApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<JsonElement> ImportAsync(HttpClient client, string path, byte[] workbook, HttpStatusCode expected)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(workbook);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        form.Add(file, "file", "ledger.xlsx");
        var response = await client.PostAsync(path, form, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == expected, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static byte[] Sheet(string[] headers, params object[][] rows)
    {
        using var book = new XLWorkbook();
        var sheet = book.AddWorksheet("Sheet1");
        for (var c = 0; c < headers.Length; c++)
            sheet.Cell(1, c + 1).Value = headers[c];
        for (var r = 0; r < rows.Length; r++)
            for (var c = 0; c < rows[r].Length; c++)
                sheet.Cell(r + 2, c + 1).Value = rows[r][c] switch { int i => i, double d => d, _ => rows[r][c].ToString() };
        using var stream = new MemoryStream();
        book.SaveAs(stream);
        return stream.ToArray();
    }

    [Fact]
    public async Task The_demo_has_the_districts_27_teams_and_its_tents_relocate_two_thousand_people_against_five_to_seven_thousand()
    {
        using var client = await app.LoginAsync("bureau");
        var teams = await client.GetFromJsonAsync<JsonElement>("/api/resources/teams", Ct);
        Assert.True(teams.GetArrayLength() >= 27);
        var gaps = await client.GetFromJsonAsync<JsonElement>("/api/resources/gaps", Ct);
        var relief = gaps.GetProperty("relief");
        Assert.Equal(2000m, relief.GetProperty("relocationCapacity").GetDecimal());   // 500 tents × 4
        Assert.Equal(3000m, relief.GetProperty("gapToMin").GetDecimal());
        Assert.Equal(5000m, relief.GetProperty("gapToMax").GetDecimal());
        var shelters = gaps.GetProperty("shelters");
        var third = shelters.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("code").GetString() == "BN003");
        Assert.False(third.GetProperty("meetsArea").GetBoolean());                    // 1,200 m² for 1,000 people
        Assert.Equal(201, third.GetProperty("excess").GetInt32());
        Assert.Equal(27, gaps.GetProperty("teams").GetProperty("plannedTeams").GetInt32());

        var stations = await client.GetFromJsonAsync<JsonElement>("/api/resources/fire-stations", Ct);
        var planned = stations.EnumerateArray().Single(s => s.GetProperty("code").GetString() == "XF004");
        Assert.Equal("规划", planned.GetProperty("cells").GetProperty("状态").GetString());
        Assert.Contains("长岭路", planned.GetProperty("name").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exported_shelters_import_back_as_updates_and_an_edited_cell_is_stored_without_duplicates()
    {
        using var client = await app.LoginAsync("bureau");
        var before = (await client.GetFromJsonAsync<JsonElement>("/api/resources/shelters", Ct)).GetArrayLength();
        var exported = await client.GetByteArrayAsync("/api/resources/shelters/export", Ct);

        var same = await ImportAsync(client, "/api/resources/shelters/import", exported, HttpStatusCode.OK);
        Assert.Equal(0, same.GetProperty("created").GetInt32());
        Assert.Equal(before, same.GetProperty("updated").GetInt32());

        byte[] edited;
        using (var book = new XLWorkbook(new MemoryStream(exported)))
        {
            var sheet = book.Worksheets.First();
            var headers = sheet.Row(1).CellsUsed().ToDictionary(c => c.GetString(), c => c.Address.ColumnNumber);
            var row = sheet.RowsUsed().Skip(1).First(r => r.Cell(headers["编号"]).GetString() == "BN002");
            row.Cell(headers["容纳人数"]).Value = 1234;
            row.Cell(headers["开放状态"]).Value = "已开放";
            var added = sheet.LastRowUsed()!.RowNumber() + 1;
            sheet.Cell(added, headers["编号"]).Value = "BN-T-" + Guid.NewGuid().ToString("N")[..6];
            sheet.Cell(added, headers["名称"]).Value = "测试广场紧急避难场所";
            sheet.Cell(added, headers["容纳人数"]).Value = 500;
            sheet.Cell(added, headers["有效避难面积(㎡)"]).Value = 900;
            sheet.Cell(added, headers["场所类型"]).Value = "紧急避难场所";
            sheet.Cell(added, headers["所属区划代码"]).Value = "650202002005";
            using var stream = new MemoryStream();
            book.SaveAs(stream);
            edited = stream.ToArray();
        }
        var report = await ImportAsync(client, "/api/resources/shelters/import", edited, HttpStatusCode.OK);
        Assert.Equal(1, report.GetProperty("created").GetInt32());
        Assert.Equal(before, report.GetProperty("updated").GetInt32());
        var after = await client.GetFromJsonAsync<JsonElement>("/api/resources/shelters", Ct);
        Assert.Equal(before + 1, after.GetArrayLength());
        var bn002 = after.EnumerateArray().Single(s => s.GetProperty("code").GetString() == "BN002");
        Assert.Equal("1234", bn002.GetProperty("cells").GetProperty("容纳人数").GetString());
        Assert.Equal("已开放", bn002.GetProperty("cells").GetProperty("开放状态").GetString());
        Assert.True(bn002.GetProperty("isDemo").GetBoolean());
    }

    [Fact]
    public async Task A_sheet_with_a_bad_row_stores_nothing_and_names_each_row_and_column()
    {
        using var client = await app.LoginAsync("bureau");
        var before = (await client.GetFromJsonAsync<JsonElement>("/api/resources/teams", Ct)).GetArrayLength();
        var good = "JY-T-" + Guid.NewGuid().ToString("N")[..6];
        var workbook = Sheet(["编号", "名称", "队伍类型", "队员人数", "编制人数", "所属区划代码"],
            [good, "测试抢险队", "社会应急力量", 12, 15, "650202"],
            ["JY-T-BAD", "", "特种部队", "十二", 15, "650202"],
            [good, "重复的队", "社会应急力量", 1, 1, "999999"]);
        var report = await ImportAsync(client, "/api/resources/teams/import", workbook, HttpStatusCode.BadRequest);
        Assert.False(report.GetProperty("stored").GetBoolean());
        var problems = report.GetProperty("problems").EnumerateArray()
            .Select(p => (p.GetProperty("row").GetInt32(), p.GetProperty("column").GetString(), p.GetProperty("message").GetString()!)).ToList();
        Assert.Contains(problems, p => p.Item1 == 3 && p.Item2 == "队伍类型" && p.Item3.Contains("特种部队", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Item1 == 3 && p.Item2 == "队员人数" && p.Item3.Contains("不是整数", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Item1 == 3 && p.Item2 == "名称" && p.Item3.Contains("名称不能为空", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Item1 == 4 && p.Item2 == "编号" && p.Item3.Contains("重复", StringComparison.Ordinal));
        Assert.Equal(before, (await client.GetFromJsonAsync<JsonElement>("/api/resources/teams", Ct)).GetArrayLength());

        var missing = await ImportAsync(client, "/api/resources/teams/import", Sheet(["编号", "队伍类型"], ["X", "社会应急力量"]), HttpStatusCode.BadRequest);
        Assert.Contains(missing.GetProperty("problems").EnumerateArray(), p => p.GetProperty("message").GetString() == "缺少必需的列“名称”");
    }

    [Fact]
    public async Task Imported_stock_movements_move_stock_once_however_often_the_sheet_is_imported_and_an_overdraw_stores_nothing()
    {
        using var client = await app.LoginAsync("bureau");
        var district = await StockApiTests.DistrictIdAsync(client);
        var suffix = Guid.NewGuid().ToString("N")[..6];
        await StockApiTests.CreateAsync(client, "warehouses", new { code = "CK-I-" + suffix, name = "导入测试库" + suffix, divisionId = district });
        await StockApiTests.CreateAsync(client, "materials", new { code = "WZ-I-" + suffix, name = "导入测试折叠床" + suffix, unit = "张", divisionId = district });
        string[] headers = ["单据号", "储备库编号", "物资编号", "批次", "有效期至", "出入库类型", "数量", "事由"];
        var sheet = Sheet(headers,
            ["RK-" + suffix, "CK-I-" + suffix, "WZ-I-" + suffix, "", "", "入库", 50, "采购"],
            ["CK-" + suffix, "CK-I-" + suffix, "WZ-I-" + suffix, "", "", "出库", 20, "发放"]);
        var first = await ImportAsync(client, "/api/resources/stock/movements/import", sheet, HttpStatusCode.OK);
        Assert.Equal(2, first.GetProperty("created").GetInt32());
        var again = await ImportAsync(client, "/api/resources/stock/movements/import", sheet, HttpStatusCode.OK);
        Assert.Equal(0, again.GetProperty("created").GetInt32());

        var overdraw = Sheet(headers,
            ["CK2-" + suffix, "CK-I-" + suffix, "WZ-I-" + suffix, "", "", "出库", 20, "发放"],
            ["CK3-" + suffix, "CK-I-" + suffix, "WZ-I-" + suffix, "", "", "出库", 20, "发放"]);
        var refused = await ImportAsync(client, "/api/resources/stock/movements/import", overdraw, HttpStatusCode.BadRequest);
        var problem = Assert.Single(refused.GetProperty("problems").EnumerateArray());
        Assert.Equal(3, problem.GetProperty("row").GetInt32());
        Assert.Contains("库存不足", problem.GetProperty("message").GetString(), StringComparison.Ordinal);

        var stock = (await client.GetFromJsonAsync<JsonElement>("/api/resources/stock", Ct)).EnumerateArray()
            .Single(s => s.GetProperty("materialCode").GetString() == "WZ-I-" + suffix);
        Assert.Equal(30m, stock.GetProperty("quantity").GetDecimal());
    }

    [Fact]
    public async Task A_street_sees_and_edits_only_its_own_records_and_an_enterprise_sees_none()
    {
        using var street = await app.LoginAsync("street");   // 西宁路街道
        var shelters = await street.GetFromJsonAsync<JsonElement>("/api/resources/shelters", Ct);
        Assert.NotEqual(0, shelters.GetArrayLength());
        Assert.All(shelters.EnumerateArray(), s => Assert.StartsWith("650202001", s.GetProperty("divisionCode").GetString(), StringComparison.Ordinal));
        var district = await StockApiTests.DistrictIdAsync(street);
        var outside = await street.PostAsJsonAsync("/api/resources/shelters",
            new { code = "BN-S-" + Guid.NewGuid().ToString("N")[..6], name = "越权场所", capacity = 10, usableAreaM2 = 30, divisionId = district }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, outside.StatusCode);
        Assert.Contains("不在您的管辖范围内", await outside.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        using var bureau = await app.LoginAsync("bureau");
        var kangle = (await bureau.GetFromJsonAsync<JsonElement>("/api/resources/shelters", Ct)).EnumerateArray()
            .First(s => s.GetProperty("divisionCode").GetString()!.StartsWith("650202002", StringComparison.Ordinal)).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.NotFound, (await street.GetAsync($"/api/resources/shelters/{kangle}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await street.DeleteAsync($"/api/resources/shelters/{kangle}", Ct)).StatusCode);

        using var enterprise = await app.LoginAsync("enterprise");
        Assert.Equal(HttpStatusCode.Forbidden, (await enterprise.GetAsync("/api/resources/teams", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_duplicate_code_or_a_bad_value_is_refused_in_Chinese()
    {
        using var client = await app.LoginAsync("bureau");
        var district = await StockApiTests.DistrictIdAsync(client);
        var duplicate = await client.PostAsJsonAsync("/api/resources/teams", new { code = "JY001", name = "重复队伍", members = 1, divisionId = district }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Contains("编号“JY001”已被其他记录使用", await duplicate.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var negative = await client.PostAsJsonAsync("/api/resources/hospitals", new { code = "YY-T", name = "测试医院", beds = -3, latitude = 95, divisionId = district }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, negative.StatusCode);
        var body = await negative.Content.ReadAsStringAsync(Ct);
        Assert.Contains("床位数不能为负数", body, StringComparison.Ordinal);
        Assert.Contains("纬度应在 -90 到 90 之间", body, StringComparison.Ordinal);
    }
}

[Collection(OnSqlite.Name)]
public sealed class LedgerApiOnSqlite(SqliteApp app) : LedgerApiTests(app);

[Collection(OnPostgres.Name)]
public sealed class LedgerApiOnPostgres(PostgresApp app) : LedgerApiTests(app);
