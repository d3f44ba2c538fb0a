using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Tianshan.Web.Tests.Indicators;

/// <summary>The plans' indicators through HTTP on each database: a computed one equals the same ratio counted from other
/// endpoints and moves when its records change; an entered one carries its evidence; enterprises cannot see them.</summary>
public abstract class IndicatorApiTests(TianshanApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static int Year => TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).Year;

    private static decimal? Rate(int part, int whole) => whole == 0 ? null : Math.Round(100m * part / whole, 1, MidpointRounding.AwayFromZero);

    private static async Task<JsonElement> IndicatorAsync(HttpClient client, string code) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/indicators?year={Year}", Ct)).EnumerateArray().Single(i => i.GetProperty("code").GetString() == code);

    private static decimal? Actual(JsonElement indicator) =>
        indicator.GetProperty("actual").ValueKind == JsonValueKind.Null ? null : indicator.GetProperty("actual").GetDecimal();

    [Fact]
    public async Task The_monitoring_terminal_rate_counts_major_hazard_sources_with_a_sensor_and_drops_for_a_new_unmonitored_one()
    {
        using var bureau = await app.LoginAsync("bureau");
        async Task<(int Monitored, int All)> CountAsync()
        {
            var sources = (await bureau.GetFromJsonAsync<JsonElement>("/api/major-hazards", Ct)).EnumerateArray().Select(m => m.GetProperty("id").GetGuid()).ToList();
            var withSensors = (await bureau.GetFromJsonAsync<JsonElement>("/api/monitoring/sensors", Ct)).EnumerateArray()
                .Where(s => s.TryGetProperty("majorHazardSourceId", out var m) && m.ValueKind == JsonValueKind.String).Select(s => s.GetProperty("majorHazardSourceId").GetGuid())
                .ToHashSet();
            return (sources.Count(withSensors.Contains), sources.Count);
        }

        var (monitored, all) = await CountAsync();
        var before = await IndicatorAsync(bureau, "EP-03");
        Assert.Equal(Rate(monitored, all), Actual(before));
        Assert.Equal("Computed", before.GetProperty("source").GetString());

        using var enterprise = await app.LoginAsync("enterprise");
        var own = (await enterprise.GetFromJsonAsync<JsonElement>("/api/enterprises", Ct)).GetProperty("items")[0].GetProperty("id").GetGuid();
        var created = await enterprise.PostAsJsonAsync("/api/major-hazards", new
        {
            enterpriseId = own,
            details = new { code = $"IND-{Guid.NewGuid():N}"[..20], name = "新建液氨储罐（未接入监测）", kind = "Storage", exposedPeople = 10,
                lastAssessedOn = "2026-01-10", units = new[] { new { chemical = "液氨", quantityTonnes = 150 } } },
        }, Ct);
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync(Ct));
        var newId = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();

        var after = await IndicatorAsync(bureau, "EP-03");
        Assert.Equal(Rate(monitored, all + 1), Actual(after));
        Assert.Equal("NotMet", after.GetProperty("status").GetString());
        var records = await bureau.GetFromJsonAsync<JsonElement>($"/api/indicators/EP-03/records?year={Year}", Ct);
        var newRecord = records.GetProperty("records").EnumerateArray().Single(r => r.GetProperty("id").GetGuid() == newId);
        Assert.False(newRecord.GetProperty("counted").GetBoolean());
        Assert.Equal(all + 1, records.GetProperty("records").GetArrayLength());
    }

    [Fact]
    public async Task Inspection_coverage_counts_a_high_risk_enterprise_once_it_is_inspected_this_year()
    {
        using var bureau = await app.LoginAsync("bureau");
        var records = (await bureau.GetFromJsonAsync<JsonElement>($"/api/indicators/EP-05/records?year={Year}", Ct)).GetProperty("records").EnumerateArray().ToList();
        Assert.NotEmpty(records);
        var counted = records.Count(r => r.GetProperty("counted").GetBoolean());
        Assert.Equal(Rate(counted, records.Count), Actual(await IndicatorAsync(bureau, "EP-05")));
        var uninspected = records.FirstOrDefault(r => !r.GetProperty("counted").GetBoolean());
        if (uninspected.ValueKind == JsonValueKind.Undefined)
            return;   // every high-risk enterprise already inspected by other tests on this host: the ratio above still held

        using var inspector = await app.LoginAsync("inspector");
        var template = (await inspector.GetFromJsonAsync<JsonElement>("/api/inspections/templates", Ct)).EnumerateArray().First();
        var recorded = await inspector.PostAsJsonAsync("/api/inspections", new
        {
            enterpriseId = uninspected.GetProperty("id").GetGuid(), template = template.GetProperty("code").GetString(), inspectors = new[] { "马建国", "李秀兰" },
            enterpriseSignatory = "王强",
            results = template.GetProperty("items").EnumerateArray().Select(i => new { number = i.GetProperty("number").GetInt32(), result = "Compliant" }),
        }, Ct);
        Assert.True(recorded.StatusCode == HttpStatusCode.Created, await recorded.Content.ReadAsStringAsync(Ct));
        var now = (await bureau.GetFromJsonAsync<JsonElement>($"/api/indicators/EP-05/records?year={Year}", Ct)).GetProperty("records").EnumerateArray().ToList();
        Assert.True(now.Single(r => r.GetProperty("id").GetGuid() == uninspected.GetProperty("id").GetGuid()).GetProperty("counted").GetBoolean());
        Assert.Equal(Rate(counted + 1, records.Count), Actual(await IndicatorAsync(bureau, "EP-05")));
    }

    [Fact]
    public async Task Team_staffing_equipment_and_civil_forces_are_counted_from_the_rescue_team_ledger()
    {
        using var bureau = await app.LoginAsync("bureau");
        var teams = (await bureau.GetFromJsonAsync<JsonElement>("/api/resources/teams", Ct)).EnumerateArray().ToList();
        Assert.NotEmpty(teams);
        // The ledger lists cells by their Chinese header, as the page and the Excel export show them.
        static string Cell(JsonElement team, string header) => team.GetProperty("cells").TryGetProperty(header, out var v) ? v.GetString() ?? "" : "";
        static int Number(JsonElement team, string header) => int.TryParse(Cell(team, header), out var n) ? n : 0;
        var comprehensive = teams.Where(t => Cell(t, "队伍类型") != "社会应急力量").ToList();
        int Met(string held, string required) => comprehensive.Count(t => Number(t, required) > 0 && Number(t, held) >= Number(t, required));
        Assert.Equal(Rate(Met("队员人数", "编制人数"), comprehensive.Count), Actual(await IndicatorAsync(bureau, "EP-06")));
        Assert.Equal(Rate(Met("装备台套数", "应配台套数"), comprehensive.Count), Actual(await IndicatorAsync(bureau, "EP-07")));
        var civil = teams.Count(t => Cell(t, "队伍类型") == "社会应急力量");
        var ep15 = await IndicatorAsync(bureau, "EP-15");
        Assert.Equal(civil, Actual(ep15));
        Assert.Equal(civil >= 1 ? "Met" : "NotMet", ep15.GetProperty("status").GetString());
    }

    private static List<JsonElement> Records(JsonElement body) => [.. body.GetProperty("records").EnumerateArray()];

    private static decimal? RateOf(List<JsonElement> records) => Rate(records.Count(r => r.GetProperty("counted").GetBoolean()), records.Count);

    [Fact]
    public async Task Milestone_indicators_follow_a_disasters_milestones_from_the_incident()
    {
        using var bureau = await app.LoginAsync("bureau");
        var occurred = DateTimeOffset.UtcNow.AddHours(-3);
        var created = await bureau.PostAsJsonAsync("/api/incidents", new
        {
            source = "DutyDesk", category = "NaturalDisaster", subtype = "地震", title = "独山子区 4.6 级地震", occurredAt = occurred,
            latitude = 44.32, longitude = 84.88, address = "独山子区", narrative = "震感强烈，部分老旧房屋受损。", reporter = "地震台",
        }, Ct);
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync(Ct));
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();

        async Task<(JsonElement Indicator, List<JsonElement> Records)> ReadAsync(string code)
        {
            var body = await bureau.GetFromJsonAsync<JsonElement>($"/api/indicators/{code}/records?year={Year}", Ct);
            return (body.GetProperty("indicator"), Records(body));
        }

        // A disaster with no command communications yet counts against EP-12 (2 h after receipt).
        var (ep12, records) = await ReadAsync("EP-12");
        Assert.False(records.Single(r => r.GetProperty("id").GetGuid() == id).GetProperty("counted").GetBoolean());
        Assert.Equal(RateOf(records), Actual(ep12));
        Assert.Equal(HttpStatusCode.NoContent, (await bureau.PostAsJsonAsync($"/api/incidents/{id}/milestones",
            new { kind = "CommandCommsOpened", at = DateTimeOffset.UtcNow.AddMinutes(-5), note = "卫星电话开通" }, Ct)).StatusCode);
        (ep12, records) = await ReadAsync("EP-12");
        Assert.True(records.Single(r => r.GetProperty("id").GetGuid() == id).GetProperty("counted").GetBoolean());
        Assert.Equal(RateOf(records), Actual(ep12));

        // EP-10 is the longest time over the year's disasters: at least this one's 2.5 h.
        Assert.Equal(HttpStatusCode.NoContent, (await bureau.PostAsJsonAsync($"/api/incidents/{id}/milestones",
            new { kind = "RescuePowerRestored", at = occurred.AddHours(2.5) }, Ct)).StatusCode);
        var (ep10, power) = await ReadAsync("EP-10");
        Assert.Contains("2.5 小时", power.Single(r => r.GetProperty("id").GetGuid() == id).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.True(Actual(ep10) >= 2.5m);
        Assert.Equal(Actual(ep10) <= 10 ? "Met" : "NotMet", ep10.GetProperty("status").GetString());

        // EP-11: relief recorded 9 h after the event would miss 8 h — here it is not recorded at all, so not counted.
        var (ep11, relief) = await ReadAsync("EP-11");
        Assert.False(relief.Single(r => r.GetProperty("id").GetGuid() == id).GetProperty("counted").GetBoolean());
        Assert.Equal(RateOf(relief), Actual(ep11));
    }

    [Fact]
    public async Task Relief_recorded_on_a_disaster_report_counts_its_affected_people_within_eight_hours()
    {
        using var informant = await app.LoginAsync("community");
        using var street = await app.LoginAsync("street");
        using var bureau = await app.LoginAsync("bureau");
        var occurred = DateTimeOffset.UtcNow.AddHours(-10);
        var filed = await informant.PostAsJsonAsync("/api/disaster-reports/filings", new
        {
            idempotencyKey = Guid.NewGuid().ToString(), reportKey = Guid.NewGuid().ToString(), stage = "Initial", type = "Flood", occurredAt = occurred,
            affectedPeople = 37, relocated = 12, narrative = "暴雨致低洼处进水", writtenAt = DateTimeOffset.UtcNow,
        }, Ct);
        Assert.True(filed.StatusCode == HttpStatusCode.Created, await filed.Content.ReadAsStringAsync(Ct));
        var id = (await filed.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("reportId").GetGuid();

        var before = Records(await bureau.GetFromJsonAsync<JsonElement>($"/api/indicators/DP-02/records?year={Year}", Ct));
        Assert.False(before.Single(r => r.GetProperty("id").GetGuid() == id).GetProperty("counted").GetBoolean());

        var early = await street.PostAsJsonAsync($"/api/disaster-reports/{id}/relief", new { providedAt = occurred.AddHours(-1) }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        Assert.Contains("不能早于灾害发生时间", await early.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await informant.PostAsJsonAsync($"/api/disaster-reports/{id}/relief", new { providedAt = occurred.AddHours(7) }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await street.PostAsJsonAsync($"/api/disaster-reports/{id}/relief",
            new { providedAt = occurred.AddHours(7), note = "街道发放食品、饮用水、棉被" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await street.PostAsJsonAsync($"/api/disaster-reports/{id}/relief", new { providedAt = occurred.AddHours(8) }, Ct)).StatusCode);

        var detail = await street.GetFromJsonAsync<JsonElement>($"/api/disaster-reports/{id}", Ct);
        Assert.Equal(7.0, detail.GetProperty("report").GetProperty("hoursToRelief").GetDouble());
        var after = await bureau.GetFromJsonAsync<JsonElement>($"/api/indicators/DP-02/records?year={Year}", Ct);
        var record = Records(after).Single(r => r.GetProperty("id").GetGuid() == id);
        Assert.True(record.GetProperty("counted").GetBoolean());
        Assert.Contains("受灾 37 人", record.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.NotNull(Actual(after.GetProperty("indicator")));
    }

    [Fact]
    public async Task Every_indicator_of_the_plans_is_computed_or_entered_and_none_is_left_without_a_calculation()
    {
        using var bureau = await app.LoginAsync("bureau");
        var all = (await bureau.GetFromJsonAsync<JsonElement>($"/api/indicators?year={Year}", Ct)).EnumerateArray().ToList();
        Assert.Equal(24, all.Count);
        foreach (var indicator in all.Where(i => i.GetProperty("source").GetString() == "Computed"))
        {
            var note = indicator.GetProperty("note").ValueKind == JsonValueKind.String ? indicator.GetProperty("note").GetString()! : "";
            Assert.DoesNotContain("尚无计算方法", note, StringComparison.Ordinal);
        }
        // EP-01 is the share of communities with a record counted, over every community.
        var shelters = Records(await bureau.GetFromJsonAsync<JsonElement>($"/api/indicators/EP-01/records?year={Year}", Ct));
        Assert.NotEmpty(shelters);
        Assert.Equal(RateOf(shelters), Actual(all.Single(i => i.GetProperty("code").GetString() == "EP-01")));

        // The trend runs over the plan period to the year asked and ends with the same value; a "实时" indicator has one point.
        var trend = (await bureau.GetFromJsonAsync<JsonElement>($"/api/indicators/EP-12/trend?year={Year}", Ct)).EnumerateArray().ToList();
        Assert.Equal(Enumerable.Range(2021, Year - 2020), trend.Select(p => p.GetProperty("year").GetInt32()));
        Assert.Equal(Actual(all.Single(i => i.GetProperty("code").GetString() == "EP-12")), Actual(trend[^1]));
        var live = (await bureau.GetFromJsonAsync<JsonElement>($"/api/indicators/EP-03/trend?year={Year}", Ct)).EnumerateArray().ToList();
        Assert.Equal(Year, Assert.Single(live).GetProperty("year").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await bureau.GetAsync("/api/indicators/EP-99/trend", Ct)).StatusCode);
    }

    [Fact]
    public async Task An_entered_indicator_takes_a_value_with_evidence_from_the_bureau_only()
    {
        using var bureau = await app.LoginAsync("bureau");
        var bad = await bureau.PostAsJsonAsync("/api/indicators/EP-13/entries", new { year = Year, value = 120, evidence = "" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = await bad.Content.ReadAsStringAsync(Ct);
        Assert.Contains("0–100", problem, StringComparison.Ordinal);
        Assert.Contains("证明材料", problem, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, (await bureau.PostAsJsonAsync("/api/indicators/EP-03/entries", new { year = Year, value = 100, evidence = "x" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bureau.PostAsJsonAsync("/api/indicators/EP-99/entries", new { year = Year, value = 1, evidence = "x" }, Ct)).StatusCode);

        Assert.Equal(HttpStatusCode.Created, (await bureau.PostAsJsonAsync("/api/indicators/EP-13/entries",
            new { year = Year, value = 98.5, evidence = "区公安分局报送（安置点治安情况统计）" }, Ct)).StatusCode);
        var indicator = await IndicatorAsync(bureau, "EP-13");
        Assert.Equal(98.5m, Actual(indicator));
        Assert.Equal("NotMet", indicator.GetProperty("status").GetString());
        Assert.Equal("Entered", indicator.GetProperty("source").GetString());
        var records = await bureau.GetFromJsonAsync<JsonElement>($"/api/indicators/EP-13/records?year={Year}", Ct);
        Assert.Contains(records.GetProperty("records").EnumerateArray(), r => r.GetProperty("detail").GetString() == "区公安分局报送（安置点治安情况统计）");

        using var department = await app.LoginAsync("department");
        Assert.Equal(HttpStatusCode.Forbidden, (await department.PostAsJsonAsync("/api/indicators/EP-13/entries", new { year = Year, value = 100, evidence = "x" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await department.GetAsync($"/api/indicators?year={Year}", Ct)).StatusCode);
        using var enterprise = await app.LoginAsync("enterprise");
        Assert.Equal(HttpStatusCode.Forbidden, (await enterprise.GetAsync("/api/indicators", Ct)).StatusCode);
    }
}

[Collection(OnSqlite.Name)]
public sealed class IndicatorApiOnSqlite(SqliteApp app) : IndicatorApiTests(app);

[Collection(OnPostgres.Name)]
public sealed class IndicatorApiOnPostgres(PostgresApp app) : IndicatorApiTests(app);
