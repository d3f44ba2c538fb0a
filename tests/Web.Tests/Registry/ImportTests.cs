using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ClosedXML.Excel;
using Tianshan.Core.Demo;
using Tianshan.Core.Registry;

namespace Tianshan.Web.Tests.Registry;

public abstract class ImportTests(TianshanApp app)
{
    private static readonly DemoData Demo = DemoSeeder.Load();

    private static readonly string[] Headers = ["统一社会信用代码", "企业名称", "行业领域", "所属区划代码", "主要负责人", "从业人数", "纬度", "经度"];

    /// <summary>A unique valid credit code for a test row.</summary>
    private static string NewCode()
    {
        var body = "91650202" + Random.Shared.Next(100_000_000, 999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return body + CreditCode.CheckCharacter(body);
    }

    private static MultipartFormDataContent Workbook(params object[][] rows)
    {
        using var book = new XLWorkbook();
        var sheet = book.AddWorksheet("企业");
        for (var c = 0; c < Headers.Length; c++)
            sheet.Cell(1, c + 1).Value = Headers[c];
        for (var r = 0; r < rows.Length; r++)
        {
            for (var c = 0; c < rows[r].Length; c++)
                sheet.Cell(r + 2, c + 1).SetValue(Convert.ToString(rows[r][c], System.Globalization.CultureInfo.InvariantCulture));
        }
        var stream = new MemoryStream();
        book.SaveAs(stream);
        var file = new ByteArrayContent(stream.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        return new MultipartFormDataContent { { file, "file", "企业.xlsx" } };
    }

    private static async Task<int> TotalAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/enterprises?pageSize=1")).GetProperty("total").GetInt32();

    [Fact]
    public async Task An_import_with_bad_rows_stores_nothing_and_reports_each_row()
    {
        using var client = await app.LoginAsync("bureau");
        var before = await TotalAsync(client);
        var community = Demo.Streets[0].Communities[0].Code;
        var good = NewCode();
        var badCheck = good[..17] + (good[17] == '0' ? '1' : '0');
        using var content = Workbook(
            [good, "好企业有限公司", "工贸", community, "张三", 12, 44.33, 84.88],
            [badCheck, "校验位错误公司", "工贸", community, "李四", 5, 44.33, 84.88],
            [NewCode(), "", "不存在的行业", community, "王五", 5, 44.33, 84.88],
            [NewCode(), "区划错误公司", "建筑施工", "999999", "赵六", "很多", 44.33, 84.88],
            [good, "重复代码公司", "工贸", community, "钱七", 1, 44.33, 84.88]);
        var response = await client.PostAsync("/api/enterprises/import", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(report.GetProperty("stored").GetBoolean());
        var problems = report.GetProperty("problems").EnumerateArray()
            .Select(p => (Row: p.GetProperty("row").GetInt32(), Column: p.GetProperty("column").GetString(), Message: p.GetProperty("message").GetString()!))
            .ToList();
        Assert.Contains(problems, p => p.Row == 3 && p.Column == "统一社会信用代码" && p.Message.Contains("校验位", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Row == 4 && p.Column == "企业名称");
        Assert.Contains(problems, p => p.Row == 4 && p.Column == "行业领域");
        Assert.Contains(problems, p => p.Row == 5 && p.Column == "所属区划代码");
        Assert.Contains(problems, p => p.Row == 5 && p.Column == "从业人数");
        Assert.Contains(problems, p => p.Row == 6 && p.Message.Contains("第2行", StringComparison.Ordinal));
        Assert.DoesNotContain(problems, p => p.Row == 2);
        Assert.Equal(before, await TotalAsync(client));
    }

    [Fact]
    public async Task Reimporting_the_same_file_creates_no_duplicates()
    {
        using var client = await app.LoginAsync("bureau");
        var community = Demo.Streets[1].Communities[0].Code;
        var code = NewCode();
        object[] row = [code, "重复导入测试有限公司", "工贸", community, "孙八", 30, 44.32, 84.87];

        using (var first = Workbook(row))
        {
            var response = await client.PostAsync("/api/enterprises/import", first);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(1, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("created").GetInt32());
        }
        using (var second = Workbook(row))
        {
            var response = await client.PostAsync("/api/enterprises/import", second);
            var report = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(0, report.GetProperty("created").GetInt32());
            Assert.Equal(1, report.GetProperty("updated").GetInt32());
        }
        var found = await client.GetFromJsonAsync<JsonElement>($"/api/enterprises?q={code}");
        Assert.Equal(1, found.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task An_exported_workbook_imports_back_unchanged()
    {
        using var client = await app.LoginAsync("bureau");
        var before = await TotalAsync(client);
        var bytes = await client.GetByteArrayAsync("/api/enterprises/export");
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        using var content = new MultipartFormDataContent { { file, "file", "export.xlsx" } };
        var response = await client.PostAsync("/api/enterprises/import", content);
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(report.GetProperty("stored").GetBoolean(), report.ToString());
        Assert.Equal(0, report.GetProperty("created").GetInt32());
        Assert.Equal(before, await TotalAsync(client));
    }

    [Fact]
    public async Task A_file_that_is_not_excel_is_rejected_in_chinese()
    {
        using var client = await app.LoginAsync("bureau");
        using var content = new MultipartFormDataContent { { new ByteArrayContent("not excel"u8.ToArray()), "file", "x.xlsx" } };
        var response = await client.PostAsync("/api/enterprises/import", content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("无法读取", report.GetProperty("problems")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }
}

[Collection(OnSqlite.Name)]
public sealed class ImportOnSqlite(SqliteApp app) : ImportTests(app);

[Collection(OnPostgres.Name)]
public sealed class ImportOnPostgres(PostgresApp app) : ImportTests(app);
