using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Tianshan.Web.Tests.Incidents;

/// <summary>A department's incidents are those of the sectors it supervises, as for hidden hazards: the demo department
/// (区住建局: construction, special equipment, crowded places) sees a construction accident and a construction enterprise's
/// incident, and neither a hazardous-chemicals accident, nor a hazardous-chemicals enterprise's, nor an earthquake — in the list,
/// the detail, the export — and cannot take an incident outside its sectors.</summary>
public abstract class IncidentScopeApiTests(TianshanApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static object Incident(string category, string subtype, string title, Guid? enterpriseId = null) => new
    {
        source = "DutyDesk",
        category,
        subtype,
        title,
        occurredAt = DateTimeOffset.UtcNow.AddMinutes(-30),
        latitude = 44.32,
        longitude = 84.89,
        address = "独山子区",
        narrative = "行业范围测试。",
        reporter = "值班员",
        enterpriseId,
    };

    private static async Task<Guid> CreateAsync(HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync("/api/incidents", body, Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
    }

    private static async Task<Guid> EnterpriseOfAsync(HttpClient bureau, string sector) =>
        (await bureau.GetFromJsonAsync<JsonElement>($"/api/enterprises?sector={sector}&pageSize=1", Ct))
        .GetProperty("items").EnumerateArray().First().GetProperty("id").GetGuid();

    [Fact]
    public async Task A_department_sees_the_incidents_of_its_sectors_and_not_the_others()
    {
        using var bureau = await app.LoginAsync("bureau");
        var construction = await CreateAsync(bureau, Incident("Accident", "建设施工事故", "范围测试：脚手架坍塌"));
        var chemicals = await CreateAsync(bureau, Incident("Accident", "危险化学品事故", "范围测试：管廊泄漏"));
        var earthquake = await CreateAsync(bureau, Incident("NaturalDisaster", "地震", "范围测试：4.8 级地震"));
        var ofConstructionEnterprise = await CreateAsync(bureau,
            Incident("Accident", "其他生产安全事故", "范围测试：施工企业事故", await EnterpriseOfAsync(bureau, "Construction")));
        var ofChemicalEnterprise = await CreateAsync(bureau,
            Incident("Accident", "火灾事故", "范围测试：化工企业火灾", await EnterpriseOfAsync(bureau, "HazardousChemicals")));

        using var department = await app.LoginAsync("department");
        var listed = (await department.GetFromJsonAsync<JsonElement>("/api/incidents", Ct)).EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList();
        Assert.Contains(construction, listed);
        Assert.Contains(ofConstructionEnterprise, listed);
        Assert.DoesNotContain(chemicals, listed);
        Assert.DoesNotContain(earthquake, listed);
        // A fire at a hazardous-chemicals enterprise is that enterprise's sector's, though fire alone would be crowded places'.
        Assert.DoesNotContain(ofChemicalEnterprise, listed);
        Assert.Equal(HttpStatusCode.OK, (await department.GetAsync($"/api/incidents/{construction}", Ct)).StatusCode);
        foreach (var other in new[] { chemicals, earthquake, ofChemicalEnterprise })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await department.GetAsync($"/api/incidents/{other}", Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await department.PostAsJsonAsync($"/api/incidents/{other}/follow-ups", new { text = "越权续报" }, Ct)).StatusCode);
        }
        using var book = new ClosedXML.Excel.XLWorkbook(new MemoryStream(await department.GetByteArrayAsync("/api/incidents/export", Ct)));
        var titles = book.Worksheet("突发事件台账").RowsUsed().Select(r => r.Cell(2).GetString()).ToList();
        Assert.Contains("范围测试：脚手架坍塌", titles);
        Assert.DoesNotContain("范围测试：管廊泄漏", titles);

        // The bureau and a street (every sector) still see them all.
        var all = (await bureau.GetFromJsonAsync<JsonElement>("/api/incidents", Ct)).EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList();
        Assert.Contains(chemicals, all);
        Assert.Contains(earthquake, all);
    }

    [Fact]
    public async Task A_department_takes_incidents_of_its_sectors_only()
    {
        using var department = await app.LoginAsync("department");
        var own = await CreateAsync(department, Incident("Accident", "特种设备事故", "范围测试：塔吊倾覆"));
        Assert.Equal(HttpStatusCode.OK, (await department.GetAsync($"/api/incidents/{own}", Ct)).StatusCode);

        using var bureau = await app.LoginAsync("bureau");
        var before = (await bureau.GetFromJsonAsync<JsonElement>("/api/incidents", Ct)).GetArrayLength();
        var refused = await department.PostAsJsonAsync("/api/incidents", Incident("Accident", "道路交通事故", "范围测试：越权接报"), Ct);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("不属于您监管的行业", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var chemicalEnterprise = await EnterpriseOfAsync(bureau, "HazardousChemicals");
        Assert.Equal(HttpStatusCode.NotFound,
            (await department.PostAsJsonAsync("/api/incidents", Incident("Accident", "建设施工事故", "范围测试：他行业企业", chemicalEnterprise), Ct)).StatusCode);
        Assert.Equal(before, (await bureau.GetFromJsonAsync<JsonElement>("/api/incidents", Ct)).GetArrayLength());
    }
}

[Collection(OnSqlite.Name)]
public sealed class IncidentScopeApiOnSqlite(SqliteApp app) : IncidentScopeApiTests(app);

[Collection(OnPostgres.Name)]
public sealed class IncidentScopeApiOnPostgres(PostgresApp app) : IncidentScopeApiTests(app);
