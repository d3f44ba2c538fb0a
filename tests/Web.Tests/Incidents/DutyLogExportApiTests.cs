using System.Net;
using System.Net.Http.Json;

namespace Tianshan.Web.Tests.Incidents;

/// <summary>值班日志 as Excel, on each database: the bureau's export holds the calls and incidents of the days asked for, in China
/// time; a bad range is a 400 in Chinese; the desk's log is the bureau's only, as on /duty.</summary>
public abstract class DutyLogExportApiTests(TianshanApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_duty_log_exports_to_Excel_for_the_bureau_only()
    {
        using var bureau = await app.LoginAsync("bureau");
        var call = await bureau.PostAsJsonAsync("/api/duty/log", new { kind = "Call", summary = "导出测试：市局询问大风防范", caller = "市局值班室", phone = "0990-6230001" }, Ct);
        Assert.Equal(HttpStatusCode.Created, call.StatusCode);

        var today = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var response = await bureau.GetAsync($"/api/duty/log/export?from={today}&to={today}", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("值班日志", Uri.UnescapeDataString(response.Content.Headers.ContentDisposition?.ToString() ?? ""), StringComparison.Ordinal);
        using var book = new ClosedXML.Excel.XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync(Ct)));
        var sheet = book.Worksheet("值班日志");
        Assert.Equal("时间", sheet.Cell(1, 1).GetString());
        var row = sheet.RowsUsed().Single(r => r.Cell(3).GetString() == "导出测试：市局询问大风防范");
        Assert.Equal("来电", row.Cell(2).GetString());
        Assert.Equal("市局值班室", row.Cell(4).GetString());
        Assert.StartsWith(today, row.Cell(1).GetString(), StringComparison.Ordinal);

        // Without a range: the last 30 days, today included.
        using var recent = new ClosedXML.Excel.XLWorkbook(new MemoryStream(await bureau.GetByteArrayAsync("/api/duty/log/export", Ct)));
        Assert.Contains(recent.Worksheet("值班日志").RowsUsed(), r => r.Cell(3).GetString() == "导出测试：市局询问大风防范");

        var backwards = await bureau.GetAsync("/api/duty/log/export?from=2026-03-02&to=2026-03-01", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, backwards.StatusCode);
        Assert.Contains("开始日期不能晚于结束日期", await backwards.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        using var department = await app.LoginAsync("department");
        Assert.Equal(HttpStatusCode.Forbidden, (await department.GetAsync("/api/duty/log/export", Ct)).StatusCode);
    }
}

[Collection(OnSqlite.Name)]
public sealed class DutyLogExportApiOnSqlite(SqliteApp app) : DutyLogExportApiTests(app);

[Collection(OnPostgres.Name)]
public sealed class DutyLogExportApiOnPostgres(PostgresApp app) : DutyLogExportApiTests(app);
