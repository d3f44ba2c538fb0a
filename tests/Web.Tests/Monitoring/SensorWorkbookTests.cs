using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ClosedXML.Excel;

namespace Tianshan.Web.Tests.Monitoring;

public abstract class SensorWorkbookTests(TianshanApp app)
{
    private static MultipartFormDataContent File(byte[] bytes)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        return new MultipartFormDataContent { { file, "file", "传感器.xlsx" } };
    }

    [Fact]
    public async Task An_exported_sensor_list_imports_back_without_duplicates_and_a_new_gas_detector_gets_the_national_defaults()
    {
        using var client = await app.LoginAsync("enterprise2");
        var before = (await client.GetFromJsonAsync<JsonElement>("/api/monitoring/sensors")).GetArrayLength();
        var bytes = await client.GetByteArrayAsync("/api/monitoring/sensors/export");
        using var book = new XLWorkbook(new MemoryStream(bytes));
        var sheet = book.Worksheet(1);
        Assert.Equal(before, sheet.RowsUsed().Count() - 1);
        var enterprise = sheet.Cell(2, 1).GetString();
        var row = sheet.LastRowUsed()!.RowNumber() + 1;
        sheet.Cell(row, 1).SetValue(enterprise);
        sheet.Cell(row, 2).SetValue("NEW-GT99");
        sheet.Cell(row, 3).SetValue("新增可燃气体检测器");
        sheet.Cell(row, 4).SetValue("可燃气体");
        using var edited = new MemoryStream();
        book.SaveAs(edited);

        using var content = File(edited.ToArray());
        var response = await client.PostAsync("/api/monitoring/sensors/import", content);
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(report.GetProperty("stored").GetBoolean(), report.ToString());
        Assert.Equal(1, report.GetProperty("created").GetInt32());
        Assert.Equal(before, report.GetProperty("updated").GetInt32());
        var sensors = await client.GetFromJsonAsync<JsonElement>("/api/monitoring/sensors");
        Assert.Equal(before + 1, sensors.GetArrayLength());
        var added = sensors.EnumerateArray().Single(s => s.GetProperty("code").GetString() == "NEW-GT99");
        Assert.Equal(25, added.GetProperty("high").GetDouble());     // GB/T 50493-2019: H 25 %LEL
        Assert.Equal(50, added.GetProperty("highHigh").GetDouble()); //                  HH 50 %LEL
    }

    [Fact]
    public async Task A_sensor_import_with_a_bad_row_stores_nothing()
    {
        using var client = await app.LoginAsync("enterprise");
        var before = (await client.GetFromJsonAsync<JsonElement>("/api/monitoring/sensors")).GetArrayLength();
        using var book = new XLWorkbook();
        var sheet = book.AddWorksheet("传感器");
        string[] headers = ["企业统一社会信用代码", "传感器编码", "传感器名称", "类型", "高高报", "高报"];
        for (var c = 0; c < headers.Length; c++)
            sheet.Cell(1, c + 1).SetValue(headers[c]);
        var enterprise = Core.Demo.DemoSeeder.Load().Enterprises[0].CreditCode;
        object[][] rows =
        [
            [enterprise, "OK-PT01", "好的压力表", "压力", "2", "1.5"],
            [enterprise, "BAD-PT02", "高高报低于高报", "压力", "1", "1.5"],
            [enterprise, "BAD-XX03", "未知类型", "辐射", "", ""],
        ];
        for (var r = 0; r < rows.Length; r++)
        {
            for (var c = 0; c < rows[r].Length; c++)
                sheet.Cell(r + 2, c + 1).SetValue((string)rows[r][c]);
        }
        using var stream = new MemoryStream();
        book.SaveAs(stream);
        using var content = File(stream.ToArray());
        var response = await client.PostAsync("/api/monitoring/sensors/import", content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problems = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("problems").EnumerateArray().ToList();
        Assert.Contains(problems, p => p.GetProperty("row").GetInt32() == 3);
        Assert.Contains(problems, p => p.GetProperty("row").GetInt32() == 4 && p.GetProperty("column").GetString() == "类型");
        Assert.DoesNotContain(problems, p => p.GetProperty("row").GetInt32() == 2);
        Assert.Equal(before, (await client.GetFromJsonAsync<JsonElement>("/api/monitoring/sensors")).GetArrayLength());
    }
}

[Collection(OnSqlite.Name)]
public sealed class SensorWorkbookOnSqlite(SqliteApp app) : SensorWorkbookTests(app);

[Collection(OnPostgres.Name)]
public sealed class SensorWorkbookOnPostgres(PostgresApp app) : SensorWorkbookTests(app);
