using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Tianshan.Web.Tests.Incidents;

/// <summary>Incidents and the duty desk through HTTP, on each database: the grade calculator, intake with its clocks and its
/// line in the duty log, a follow-up that re-grades, reports and milestones, closure (四不放过) and what is refused after it,
/// enterprise isolation, bad input, the roster, handover and the 值班信息专报 PDF read back with pdftotext.</summary>
public abstract class IncidentApiTests(TianshanApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static object Accident(int deaths = 1, string title = "乙烯装置裂解炉区域泄漏着火", Guid? enterpriseId = null) => new
    {
        source = "DutyDesk",
        category = "Accident",
        subtype = "危险化学品事故",
        title,
        occurredAt = DateTimeOffset.UtcNow.AddMinutes(-20),
        latitude = 44.31,
        longitude = 84.88,
        address = "独山子石化乙烯厂裂解车间",
        narrative = "裂解炉出口管线法兰泄漏着火，企业专职消防队已到场扑救。",
        reporter = "企业调度室",
        deaths,
        seriousInjuries = 2,
        directLossYuan = 500000,
        enterpriseId,
    };

    private static async Task<JsonElement> CreateAsync(HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync("/api/incidents", body, Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    private static List<JsonElement> Clocks(JsonElement view) => [.. view.GetProperty("clocks").EnumerateArray()];

    [Fact]
    public async Task A_time_given_in_China_time_is_stored_as_the_same_instant()
    {
        using var bureau = await app.LoginAsync("bureau");
        var occurred = new DateTimeOffset(DateTime.UtcNow.AddMinutes(-50).Ticks - DateTime.UtcNow.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero).ToOffset(TimeSpan.FromHours(8));
        var body = new
        {
            source = "DutyDesk", category = "Accident", subtype = "工贸事故", title = "以北京时间报送的事故", occurredAt = occurred,
            latitude = 44.31, longitude = 84.88, address = "独山子区", narrative = "报送时间带 +08:00 时区。", reporter = "企业调度室",
        };
        var created = await CreateAsync(bureau, body);
        var stored = created.GetProperty("occurredAt").GetDateTimeOffset();
        Assert.Equal(occurred.UtcTicks / TimeSpan.TicksPerSecond, stored.UtcTicks / TimeSpan.TicksPerSecond);
    }

    [Fact]
    public async Task The_incident_ledger_exports_to_Excel_with_each_incident_and_its_grade()
    {
        using var bureau = await app.LoginAsync("bureau");
        var created = await CreateAsync(bureau, Accident(deaths: 3, title: "导出测试：储罐区火灾"));
        var number = created.GetProperty("number").GetString();
        var response = await bureau.GetAsync("/api/incidents/export", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var book = new ClosedXML.Excel.XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync(Ct)));
        var sheet = book.Worksheet("突发事件台账");
        Assert.Equal("事件编号", sheet.Cell(1, 1).GetString());
        var row = sheet.RowsUsed().Single(r => r.Cell(1).GetString() == number);
        Assert.Equal("导出测试：储罐区火灾", row.Cell(2).GetString());
        Assert.Equal("较大", row.Cell(6).GetString());       // 3 deaths: 较大 (493号令 第三条, 以上含本数)
        Assert.Equal(3, row.Cell(13).GetValue<int>());
    }

    [Fact]
    public async Task The_grade_calculator_answers_in_Chinese_and_needs_a_login()
    {
        using var bureau = await app.LoginAsync("bureau");
        var body = await (await bureau.PostAsJsonAsync("/api/incidents/grade", new { deaths = 3, seriousInjuries = 0, directLossYuan = 0 }, Ct))
            .Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("较大", body.GetProperty("grade").GetString());
        Assert.Equal("省级应急管理部门", body.GetProperty("reportCeiling").GetString());
        Assert.Equal("Ⅲ级", body.GetProperty("responseLevel").GetString());
        var major = await (await bureau.PostAsJsonAsync("/api/incidents/grade", new { deaths = 0, seriousInjuries = 0, directLossYuan = 50_000_000 }, Ct))
            .Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("重大", major.GetProperty("grade").GetString());

        var negative = await bureau.PostAsJsonAsync("/api/incidents/grade", new { deaths = -1 }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, negative.StatusCode);
        Assert.Contains("不能为负数", await negative.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        using var anonymous = app.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/incidents/grade", new { deaths = 3 }, Ct)).StatusCode);
    }

    [Fact]
    public async Task An_incident_is_taken_with_its_clocks_regraded_by_a_follow_up_reported_and_closed()
    {
        using var bureau = await app.LoginAsync("bureau");
        var created = await CreateAsync(bureau, Accident());
        var id = created.GetProperty("id").GetGuid();
        Assert.Matches(@"^SJ-\d{4}-\d{5}$", created.GetProperty("number").GetString());
        Assert.Equal("一般", created.GetProperty("gradeLabel").GetString());
        var county = Clocks(created).Single(c => c.GetProperty("level").GetString() == "County");
        Assert.Equal("OnTime", county.GetProperty("state").GetString());
        var city = Clocks(created).Single(c => c.GetProperty("level").GetString() == "City");
        Assert.Equal("Due", city.GetProperty("state").GetString());
        Assert.InRange(city.GetProperty("remainingSeconds").GetInt64(), 7000, 7200);
        Assert.DoesNotContain(Clocks(created), c => c.GetProperty("level").GetString() == "Province");

        var followUp = await bureau.PostAsJsonAsync($"/api/incidents/{id}/follow-ups", new { text = "两名重伤人员抢救无效死亡", deaths = 3, seriousInjuries = 0 }, Ct);
        Assert.True(followUp.IsSuccessStatusCode, await followUp.Content.ReadAsStringAsync(Ct));
        var detail = await followUp.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("Larger", detail.GetProperty("summary").GetProperty("grade").GetString());
        Assert.Equal("省级应急管理部门", detail.GetProperty("reportCeilingLabel").GetString());
        Assert.Contains(Clocks(detail.GetProperty("summary")), c => c.GetProperty("level").GetString() == "Province");
        var regrade = detail.GetProperty("timeline").EnumerateArray().Single(e => e.GetProperty("action").GetString() == "等级变更");
        Assert.StartsWith("一般 → 较大", regrade.GetProperty("note").GetString(), StringComparison.Ordinal);

        var report = await bureau.PostAsJsonAsync($"/api/incidents/{id}/reports", new { level = "City", recipient = "克拉玛依市应急管理局" }, Ct);
        detail = await report.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("OnTime", Clocks(detail.GetProperty("summary")).Single(c => c.GetProperty("level").GetString() == "City").GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await bureau.PostAsJsonAsync($"/api/incidents/{id}/milestones", new { kind = "CommandCommsOpened", note = "卫星电话开通" }, Ct)).StatusCode);
        var twice = await bureau.PostAsJsonAsync($"/api/incidents/{id}/milestones", new { kind = "CommandCommsOpened" }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Contains("已记录", await twice.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        var incomplete = await bureau.PostAsJsonAsync($"/api/incidents/{id}/close", new { cause = "法兰垫片老化" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, incomplete.StatusCode);
        Assert.Contains("四不放过", await incomplete.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, (await bureau.PostAsJsonAsync($"/api/incidents/{id}/close", new
        {
            cause = "法兰垫片老化泄漏", responsibility = "车间主任记过", measures = "全面更换垫片", education = "全厂警示教育", reportSubmittedAt = DateTimeOffset.UtcNow,
        }, Ct)).StatusCode);
        var after = await bureau.PostAsJsonAsync($"/api/incidents/{id}/follow-ups", new { text = "补充" }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, after.StatusCode);
        Assert.Contains("事件已结案，不能续报", await after.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        var log = await bureau.GetFromJsonAsync<JsonElement>("/api/duty/log", Ct);
        var lines = log.EnumerateArray().Where(e => e.TryGetProperty("incidentId", out var i) && i.ValueKind == JsonValueKind.String && i.GetGuid() == id).ToList();
        Assert.Contains(lines, l => l.GetProperty("kind").GetString() == "Incident");
        Assert.Contains(lines, l => l.GetProperty("summary").GetString()!.Contains("等级 一般 → 较大", StringComparison.Ordinal));
        var audit = await bureau.GetFromJsonAsync<JsonElement>($"/api/audit?entityType=Incident&entityId={id}", Ct);
        // Intake, the re-grading follow-up and the closure change the incident row itself.
        Assert.True(audit.GetProperty("total").GetInt32() >= 3, audit.GetRawText());
    }

    [Fact]
    public async Task An_enterprise_reports_its_own_incident_and_no_other_enterprise_sees_or_changes_it()
    {
        using var enterprise = await app.LoginAsync("enterprise");
        async Task<int> AccidentsOnRecordAsync() => Assert.Single((await enterprise.GetFromJsonAsync<JsonElement>("/api/credit", Ct)).EnumerateArray())
            .GetProperty("inputs").GetProperty("accidents").GetInt32();
        var accidentsBefore = await AccidentsOnRecordAsync();
        var created = await CreateAsync(enterprise, Accident(deaths: 0, title: "储罐区可燃气体泄漏"));
        var id = created.GetProperty("id").GetGuid();
        // The accident is on the enterprise's record: its safety credit counts it (近三年生产安全事故).
        Assert.Equal(accidentsBefore + 1, await AccidentsOnRecordAsync());
        Assert.Equal("Enterprise", created.GetProperty("source").GetString());
        Assert.NotNull(created.GetProperty("enterpriseName").GetString());

        using var other = await app.LoginAsync("enterprise2");
        Assert.DoesNotContain((await other.GetFromJsonAsync<JsonElement>("/api/incidents", Ct)).EnumerateArray(), i => i.GetProperty("id").GetGuid() == id);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/incidents/{id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync($"/api/incidents/{id}/follow-ups", new { text = "篡改" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/incidents/{id}/duty-report.pdf", Ct)).StatusCode);
        // The enterprise neither reports up the ladder nor keeps the duty desk.
        Assert.Equal(HttpStatusCode.Forbidden, (await enterprise.PostAsJsonAsync($"/api/incidents/{id}/reports", new { level = "City" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await enterprise.GetAsync("/api/duty/log", Ct)).StatusCode);

        using var bureau = await app.LoginAsync("bureau");
        Assert.Contains((await bureau.GetFromJsonAsync<JsonElement>("/api/incidents", Ct)).EnumerateArray(), i => i.GetProperty("id").GetGuid() == id);
    }

    [Fact]
    public async Task Bad_input_is_400_in_Chinese_and_stores_nothing()
    {
        using var bureau = await app.LoginAsync("bureau");
        var before = (await bureau.GetFromJsonAsync<JsonElement>("/api/incidents", Ct)).GetArrayLength();
        var response = await bureau.PostAsJsonAsync("/api/incidents", new
        {
            category = "Accident", subtype = "地震", title = " ", occurredAt = DateTimeOffset.UtcNow.AddHours(2), address = "", narrative = "", deaths = -2, latitude = 95.0, longitude = 84.0,
        }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var errors = problem.GetProperty("errors");
        foreach (var field in new[] { "subtype", "title", "occurredAt", "address", "narrative", "deaths", "latitude" })
            Assert.True(errors.TryGetProperty(field, out _), $"{field} missing in {problem.GetRawText()}");
        Assert.Contains("事发时间不能晚于当前时间", problem.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(before, (await bureau.GetFromJsonAsync<JsonElement>("/api/incidents", Ct)).GetArrayLength());
        var malformed = await bureau.PostAsync("/api/incidents", new StringContent("{\"deaths\": \"many\"", System.Text.Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
    }

    [Fact]
    public async Task The_desk_keeps_a_roster_a_log_and_a_handover_that_carries_the_open_items()
    {
        using var bureau = await app.LoginAsync("bureau");
        var day = new DateOnly(2027, 3, 1);
        Assert.True((await bureau.PutAsJsonAsync("/api/duty/roster", new { date = day, shift = "Day", leader = "王局长", officer = "李值班" }, Ct)).IsSuccessStatusCode);
        Assert.True((await bureau.PutAsJsonAsync("/api/duty/roster", new { date = day, shift = "Day", leader = "赵副局长", officer = "李值班" }, Ct)).IsSuccessStatusCode);
        var roster = await bureau.GetFromJsonAsync<JsonElement>("/api/duty/roster?from=2027-03-01&to=2027-03-01", Ct);
        Assert.Equal("赵副局长", Assert.Single(roster.EnumerateArray()).GetProperty("leader").GetString());
        var noLeader = await bureau.PutAsJsonAsync("/api/duty/roster", new { date = day, shift = "Night", leader = "", officer = "张三" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, noLeader.StatusCode);
        Assert.Contains("请填写带班领导", await noLeader.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        var call = await bureau.PostAsJsonAsync("/api/duty/log", new { kind = "Call", summary = "市局询问降温天气防范部署", caller = "市局值班室", phone = "0990-6230000" }, Ct);
        Assert.Equal(HttpStatusCode.Created, call.StatusCode);
        var item = await bureau.PostAsJsonAsync("/api/duty/open-items", new { text = "18 时前向市局报送寒潮防范情况" }, Ct);
        Assert.Equal(HttpStatusCode.Created, item.StatusCode);
        var handover = await bureau.PostAsJsonAsync("/api/duty/handovers", new { fromOfficer = "李值班", toOfficer = "刘值班", summary = "本班接电话 3 个，无突发事件" }, Ct);
        Assert.Equal(HttpStatusCode.Created, handover.StatusCode);
        var body = await handover.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Contains("18 时前向市局报送寒潮防范情况", body.GetProperty("openItems").EnumerateArray().Select(i => i.GetString()));
        var log = await bureau.GetFromJsonAsync<JsonElement>("/api/duty/log", Ct);
        Assert.Contains(log.EnumerateArray(), e => e.GetProperty("kind").GetString() == "Handover" && e.GetProperty("summary").GetString()!.StartsWith("李值班 交班给 刘值班", StringComparison.Ordinal));
        Assert.Contains(log.EnumerateArray(), e => e.GetProperty("caller").ValueKind == JsonValueKind.String && e.GetProperty("caller").GetString() == "市局值班室");
        var same = await bureau.PostAsJsonAsync("/api/duty/handovers", new { fromOfficer = "李值班", toOfficer = "李值班", summary = "x" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, same.StatusCode);

        var today = await bureau.GetFromJsonAsync<JsonElement>("/api/duty/today", Ct);
        Assert.NotEqual(JsonValueKind.Null, today.GetProperty("onDuty").ValueKind);   // the demo roster covers this week
    }

    [Fact]
    public async Task The_duty_report_prints_as_a_PDF_in_Chinese_with_the_incident_and_the_officers_on_duty()
    {
        using var bureau = await app.LoginAsync("bureau");
        var created = await CreateAsync(bureau, Accident(deaths: 0, title: "化工园区管廊泄漏"));
        var response = await bureau.GetAsync($"/api/incidents/{created.GetProperty("id").GetGuid()}/duty-report.pdf", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var pdf = await response.Content.ReadAsByteArrayAsync(Ct);
        // pdftotext breaks wrapped lines: compare without the breaks.
        var text = (await PdfText.OfAsync(pdf)).Replace("\n", "", StringComparison.Ordinal);
        var today = await bureau.GetFromJsonAsync<JsonElement>("/api/duty/today", Ct);
        foreach (var expected in new[]
        {
            "值班信息专报", "独山子区应急管理局值班室", "化工园区管廊泄漏", "一、基本情况", "二、伤亡及损失", "重伤（含急性工业中毒） 2 人",
            "国务院令第493号", "一般事故", "设区的市级应急管理部门", "带班领导", today.GetProperty("onDuty").GetProperty("leader").GetString()!,
        })
            Assert.Contains(expected, text, StringComparison.Ordinal);
    }
}

[Collection(OnSqlite.Name)]
public sealed class IncidentApiOnSqlite(SqliteApp app) : IncidentApiTests(app);

[Collection(OnPostgres.Name)]
public sealed class IncidentApiOnPostgres(PostgresApp app) : IncidentApiTests(app);
