using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Tianshan.Web.Tests.Prevention;

/// <summary>Supervision by risk through HTTP on each database: the year's plan covers every enterprise at its colour's
/// frequency, an inspection record with a finding turns the finding into a hidden hazard in one step, and the plan's
/// progress counts it.</summary>
public abstract class InspectionApiTests(TianshanApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static int Year => TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).Year;

    [Fact]
    public async Task The_plan_covers_every_enterprise_at_its_colours_frequency_and_counts_inspections_done()
    {
        using var bureau = await app.LoginAsync("bureau");
        var generated = await bureau.PostAsync($"/api/inspection-plans/{Year}/generate", null, Ct);
        Assert.True(generated.StatusCode == HttpStatusCode.OK, await generated.Content.ReadAsStringAsync(Ct));
        var plan = await generated.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var enterprises = (await bureau.GetFromJsonAsync<JsonElement>("/api/enterprises?pageSize=200", Ct)).GetProperty("total").GetInt32();
        Assert.Equal(enterprises, plan.GetProperty("enterprises").GetInt32());
        var lines = plan.GetProperty("lines").EnumerateArray().ToList();
        int Expected(JsonElement l) => l.GetProperty("colour").ValueKind == JsonValueKind.Null ? 1 : l.GetProperty("colour").GetString() switch
        {
            "Red" => 4,
            "Orange" => 2,
            _ => 1,
        };
        Assert.All(lines, l => Assert.Equal(Expected(l), l.GetProperty("months").GetArrayLength()));
        Assert.Contains(lines, l => l.GetProperty("colour").ValueKind == JsonValueKind.String && l.GetProperty("colour").GetString() == "Red");
        Assert.Equal(lines.Sum(Expected), plan.GetProperty("planned").GetInt32());

        // Generating again replaces the lines rather than adding to them.
        var again = await (await bureau.PostAsync($"/api/inspection-plans/{Year}/generate", null, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(enterprises, again.GetProperty("lines").GetArrayLength());

        using var street = await app.LoginAsync("street");
        Assert.Equal(HttpStatusCode.Forbidden, (await street.PostAsync($"/api/inspection-plans/{Year}/generate", null, Ct)).StatusCode);
    }

    [Fact]
    public async Task An_inspection_finding_becomes_a_hidden_hazard_in_one_step_and_counts_in_the_plan()
    {
        using var inspector = await app.LoginAsync("inspector");
        using var enterprise = await app.LoginAsync("enterprise");
        var refinery = (await enterprise.GetFromJsonAsync<JsonElement>("/api/enterprises", Ct)).GetProperty("items")[0].GetProperty("id").GetGuid();
        var template = (await inspector.GetFromJsonAsync<JsonElement>("/api/inspections/templates", Ct)).EnumerateArray()
            .First(t => t.GetProperty("code").GetString() == "HC-2026");
        var results = template.GetProperty("items").EnumerateArray().Select(i => new
        {
            number = i.GetProperty("number").GetInt32(),
            result = i.GetProperty("number").GetInt32() == 5 ? "NonCompliant" : "Compliant",
            note = i.GetProperty("number").GetInt32() == 5 ? "2号罐区紧急切断阀处于手动旁路状态" : null,
        }).ToList();

        var oneInspector = await inspector.PostAsJsonAsync("/api/inspections", new
        {
            enterpriseId = refinery, template = "HC-2026", inspectors = new[] { "马建国" }, results, enterpriseSignatory = "张伟",
        }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, oneInspector.StatusCode);
        Assert.Contains("不得少于两人", await oneInspector.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        var recorded = await inspector.PostAsJsonAsync("/api/inspections", new
        {
            enterpriseId = refinery, template = "HC-2026", inspectors = new[] { "马建国", "李秀兰" }, unannounced = true, results,
            enterpriseSignatory = "张伟", summary = "检查发现问题1项",
        }, Ct);
        Assert.True(recorded.StatusCode == HttpStatusCode.Created, await recorded.Content.ReadAsStringAsync(Ct));
        var inspection = await recorded.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(1, inspection.GetProperty("findings").GetInt32());
        var id = inspection.GetProperty("id").GetGuid();

        var converted = await inspector.PostAsync($"/api/inspections/{id}/items/5/hazard", null, Ct);
        Assert.Equal(HttpStatusCode.Created, converted.StatusCode);
        var hazardId = (await converted.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Conflict, (await inspector.PostAsync($"/api/inspections/{id}/items/5/hazard", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await inspector.PostAsync($"/api/inspections/{id}/items/1/hazard", null, Ct)).StatusCode);

        // The enterprise sees the hazard (to rectify it) and the inspection record, linked both ways.
        var hazard = await enterprise.GetFromJsonAsync<JsonElement>($"/api/hazards/{hazardId}", Ct);
        Assert.Equal("Inspection", hazard.GetProperty("summary").GetProperty("origin").GetString());
        Assert.Contains("四不两直", hazard.GetProperty("description").GetString(), StringComparison.Ordinal);
        var record = await enterprise.GetFromJsonAsync<JsonElement>($"/api/inspections/{id}", Ct);
        Assert.Equal(hazardId, record.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("number").GetInt32() == 5).GetProperty("hiddenHazardId").GetGuid());
        Assert.Equal(HttpStatusCode.Forbidden, (await enterprise.PostAsJsonAsync("/api/inspections", new { enterpriseId = refinery }, Ct)).StatusCode);
        using var other = await app.LoginAsync("enterprise2");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/inspections/{id}", Ct)).StatusCode);

        using var bureau = await app.LoginAsync("bureau");
        var plan = await (await bureau.PostAsync($"/api/inspection-plans/{Year}/generate", null, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(plan.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("enterpriseId").GetGuid() == refinery).GetProperty("done").GetInt32() >= 1);
        Assert.True(plan.GetProperty("enterprisesInspected").GetInt32() >= 1);
    }

    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    [Fact]
    public async Task A_record_takes_photos_and_the_drawn_signature_of_everyone_it_names_once_each()
    {
        using var inspector = await app.LoginAsync("inspector");
        using var enterprise = await app.LoginAsync("enterprise");
        var refinery = (await enterprise.GetFromJsonAsync<JsonElement>("/api/enterprises", Ct)).GetProperty("items")[0].GetProperty("id").GetGuid();
        var template = (await inspector.GetFromJsonAsync<JsonElement>("/api/inspections/templates", Ct)).EnumerateArray()
            .First(t => t.GetProperty("code").GetString() == "HC-2026");
        var results = template.GetProperty("items").EnumerateArray().Select(i => new { number = i.GetProperty("number").GetInt32(), result = "Compliant" }).ToList();
        var recorded = await inspector.PostAsJsonAsync("/api/inspections", new
        {
            enterpriseId = refinery, template = "HC-2026", inspectors = new[] { "马建国", "李秀兰" }, results, enterpriseSignatory = "张伟",
        }, Ct);
        Assert.True(recorded.StatusCode == HttpStatusCode.Created, await recorded.Content.ReadAsStringAsync(Ct));
        var id = (await recorded.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
        var fresh = await inspector.GetFromJsonAsync<JsonElement>($"/api/inspections/{id}", Ct);
        Assert.Equal(["马建国", "李秀兰", "张伟"], fresh.GetProperty("awaitingSignature").EnumerateArray().Select(n => n.GetString()));

        async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] bytes, string type, string name)
        {
            using var form = new MultipartFormDataContent();
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(type);
            form.Add(file, "files", name);
            return await client.PostAsync($"/api/inspections/{id}/photos", form, Ct);
        }
        var photo = await UploadAsync(inspector, Png, "image/png", "罐区现场.png");
        Assert.True(photo.StatusCode == HttpStatusCode.OK, await photo.Content.ReadAsStringAsync(Ct));
        var notAPhoto = await UploadAsync(inspector, "%PDF-1.4"u8.ToArray(), "application/pdf", "笔录.pdf");
        Assert.Equal(HttpStatusCode.BadRequest, notAPhoto.StatusCode);
        Assert.Contains("现场照片请上传", await notAPhoto.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await UploadAsync(enterprise, Png, "image/png", "x.png")).StatusCode);

        var dataUrl = "data:image/png;base64," + Convert.ToBase64String(Png);
        Assert.Equal(HttpStatusCode.OK, (await inspector.PostAsJsonAsync($"/api/inspections/{id}/signatures", new { signatory = "马建国", image = dataUrl }, Ct)).StatusCode);
        var stranger = await inspector.PostAsJsonAsync($"/api/inspections/{id}/signatures", new { signatory = "王五", image = dataUrl }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, stranger.StatusCode);
        Assert.Contains("签名人须是本记录的检查人员", await stranger.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var notPng = await inspector.PostAsJsonAsync($"/api/inspections/{id}/signatures", new { signatory = "李秀兰", image = Convert.ToBase64String("GIF89a"u8.ToArray()) }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, notPng.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await inspector.PostAsJsonAsync($"/api/inspections/{id}/signatures", new { signatory = "马建国", image = dataUrl }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await inspector.PostAsJsonAsync($"/api/inspections/{id}/signatures", new { signatory = "李秀兰", image = dataUrl }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await inspector.PostAsJsonAsync($"/api/inspections/{id}/signatures", new { signatory = "张伟", image = dataUrl }, Ct)).StatusCode);

        // The enterprise sees its record fully signed with the photo, and can fetch each file; another enterprise cannot.
        var signed = await enterprise.GetFromJsonAsync<JsonElement>($"/api/inspections/{id}", Ct);
        Assert.Equal(0, signed.GetProperty("awaitingSignature").GetArrayLength());
        var attachments = signed.GetProperty("attachments").EnumerateArray().ToList();
        Assert.Equal(["Photo", "InspectorSignature", "InspectorSignature", "EnterpriseSignature"], attachments.Select(a => a.GetProperty("kind").GetString()));
        var photoId = attachments[0].GetProperty("id").GetGuid();
        Assert.Equal(Png, await enterprise.GetByteArrayAsync($"/api/inspections/{id}/attachments/{photoId}", Ct));
        using var other = await app.LoginAsync("enterprise2");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/inspections/{id}/attachments/{photoId}", Ct)).StatusCode);

        using var bureau = await app.LoginAsync("bureau");
        var audit = await bureau.GetFromJsonAsync<JsonElement>($"/api/audit?entityType=InspectionAttachment&entityId={photoId}", Ct);
        Assert.Equal(1, audit.GetProperty("total").GetInt32());
    }
}

[Collection(OnSqlite.Name)]
public sealed class InspectionApiOnSqlite(SqliteApp app) : InspectionApiTests(app);

[Collection(OnPostgres.Name)]
public sealed class InspectionApiOnPostgres(PostgresApp app) : InspectionApiTests(app);
