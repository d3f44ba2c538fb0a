using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClosedXML.Excel;

namespace Tianshan.Web.Tests.Plans;

/// <summary>Emergency plans and drills through HTTP, on each database: registration and its Chinese 400, filing by the bureau only,
/// enterprise isolation (list, detail, export, drills), coverage and the half-year check on the demo, an incident starting a plan's
/// response level on its timeline, and both ledgers exported to Excel.</summary>
public abstract class PlanApiTests(TianshanApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Today => DateTime.UtcNow.AddHours(8).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static object OwnPlan(string title) => new
    {
        title,
        kind = "EnterpriseComprehensive",
        owner = "独山子石化公司",
        version = "2026版",
        publishedOn = Today,
        summary = "测试用综合应急预案",
        levels = new[]
        {
            new { level = "III", triggers = "装置泄漏着火", actions = "企业应急指挥部启动，专职消防队出动" },
            new { level = "IV", triggers = "局部泄漏", actions = "班组现场处置" },
        },
    };

    private static async Task<Guid> CreateAsync(HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync("/api/plans", body, Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
    }

    private static async Task<List<JsonElement>> ListAsync(HttpClient client, string query = "") =>
        [.. (await client.GetFromJsonAsync<JsonElement>("/api/plans" + query, Ct)).EnumerateArray()];

    private static async Task<Guid> OwnEnterpriseAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/enterprises", Ct)).GetProperty("items")[0].GetProperty("id").GetGuid();

    [Fact]
    public async Task An_enterprise_registers_its_own_plan_and_only_the_bureau_accepts_the_filing()
    {
        using var enterprise = await app.LoginAsync("enterprise");
        using var inspector = await app.LoginAsync("inspector");
        using var bureau = await app.LoginAsync("bureau");
        var own = await OwnEnterpriseAsync(enterprise);
        var id = await CreateAsync(enterprise, OwnPlan("乙烯装置综合应急预案（测试）"));

        var plan = await enterprise.GetFromJsonAsync<JsonElement>($"/api/plans/{id}", Ct);
        Assert.Equal(own, plan.GetProperty("plan").GetProperty("enterpriseId").GetGuid());
        Assert.Equal("Draft", plan.GetProperty("plan").GetProperty("filing").GetString());
        Assert.False(plan.GetProperty("plan").GetProperty("isCurrent").GetBoolean());
        Assert.Equal(["Ⅲ级", "Ⅳ级"], plan.GetProperty("levels").EnumerateArray().Select(l => l.GetProperty("levelLabel").GetString()));

        var filing = new { filingNumber = "650202-2026-T01", filedOn = Today };
        Assert.Equal(HttpStatusCode.Forbidden, (await enterprise.PostAsJsonAsync($"/api/plans/{id}/file", filing, Ct)).StatusCode);
        // The inspector reads the plan but does not accept filings.
        Assert.Equal(HttpStatusCode.Forbidden, (await inspector.PostAsJsonAsync($"/api/plans/{id}/file", filing, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await bureau.PostAsJsonAsync($"/api/plans/{id}/file", filing, Ct)).StatusCode);
        var again = await bureau.PostAsJsonAsync($"/api/plans/{id}/file", filing, Ct);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("已备案", (await again.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("detail").GetString(), StringComparison.Ordinal);

        plan = await enterprise.GetFromJsonAsync<JsonElement>($"/api/plans/{id}", Ct);
        Assert.Equal("已备案", plan.GetProperty("plan").GetProperty("filingLabel").GetString());
        Assert.Equal("650202-2026-T01", plan.GetProperty("plan").GetProperty("filingNumber").GetString());
        Assert.True(plan.GetProperty("plan").GetProperty("isCurrent").GetBoolean());

        // 第三十六条: a recorded trigger makes it due for revision now, so it is no longer current.
        Assert.Equal(HttpStatusCode.NoContent, (await enterprise.PostAsJsonAsync($"/api/plans/{id}/triggers", new { trigger = "CommandChanged", note = "应急指挥部调整" }, Ct)).StatusCode);
        plan = await enterprise.GetFromJsonAsync<JsonElement>($"/api/plans/{id}", Ct);
        Assert.Equal("TriggerPending", plan.GetProperty("plan").GetProperty("revisionState").GetString());
        Assert.False(plan.GetProperty("plan").GetProperty("isCurrent").GetBoolean());
    }

    [Fact]
    public async Task Bad_input_is_a_400_in_chinese_and_nothing_is_stored()
    {
        using var bureau = await app.LoginAsync("bureau");
        var before = (await ListAsync(bureau)).Count;
        var response = await bureau.PostAsJsonAsync("/api/plans", new
        {
            title = " ", kind = "OnSiteDisposal", owner = "", version = "1", publishedOn = "2099-01-01",
            levels = new[] { new { level = "II", triggers = "", actions = "疏散" } },
        }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        Assert.Equal("请填写预案名称", errors.GetProperty("title")[0].GetString());
        Assert.Equal("请填写编制单位", errors.GetProperty("owner")[0].GetString());
        Assert.Equal("公布日期不能晚于今天", errors.GetProperty("publishedOn")[0].GetString());
        Assert.Equal("企业综合应急预案和现场处置方案须关联企业", errors.GetProperty("enterpriseId")[0].GetString());
        Assert.Equal("第1个响应级别缺少启动条件", errors.GetProperty("levels[0].triggers")[0].GetString());

        var drill = await bureau.PostAsJsonAsync("/api/drills", new { planId = Guid.NewGuid(), scenario = "x" }, Ct);
        Assert.Equal(HttpStatusCode.NotFound, drill.StatusCode);
        var overall = (await ListAsync(bureau, "?kind=Overall"))[0].GetProperty("id").GetGuid();
        drill = await bureau.PostAsJsonAsync("/api/drills", new { planId = overall, scenario = "", heldOn = "2099-01-01", type = "Tabletop", participantCount = 0 }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, drill.StatusCode);
        errors = (await drill.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        Assert.Equal("请填写演练情景（科目）", errors.GetProperty("scenario")[0].GetString());
        Assert.Equal("请填写演练评估（应急管理部令第2号第三十四条）", errors.GetProperty("evaluation")[0].GetString());
        Assert.Equal(before, (await ListAsync(bureau)).Count);
    }

    [Fact]
    public async Task An_enterprise_sees_only_its_own_plans_and_drills()
    {
        using var enterprise = await app.LoginAsync("enterprise");
        using var enterprise2 = await app.LoginAsync("enterprise2");
        var own = await OwnEnterpriseAsync(enterprise);
        var mine = await ListAsync(enterprise);
        Assert.NotEmpty(mine);
        Assert.All(mine, p => Assert.Equal(own, p.GetProperty("enterpriseId").GetGuid()));
        var theirs = await ListAsync(enterprise2);
        Assert.NotEmpty(theirs);
        Assert.DoesNotContain(theirs, p => p.GetProperty("enterpriseId").GetGuid() == own);
        Assert.Equal(HttpStatusCode.NotFound, (await enterprise2.GetAsync($"/api/plans/{mine[0].GetProperty("id").GetGuid()}", Ct)).StatusCode);
        // Nor can it drill, file or change another's plan, nor register one for it.
        Assert.Equal(HttpStatusCode.NotFound, (await enterprise2.PostAsJsonAsync($"/api/plans/{mine[0].GetProperty("id").GetGuid()}/triggers", new { trigger = "Other" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await enterprise2.PostAsJsonAsync("/api/plans", new { title = "x", kind = "EnterpriseComprehensive", enterpriseId = own }, Ct)).StatusCode);

        var drills = (await enterprise.GetFromJsonAsync<JsonElement>("/api/drills", Ct)).EnumerateArray().ToList();
        Assert.NotEmpty(drills);
        Assert.All(drills, d => Assert.Equal(own, d.GetProperty("enterpriseId").GetGuid()));
        Assert.DoesNotContain((await enterprise2.GetFromJsonAsync<JsonElement>("/api/drills", Ct)).EnumerateArray(), d => d.GetProperty("enterpriseId").GetGuid() == own);
        var check = (await enterprise.GetFromJsonAsync<JsonElement>("/api/drills/half-year", Ct)).EnumerateArray().ToList();
        Assert.Equal(own, Assert.Single(check).GetProperty("enterpriseId").GetGuid());

        // A department sees the enterprise plans of its own sectors only (construction, special equipment, crowded places), and the
        // government's plans.
        using var department = await app.LoginAsync("department");
        var theirsToo = await ListAsync(department);
        Assert.Contains(theirsToo, p => p.GetProperty("enterpriseName").GetString() == "独山子区金山购物中心有限公司");
        Assert.Contains(theirsToo, p => p.GetProperty("kind").GetString() == "Overall");
        Assert.DoesNotContain(theirsToo, p => p.GetProperty("majorHazardSourceId").ValueKind == JsonValueKind.String);
        Assert.Equal(HttpStatusCode.NotFound, (await department.GetAsync($"/api/plans/{mine[0].GetProperty("id").GetGuid()}", Ct)).StatusCode);

        // The export carries the same scope.
        var ownName = mine[0].GetProperty("enterpriseName").GetString()!;
        using var book = new XLWorkbook(new MemoryStream(await enterprise2.GetByteArrayAsync("/api/plans/export", Ct)));
        Assert.DoesNotContain(book.Worksheet(1).RowsUsed().Skip(1), r => r.Cell(6).GetString() == ownName);
    }

    [Fact]
    public async Task The_demo_covers_every_major_hazard_source_and_a_recorded_trigger_uncovers_one()
    {
        using var bureau = await app.LoginAsync("bureau");
        var coverage = await bureau.GetFromJsonAsync<JsonElement>("/api/plans/coverage", Ct);
        // Other tests on this host may register sources of their own; the demo's fifteen all have a current plan (一源一案).
        Assert.True(coverage.GetProperty("majorHazardSources").GetInt32() >= 15);
        var demoCodes = Enumerable.Range(1, 15).Select(i => $"650202-MHS-{i:000} ").ToList();
        Assert.DoesNotContain(coverage.GetProperty("uncoveredMajorHazardSources").EnumerateArray(),
            s => demoCodes.Any(c => s.GetProperty("name").GetString()!.StartsWith(c, StringComparison.Ordinal)));
        var sectors = coverage.GetProperty("uncoveredSectors").EnumerateArray().Select(s => s.GetString()).ToList();
        Assert.Contains("文化旅游", sectors);
        // The construction plan is past its three years (第三十五条).
        Assert.Contains("建筑施工", sectors);
        Assert.DoesNotContain("危险化学品", sectors);

        var bound = (await ListAsync(bureau)).First(p => p.GetProperty("majorHazardSourceId").ValueKind == JsonValueKind.String
            && p.GetProperty("isCurrent").GetBoolean() && p.GetProperty("majorHazardSourceName").GetString()!.Contains("液氯", StringComparison.Ordinal));
        var source = bound.GetProperty("majorHazardSourceId").GetGuid();
        Assert.Equal(HttpStatusCode.NoContent, (await bureau.PostAsJsonAsync($"/api/plans/{bound.GetProperty("id").GetGuid()}/triggers",
            new { trigger = "RiskChanged", note = "液氯库扩容" }, Ct)).StatusCode);
        coverage = await bureau.GetFromJsonAsync<JsonElement>("/api/plans/coverage", Ct);
        Assert.Contains(coverage.GetProperty("uncoveredMajorHazardSources").EnumerateArray(), s => s.GetProperty("id").GetGuid() == source);

        var check = (await bureau.GetFromJsonAsync<JsonElement>("/api/drills/half-year", Ct)).EnumerateArray().ToList();
        Assert.True(check.Count >= 20);
        Assert.Contains(check, c => c.GetProperty("firstHalf").GetString() == "Done");
        Assert.Contains(check, c => c.GetProperty("firstHalf").GetString() is "Missed" or "Pending");
    }

    [Fact]
    public async Task An_incident_starts_a_plans_response_level_and_its_timeline_shows_it()
    {
        using var bureau = await app.LoginAsync("bureau");
        using var enterprise = await app.LoginAsync("enterprise");
        var response = await bureau.PostAsJsonAsync("/api/incidents", new
        {
            source = "DutyDesk", category = "Accident", subtype = "危险化学品事故", title = "罐区泄漏着火（预案测试）", occurredAt = DateTimeOffset.UtcNow.AddMinutes(-10),
            latitude = 44.31, longitude = 84.88, address = "独山子石化罐区", narrative = "原油罐区法兰泄漏着火。", seriousInjuries = 1,
        }, Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        var incident = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
        var overall = (await ListAsync(bureau, "?kind=Overall"))[0];
        var planId = overall.GetProperty("id").GetGuid();

        Assert.Equal(HttpStatusCode.Forbidden, (await enterprise.PostAsJsonAsync($"/api/plans/{(await ListAsync(enterprise))[0].GetProperty("id").GetGuid()}/activate",
            new { incidentId = incident, level = "IV" }, Ct)).StatusCode);
        var onSite = (await ListAsync(bureau, "?kind=OnSiteDisposal"))[0].GetProperty("id").GetGuid();
        var missing = await bureau.PostAsJsonAsync($"/api/plans/{onSite}/activate", new { incidentId = incident, level = "I" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("预案没有Ⅰ级响应", (await missing.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NoContent, (await bureau.PostAsJsonAsync($"/api/plans/{planId}/activate",
            new { incidentId = incident, level = "III", note = "分管副区长已出发" }, Ct)).StatusCode);

        var detail = await bureau.GetFromJsonAsync<JsonElement>($"/api/incidents/{incident}", Ct);
        var entry = detail.GetProperty("timeline").EnumerateArray().Single(e => e.GetProperty("action").GetString() == "启动预案响应");
        Assert.Equal("bureau", entry.GetProperty("by").GetString());
        Assert.Contains($"《{overall.GetProperty("title").GetString()}》Ⅲ级响应", entry.GetProperty("note").GetString(), StringComparison.Ordinal);
        Assert.Contains("分管副区长已出发", entry.GetProperty("note").GetString(), StringComparison.Ordinal);
        var plan = await bureau.GetFromJsonAsync<JsonElement>($"/api/plans/{planId}", Ct);
        Assert.Contains(plan.GetProperty("activations").EnumerateArray(), a => a.GetProperty("incidentId").GetGuid() == incident && a.GetProperty("levelLabel").GetString() == "Ⅲ级");
        var log = await bureau.GetFromJsonAsync<JsonElement>("/api/duty/log", Ct);
        Assert.Contains(log.EnumerateArray(), l => l.GetProperty("summary").GetString()!.Contains("Ⅲ级响应", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Both_ledgers_export_to_excel_with_their_rows()
    {
        using var bureau = await app.LoginAsync("bureau");
        var plans = await ListAsync(bureau);
        using (var book = new XLWorkbook(new MemoryStream(await bureau.GetByteArrayAsync("/api/plans/export", Ct))))
        {
            var sheet = book.Worksheet("应急预案台账");
            Assert.Equal("预案名称", sheet.Cell(1, 1).GetString());
            Assert.Equal(plans.Count, sheet.RowsUsed().Count() - 1);
            Assert.Contains(sheet.RowsUsed(), r => r.Cell(1).GetString() == "独山子区突发事件总体应急预案（演示）" && r.Cell(10).GetString() == "已备案");
        }

        var year = DateTime.UtcNow.AddHours(8).Year;
        var drills = (await bureau.GetFromJsonAsync<JsonElement>($"/api/drills?year={year}", Ct)).EnumerateArray().ToList();
        Assert.NotEmpty(drills);
        using (var book = new XLWorkbook(new MemoryStream(await bureau.GetByteArrayAsync($"/api/drills/export?year={year}", Ct))))
        {
            var sheet = book.Worksheet("应急演练台账");
            Assert.Equal("演练日期", sheet.Cell(1, 1).GetString());
            Assert.Equal(drills.Count, sheet.RowsUsed().Count() - 1);
            Assert.Contains(sheet.RowsUsed(), r => r.Cell(3).GetString() == drills[0].GetProperty("planTitle").GetString());
        }
    }

    /// <summary>The form's last evaluation date (2号令 第三十五条): a plan registered late carries its last evaluation and the three-year clock
    /// runs from it; an evaluation before publication is a 400 on the field and the edit it came with is not stored either. Also the drill
    /// forms' server checks: a follow-up without a deadline, and a planned drill naming a plan outside the caller's scope.</summary>
    [Fact]
    public async Task The_last_evaluation_date_restarts_the_three_year_clock_and_a_bad_one_stores_nothing()
    {
        using var enterprise = await app.LoginAsync("enterprise");
        var published = DateTime.UtcNow.AddHours(8).AddYears(-2);
        var evaluated = published.AddYears(1);
        static string D(DateTime d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var levels = new[] { new { level = "IV", triggers = "罐区泄漏", actions = "班组现场处置" } };
        var id = await CreateAsync(enterprise, new
        {
            title = "乙烯罐区综合应急预案（评估测试）", kind = "EnterpriseComprehensive", owner = "独山子石化公司", version = "2024版", publishedOn = D(published),
            lastEvaluatedOn = D(evaluated), levels,
        });
        var plan = (await enterprise.GetFromJsonAsync<JsonElement>($"/api/plans/{id}", Ct)).GetProperty("plan");
        Assert.Equal(D(evaluated), plan.GetProperty("lastEvaluatedOn").GetString());
        Assert.Equal(D(evaluated.AddYears(3)), plan.GetProperty("revisionDueOn").GetString());

        var bad = await enterprise.PutAsJsonAsync($"/api/plans/{id}", new
        {
            title = "改名不应保存", kind = "EnterpriseComprehensive", owner = "独山子石化公司", version = "2024版", publishedOn = D(published),
            lastEvaluatedOn = D(published.AddDays(-1)), levels,
        }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("评估日期须在公布日期之后、今天之前",
            (await bad.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").GetProperty("evaluatedOn")[0].GetString());
        plan = (await enterprise.GetFromJsonAsync<JsonElement>($"/api/plans/{id}", Ct)).GetProperty("plan");
        Assert.Equal("乙烯罐区综合应急预案（评估测试）", plan.GetProperty("title").GetString());
        Assert.Equal(D(evaluated), plan.GetProperty("lastEvaluatedOn").GetString());

        // A follow-up action without a deadline is named as such, not reported as "before the drill".
        var drill = await enterprise.PostAsJsonAsync("/api/drills", new
        {
            planId = id, scenario = "罐区泄漏处置", heldOn = D(DateTime.UtcNow.AddHours(8)), type = "Functional", participants = "罐区班组", participantCount = 8,
            evaluation = "处置及时", followUps = new[] { new { action = "补充堵漏器材", owner = "李强" } },
        }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, drill.StatusCode);
        Assert.Equal("第1项整改措施缺少完成期限",
            (await drill.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").GetProperty("followUps[0].deadline")[0].GetString());

        // Another enterprise cannot name this plan in its annual drill plan: outside its scope, the plan does not exist for it.
        using var enterprise2 = await app.LoginAsync("enterprise2");
        var foreign = await enterprise2.PostAsJsonAsync("/api/drills/plans", new
        {
            year = DateTime.UtcNow.AddHours(8).Year, organisation = "另一企业",
            items = new[] { new { month = 6, scenario = "罐区泄漏处置", type = "Functional", planId = id } },
        }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);
        Assert.Equal("第1项的预案不存在或不在您的管辖范围内",
            (await foreign.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").GetProperty("items[0].planId")[0].GetString());
    }
}

[Collection(OnSqlite.Name)]
public sealed class PlanApiOnSqlite(SqliteApp app) : PlanApiTests(app);

[Collection(OnPostgres.Name)]
public sealed class PlanApiOnPostgres(PostgresApp app) : PlanApiTests(app);
