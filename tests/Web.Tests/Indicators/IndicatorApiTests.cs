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
