using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClosedXML.Excel;

namespace Tianshan.Web.Tests.People;

/// <summary>People, certificates, training, publicity and surveys through HTTP on each database: creation, Chinese validation,
/// enterprise isolation, the Excel ledgers, and the four indicators moving with their records.</summary>
public abstract class PeopleApiTests(TianshanApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DateTime);

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<Guid> OwnEnterpriseAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/enterprises", Ct)).GetProperty("items")[0].GetProperty("id").GetGuid();

    private static async Task<JsonElement> CreatedAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    private static async Task<decimal?> ActualAsync(HttpClient client, string code)
    {
        var indicator = (await client.GetFromJsonAsync<JsonElement>($"/api/indicators?year={Today.Year}", Ct)).EnumerateArray().Single(i => i.GetProperty("code").GetString() == code);
        return indicator.GetProperty("actual").ValueKind == JsonValueKind.Null ? null : indicator.GetProperty("actual").GetDecimal();
    }

    private static IXLWorksheet Sheet(byte[] bytes) => new XLWorkbook(new MemoryStream(bytes)).Worksheet(1);

    [Fact]
    public async Task An_enterprise_registers_a_worker_with_a_certificate_due_soon_and_sees_it_among_its_alerts()
    {
        using var enterprise = await app.LoginAsync("enterprise");
        var own = await OwnEnterpriseAsync(enterprise);
        var name = $"测试焊工{Guid.NewGuid():N}"[..12];
        var person = await CreatedAsync(await enterprise.PostAsJsonAsync("/api/people", new { name, role = "SpecialOperationWorker", position = "焊工" }, Ct));
        Assert.Equal(own, person.GetProperty("enterpriseId").GetGuid());
        var id = person.GetProperty("id").GetGuid();
        var number = $"T{Guid.NewGuid():N}"[..18];
        await CreatedAsync(await enterprise.PostAsJsonAsync($"/api/people/{id}/certificates", new
        {
            kind = "SpecialOperation", category = "焊接与热切割作业", number, issuingAuthority = "克拉玛依市应急管理局",
            issuedOn = Day(Today.AddYears(-6).AddDays(20)), expiresOn = Day(Today.AddDays(20)),
        }, Ct));

        var alerts = (await enterprise.GetFromJsonAsync<JsonElement>("/api/people/certificates/alerts", Ct)).EnumerateArray().ToList();
        var mine = alerts.Single(a => a.GetProperty("number").GetString() == number);
        Assert.Equal("ExpiringSoon", mine.GetProperty("state").GetString());
        Assert.Equal(20, mine.GetProperty("daysLeft").GetInt32());
        Assert.Equal(30, mine.GetProperty("windowDays").GetInt32());
        // The demo's expired certificate of this enterprise's worker is among them, and nothing of another enterprise.
        Assert.Contains(alerts, a => a.GetProperty("state").GetString() == "Expired");
        Assert.All(alerts, a => Assert.Equal(own, a.GetProperty("enterpriseId").GetGuid()));

        // A duplicate certificate number is a conflict; nothing else is lost.
        var duplicate = await enterprise.PostAsJsonAsync($"/api/people/{id}/certificates", new
        {
            kind = "SpecialOperation", category = "焊接与热切割作业", number, issuingAuthority = "克拉玛依市应急管理局", issuedOn = Day(Today.AddYears(-1)), expiresOn = Day(Today.AddYears(5)),
        }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        var stored = await enterprise.GetFromJsonAsync<JsonElement>($"/api/people/{id}", Ct);
        Assert.Equal(1, stored.GetProperty("certificates").GetArrayLength());
    }

    [Fact]
    public async Task Bad_input_is_refused_with_chinese_messages()
    {
        using var enterprise = await app.LoginAsync("enterprise");
        var noName = await enterprise.PostAsJsonAsync("/api/people", new { name = "", role = "Worker" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, noName.StatusCode);
        Assert.Contains("姓名不能为空", await noName.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var staff = await enterprise.PostAsJsonAsync("/api/people", new { name = "张三", role = "BureauStaff" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, staff.StatusCode);
        Assert.Contains("企业人员不能登记为局机关工作人员", await staff.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        var id = (await CreatedAsync(await enterprise.PostAsJsonAsync("/api/people", new { name = "校验测试", role = "Worker" }, Ct))).GetProperty("id").GetGuid();
        var badCertificate = await enterprise.PostAsJsonAsync($"/api/people/{id}/certificates", new
        {
            kind = "SpecialOperation", number = "", issuingAuthority = "", issuedOn = "2026-05-01", expiresOn = "2026-01-01",
        }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, badCertificate.StatusCode);
        var text = await badCertificate.Content.ReadAsStringAsync(Ct);
        foreach (var message in new[] { "证书编号不能为空", "发证机关不能为空", "有效期至应晚于发证日期", "特种作业操作证应填写作业类别" })
            Assert.Contains(message, text, StringComparison.Ordinal);

        using var bureau = await app.LoginAsync("bureau");
        var community = (await bureau.GetFromJsonAsync<JsonElement>("/api/publicity", Ct)).EnumerateArray().First().GetProperty("divisionId").GetGuid();
        var badSurvey = await bureau.PostAsJsonAsync("/api/surveys", new { divisionId = community, kind = "DisasterReduction", conductedOn = Day(Today), sampleSize = 50, passing = 60 }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, badSurvey.StatusCode);
        Assert.Contains("合格户数不能多于被调查户数", await badSurvey.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var badTraining = await bureau.PostAsJsonAsync("/api/trainings", new { topic = "三级教育", kind = "ThreeLevelCompany", organiser = "区应急管理局", heldOn = Day(Today), hours = 8 }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, badTraining.StatusCode);
        Assert.Contains("三级安全教育由企业组织", await badTraining.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_enterprise_sees_only_its_own_people_and_trainings_and_cannot_touch_another_enterprises()
    {
        using var enterprise = await app.LoginAsync("enterprise");
        using var other = await app.LoginAsync("enterprise2");
        var own = await OwnEnterpriseAsync(enterprise);
        var otherId = await OwnEnterpriseAsync(other);
        var theirs = await CreatedAsync(await other.PostAsJsonAsync("/api/people", new { name = "另一企业员工", role = "SafetyManager" }, Ct));
        var theirId = theirs.GetProperty("id").GetGuid();

        var people = (await enterprise.GetFromJsonAsync<JsonElement>("/api/people", Ct)).EnumerateArray().ToList();
        Assert.NotEmpty(people);
        Assert.All(people, p => Assert.Equal(own, p.GetProperty("enterpriseId").GetGuid()));
        Assert.Equal(HttpStatusCode.NotFound, (await enterprise.GetAsync($"/api/people/{theirId}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await enterprise.PutAsJsonAsync($"/api/people/{theirId}", new { name = "改名", role = "SafetyManager" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await enterprise.PostAsJsonAsync("/api/people", new { enterpriseId = otherId, name = "冒名", role = "Worker" }, Ct)).StatusCode);

        var trainings = (await enterprise.GetFromJsonAsync<JsonElement>("/api/trainings", Ct)).EnumerateArray().ToList();
        Assert.All(trainings, t => Assert.True(t.GetProperty("enterpriseId").ValueKind == JsonValueKind.Null || t.GetProperty("enterpriseId").GetGuid() == own));
        // The bureau's emergency course shows with this enterprise's own attendees only.
        var course = trainings.Single(t => t.GetProperty("kind").GetString() == "EmergencyCompetence");
        var detail = await enterprise.GetFromJsonAsync<JsonElement>($"/api/trainings/{course.GetProperty("id").GetGuid()}", Ct);
        var ownNames = people.Select(p => p.GetProperty("name").GetString()).ToHashSet();
        Assert.All(detail.GetProperty("attendees").EnumerateArray(), a => Assert.Contains(a.GetProperty("name").GetString(), ownNames));
        Assert.Equal(HttpStatusCode.Forbidden, (await enterprise.GetAsync("/api/publicity", Ct)).StatusCode);

        // The export holds the same people only.
        var sheet = Sheet(await enterprise.GetByteArrayAsync("/api/people/export", Ct));
        var names = sheet.RowsUsed().Skip(1).Select(r => r.Cell(2).GetString()).ToHashSet();
        Assert.DoesNotContain("另一企业员工", names);
        Assert.Superset(ownNames.ToHashSet()!, names!);

        using var bureau = await app.LoginAsync("bureau");
        Assert.Contains((await bureau.GetFromJsonAsync<JsonElement>("/api/people", Ct)).EnumerateArray(), p => p.GetProperty("id").GetGuid() == theirId);
    }

    [Fact]
    public async Task The_bureau_trains_its_staff_and_the_hours_and_the_training_ledger_show_it()
    {
        using var bureau = await app.LoginAsync("bureau");
        var staff = await CreatedAsync(await bureau.PostAsJsonAsync("/api/people", new { name = "测试干部", role = "BureauStaff", position = "科员" }, Ct));
        var staffId = staff.GetProperty("id").GetGuid();
        var topic = $"应急管理业务培训{Guid.NewGuid():N}"[..20];
        var session = await CreatedAsync(await bureau.PostAsJsonAsync("/api/trainings", new
        {
            topic, kind = "BureauStaff", organiser = "区应急管理局", heldOn = Day(Today), hours = 6, place = "局会议室",
        }, Ct));
        var sessionId = session.GetProperty("id").GetGuid();
        await CreatedAsync(await bureau.PostAsJsonAsync($"/api/trainings/{sessionId}/attendance", new { personId = staffId, hoursCredited = 4 }, Ct));
        Assert.Equal(HttpStatusCode.Conflict, (await bureau.PostAsJsonAsync($"/api/trainings/{sessionId}/attendance", new { personId = staffId }, Ct)).StatusCode);
        var tooMany = await bureau.PostAsJsonAsync($"/api/trainings/{sessionId}/attendance", new
        {
            personId = (await CreatedAsync(await bureau.PostAsJsonAsync("/api/people", new { name = "测试干部二", role = "BureauStaff" }, Ct))).GetProperty("id").GetGuid(),
            hoursCredited = 7,
        }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.Contains("计入学时应在 0 到 6 之间", await tooMany.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        var hours = (await bureau.GetFromJsonAsync<JsonElement>($"/api/trainings/staff-hours?year={Today.Year}", Ct)).EnumerateArray()
            .Single(r => r.GetProperty("personId").GetGuid() == staffId);
        Assert.Equal(4m, hours.GetProperty("hours").GetDecimal());

        var sheet = Sheet(await bureau.GetByteArrayAsync($"/api/trainings/export?year={Today.Year}", Ct));
        Assert.Equal("培训主题", sheet.Cell(1, 2).GetString());
        var row = sheet.RowsUsed().Single(r => r.Cell(2).GetString() == topic);
        Assert.Equal("测试干部", row.Cell(8).GetString());
        Assert.Equal(4, row.Cell(11).GetValue<int>());

        using var enterprise = await app.LoginAsync("enterprise");
        Assert.Equal(HttpStatusCode.NotFound, (await enterprise.GetAsync($"/api/trainings/{sessionId}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await enterprise.GetAsync($"/api/people/{staffId}", Ct)).StatusCode);
        using var street = await app.LoginAsync("street");
        Assert.Equal(HttpStatusCode.Forbidden, (await street.PostAsJsonAsync("/api/people", new { name = "街道登记", role = "BureauStaff" }, Ct)).StatusCode);
    }

    [Fact]
    public async Task The_four_indicators_show_demo_numbers_and_move_with_new_records()
    {
        using var bureau = await app.LoginAsync("bureau");
        foreach (var code in new[] { "EP-04", "EP-14", "DP-03", "DP-04" })
        {
            Assert.NotNull(await ActualAsync(bureau, code));
            var records = await bureau.GetFromJsonAsync<JsonElement>($"/api/indicators/{code}/records?year={Today.Year}", Ct);
            Assert.NotEqual(0, records.GetProperty("records").GetArrayLength());
        }

        // DP-04 from the records: pooled passing over sampled.
        var surveys = (await bureau.GetFromJsonAsync<JsonElement>($"/api/surveys?year={Today.Year}", Ct)).EnumerateArray()
            .Where(s => s.GetProperty("kind").GetString() == "DisasterReduction").ToList();
        decimal Rate(int part, int whole) => Math.Round(100m * part / whole, 1, MidpointRounding.AwayFromZero);
        int passing = surveys.Sum(s => s.GetProperty("passing").GetInt32()), sampled = surveys.Sum(s => s.GetProperty("sampleSize").GetInt32());
        Assert.Equal(Rate(passing, sampled), await ActualAsync(bureau, "DP-04"));
        var community = surveys[0].GetProperty("divisionId").GetGuid();
        await CreatedAsync(await bureau.PostAsJsonAsync("/api/surveys", new { divisionId = community, kind = "DisasterReduction", conductedOn = Day(Today), sampleSize = 100, passing = 50 }, Ct));
        Assert.Equal(Rate(passing + 50, sampled + 100), await ActualAsync(bureau, "DP-04"));

        // EP-04: a new high-risk principal without training lowers the rate by exactly one in the denominator.
        var ep04 = (await bureau.GetFromJsonAsync<JsonElement>($"/api/indicators/EP-04/records?year={Today.Year}", Ct)).GetProperty("records").EnumerateArray().ToList();
        var trained = ep04.Count(r => r.GetProperty("counted").GetBoolean());
        Assert.Equal(Rate(trained, ep04.Count), await ActualAsync(bureau, "EP-04"));
        using var enterprise = await app.LoginAsync("enterprise");
        var manager = await CreatedAsync(await enterprise.PostAsJsonAsync("/api/people", new { name = "新任安全管理人员", role = "SafetyManager" }, Ct));
        Assert.Equal(Rate(trained, ep04.Count + 1), await ActualAsync(bureau, "EP-04"));
        var course = (await bureau.GetFromJsonAsync<JsonElement>("/api/trainings?kind=EmergencyCompetence", Ct)).EnumerateArray().First().GetProperty("id").GetGuid();
        await CreatedAsync(await bureau.PostAsJsonAsync($"/api/trainings/{course}/attendance", new { personId = manager.GetProperty("id").GetGuid() }, Ct));
        Assert.Equal(Rate(trained + 1, ep04.Count + 1), await ActualAsync(bureau, "EP-04"));

        // DP-03 is the fewest trainings of any informant, the same figure the per-community view shows.
        var communities = (await bureau.GetFromJsonAsync<JsonElement>($"/api/trainings/informants?year={Today.Year}", Ct)).EnumerateArray().ToList();
        var fewest = communities.SelectMany(c => c.GetProperty("people").EnumerateArray()).Min(p => p.GetProperty("trainings").GetInt32());
        Assert.Equal(fewest, await ActualAsync(bureau, "DP-03"));
        Assert.Contains(communities, c => c.GetProperty("informants").GetInt32() == 0 && !c.GetProperty("informantsMet").GetBoolean());

        // EP-14: households reached (capped per community) over households, read back from its records.
        var pattern = new System.Text.RegularExpressions.Regex(@"宣传覆盖 (\d+) 户（计 (\d+) 户）/ 共 (\d+) 户");
        (int Reached, int Counted, int Households) Parse(JsonElement r)
        {
            var m = pattern.Match(r.GetProperty("detail").GetString()!);
            return (int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture),
                int.Parse(m.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture));
        }
        var ep14 = (await bureau.GetFromJsonAsync<JsonElement>($"/api/indicators/EP-14/records?year={Today.Year}", Ct)).GetProperty("records").EnumerateArray().ToList();
        var rows = ep14.Select(Parse).ToList();
        Assert.Equal(Rate(rows.Sum(r => r.Counted), rows.Sum(r => r.Households)), await ActualAsync(bureau, "EP-14"));
        var target = Enumerable.Range(0, rows.Count).First(i => rows[i].Counted < rows[i].Households);
        var title = $"测试宣传{Guid.NewGuid():N}"[..10];
        await CreatedAsync(await bureau.PostAsJsonAsync("/api/publicity", new
        {
            divisionId = ep14[target].GetProperty("id").GetGuid(), title, kind = "Community", place = "社区广场", heldOn = Day(Today), audience = 800, householdsReached = 600,
        }, Ct));
        var gained = Math.Min(rows[target].Reached + 600, rows[target].Households) - rows[target].Counted;
        Assert.Equal(Rate(rows.Sum(r => r.Counted) + gained, rows.Sum(r => r.Households)), await ActualAsync(bureau, "EP-14"));

        var publicity = Sheet(await bureau.GetByteArrayAsync($"/api/publicity/export?year={Today.Year}", Ct));
        Assert.Contains(publicity.RowsUsed(), r => r.Cell(3).GetString() == title && r.Cell(7).GetValue<int>() == 600);
        var allSurveys = (await bureau.GetFromJsonAsync<JsonElement>($"/api/surveys?year={Today.Year}", Ct)).GetArrayLength();
        var surveySheet = Sheet(await bureau.GetByteArrayAsync($"/api/surveys/export?year={Today.Year}", Ct));
        Assert.Equal("合格率(%)", surveySheet.Cell(1, 6).GetString());
        Assert.Equal(allSurveys, surveySheet.RowsUsed().Count() - 1);
    }
}

[Collection(OnSqlite.Name)]
public sealed class PeopleApiOnSqlite(SqliteApp app) : PeopleApiTests(app);

[Collection(OnPostgres.Name)]
public sealed class PeopleApiOnPostgres(PostgresApp app) : PeopleApiTests(app);
