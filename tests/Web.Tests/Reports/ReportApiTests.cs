using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClosedXML.Excel;

namespace Tianshan.Web.Tests.Reports;

/// <summary>Reports through HTTP, on each database: the monthly report's accidents and deaths by sector against the previous
/// month in its PDF (read back with pdftotext) and its Excel file (read back with ClosedXML), a 一企一策 report with the
/// enterprise's open hazards and the advice line its open major hazard triggers, and who may generate which report.</summary>
public abstract class ReportApiTests(TianshanApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    internal static async Task<JsonElement> StartAsync(HttpClient client, string kind, object body, HttpStatusCode expected = HttpStatusCode.Accepted)
    {
        var response = await client.PostAsJsonAsync($"/api/reports/{kind}", body, Ct);
        Assert.True(response.StatusCode == expected, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync(Ct)}");
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    /// <summary>Polls the job until it has ended, returning every view seen on the way.</summary>
    internal static async Task<List<JsonElement>> FollowAsync(HttpClient client, Guid id)
    {
        var seen = new List<JsonElement>();
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            var view = await client.GetFromJsonAsync<JsonElement>($"/api/reports/jobs/{id}", Ct);
            seen.Add(view);
            if (view.GetProperty("status").GetString() is "Succeeded" or "Failed")
                return seen;
            await Task.Delay(100, Ct);
        }
        Assert.Fail($"report job {id} did not end: {seen[^1]}");
        return seen;
    }

    private static async Task<(string Pdf, XLWorkbook Excel)> FilesAsync(HttpClient client, Guid id)
    {
        var pdf = await client.GetAsync($"/api/reports/jobs/{id}/file.pdf", Ct);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        // Chinese lines wrap between characters: joined again, a sentence reads as written.
        var text = (await PdfText.OfAsync(await pdf.Content.ReadAsByteArrayAsync(Ct))).Replace("\n", "", StringComparison.Ordinal).Replace("\f", "", StringComparison.Ordinal);
        var xlsx = await client.GetAsync($"/api/reports/jobs/{id}/file.xlsx", Ct);
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        return (text, new XLWorkbook(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync(Ct))));
    }

    private static async Task AccidentAsync(HttpClient client, DateTimeOffset occurredAt, int deaths, Guid? enterpriseId, string category = "Accident")
    {
        var response = await client.PostAsJsonAsync("/api/incidents", new
        {
            source = "DutyDesk",
            category,
            subtype = category == "Accident" ? "其他生产安全事故" : "洪涝",
            title = "报表测试事故",
            occurredAt,
            latitude = 44.31,
            longitude = 84.88,
            address = "独山子区",
            narrative = "用于月报统计的测试记录。",
            deaths,
            enterpriseId,
            assessedGrade = category == "Accident" ? null : "General",
        }, Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
    }

    /// <summary>A China Standard Time moment, sent as UTC (the incident API on PostgreSQL takes UTC offsets only).</summary>
    private static DateTimeOffset China(int month, int day, int hour = 10) => new DateTimeOffset(2019, month, day, hour, 0, 0, TimeSpan.FromHours(8)).ToUniversalTime();

    [Fact]
    public async Task The_monthly_report_counts_accidents_and_deaths_by_sector_against_the_previous_month_in_its_PDF_and_Excel()
    {
        using var bureau = await app.LoginAsync("bureau");
        var enterprises = (await bureau.GetFromJsonAsync<JsonElement>("/api/enterprises?pageSize=200", Ct)).GetProperty("items").EnumerateArray().ToList();
        var a = enterprises[0];
        var b = enterprises.First(e => e.GetProperty("sector").GetString() != a.GetProperty("sector").GetString());
        Guid idA = a.GetProperty("id").GetGuid(), idB = b.GetProperty("id").GetGuid();
        string sectorA = a.GetProperty("sectorLabel").GetString()!, sectorB = b.GetProperty("sectorLabel").GetString()!;

        // March 2019 (China time): A 2 accidents / 3 deaths, B 1 / 0, one without an enterprise 1 / 1 → 4 accidents, 4 deaths.
        await AccidentAsync(bureau, China(3, 10), 2, idA);
        await AccidentAsync(bureau, China(3, 20), 1, idA);
        await AccidentAsync(bureau, China(3, 15), 0, idB);
        await AccidentAsync(bureau, China(3, 1, 0), 1, null);
        // February: A 2 accidents / 3 deaths, the second in the month's last hour (15:30 UTC on the 28th is still February in China).
        await AccidentAsync(bureau, China(2, 12), 1, idA);
        await AccidentAsync(bureau, new DateTimeOffset(2019, 2, 28, 15, 30, 0, TimeSpan.Zero), 2, idA);
        // Not counted: 1 April 00:30 China time (31 March 16:30 UTC), and a natural disaster in March.
        await AccidentAsync(bureau, new DateTimeOffset(2019, 3, 31, 16, 30, 0, TimeSpan.Zero), 5, idA);
        await AccidentAsync(bureau, China(3, 12), 3, null, "NaturalDisaster");

        var job = await StartAsync(bureau, "monthly", new { year = 2019, month = 3 });
        Assert.Equal("Queued", job.GetProperty("status").GetString());
        var id = job.GetProperty("id").GetGuid();
        var done = (await FollowAsync(bureau, id))[^1];
        Assert.True(done.GetProperty("status").GetString() == "Succeeded", done.ToString());
        Assert.Equal(100, done.GetProperty("progress").GetInt32());
        Assert.Equal(["pdf", "xlsx"], done.GetProperty("files").EnumerateArray().Select(f => f.GetProperty("format").GetString()));

        var (pdf, excel) = await FilesAsync(bureau, id);
        Assert.Contains("独山子区安全生产和应急管理工作月报（2019年3月）", pdf, StringComparison.Ordinal);
        Assert.Contains("一、生产安全事故", pdf, StringComparison.Ordinal);
        Assert.Contains("二、隐患排查治理", pdf, StringComparison.Ordinal);
        Assert.Contains("本月（2019年3月）共发生生产安全事故 4 起、死亡 4 人；上月（2019年2月）2 起、死亡 3 人。事故起数增加 2 起，死亡人数增加 1 人。", pdf, StringComparison.Ordinal);
        Assert.Contains($"{sectorA}：本月 2 起、死亡 3 人（上月 2 起、3 人）", pdf, StringComparison.Ordinal);
        Assert.Contains($"{sectorB}：本月 1 起、死亡 0 人（上月 0 起、0 人）", pdf, StringComparison.Ordinal);
        Assert.Contains("未关联企业：本月 1 起、死亡 1 人（上月 0 起、0 人）", pdf, StringComparison.Ordinal);

        using (excel)
        {
            Assert.Contains("本月（2019年3月）共发生生产安全事故 4 起、死亡 4 人", excel.Worksheet("报告").Column(1).CellsUsed().Select(c => c.GetString()).First(s => s.StartsWith("本月（", StringComparison.Ordinal)), StringComparison.Ordinal);
            var sheet = excel.Worksheets.Single(s => s.Name.StartsWith("一、生产安全事故", StringComparison.Ordinal));
            int[] Row(string label)
            {
                var row = sheet.RowsUsed().Single(r => r.Cell(1).GetString() == label);
                return [.. Enumerable.Range(2, 4).Select(c => (int)row.Cell(c).GetDouble())];
            }
            Assert.Equal([2, 3, 2, 3], Row(sectorA));
            Assert.Equal([1, 0, 0, 0], Row(sectorB));
            Assert.Equal([1, 1, 0, 0], Row("未关联企业"));
            Assert.Equal([4, 4, 2, 3], Row("合计"));
        }
    }

    [Fact]
    public async Task The_monthly_report_has_the_drills_and_the_training_of_the_month_against_the_previous_month()
    {
        using var bureau = await app.LoginAsync("bureau");
        var plan = (await bureau.GetFromJsonAsync<JsonElement>("/api/plans", Ct)).EnumerateArray().First().GetProperty("id").GetGuid();
        async Task DrillAsync(string heldOn, string type, int participants, string? problems)
        {
            var r = await bureau.PostAsJsonAsync("/api/drills", new
            {
                planId = plan, scenario = "报表测试演练", heldOn, type, participants = "区应急管理局、企业应急队", participantCount = participants,
                evaluation = "基本达到预期", problems,
                followUps = problems is null ? null : new[] { new { action = "补充通信保障预案", owner = "区应急管理局", deadline = "2018-07-31" } },
            }, Ct);
            Assert.True(r.StatusCode == HttpStatusCode.Created, await r.Content.ReadAsStringAsync(Ct));
        }
        // June 2018: a tabletop with a problem (20) and a full-scale one (35) → 2 drills, 55 participants; May 2018: 1 functional.
        await DrillAsync("2018-06-05", "Tabletop", 20, "通信联络不畅");
        await DrillAsync("2018-06-30", "FullScale", 35, null);
        await DrillAsync("2018-05-31", "Functional", 10, null);

        // June 2018: one bureau staff training of 4 hours, one attendee credited 4 hours.
        var staff = (await bureau.GetFromJsonAsync<JsonElement>("/api/people", Ct)).EnumerateArray()
            .First(p => p.GetProperty("enterpriseId").ValueKind == JsonValueKind.Null).GetProperty("id").GetGuid();
        var training = await bureau.PostAsJsonAsync("/api/trainings", new
        {
            topic = "报表测试：应急值守业务培训", kind = "BureauStaff", organiser = "区应急管理局", heldOn = "2018-06-12", hours = 4, place = "局会议室",
        }, Ct);
        Assert.True(training.StatusCode == HttpStatusCode.Created, await training.Content.ReadAsStringAsync(Ct));
        var trainingId = (await training.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
        var attended = await bureau.PostAsJsonAsync($"/api/trainings/{trainingId}/attendance", new { personId = staff, hoursCredited = 4, passed = true }, Ct);
        Assert.True(attended.IsSuccessStatusCode, await attended.Content.ReadAsStringAsync(Ct));

        var job = await StartAsync(bureau, "monthly", new { year = 2018, month = 6 });
        var id = job.GetProperty("id").GetGuid();
        Assert.Equal("Succeeded", (await FollowAsync(bureau, id))[^1].GetProperty("status").GetString());
        var (pdf, excel) = await FilesAsync(bureau, id);
        using (excel)
        {
            Assert.Contains("应急演练", pdf, StringComparison.Ordinal);
            Assert.Contains("本月组织应急演练 2 次（桌面 1、功能 0、实战 1），参演 55 人次；上月 1 次，增加 1 次。", pdf, StringComparison.Ordinal);
            Assert.Contains("整改措施 1 项，已完成 0 项", pdf, StringComparison.Ordinal);
            Assert.Contains("培训和宣传教育", pdf, StringComparison.Ordinal);
            Assert.Contains("本月举办培训 1 期，参训 1 人次、计 4 学时；上月 0 期，增加 1 期。", pdf, StringComparison.Ordinal);
            Assert.Contains(excel.Worksheets, w => w.Name.Contains("应急演练", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task An_enterprise_report_lists_its_open_hazards_and_advises_listed_supervision_for_its_open_major_hazard()
    {
        using var enterprise = await app.LoginAsync("enterprise");
        var response = await enterprise.PostAsJsonAsync("/api/hazards", new
        {
            title = "报表测试：装车栈台静电接地失效",
            description = "装车鹤位静电接地报警器失效",
            location = "装车栈台",
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var hazard = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var number = hazard.GetProperty("number").GetString()!;
        Assert.Equal(HttpStatusCode.NoContent, (await enterprise.PostAsJsonAsync($"/api/hazards/{hazard.GetProperty("id").GetGuid()}/assess",
            new { grade = "Major", rectification = Prevention.HiddenHazardApiTests.Rectification(), plan = Prevention.HiddenHazardApiTests.Plan() }, Ct)).StatusCode);

        // No enterprise named: an enterprise user's 一企一策 is its own.
        var job = await StartAsync(enterprise, "enterprise", new { });
        var id = job.GetProperty("id").GetGuid();
        Assert.StartsWith("一企一策报告：", job.GetProperty("title").GetString(), StringComparison.Ordinal);
        var done = (await FollowAsync(enterprise, id))[^1];
        Assert.True(done.GetProperty("status").GetString() == "Succeeded", done.ToString());

        var (pdf, excel) = await FilesAsync(enterprise, id);
        Assert.Contains("一、企业概况和风险等级", pdf, StringComparison.Ordinal);
        Assert.Contains("重大危险源和风险点", pdf, StringComparison.Ordinal);
        Assert.Contains("未销号隐患", pdf, StringComparison.Ordinal);
        Assert.Contains(number, pdf, StringComparison.Ordinal);
        var advice = $"对重大隐患 {number} 实行挂牌督办，督促企业按治理方案限期整改（总局令第16号第十五条）。（依据：重大隐患 {number}“报表测试：装车栈台静电接地失效”未销号，尚未挂牌督办）";
        Assert.Contains(advice, pdf, StringComparison.Ordinal);
        using (excel)
        {
            var hazards = excel.Worksheets.Single(s => s.Name.EndsWith("隐患排查治理", StringComparison.Ordinal));
            var row = hazards.RowsUsed().Single(r => r.Cell(1).GetString() == number);
            Assert.Equal("重大隐患", row.Cell(3).GetString());
            Assert.Equal("整改中", row.Cell(4).GetString());
            var advised = excel.Worksheets.Single(s => s.Name.EndsWith("对策建议", StringComparison.Ordinal));
            Assert.Contains(advised.RowsUsed(), r => r.Cell(3).GetString() == $"重大隐患 {number}“报表测试：装车栈台静电接地失效”未销号，尚未挂牌督办");
        }
    }

    [Fact]
    public async Task An_enterprise_user_gets_only_its_own_enterprise_report_and_no_district_report()
    {
        using var first = await app.LoginAsync("enterprise");
        using var second = await app.LoginAsync("enterprise2");
        var own = (await first.GetFromJsonAsync<JsonElement>("/api/enterprises", Ct)).GetProperty("items")[0].GetProperty("id").GetGuid();
        var other = (await second.GetFromJsonAsync<JsonElement>("/api/enterprises", Ct)).GetProperty("items")[0].GetProperty("id").GetGuid();

        var notFound = await StartAsync(first, "enterprise", new { enterpriseId = other }, HttpStatusCode.NotFound);
        Assert.Contains("不在您的管辖范围内", notFound.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await StartAsync(first, "monthly", new { year = 2019, month = 3 }, HttpStatusCode.Forbidden);
        await StartAsync(first, "annual", new { year = 2019 }, HttpStatusCode.Forbidden);
        await StartAsync(first, "plan-assessment", new { year = 2019 }, HttpStatusCode.Forbidden);

        var job = await StartAsync(first, "enterprise", new { enterpriseId = own, year = 2019 });
        var id = job.GetProperty("id").GetGuid();
        Assert.Equal(own, job.GetProperty("enterpriseId").GetGuid());
        // Another user cannot follow or download the job.
        Assert.Equal(HttpStatusCode.NotFound, (await second.GetAsync($"/api/reports/jobs/{id}", Ct)).StatusCode);
        await FollowAsync(first, id);
        Assert.Equal(HttpStatusCode.NotFound, (await second.GetAsync($"/api/reports/jobs/{id}/file.pdf", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync($"/api/reports/jobs/{id}/file.pdf", Ct)).StatusCode);

        // The bureau may generate any enterprise's report.
        using var bureau = await app.LoginAsync("bureau");
        await StartAsync(bureau, "enterprise", new { enterpriseId = other, year = 2019 });
    }

    [Fact]
    public async Task Bad_requests_are_refused_in_Chinese_before_anything_is_queued()
    {
        using var bureau = await app.LoginAsync("bureau");
        var month = await StartAsync(bureau, "monthly", new { year = 2019, month = 13 }, HttpStatusCode.BadRequest);
        Assert.Contains("月份须在 1–12 之间", month.ToString(), StringComparison.Ordinal);
        var missing = await StartAsync(bureau, "monthly", new { year = 2019 }, HttpStatusCode.BadRequest);
        Assert.Contains("月报须选择月份", missing.ToString(), StringComparison.Ordinal);
        var future = await StartAsync(bureau, "annual", new { year = 2099 }, HttpStatusCode.BadRequest);
        Assert.Contains("尚未开始", future.ToString(), StringComparison.Ordinal);
        await StartAsync(bureau, "weekly", new { year = 2019 }, HttpStatusCode.NotFound);
        using var community = await app.LoginAsync("community");
        await StartAsync(community, "monthly", new { year = 2019, month = 3 }, HttpStatusCode.Forbidden);
        using var anonymous = app.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/reports/monthly", new { year = 2019, month = 3 }, Ct)).StatusCode);
    }

    [Fact]
    public async Task The_plan_assessment_lists_every_indicator_grouped_by_plan_with_the_summary_count()
    {
        using var bureau = await app.LoginAsync("bureau");
        var indicators = (await bureau.GetFromJsonAsync<JsonElement>("/api/indicators?year=2019", Ct)).EnumerateArray().ToList();
        var job = await StartAsync(bureau, "plan-assessment", new { year = 2019 });
        var id = job.GetProperty("id").GetGuid();
        var done = (await FollowAsync(bureau, id))[^1];
        Assert.True(done.GetProperty("status").GetString() == "Succeeded", done.ToString());
        var (pdf, excel) = await FilesAsync(bureau, id);
        int Count(string status) => indicators.Count(i => i.GetProperty("status").GetString() == status);
        Assert.Contains($"2019 年度规划指标共 {indicators.Count} 项：达标 {Count("Met")} 项，未达标 {Count("NotMet")} 项，暂无数据 {Count("NoData")} 项。", pdf, StringComparison.Ordinal);
        using (excel)
        {
            var codes = excel.Worksheets.Single(s => s.Name.StartsWith("一、", StringComparison.Ordinal)).RowsUsed().Select(r => r.Cell(1).GetString()).ToHashSet();
            Assert.All(indicators, i => Assert.Contains(i.GetProperty("code").GetString()!, codes));
        }
    }
}

[Collection(OnSqlite.Name)]
public sealed class ReportApiTestsOnSqlite(SqliteApp app) : ReportApiTests(app);

[Collection(OnPostgres.Name)]
public sealed class ReportApiTestsOnPostgres(PostgresApp app) : ReportApiTests(app);
