using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using static Tianshan.Web.Tests.Warnings.CapSchemaCheck;

namespace Tianshan.Web.Tests.Warnings;

/// <summary>Warnings through HTTP on each database: draft → submit → approve by another 信息审核发布 user → publish as a CAP 1.2
/// alert that validates; update and cancel referencing the original; the public feed and alert; CAP import of real alerts,
/// refusal of a malformed one, the round trip; area → recipients.</summary>
public abstract class WarningApiTests(TianshanApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public const string Jinshan = "650202002001";
    public const string Kashilu = "650202002002";

    public static object Draft(string headline = "暴雨黄色预警", string eventType = "rainstorm", string level = "Yellow", string[]? communities = null,
        string[]? polygons = null, bool english = true, string[]? circles = null) => new
    {
        eventType,
        level,
        communityCodes = communities ?? [Jinshan],
        polygons = polygons ?? [],
        circles = circles ?? [],
        onset = DateTimeOffset.UtcNow.AddHours(1),
        expires = DateTimeOffset.UtcNow.AddHours(13),
        headline,
        description = "预计未来 6 小时内降雨量将达 50 毫米以上。",
        instruction = "远离低洼地带，注意防范城市内涝。",
        headlineEn = english ? "Yellow rainstorm warning" : null,
        descriptionEn = english ? "50 mm of rain expected within 6 hours." : null,
    };

    public static async Task<Guid> CreatedIdAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
    }

    public static async Task NoContentAsync(HttpResponseMessage response) =>
        Assert.True(response.StatusCode == HttpStatusCode.NoContent, await response.Content.ReadAsStringAsync(Ct));

    /// <summary>Submitted by the author, approved and published by the publisher; returns the CAP XML.</summary>
    public static async Task<(string Identifier, string Xml)> ReleaseAsync(HttpClient author, HttpClient publisher, Guid id)
    {
        await NoContentAsync(await author.PostAsync($"/api/warnings/{id}/submit", null, Ct));
        await NoContentAsync(await publisher.PostAsync($"/api/warnings/{id}/approve", null, Ct));
        var published = await publisher.PostAsync($"/api/warnings/{id}/publish", null, Ct);
        Assert.True(published.StatusCode == HttpStatusCode.OK, await published.Content.ReadAsStringAsync(Ct));
        var identifier = (await published.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("identifier").GetString()!;
        var xml = await publisher.GetStringAsync($"/api/warnings/{id}/cap", Ct);
        return (identifier, xml);
    }

    [Fact]
    public async Task A_warning_is_approved_by_another_publisher_and_published_as_valid_CAP_then_updated_and_cancelled()
    {
        using var bureau = await app.LoginAsync("bureau");
        using var publisher = await app.LoginAsync("publisher");
        using var admin = await app.LoginAsync("admin");

        var id = await CreatedIdAsync(await publisher.PostAsJsonAsync("/api/warnings", Draft(communities: [Jinshan, Kashilu]), Ct));
        await NoContentAsync(await publisher.PostAsync($"/api/warnings/{id}/submit", null, Ct));
        // The author holds the 信息审核发布 role and still cannot approve their own warning.
        var own = await publisher.PostAsync($"/api/warnings/{id}/approve", null, Ct);
        Assert.Equal(HttpStatusCode.Conflict, own.StatusCode);
        Assert.Equal("预警信息须由起草人以外的人员审核，起草人不能审核自己起草的预警",
            (await own.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("detail").GetString());
        // The duty officer drafts but does not approve (403), and publishing before approval is a conflict.
        Assert.Equal(HttpStatusCode.Forbidden, (await bureau.PostAsync($"/api/warnings/{id}/approve", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsync($"/api/warnings/{id}/publish", null, Ct)).StatusCode);
        await NoContentAsync(await admin.PostAsync($"/api/warnings/{id}/approve", null, Ct));
        var published = await admin.PostAsync($"/api/warnings/{id}/publish", null, Ct);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        var identifier = (await published.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("identifier").GetString()!;
        Assert.Matches(@"^650202\d{3}00000_\d{14}_\d$", identifier);
        Assert.Equal(31, identifier.Length);

        var xml = await bureau.GetStringAsync($"/api/warnings/{id}/cap", Ct);
        AssertValid(xml);
        var alert = XDocument.Parse(xml).Root!;
        Assert.Equal(identifier, Text(alert, "identifier"));
        Assert.Equal("Alert", Text(alert, "msgType"));
        Assert.Equal("Actual", Text(alert, "status"));
        Assert.Equal("Public", Text(alert, "scope"));
        Assert.EndsWith("+08:00", Text(alert, "sent"), StringComparison.Ordinal);
        var infos = alert.Elements(XName.Get("info", Ns)).ToList();
        Assert.Equal(["zh-CN", "en-US"], infos.Select(i => Text(i, "language")));
        Assert.Equal("Met", Text(infos[0], "category"));
        Assert.Equal("暴雨黄色预警", Text(infos[0], "event"));
        Assert.Equal("Moderate", Text(infos[0], "severity"));
        Assert.Equal("Expected", Text(infos[0], "urgency"));
        Assert.Equal("Likely", Text(infos[0], "certainty"));
        var area = El(infos[0], "area");
        Assert.Equal("独山子区金山路街道金山社区、喀什路社区", Text(area, "areaDesc"));
        Assert.Equal(2, area.Elements(XName.Get("circle", Ns)).Count());
        Assert.Equal(["650202", Jinshan, Kashilu], area.Elements(XName.Get("geocode", Ns)).Select(g => Text(g, "value")));

        // The public side, no login: the alert itself and the Atom feed entry pointing at it.
        using var anonymous = app.CreateClient();
        Assert.Equal(xml, await anonymous.GetStringAsync($"/cap/{identifier}.xml", Ct));
        var feed = XDocument.Parse(await anonymous.GetStringAsync("/cap/feed.atom", Ct));
        XNamespace atom = "http://www.w3.org/2005/Atom";
        Assert.Contains(feed.Root!.Elements(atom + "entry"), e => e.Elements(atom + "link")
            .Any(l => (string?)l.Attribute("type") == "application/cap+xml" && ((string?)l.Attribute("href"))!.EndsWith($"/cap/{identifier}.xml", StringComparison.Ordinal)));

        // Update: orange now, references the original; publishing it supersedes the original.
        var update = await CreatedIdAsync(await bureau.PostAsJsonAsync($"/api/warnings/{id}/update", Draft("暴雨橙色预警", level: "Orange", communities: [Jinshan, Kashilu]), Ct));
        var (_, updateXml) = await ReleaseAsync(bureau, publisher, update);
        AssertValid(updateXml);
        var updated = XDocument.Parse(updateXml).Root!;
        Assert.Equal("Update", Text(updated, "msgType"));
        Assert.Equal($"yjglj.dushanzi.karamay.xj.cn,{identifier},{Text(alert, "sent")}", Text(updated, "references"));
        Assert.Equal("Severe", Text(El(updated, "info"), "severity"));
        var original = await bureau.GetFromJsonAsync<JsonElement>($"/api/warnings/{id}", Ct);
        Assert.Equal("Superseded", original.GetProperty("summary").GetProperty("status").GetString());

        // Cancel (解除) the update: references both earlier messages.
        var cancel = await CreatedIdAsync(await bureau.PostAsJsonAsync($"/api/warnings/{update}/cancel", new { reason = "降雨已减弱，解除预警" }, Ct));
        var (_, cancelXml) = await ReleaseAsync(bureau, publisher, cancel);
        AssertValid(cancelXml);
        var cancelled = XDocument.Parse(cancelXml).Root!;
        Assert.Equal("Cancel", Text(cancelled, "msgType"));
        Assert.Equal(2, Text(cancelled, "references").Split(' ').Length);
        Assert.Equal("Past", Text(El(cancelled, "info"), "urgency"));
        Assert.Equal("Cancelled", (await bureau.GetFromJsonAsync<JsonElement>($"/api/warnings/{update}", Ct)).GetProperty("summary").GetProperty("status").GetString());
    }

    [Fact]
    public async Task An_exported_alert_imports_as_the_same_alert_and_a_repeat_is_not_stored_twice()
    {
        using var bureau = await app.LoginAsync("bureau");
        using var publisher = await app.LoginAsync("publisher");
        var id = await CreatedIdAsync(await bureau.PostAsJsonAsync("/api/warnings", Draft("大风蓝色预警", "gale", "Blue", polygons: ["44.33,84.88 44.33,84.90 44.32,84.90 44.32,84.88 44.33,84.88"]), Ct));
        var (identifier, xml) = await ReleaseAsync(bureau, publisher, id);

        var first = await bureau.PostAsync("/api/warnings/import", new StringContent(xml, Encoding.UTF8, "application/cap+xml"), Ct);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var imported = await first.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var back = XDocument.Parse(await bureau.GetStringAsync($"/api/warnings/imported/{imported.GetProperty("id").GetGuid()}/cap", Ct)).Root!;
        var sent = XDocument.Parse(xml).Root!;
        Assert.True(XNode.DeepEquals(sent, back), "the imported alert differs from the exported one");
        Assert.Equal(identifier, imported.GetProperty("identifier").GetString());
        Assert.Equal("Minor", imported.GetProperty("severity").GetString());
        Assert.Equal("大风蓝色预警", imported.GetProperty("event").GetString());
        Assert.Equal(Text(El(sent, "info"), "headline"), imported.GetProperty("headline").GetString());

        var again = await bureau.PostAsync("/api/warnings/import", new StringContent(xml, Encoding.UTF8, "application/cap+xml"), Ct);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var list = await bureau.GetFromJsonAsync<JsonElement>("/api/warnings/imported", Ct);
        Assert.Single(list.EnumerateArray(), a => a.GetProperty("identifier").GetString() == identifier);
    }

    [Fact]
    public async Task Real_alerts_from_other_agencies_import_and_a_malformed_one_is_refused_with_the_reason()
    {
        using var publisher = await app.LoginAsync("publisher");
        var files = Directory.GetFiles(Path.Combine(Folder, "examples"), "*.xml");
        Assert.Equal(8, files.Length);
        foreach (var file in files)
        {
            var xml = await File.ReadAllTextAsync(file, Ct);
            var response = await publisher.PostAsync("/api/warnings/import", new StringContent(xml, Encoding.UTF8, "application/xml"), Ct);
            Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, $"{Path.GetFileName(file)}: {await response.Content.ReadAsStringAsync(Ct)}");
            var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
            Assert.Equal(XDocument.Parse(xml).Root!.Element(XName.Get("identifier", Ns))!.Value, body.GetProperty("identifier").GetString());
            Assert.Equal(xml, await publisher.GetStringAsync($"/api/warnings/imported/{body.GetProperty("id").GetGuid()}/cap", Ct));
        }
        var list = await publisher.GetFromJsonAsync<JsonElement>("/api/warnings/imported", Ct);
        Assert.Contains(list.EnumerateArray(), a => a.GetProperty("senderName").GetString() == "Seychelles Meteorological Authority");

        var count = list.GetArrayLength();
        var malformed = await File.ReadAllTextAsync(Path.Combine(Folder, "malformed", "missing-msgtype-zulu-time.xml"), Ct);
        var refused = await publisher.PostAsync("/api/warnings/import", new StringContent(malformed, Encoding.UTF8, "application/xml"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.StartsWith("不是有效的 CAP 1.2 预警", detail, StringComparison.Ordinal);
        Assert.Contains("sent", detail, StringComparison.Ordinal);
        Assert.Contains("第 6 行", detail, StringComparison.Ordinal);
        var notXml = await publisher.PostAsync("/api/warnings/import", new StringContent("<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\"><identifier>x</alert>", Encoding.UTF8, "application/xml"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, notXml.StatusCode);
        Assert.Contains("XML 格式错误", await notXml.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var wrongRoot = await publisher.PostAsync("/api/warnings/import", new StringContent("<feed xmlns=\"http://www.w3.org/2005/Atom\"/>", Encoding.UTF8, "application/xml"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, wrongRoot.StatusCode);
        Assert.Equal(count, (await publisher.GetFromJsonAsync<JsonElement>("/api/warnings/imported", Ct)).GetArrayLength());
    }

    [Fact]
    public async Task A_bad_draft_is_400_in_Chinese_and_outsiders_cannot_reach_warnings()
    {
        using var bureau = await app.LoginAsync("bureau");
        var heatBlue = await bureau.PostAsJsonAsync("/api/warnings", Draft(eventType: "heat-wave", level: "Blue"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, heatBlue.StatusCode);
        Assert.Contains("高温预警没有蓝色级别", await heatBlue.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var noArea = await bureau.PostAsJsonAsync("/api/warnings", Draft(communities: [], polygons: ["44.3,84.8 44.4,84.9 44.3,84.8"]), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, noArea.StatusCode);
        Assert.Contains("多边形至少需要 4 个点", await noArea.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var unknown = await bureau.PostAsJsonAsync("/api/warnings", Draft(communities: ["650202009009"]), Ct);
        Assert.Contains("不是本区的社区", await unknown.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        using var enterprise = await app.LoginAsync("enterprise");
        Assert.Equal(HttpStatusCode.Forbidden, (await enterprise.GetAsync("/api/warnings", Ct)).StatusCode);
        using var anonymous = app.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/warnings", Ct)).StatusCode);
        using var street = await app.LoginAsync("street");
        Assert.Equal(HttpStatusCode.Forbidden, (await street.PostAsJsonAsync("/api/warnings", Draft(), Ct)).StatusCode);
    }

    [Fact]
    public async Task The_area_resolves_to_its_communities_contacts_enterprises_and_the_web_page()
    {
        using var bureau = await app.LoginAsync("bureau");
        var id = await CreatedIdAsync(await bureau.PostAsJsonAsync("/api/warnings", Draft(communities: [Jinshan]), Ct));
        var recipients = (await bureau.GetFromJsonAsync<JsonElement>($"/api/warnings/{id}/recipients", Ct)).EnumerateArray().ToList();
        var communities = recipients.Select(r => r.GetProperty("communityCode").GetString()).Where(c => c is not null).Distinct().ToList();
        Assert.Equal([Jinshan], communities);
        Assert.Contains(recipients, r => r.GetProperty("category").GetString() == "Vulnerable" && r.GetProperty("channel").GetString() == "Sms");
        Assert.Contains(recipients, r => r.GetProperty("channel").GetString() == "Loudspeaker" && r.GetProperty("address").GetString() == $"LS-{Jinshan}-01");
        Assert.Contains(recipients, r => r.GetProperty("channel").GetString() == "WeCom");
        Assert.Contains(recipients, r => r.GetProperty("channel").GetString() == "Email");
        // 独山子区金山购物中心有限公司 is registered in 金山社区: its principal gets an SMS.
        Assert.Contains(recipients, r => r.GetProperty("category").GetString() == "Enterprise" && r.GetProperty("name").GetString()!.StartsWith("独山子区金山购物中心有限公司", StringComparison.Ordinal));
        Assert.Single(recipients, r => r.GetProperty("channel").GetString() == "WebPage");

        // A drawn polygon around 喀什路社区's centre (44.3225, 84.893) and nothing else brings in that community only.
        var drawn = await CreatedIdAsync(await bureau.PostAsJsonAsync("/api/warnings",
            Draft(communities: [], polygons: ["44.325,84.890 44.325,84.896 44.320,84.896 44.320,84.890 44.325,84.890"]), Ct));
        var inPolygon = (await bureau.GetFromJsonAsync<JsonElement>($"/api/warnings/{drawn}/recipients", Ct)).EnumerateArray()
            .Select(r => r.GetProperty("communityCode").GetString()).Where(c => c is not null).Distinct().ToList();
        Assert.Equal([Kashilu], inPolygon);
    }

    [Fact]
    public async Task Shelter_managers_of_shelters_inside_or_within_two_km_of_the_area_are_recipients()
    {
        using var bureau = await app.LoginAsync("bureau");
        static bool IsManagerOf(JsonElement r, string shelter) => r.GetProperty("category").GetString() == "ShelterManager"
            && r.GetProperty("name").GetString()!.StartsWith(shelter, StringComparison.Ordinal);

        // 独山子第三中学's shelter (BN003) is registered in 金山社区: inside a warning for that community, its manager gets an SMS.
        var id = await CreatedIdAsync(await bureau.PostAsJsonAsync("/api/warnings", Draft(communities: [Jinshan]), Ct));
        var recipients = (await bureau.GetFromJsonAsync<JsonElement>($"/api/warnings/{id}/recipients", Ct)).EnumerateArray().ToList();
        var manager = Assert.Single(recipients, r => IsManagerOf(r, "独山子第三中学避难场所"));
        Assert.Equal("Sms", manager.GetProperty("channel").GetString());
        Assert.Equal("0992-3600912", manager.GetProperty("address").GetString());
        Assert.Equal(0, manager.GetProperty("reach").GetInt32());   // not counted as a resident reached
        Assert.Equal(Jinshan, manager.GetProperty("communityCode").GetString());
        var shelters = (await bureau.GetFromJsonAsync<JsonElement>($"/api/warnings/{id}/shelters", Ct)).EnumerateArray().ToList();
        var inside = Assert.Single(shelters, s => s.GetProperty("code").GetString() == "BN003");
        Assert.True(inside.GetProperty("inside").GetBoolean());
        Assert.Equal(1000, inside.GetProperty("capacity").GetInt32());

        // A circle whose edge is 2.19 km north of BN003 leaves it out; a wider one whose edge is 1.89 km away takes it in.
        var rows = (await bureau.GetFromJsonAsync<JsonElement>("/api/resources/shelters", Ct)).EnumerateArray();
        var bn003 = rows.Single(r => r.GetProperty("code").GetString() == "BN003").GetProperty("id").GetGuid();
        var atlas = await bureau.GetFromJsonAsync<JsonElement>($"/api/resources/shelters/{bn003}", Ct);
        double lat = atlas.GetProperty("latitude").GetDouble(), lon = atlas.GetProperty("longitude").GetDouble();
        var north = (lat + 0.0225).ToString("0.000000", System.Globalization.CultureInfo.InvariantCulture);   // 2.49 km
        var east = lon.ToString("0.000000", System.Globalization.CultureInfo.InvariantCulture);
        var far = await CreatedIdAsync(await bureau.PostAsJsonAsync("/api/warnings", Draft(communities: [], circles: [$"{north},{east} 0.3"]), Ct));
        Assert.DoesNotContain((await bureau.GetFromJsonAsync<JsonElement>($"/api/warnings/{far}/recipients", Ct)).EnumerateArray(),
            r => IsManagerOf(r, "独山子第三中学避难场所"));
        var near = await CreatedIdAsync(await bureau.PostAsJsonAsync("/api/warnings", Draft(communities: [], circles: [$"{north},{east} 0.6"]), Ct));
        var outside = Assert.Single((await bureau.GetFromJsonAsync<JsonElement>($"/api/warnings/{near}/recipients", Ct)).EnumerateArray(),
            r => IsManagerOf(r, "独山子第三中学避难场所"));
        // Outside the area's communities: no community, so 金山社区's residents do not count as people in this area.
        Assert.Equal(JsonValueKind.Null, outside.GetProperty("communityCode").ValueKind);
        var nearby = (await bureau.GetFromJsonAsync<JsonElement>($"/api/warnings/{near}/shelters", Ct)).EnumerateArray()
            .Single(s => s.GetProperty("code").GetString() == "BN003");
        Assert.False(nearby.GetProperty("inside").GetBoolean());
        Assert.InRange(nearby.GetProperty("distanceKm").GetDouble(), 1.85, 1.95);
    }

    [Fact]
    public async Task The_warning_ledger_exports_to_Excel_with_level_area_times_status_and_coverage()
    {
        using var bureau = await app.LoginAsync("bureau");
        using var publisher = await app.LoginAsync("publisher");
        var headline = $"导出测试暴雨黄色预警 {Guid.NewGuid():N}"[..22];
        var id = await CreatedIdAsync(await bureau.PostAsJsonAsync("/api/warnings", Draft(headline, communities: [Jinshan]), Ct));
        var (identifier, _) = await ReleaseAsync(bureau, publisher, id);

        var response = await bureau.GetAsync("/api/warnings/export", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        using var book = new ClosedXML.Excel.XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync(Ct)));
        var sheet = book.Worksheet("预警信息台账");
        var headers = sheet.Row(1).CellsUsed().Select(c => c.GetString()).ToList();
        Assert.Equal(["预警编号", "报文类型", "事件类型", "级别", "标题", "区域", "生效时间", "失效时间", "状态", "起草人", "起草时间", "审核人", "发布时间",
            "区域内人数", "已覆盖人数", "覆盖率"], headers);
        var row = sheet.RowsUsed().Single(r => r.Cell(1).GetString() == identifier);
        string Cell(string header) => row.Cell(headers.IndexOf(header) + 1).GetString();
        Assert.Equal(headline, Cell("标题"));
        Assert.Contains("黄", Cell("级别"), StringComparison.Ordinal);
        Assert.Contains("金山社区", Cell("区域"), StringComparison.Ordinal);
        Assert.Equal("已发布", Cell("状态"));
        Assert.Equal("publisher", Cell("审核人"));
        Assert.Matches(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$", Cell("生效时间"));
        Assert.Equal(5900, row.Cell(headers.IndexOf("区域内人数") + 1).GetDouble());   // 金山社区's residents: nearby shelters add none
        // Drafts are in the ledger too, without coverage.
        var draft = await CreatedIdAsync(await bureau.PostAsJsonAsync("/api/warnings", Draft(headline + "草稿"), Ct));
        using var again = new ClosedXML.Excel.XLWorkbook(new MemoryStream(await bureau.GetByteArrayAsync("/api/warnings/export", Ct)));
        var draftRow = again.Worksheet(1).RowsUsed().Single(r => r.Cell(5).GetString() == headline + "草稿");
        Assert.Equal("草稿", draftRow.Cell(9).GetString());
        Assert.True(draftRow.Cell(14).IsEmpty());
        Assert.NotEqual(Guid.Empty, draft);

        using var enterprise = await app.LoginAsync("enterprise");
        Assert.Equal(HttpStatusCode.Forbidden, (await enterprise.GetAsync("/api/warnings/export", Ct)).StatusCode);
    }
}

[Collection(OnSqlite.Name)]
public sealed class WarningApiOnSqlite(SqliteApp app) : WarningApiTests(app);

[Collection(OnPostgres.Name)]
public sealed class WarningApiOnPostgres(PostgresApp app) : WarningApiTests(app);
