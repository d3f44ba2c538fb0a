using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;

namespace Tianshan.Web.Tests.Prevention;

/// <summary>The hidden-hazard loop through HTTP, on each database: the whole loop with evidence, illegal steps (409 in
/// Chinese), verification by the submitter refused, enterprise isolation, the anonymous public report, the 2017 criteria
/// and 挂牌督办 with its public notice.</summary>
public abstract class HiddenHazardApiTests(TianshanApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A tiny valid PNG (1×1): real evidence bytes, not a placeholder string.</summary>
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    internal static async Task<(Guid Id, string Number)> RegisterAsync(HttpClient client, string title = "储罐区可燃气体探测器失效", Guid? enterpriseId = null)
    {
        var response = await client.PostAsJsonAsync("/api/hazards", new
        {
            enterpriseId,
            title,
            description = "3号罐组东侧 GT-04 探测器无响应",
            location = "3号罐组",
        }, Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        return (body.GetProperty("id").GetGuid(), body.GetProperty("number").GetString()!);
    }

    [Fact]
    public async Task Registrations_racing_for_a_number_each_get_their_own_the_next_in_sequence()
    {
        using var first = await app.LoginAsync("enterprise");
        using var second = await app.LoginAsync("enterprise2");
        var numbers = (await Task.WhenAll(Enumerable.Range(0, 8).Select(i => RegisterAsync(i % 2 == 0 ? first : second, $"并发登记 {i}"))))
            .Select(r => r.Number).ToList();
        Assert.Equal(numbers.Count, numbers.Distinct().Count());
        var sequence = numbers.Select(n => int.Parse(n[^5..], System.Globalization.CultureInfo.InvariantCulture)).Order().ToList();
        Assert.Equal(Enumerable.Range(sequence[0], 8), sequence);
    }

    internal static object Rectification(int days = 10) => new
    {
        responsiblePerson = "张伟",
        measures = "更换探测器并标定",
        funds = 12000,
        deadline = DateTimeOffset.UtcNow.AddDays(days),
        contingencyPlan = "更换前每 2 小时便携式检测仪巡检",
    };

    internal static object Plan() => new
    {
        objectives = "恢复罐区泄漏检测报警",
        methods = "更换探测器、接入 SIS",
        fundsAndMaterials = "专项资金 12 万元",
        organisation = "设备部 张伟",
        timeLimits = "10 日内完成",
        safetyMeasures = "临时巡检，启用应急预案",
    };

    internal static async Task UploadAsync(HttpClient client, Guid id, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Png);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(file, "files", "整改后.png");
        var response = await client.PostAsync($"/api/hazards/{id}/evidence?stage=整改", form, Ct);
        Assert.True(response.StatusCode == expected, await response.Content.ReadAsStringAsync(Ct));
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal(expected, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    [Fact]
    public async Task A_self_inspection_hazard_goes_round_the_loop_with_evidence_and_is_closed_by_an_inspector()
    {
        using var enterprise = await app.LoginAsync("enterprise");
        var (id, number) = await RegisterAsync(enterprise);
        Assert.Matches(@"^YH-\d{4}-\d{5}$", number);

        Assert.Equal(HttpStatusCode.NoContent, (await enterprise.PostAsJsonAsync($"/api/hazards/{id}/assess",
            new { grade = "General", criteria = Array.Empty<int>(), rectification = Rectification() }, Ct)).StatusCode);

        var noEvidence = await ProblemAsync(await enterprise.PostAsJsonAsync($"/api/hazards/{id}/submit", new { note = "已更换" }, Ct), HttpStatusCode.BadRequest);
        Assert.Contains("佐证", noEvidence.GetRawText(), StringComparison.Ordinal);

        await UploadAsync(enterprise, id);
        Assert.Equal(HttpStatusCode.NoContent, (await enterprise.PostAsJsonAsync($"/api/hazards/{id}/submit", new { note = "已更换" }, Ct)).StatusCode);

        var own = await ProblemAsync(await enterprise.PostAsJsonAsync($"/api/hazards/{id}/verify", new { passed = true }, Ct), HttpStatusCode.Conflict);
        Assert.Contains("验收人不能是整改提交人", own.GetProperty("detail").GetString(), StringComparison.Ordinal);

        using var inspector = await app.LoginAsync("inspector");
        Assert.Equal(HttpStatusCode.NoContent, (await inspector.PostAsJsonAsync($"/api/hazards/{id}/verify", new { passed = true, note = "现场复核合格" }, Ct)).StatusCode);

        var detail = await enterprise.GetFromJsonAsync<JsonElement>($"/api/hazards/{id}", Ct);
        Assert.Equal("Closed", detail.GetProperty("summary").GetProperty("status").GetString());
        Assert.Equal(["登记", "评估", "提交整改", "验收销号"], detail.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("action").GetString()));
        Assert.Equal("inspector", detail.GetProperty("verifiedBy").GetString());
        var evidence = Assert.Single(detail.GetProperty("evidence").EnumerateArray());
        Assert.Equal(64, evidence.GetProperty("sha256").GetString()!.Length);
        var file = await enterprise.GetByteArrayAsync($"/api/hazards/{id}/evidence/{evidence.GetProperty("id").GetGuid()}", Ct);
        Assert.Equal(Png, file);

        using var bureau = await app.LoginAsync("bureau");
        var audit = await bureau.GetFromJsonAsync<JsonElement>($"/api/audit?entityType=HiddenHazard&entityId={id}", Ct);
        Assert.True(audit.GetProperty("total").GetInt32() >= 4, audit.GetRawText());
        Assert.DoesNotContain("iVBOR", (await bureau.GetStringAsync("/api/audit?entityType=HiddenHazardEvidence", Ct)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Steps_out_of_order_are_409_with_a_Chinese_message_and_change_nothing()
    {
        using var enterprise = await app.LoginAsync("enterprise");
        var (id, _) = await RegisterAsync(enterprise, "消防通道堵塞");
        var verify = await ProblemAsync(await enterprise.PostAsJsonAsync($"/api/hazards/{id}/verify", new { passed = true }, Ct), HttpStatusCode.Conflict);
        Assert.Contains("隐患当前为“已登记”，不能验收", verify.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await ProblemAsync(await enterprise.PostAsJsonAsync($"/api/hazards/{id}/submit", new { }, Ct), HttpStatusCode.Conflict);
        await ProblemAsync(await enterprise.PostAsJsonAsync($"/api/hazards/{id}/extend", new { deadline = DateTimeOffset.UtcNow.AddDays(30), reason = "备件" }, Ct),
            HttpStatusCode.Conflict);
        var bad = await ProblemAsync(await enterprise.PostAsJsonAsync($"/api/hazards/{id}/assess", new { grade = "General", rectification = new { } }, Ct),
            HttpStatusCode.BadRequest);
        Assert.Contains("五落实", bad.GetRawText(), StringComparison.Ordinal);
        var detail = await enterprise.GetFromJsonAsync<JsonElement>($"/api/hazards/{id}", Ct);
        Assert.Equal("Registered", detail.GetProperty("summary").GetProperty("status").GetString());
        Assert.Single(detail.GetProperty("timeline").EnumerateArray());
    }

    [Fact]
    public async Task An_enterprise_sees_and_changes_only_its_own_hazards()
    {
        using var first = await app.LoginAsync("enterprise");
        using var second = await app.LoginAsync("enterprise2");
        var (id, _) = await RegisterAsync(first, "一号企业的隐患");
        var firstEnterprise = (await first.GetFromJsonAsync<JsonElement>($"/api/hazards/{id}", Ct)).GetProperty("summary").GetProperty("enterpriseId").GetGuid();

        Assert.Equal(HttpStatusCode.NotFound, (await second.GetAsync($"/api/hazards/{id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await second.PostAsJsonAsync($"/api/hazards/{id}/assess",
            new { grade = "General", rectification = Rectification() }, Ct)).StatusCode);
        Assert.DoesNotContain((await second.GetFromJsonAsync<JsonElement>("/api/hazards", Ct)).EnumerateArray(), h => h.GetProperty("id").GetGuid() == id);
        using (var form = new MultipartFormDataContent { { new ByteArrayContent(Png) { Headers = { ContentType = new MediaTypeHeaderValue("image/png") } }, "files", "x.png" } })
            Assert.Equal(HttpStatusCode.NotFound, (await second.PostAsync($"/api/hazards/{id}/evidence", form, Ct)).StatusCode);

        // Naming another enterprise when registering does not reach it: an enterprise user registers under its own.
        var (otherId, _) = await RegisterAsync(second, "二号企业的隐患", enterpriseId: firstEnterprise);
        var other = await second.GetFromJsonAsync<JsonElement>($"/api/hazards/{otherId}", Ct);
        Assert.NotEqual(firstEnterprise, other.GetProperty("summary").GetProperty("enterpriseId").GetGuid());
        Assert.Equal(HttpStatusCode.NotFound, (await first.GetAsync($"/api/hazards/{otherId}", Ct)).StatusCode);
    }

    [Fact]
    public async Task An_anonymous_public_report_is_received_reads_nothing_back_and_becomes_a_hazard_when_triaged()
    {
        using var anonymous = app.CreateClient();
        var invalid = await ProblemAsync(await anonymous.PostAsJsonAsync("/api/public/reports", new { description = " " }, Ct), HttpStatusCode.BadRequest);
        Assert.Contains("请描述您发现的安全隐患", invalid.GetRawText(), StringComparison.Ordinal);

        var response = await anonymous.PostAsJsonAsync("/api/public/reports",
            new { enterpriseName = "独山子石化公司", location = "厂区北门", description = "夜间有人在油罐区附近吸烟" }, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var receipt = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("number").GetString()!;
        Assert.Matches(@"^JB-\d{8}-[A-Z2-9]{6}$", receipt);
        Assert.DoesNotContain("夜间", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        foreach (var path in new[] { "/api/reports", "/api/hazards", "/api/hazards/stats" })
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(path, Ct)).StatusCode);
        using var enterprise = await app.LoginAsync("enterprise");
        Assert.Equal(HttpStatusCode.Forbidden, (await enterprise.GetAsync("/api/reports", Ct)).StatusCode);

        using var bureau = await app.LoginAsync("bureau");
        var report = (await bureau.GetFromJsonAsync<JsonElement>("/api/reports", Ct)).EnumerateArray().Single(r => r.GetProperty("receipt").GetString() == receipt);
        var refinery = (await enterprise.GetFromJsonAsync<JsonElement>("/api/enterprises", Ct)).GetProperty("items")[0].GetProperty("id").GetGuid();
        var converted = await bureau.PostAsJsonAsync($"/api/reports/{report.GetProperty("id").GetGuid()}/convert", new { enterpriseId = refinery }, Ct);
        Assert.Equal(HttpStatusCode.Created, converted.StatusCode);
        var hazardId = (await converted.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
        var hazard = await enterprise.GetFromJsonAsync<JsonElement>($"/api/hazards/{hazardId}", Ct);
        Assert.Equal("PublicReport", hazard.GetProperty("summary").GetProperty("origin").GetString());
        Assert.Contains(receipt, hazard.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, (await bureau.PostAsJsonAsync($"/api/reports/{report.GetProperty("id").GetGuid()}/convert", new { enterpriseId = refinery }, Ct)).StatusCode);
    }

    [Fact]
    public async Task A_2017_criterion_makes_a_chemical_hazard_major_which_the_bureau_lists_and_publishes()
    {
        using var enterprise = await app.LoginAsync("enterprise");   // the refinery: hazardous chemicals
        var (id, number) = await RegisterAsync(enterprise, "可燃气体检测报警装置未设置");
        var noPlan = await ProblemAsync(await enterprise.PostAsJsonAsync($"/api/hazards/{id}/assess",
            new { grade = "General", criteria = new[] { 12 }, rectification = Rectification() }, Ct), HttpStatusCode.BadRequest);
        Assert.Contains("第十五条", noPlan.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, (await enterprise.PostAsJsonAsync($"/api/hazards/{id}/assess",
            new { grade = "General", criteria = new[] { 12 }, rectification = Rectification(), plan = Plan() }, Ct)).StatusCode);
        var detail = await enterprise.GetFromJsonAsync<JsonElement>($"/api/hazards/{id}", Ct);
        Assert.Equal("Major", detail.GetProperty("summary").GetProperty("grade").GetString());

        Assert.Equal(HttpStatusCode.Forbidden, (await enterprise.PostAsJsonAsync($"/api/hazards/{id}/supervision",
            new { notice = "x", authority = "y" }, Ct)).StatusCode);
        using var bureau = await app.LoginAsync("bureau");
        Assert.Equal(HttpStatusCode.NoContent, (await bureau.PostAsJsonAsync($"/api/hazards/{id}/supervision",
            new { notice = "独安委督〔2026〕3号", authority = "独山子区安全生产委员会办公室" }, Ct)).StatusCode);

        using var anonymous = app.CreateClient();
        var notice = await anonymous.GetFromJsonAsync<JsonElement>("/api/public/supervised-hazards", Ct);
        var listed = notice.EnumerateArray().Single(h => h.GetProperty("number").GetString() == number);
        Assert.Equal("独安委督〔2026〕3号", listed.GetProperty("supervisionNotice").GetString());

        // Listed: the enterprise rectifies, but only the supervising side verifies and strikes it off.
        await UploadAsync(enterprise, id);
        Assert.Equal(HttpStatusCode.NoContent, (await enterprise.PostAsJsonAsync($"/api/hazards/{id}/submit", new { note = "已安装" }, Ct)).StatusCode);
        using var enterprise2 = await app.LoginAsync("enterprise2");
        Assert.Equal(HttpStatusCode.NotFound, (await enterprise2.PostAsJsonAsync($"/api/hazards/{id}/verify", new { passed = true }, Ct)).StatusCode);
        using var street = await app.LoginAsync("street");
        var streetVerify = await street.PostAsJsonAsync($"/api/hazards/{id}/verify", new { passed = true }, Ct);
        Assert.Contains(streetVerify.StatusCode, new[] { HttpStatusCode.Forbidden, HttpStatusCode.NotFound });
        Assert.Equal(HttpStatusCode.NoContent, (await bureau.PostAsJsonAsync($"/api/hazards/{id}/verify", new { passed = true }, Ct)).StatusCode);
    }

    [Fact]
    public async Task A_monitoring_alarm_becomes_a_hazard_of_its_enterprise()
    {
        using var enterprise = await app.LoginAsync("enterprise2");
        var sensor = (await enterprise.GetFromJsonAsync<JsonElement>("/api/monitoring/sensors", Ct)).EnumerateArray()
            .First(s => s.GetProperty("highHigh").ValueKind == JsonValueKind.Number);
        int storeId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<Core.Platform.CurrentUser>().Set(Core.Platform.UserScope.System);
            var db = scope.ServiceProvider.GetRequiredService<Core.Data.TianshanDb>();
            var id = sensor.GetProperty("id").GetGuid();
            storeId = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Sensors.Where(x => x.Id == id).Select(x => x.StoreId), Ct);
        }
        await app.Services.GetRequiredService<Features.Monitoring.ReadingIngest>().IngestAsync(
            new[] { new Features.Monitoring.Sample(storeId, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), sensor.GetProperty("highHigh").GetDouble() + 5) }, Ct);
        JsonElement? alarm = null;
        for (var i = 0; i < 100 && alarm is null; i++)
        {
            alarm = (await enterprise.GetFromJsonAsync<JsonElement>("/api/alarms?state=active", Ct)).EnumerateArray().Cast<JsonElement?>()
                .FirstOrDefault(a => a!.Value.GetProperty("sensorId").GetGuid() == sensor.GetProperty("id").GetGuid());
            if (alarm is null)
                await Task.Delay(100, Ct);
        }
        Assert.NotNull(alarm);
        var alarmId = alarm.Value.GetProperty("id").GetGuid();

        var response = await enterprise.PostAsJsonAsync("/api/hazards", new { origin = "Monitoring", alarmId, title = "液位高高报警暴露的隐患", description = "高液位联锁未投用" }, Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        var hazardId = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
        var detail = await enterprise.GetFromJsonAsync<JsonElement>($"/api/hazards/{hazardId}", Ct);
        Assert.Equal("Monitoring", detail.GetProperty("summary").GetProperty("origin").GetString());
        Assert.Equal(alarmId, detail.GetProperty("alarmId").GetGuid());
        Assert.Equal(alarm.Value.GetProperty("enterpriseId").GetGuid(), detail.GetProperty("summary").GetProperty("enterpriseId").GetGuid());

        using var other = await app.LoginAsync("enterprise");
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync("/api/hazards", new { origin = "Monitoring", alarmId, title = "x", description = "y" }, Ct)).StatusCode);
    }

    [Fact]
    public async Task Statistics_count_what_the_list_holds_and_the_ledger_exports()
    {
        using var bureau = await app.LoginAsync("bureau");
        using var enterprise = await app.LoginAsync("enterprise");
        await RegisterAsync(enterprise, "统计用隐患");
        var list = (await bureau.GetFromJsonAsync<JsonElement>("/api/hazards", Ct)).EnumerateArray()
            .Where(h => h.GetProperty("status").GetString() != "Dismissed").ToList();
        var stats = await bureau.GetFromJsonAsync<JsonElement>("/api/hazards/stats", Ct);
        var all = stats.GetProperty("all");
        Assert.Equal(list.Count, all.GetProperty("total").GetInt32());
        var closed = list.Count(h => h.GetProperty("status").GetString() == "Closed");
        Assert.Equal(closed, all.GetProperty("closed").GetInt32());
        Assert.Equal(Math.Round(100.0 * closed / list.Count, 1), all.GetProperty("rectificationRate").GetDouble());
        Assert.Equal(list.Count, stats.GetProperty("bySector").EnumerateArray().Sum(s => s.GetProperty("total").GetInt32()));
        Assert.Equal(list.Count, stats.GetProperty("byStreet").EnumerateArray().Sum(s => s.GetProperty("total").GetInt32()));

        var export = await bureau.GetAsync("/api/hazards/export", Ct);
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        using var book = new ClosedXML.Excel.XLWorkbook(await export.Content.ReadAsStreamAsync(Ct));
        Assert.Equal("隐患编号", book.Worksheet(1).Cell(1, 1).GetString());
        Assert.Equal((await bureau.GetFromJsonAsync<JsonElement>("/api/hazards", Ct)).GetArrayLength(), book.Worksheet(1).LastRowUsed()!.RowNumber() - 1);
    }
}

[Collection(OnSqlite.Name)]
public sealed class HiddenHazardApiOnSqlite(SqliteApp app) : HiddenHazardApiTests(app);

[Collection(OnPostgres.Name)]
public sealed class HiddenHazardApiOnPostgres(PostgresApp app) : HiddenHazardApiTests(app);
