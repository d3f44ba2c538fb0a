using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Tianshan.Web.Tests.Prevention;

/// <summary>Enforcement cases through HTTP, on each database: 立案 to 结案 with a document, illegal steps (409 in Chinese),
/// legal review by the filer refused, enterprise isolation, and the public disclosure list that shows the decision only.</summary>
public abstract class EnforcementCaseApiTests(TianshanApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    private async Task<Guid> EnterpriseOfAsync(string user)
    {
        using var client = await app.LoginAsync(user);
        return (await client.GetFromJsonAsync<JsonElement>("/api/enterprises", Ct)).GetProperty("items")[0].GetProperty("id").GetGuid();
    }

    private static async Task<(Guid Id, string Number)> FileAsync(HttpClient client, Guid enterpriseId, string facts = "3号罐组可燃气体探测器失效，逾期未整改")
    {
        var response = await client.PostAsJsonAsync("/api/cases", new { enterpriseId, title = "未按规定维护安全设备", facts }, Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        return (body.GetProperty("id").GetGuid(), body.GetProperty("number").GetString()!);
    }

    private static async Task StepAsync(HttpClient client, Guid id, string step, object body) =>
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsJsonAsync($"/api/cases/{id}/{step}", body, Ct)).StatusCode);

    private static object Decision(string document = "独应急罚〔2026〕1号") =>
        new { legalBasis = "《安全生产法》第九十九条", penalty = "Fine", fineAmount = 50000, documentNumber = document };

    private static async Task<string> ConflictAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("detail").GetString()!;
    }

    [Fact]
    public async Task A_case_runs_from_filing_to_closing_with_a_document_and_every_step_on_the_timeline()
    {
        var refinery = await EnterpriseOfAsync("enterprise");
        using var inspector = await app.LoginAsync("inspector");
        using var bureau = await app.LoginAsync("bureau");
        async Task<int> PenaltiesAsync() => (await bureau.GetFromJsonAsync<JsonElement>($"/api/credit/{refinery}", Ct))
            .GetProperty("inputs").GetProperty("penalties").GetInt32();
        var penaltiesBefore = await PenaltiesAsync();
        var (id, number) = await FileAsync(inspector, refinery);
        Assert.Matches(@"^AJ-\d{4}-\d{5}$", number);

        await StepAsync(inspector, id, "investigate", new { findings = "现场检查笔录、询问笔录各一份，照片 3 张" });
        using (var form = new MultipartFormDataContent())
        {
            var file = new ByteArrayContent(Png);
            file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
            form.Add(file, "files", "现场照片.png");
            var upload = await inspector.PostAsync($"/api/cases/{id}/documents?kind=证据", form, Ct);
            Assert.True(upload.StatusCode == HttpStatusCode.OK, await upload.Content.ReadAsStringAsync(Ct));
        }
        await StepAsync(bureau, id, "review", new { passed = true, opinion = "事实清楚，证据确凿，程序合法" });
        Assert.Equal(penaltiesBefore, await PenaltiesAsync());
        await StepAsync(bureau, id, "decide", Decision());
        // A decided penalty lowers the enterprise's safety credit (近两年行政处罚) from the day of the decision.
        Assert.Equal(penaltiesBefore + 1, await PenaltiesAsync());
        await StepAsync(inspector, id, "execute", new { note = "罚款已缴入指定银行", amountPaid = 50000 });
        await StepAsync(inspector, id, "close", new { note = "处罚决定已执行完毕" });

        var detail = await bureau.GetFromJsonAsync<JsonElement>($"/api/cases/{id}", Ct);
        Assert.Equal("Closed", detail.GetProperty("summary").GetProperty("stage").GetString());
        Assert.Equal("结案", detail.GetProperty("summary").GetProperty("stageLabel").GetString());
        Assert.Equal(["立案", "调查取证", "法制审核通过", "处罚决定", "执行完毕", "结案"],
            detail.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("action").GetString()));
        Assert.Equal(["inspector", "inspector", "bureau", "bureau", "inspector", "inspector"],
            detail.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("by").GetString()));
        Assert.Equal("《安全生产法》第九十九条", detail.GetProperty("decision").GetProperty("legalBasis").GetString());
        Assert.Equal(50000m, detail.GetProperty("amountPaid").GetDecimal());
        var document = Assert.Single(detail.GetProperty("documents").EnumerateArray());
        Assert.Equal("Investigation", document.GetProperty("stage").GetString());
        Assert.Equal(64, document.GetProperty("sha256").GetString()!.Length);
        Assert.Equal(Png, await bureau.GetByteArrayAsync($"/api/cases/{id}/documents/{document.GetProperty("id").GetGuid()}", Ct));

        var audit = await bureau.GetFromJsonAsync<JsonElement>($"/api/audit?entityType=EnforcementCase&entityId={id}", Ct);
        Assert.True(audit.GetProperty("total").GetInt32() >= 6, audit.GetRawText());
    }

    [Fact]
    public async Task A_step_out_of_order_is_409_in_Chinese_and_bad_input_is_400()
    {
        var refinery = await EnterpriseOfAsync("enterprise");
        using var bureau = await app.LoginAsync("bureau");
        using var inspector = await app.LoginAsync("inspector");
        var (id, _) = await FileAsync(inspector, refinery);

        var early = await ConflictAsync(await bureau.PostAsJsonAsync($"/api/cases/{id}/decide", Decision(), Ct));
        Assert.Equal("案件当前为“立案”阶段，不能作出处罚决定（须为“法制审核”阶段）", early);
        await ConflictAsync(await inspector.PostAsJsonAsync($"/api/cases/{id}/close", new { }, Ct));

        var noFacts = await inspector.PostAsJsonAsync("/api/cases", new { enterpriseId = refinery, title = "案由", facts = " " }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, noFacts.StatusCode);
        Assert.Contains("请填写违法事实", await noFacts.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        await StepAsync(inspector, id, "investigate", new { findings = "询问笔录" });
        await StepAsync(bureau, id, "review", new { passed = true });
        var noBasis = await bureau.PostAsJsonAsync($"/api/cases/{id}/decide", new { penalty = "Fine", fineAmount = -5, documentNumber = "" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, noBasis.StatusCode);
        var problem = await noBasis.Content.ReadAsStringAsync(Ct);
        Assert.Contains("法律依据", problem, StringComparison.Ordinal);
        Assert.Contains("罚款金额不能为负数", problem, StringComparison.Ordinal);
        // The inspector handles the case but does not decide it (行政处罚法 第五十七条: 行政机关负责人).
        Assert.Equal(HttpStatusCode.Forbidden, (await inspector.PostAsJsonAsync($"/api/cases/{id}/decide", Decision(), Ct)).StatusCode);

        var detail = await bureau.GetFromJsonAsync<JsonElement>($"/api/cases/{id}", Ct);
        Assert.Equal("LegalReview", detail.GetProperty("summary").GetProperty("stage").GetString());
        Assert.Equal(3, detail.GetProperty("timeline").GetArrayLength());
    }

    [Fact]
    public async Task The_legal_review_is_refused_to_the_officer_who_filed_the_case()
    {
        var refinery = await EnterpriseOfAsync("enterprise");
        using var bureau = await app.LoginAsync("bureau");
        using var inspector = await app.LoginAsync("inspector");
        var (id, _) = await FileAsync(bureau, refinery);
        await StepAsync(inspector, id, "investigate", new { findings = "现场检查笔录" });

        var own = await ConflictAsync(await bureau.PostAsJsonAsync($"/api/cases/{id}/review", new { passed = true }, Ct));
        Assert.Contains("法制审核人员不能是本案的承办人员", own, StringComparison.Ordinal);
        // Nor by an inspector: the legal review belongs to the bureau.
        Assert.Equal(HttpStatusCode.Forbidden, (await inspector.PostAsJsonAsync($"/api/cases/{id}/review", new { passed = true }, Ct)).StatusCode);
        var detail = await bureau.GetFromJsonAsync<JsonElement>($"/api/cases/{id}", Ct);
        Assert.Equal("Investigation", detail.GetProperty("summary").GetProperty("stage").GetString());
    }

    [Fact]
    public async Task An_enterprise_sees_only_its_own_cases_and_cannot_act_on_them()
    {
        var refinery = await EnterpriseOfAsync("enterprise");
        using var inspector = await app.LoginAsync("inspector");
        using var own = await app.LoginAsync("enterprise");
        using var other = await app.LoginAsync("enterprise2");
        var (id, number) = await FileAsync(inspector, refinery);

        var mine = await own.GetFromJsonAsync<JsonElement>("/api/cases", Ct);
        Assert.Contains(mine.EnumerateArray(), c => c.GetProperty("number").GetString() == number);
        Assert.All(mine.EnumerateArray(), c => Assert.Equal(refinery, c.GetProperty("enterpriseId").GetGuid()));
        Assert.Equal(HttpStatusCode.OK, (await own.GetAsync($"/api/cases/{id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await own.PostAsJsonAsync($"/api/cases/{id}/investigate", new { findings = "自己写的" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await own.PostAsJsonAsync("/api/cases", new { enterpriseId = refinery, title = "x", facts = "y" }, Ct)).StatusCode);

        Assert.DoesNotContain((await other.GetFromJsonAsync<JsonElement>("/api/cases", Ct)).EnumerateArray(), c => c.GetProperty("id").GetGuid() == id);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/cases/{id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync($"/api/cases/{id}/investigate", new { findings = "x" }, Ct)).StatusCode);

        var stage = (await inspector.GetFromJsonAsync<JsonElement>($"/api/cases/{id}", Ct)).GetProperty("summary").GetProperty("stage").GetString();
        Assert.Equal("Filed", stage);
    }

    [Fact]
    public async Task The_public_list_shows_a_decided_case_basis_and_penalty_and_nothing_of_the_facts()
    {
        var refinery = await EnterpriseOfAsync("enterprise");
        using var inspector = await app.LoginAsync("inspector");
        using var bureau = await app.LoginAsync("bureau");
        const string facts = "夜班操作工擅自关闭GT-07报警联锁";
        var (decided, number) = await FileAsync(inspector, refinery, facts);
        await StepAsync(inspector, decided, "investigate", new { findings = "询问笔录载明关闭联锁的时间" });
        await StepAsync(bureau, decided, "review", new { passed = true });
        await StepAsync(bureau, decided, "decide", Decision("独应急罚〔2026〕7号"));
        var (_, pendingNumber) = await FileAsync(inspector, refinery);

        using var anonymous = app.CreateClient();
        var response = await anonymous.GetAsync("/api/public/enforcement", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync(Ct);
        var list = JsonDocument.Parse(text).RootElement;
        var row = list.EnumerateArray().Single(c => c.GetProperty("number").GetString() == number);
        Assert.Equal("《安全生产法》第九十九条", row.GetProperty("legalBasis").GetString());
        Assert.Equal("罚款 50000 元", row.GetProperty("penalty").GetString());
        Assert.False(string.IsNullOrEmpty(row.GetProperty("enterpriseName").GetString()));
        Assert.Equal(["enterpriseName", "number", "legalBasis", "penalty", "decidedAt"], row.EnumerateObject().Select(p => p.Name));
        Assert.DoesNotContain(list.EnumerateArray(), c => c.GetProperty("number").GetString() == pendingNumber);
        Assert.DoesNotContain("GT-07", text, StringComparison.Ordinal);
        Assert.DoesNotContain("询问笔录", text, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/cases", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/cases/{decided}", Ct)).StatusCode);
    }
}

[Collection(OnSqlite.Name)]
public sealed class EnforcementCaseApiOnSqlite(SqliteApp app) : EnforcementCaseApiTests(app);

[Collection(OnPostgres.Name)]
public sealed class EnforcementCaseApiOnPostgres(PostgresApp app) : EnforcementCaseApiTests(app);
