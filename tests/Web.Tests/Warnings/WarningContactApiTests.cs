using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ClosedXML.Excel;

namespace Tianshan.Web.Tests.Warnings;

/// <summary>The warning contact ledger (预警接收人名录) through HTTP on each database: each user sees and keeps only the
/// communities of their own jurisdiction, every field is checked with a Chinese message, an exact duplicate is a conflict, a
/// department reads but cannot write, and the ledger goes to Excel and back (all or nothing, problems by row and column).
/// The tests write only in 石油社区 (street user's) and 友谊社区 / 北苑社区 (outside that street) — communities the warning
/// tests' areas (金山社区, 喀什路社区) do not include, so their recipient lists and coverage are untouched.</summary>
public abstract class WarningContactApiTests(TianshanApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>西宁路街道 (the demo street user's street) → 石油社区; 天山社区 is the demo community user's own.</summary>
    private const string Shiyou = "650202001003";
    private const string Tianshan = "650202001001";
    /// <summary>金山路街道: outside the street user's jurisdiction.</summary>
    private const string Youyi = "650202002003";
    private const string Beiyuan = "650202002004";

    private static string Unique(string prefix) => prefix + Guid.NewGuid().ToString("N")[..6];

    /// <summary>A unique valid mobile number (139 block, 8 random digits).</summary>
    private static string Mobile() => "139" + Random.Shared.Next(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static object Contact(string community, string name, string channel = "Sms", string? address = null, string category = "Resident", int? reach = 1,
        string? note = null) => new { communityCode = community, name, category, channel, address = address ?? Mobile(), reach, note };

    private static async Task<JsonElement> CreatedAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        return JsonDocument.Parse(body).RootElement;
    }

    private static async Task<List<JsonElement>> ListAsync(HttpClient client, string? community = null) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/warnings/contacts" + (community is null ? "" : $"?community={community}"), Ct)).EnumerateArray().ToList();

    private static async Task<Dictionary<string, string>> FieldErrorsAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("errors").EnumerateObject()
            .ToDictionary(p => p.Name, p => string.Join("；", p.Value.EnumerateArray().Select(m => m.GetString())));
    }

    [Fact]
    public async Task Each_user_lists_only_the_communities_of_their_own_jurisdiction()
    {
        using var bureau = await app.LoginAsync("bureau");
        using var street = await app.LoginAsync("street");
        using var community = await app.LoginAsync("community");

        var all = await ListAsync(bureau);
        Assert.Equal(14, all.Select(c => c.GetProperty("communityCode").GetString()).Distinct().Count());
        var ofStreet = await ListAsync(street);
        Assert.NotEmpty(ofStreet);
        Assert.All(ofStreet, c => Assert.StartsWith("650202001", c.GetProperty("communityCode").GetString(), StringComparison.Ordinal));
        Assert.Equal(5, ofStreet.Select(c => c.GetProperty("communityCode").GetString()).Distinct().Count());
        var own = await ListAsync(community);
        Assert.NotEmpty(own);
        Assert.All(own, c => Assert.Equal(Tianshan, c.GetProperty("communityCode").GetString()));
        // Asking for another street's community gives nothing rather than its contacts.
        Assert.Empty(await ListAsync(street, Youyi));
        Assert.NotEmpty(await ListAsync(bureau, Youyi));
        Assert.Equal(5, (await street.GetFromJsonAsync<JsonElement>("/api/warnings/contacts/communities", Ct)).GetArrayLength());

        // Lists mask the phone (138****5678) and the e-mail; the name of the community is given.
        var sms = own.First(c => c.GetProperty("channel").GetString() == "Sms");
        var phone = sms.GetProperty("address").GetString()!;
        Assert.Equal(phone[..3] + "****" + phone[^4..], sms.GetProperty("maskedAddress").GetString());
        Assert.Equal("天山社区", sms.GetProperty("communityName").GetString());
        var mail = own.First(c => c.GetProperty("channel").GetString() == "Email");
        Assert.Matches(@"^6\*\*\*@demo\.dushanzi\.example$", mail.GetProperty("maskedAddress").GetString());
    }

    [Fact]
    public async Task A_street_adds_edits_and_deletes_a_contact_of_its_community_and_not_of_another_street()
    {
        using var street = await app.LoginAsync("street");
        var name = Unique("居民联系人");
        // Spaces and the +86 prefix are dropped: the number is stored as the SMS gateway sends to it.
        var created = await CreatedAsync(await street.PostAsJsonAsync("/api/warnings/contacts",
            Contact(Shiyou, name, address: "+86 139 0990 1234", reach: 3, note: "户籍 3 人"), Ct));
        var id = created.GetProperty("id").GetGuid();
        Assert.Equal("13909901234", created.GetProperty("address").GetString());
        Assert.Equal("139****1234", created.GetProperty("maskedAddress").GetString());
        var listed = Assert.Single(await ListAsync(street, Shiyou), c => c.GetProperty("id").GetGuid() == id);
        Assert.Equal(name, listed.GetProperty("name").GetString());
        Assert.Equal(3, listed.GetProperty("reach").GetInt32());

        // Edit: a loudspeaker terminal instead, reaching 800 people.
        var put = await street.PutAsJsonAsync($"/api/warnings/contacts/{id}", Contact(Shiyou, name + "大喇叭", "Loudspeaker", "LS-650202001003-09", "Device", 800), Ct);
        Assert.True(put.StatusCode == HttpStatusCode.OK, await put.Content.ReadAsStringAsync(Ct));
        var edited = await street.GetFromJsonAsync<JsonElement>($"/api/warnings/contacts/{id}", Ct);
        Assert.Equal("Loudspeaker", edited.GetProperty("channel").GetString());
        Assert.Equal("LS-650202001003-09", edited.GetProperty("address").GetString());
        Assert.Equal(800, edited.GetProperty("reach").GetInt32());
        Assert.Equal(JsonValueKind.Null, edited.GetProperty("note").ValueKind);

        // Another street's community: refused on create (a field error) and invisible for edit and delete (404).
        var outside = await FieldErrorsAsync(await street.PostAsJsonAsync("/api/warnings/contacts", Contact(Youyi, Unique("越界")), Ct));
        Assert.Equal("请选择您辖区内的社区", outside["communityCode"]);
        using var bureau = await app.LoginAsync("bureau");
        var theirs = (await CreatedAsync(await bureau.PostAsJsonAsync("/api/warnings/contacts", Contact(Beiyuan, Unique("北苑居民")), Ct))).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.NotFound, (await street.PutAsJsonAsync($"/api/warnings/contacts/{theirs}", Contact(Shiyou, "挪走"), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await street.DeleteAsync($"/api/warnings/contacts/{theirs}", Ct)).StatusCode);
        // Moving one's own contact to another street's community is refused like creating there.
        var move = await FieldErrorsAsync(await street.PutAsJsonAsync($"/api/warnings/contacts/{id}", Contact(Youyi, name), Ct));
        Assert.Equal("请选择您辖区内的社区", move["communityCode"]);

        Assert.Equal(HttpStatusCode.NoContent, (await street.DeleteAsync($"/api/warnings/contacts/{id}", Ct)).StatusCode);
        Assert.DoesNotContain(await ListAsync(street, Shiyou), c => c.GetProperty("id").GetGuid() == id);
        Assert.Equal(HttpStatusCode.NotFound, (await street.GetAsync($"/api/warnings/contacts/{id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await bureau.DeleteAsync($"/api/warnings/contacts/{theirs}", Ct)).StatusCode);
    }

    [Theory]
    [InlineData("name", "", "Sms", "13912345678", "Resident", 1, "请填写接收人名称")]
    [InlineData("name", "长名字长名字长名字长名字长名字长名字长名字长名字长名字长名字长名字长名字长名字长名字长名字长名字长名字长名字长名字长名字长名字长名字长名字长名字长名字长名字长名字长名字长名字长名字长名字长名字长名字长名字", "Sms", "13912345678", "Resident", 1, "不能超过 100 个字")]
    [InlineData("address", "王某", "Sms", "1391234567", "Resident", 1, "不是有效的手机号码")]
    [InlineData("address", "王某", "Sms", "12912345678", "Resident", 1, "不是有效的手机号码")]
    [InlineData("address", "王某", "Sms", "", "Resident", 1, "请填写手机号码")]
    [InlineData("address", "王某", "Email", "wang@", "Resident", 1, "不是有效的电子邮箱")]
    [InlineData("address", "群", "WeCom", "https://qyapi.weixin.qq.com/cgi-bin/webhook/send", "Device", 100, "没有 key 参数")]
    [InlineData("address", "群", "WeCom", "key with spaces", "Device", 100, "不是有效的企业微信群机器人 key")]
    [InlineData("address", "屏", "DisplayScreen", "屏幕一号", "Device", 100, "不是有效的终端编号")]
    [InlineData("channel", "网页", "WebPage", "/public/warnings", "Device", 1, "门户网站随预警发布自动送达")]
    [InlineData("channel", "王某", null, "13912345678", "Resident", 1, "请选择接收渠道")]
    [InlineData("category", "王某", "Sms", "13912345678", null, 1, "请选择人员类别")]
    [InlineData("reach", "王某", "Sms", "13912345678", "Resident", 0, "覆盖人数应为 1 至 100000 之间的整数")]
    [InlineData("reach", "大喇叭", "Loudspeaker", "LS-X-1", "Device", 100_001, "覆盖人数应为 1 至 100000 之间的整数")]
    public async Task A_bad_field_is_refused_with_its_Chinese_message_and_nothing_is_stored(string field, string name, string? channel, string address,
        string? category, int reach, string message)
    {
        using var street = await app.LoginAsync("street");
        var before = (await ListAsync(street, Shiyou)).Count;
        var response = await street.PostAsJsonAsync("/api/warnings/contacts",
            new { communityCode = Shiyou, name, category, channel, address, reach }, Ct);
        var errors = await FieldErrorsAsync(response);
        Assert.True(errors.ContainsKey(field), string.Join(" | ", errors));
        Assert.Contains(message, errors[field], StringComparison.Ordinal);
        Assert.Equal(before, (await ListAsync(street, Shiyou)).Count);
    }

    [Fact]
    public async Task A_long_note_and_a_missing_community_are_refused_together_with_every_field()
    {
        using var bureau = await app.LoginAsync("bureau");
        var errors = await FieldErrorsAsync(await bureau.PostAsJsonAsync("/api/warnings/contacts",
            new { name = "", channel = "Sms", address = "abc", reach = -5, note = new string('备', 501) }, Ct));
        Assert.Equal("请选择社区", errors["communityCode"]);
        Assert.Equal("请填写接收人名称", errors["name"]);
        Assert.Equal("请选择人员类别", errors["category"]);
        Assert.Contains("不是有效的手机号码", errors["address"], StringComparison.Ordinal);
        Assert.Contains("覆盖人数", errors["reach"], StringComparison.Ordinal);
        Assert.Equal("备注不能超过 500 个字", errors["note"]);
    }

    [Fact]
    public async Task A_WeCom_webhook_URL_is_kept_as_its_robot_key_and_valid_addresses_of_each_channel_are_taken()
    {
        using var bureau = await app.LoginAsync("bureau");
        var key = Guid.NewGuid().ToString();
        var robot = await CreatedAsync(await bureau.PostAsJsonAsync("/api/warnings/contacts",
            Contact(Youyi, Unique("友谊群"), "WeCom", $"https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key={key}", "Device", 300), Ct));
        Assert.Equal(key, robot.GetProperty("address").GetString());
        Assert.Equal(key[..4] + "****" + key[^4..], robot.GetProperty("maskedAddress").GetString());
        var mail = await CreatedAsync(await bureau.PostAsJsonAsync("/api/warnings/contacts",
            Contact(Youyi, Unique("友谊邮箱"), "Email", $"{Unique("duty")}@youyi.example.cn", "CommunityStaff"), Ct));
        var screen = await CreatedAsync(await bureau.PostAsJsonAsync("/api/warnings/contacts",
            Contact(Youyi, Unique("友谊屏"), "DisplayScreen", Unique("SCR-YY-"), "Device", 500), Ct));
        foreach (var c in new[] { robot, mail, screen })
            Assert.Equal(HttpStatusCode.NoContent, (await bureau.DeleteAsync($"/api/warnings/contacts/{c.GetProperty("id").GetGuid()}", Ct)).StatusCode);
    }

    [Fact]
    public async Task The_same_community_channel_and_address_twice_is_a_conflict_with_a_Chinese_message()
    {
        using var street = await app.LoginAsync("street");
        var phone = Mobile();
        var first = await CreatedAsync(await street.PostAsJsonAsync("/api/warnings/contacts", Contact(Shiyou, Unique("张某"), address: phone), Ct));
        // The same number written another way is the same recipient.
        var again = await street.PostAsJsonAsync("/api/warnings/contacts", Contact(Shiyou, Unique("张某某"), address: $"{phone[..3]}-{phone[3..7]}-{phone[7..]}"), Ct);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("本社区已登记相同短信地址的接收人", (await again.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        // Another community, or another channel, is not a duplicate.
        var elsewhere = await CreatedAsync(await street.PostAsJsonAsync("/api/warnings/contacts", Contact("650202001004", Unique("张某"), address: phone), Ct));
        // Editing another entry into the first one's address is the same conflict; editing the entry itself is not.
        var second = await CreatedAsync(await street.PostAsJsonAsync("/api/warnings/contacts", Contact(Shiyou, Unique("李某")), Ct));
        Assert.Equal(HttpStatusCode.Conflict,
            (await street.PutAsJsonAsync($"/api/warnings/contacts/{second.GetProperty("id").GetGuid()}", Contact(Shiyou, "李某", address: phone), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK,
            (await street.PutAsJsonAsync($"/api/warnings/contacts/{first.GetProperty("id").GetGuid()}", Contact(Shiyou, "张某（改）", address: phone, reach: 2), Ct)).StatusCode);
        foreach (var c in new[] { first, elsewhere, second })
            await street.DeleteAsync($"/api/warnings/contacts/{c.GetProperty("id").GetGuid()}", Ct);
    }

    [Fact]
    public async Task A_department_user_reads_the_ledger_but_cannot_change_or_import_it()
    {
        using var department = await app.LoginAsync("department");
        using var bureau = await app.LoginAsync("bureau");
        Assert.NotEmpty(await ListAsync(department, Youyi));
        var create = await department.PostAsJsonAsync("/api/warnings/contacts", Contact(Youyi, Unique("部门")), Ct);
        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        Assert.Contains("您的角色不能维护预警接收人名录", (await create.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        var someone = (await ListAsync(bureau, Youyi))[0].GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Forbidden, (await department.PutAsJsonAsync($"/api/warnings/contacts/{someone}", Contact(Youyi, "改"), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await department.DeleteAsync($"/api/warnings/contacts/{someone}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await department.PostAsync("/api/warnings/contacts/import", Upload(await department.GetByteArrayAsync("/api/warnings/contacts/export", Ct)), Ct)).StatusCode);
        Assert.Contains(await ListAsync(bureau, Youyi), c => c.GetProperty("id").GetGuid() == someone);
    }

    private static MultipartFormDataContent Upload(byte[] bytes)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        return new MultipartFormDataContent { { file, "file", "预警接收人名录.xlsx" } };
    }

    /// <summary>The template's first sheet with the rows written under its headers (by header name).</summary>
    private static async Task<MultipartFormDataContent> FromTemplateAsync(HttpClient client, params Dictionary<string, string>[] rows)
    {
        using var book = new XLWorkbook(new MemoryStream(await client.GetByteArrayAsync("/api/warnings/contacts/import-template", Ct)));
        var sheet = book.Worksheet(1);
        var headers = sheet.Row(1).CellsUsed().ToDictionary(c => c.GetString(), c => c.Address.ColumnNumber);
        for (var r = 0; r < rows.Length; r++)
        {
            foreach (var (header, value) in rows[r])
                sheet.Cell(r + 2, headers[header]).SetValue(value);
        }
        using var stream = new MemoryStream();
        book.SaveAs(stream);
        return Upload(stream.ToArray());
    }

    private static Dictionary<string, string> Row(string community, string name, string category, string channel, string address, string reach = "", string note = "") =>
        new() { ["社区"] = community, ["接收人"] = name, ["人员类别"] = category, ["接收渠道"] = channel, ["号码或地址"] = address, ["覆盖人数"] = reach, ["备注"] = note };

    [Fact]
    public async Task The_template_lists_the_columns_and_what_each_accepts()
    {
        using var street = await app.LoginAsync("street");
        using var book = new XLWorkbook(new MemoryStream(await street.GetByteArrayAsync("/api/warnings/contacts/import-template", Ct)));
        Assert.Equal(["社区代码", "社区", "接收人", "人员类别", "接收渠道", "号码或地址", "覆盖人数", "备注"],
            book.Worksheet(1).Row(1).CellsUsed().Select(c => c.GetString()));
        Assert.Equal(1, book.Worksheet(1).LastRowUsed()!.RowNumber());
        var notes = string.Join("\n", book.Worksheet("填写说明").RowsUsed().Select(r => r.Cell(2).GetString()));
        Assert.Contains("11 位手机号码", notes, StringComparison.Ordinal);
        Assert.Contains("社区大喇叭", notes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_good_file_is_stored_by_community_name_and_a_file_with_bad_rows_stores_nothing_and_names_each_row_and_column()
    {
        using var street = await app.LoginAsync("street");
        var before = (await ListAsync(street, Shiyou)).Count;
        var (a, b) = (Unique("导入居民"), Unique("导入老人"));
        var (phoneA, phoneB) = (Mobile(), Mobile());
        using (var good = await FromTemplateAsync(street,
            Row("石油社区", a, "居民联系人", "短信", phoneA, "3", "户籍 3 人"),
            Row("石油社区", b, "易受影响人群", "短信", phoneB)))
        {
            var response = await street.PostAsync("/api/warnings/contacts/import", good, Ct);
            var report = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
            Assert.True(response.StatusCode == HttpStatusCode.OK, report.ToString());
            Assert.Equal(2, report.GetProperty("created").GetInt32());
        }
        var listed = await ListAsync(street, Shiyou);
        Assert.Equal(before + 2, listed.Count);
        var imported = listed.Single(c => c.GetProperty("name").GetString() == a);
        Assert.Equal(3, imported.GetProperty("reach").GetInt32());
        Assert.Equal(1, listed.Single(c => c.GetProperty("name").GetString() == b).GetProperty("reach").GetInt32());

        var untouched = Unique("好行");
        using var bad = await FromTemplateAsync(street,
            Row("石油社区", untouched, "居民联系人", "短信", Mobile()),
            Row("石油社区", Unique("坏号"), "居民联系人", "短信", "1234"),
            Row("友谊社区", Unique("越界"), "居民联系人", "短信", Mobile()),
            Row("石油社区", Unique("类别"), "保安", "短信", Mobile()),
            Row("石油社区", Unique("网页"), "设备/群组", "门户网站", "/public/warnings"),
            Row("石油社区", Unique("重复"), "居民联系人", "短信", phoneA, "5"),
            Row("石油社区", Unique("重复"), "居民联系人", "短信", phoneA, "6"),
            Row("石油社区", "", "居民联系人", "短信", Mobile(), "很多"));
        var refused = await street.PostAsync("/api/warnings/contacts/import", bad, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problems = (await refused.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("problems").EnumerateArray()
            .Select(p => (Row: p.GetProperty("row").GetInt32(), Column: p.GetProperty("column").GetString(), Message: p.GetProperty("message").GetString()!)).ToList();
        void Has(int row, string column, string text) =>
            Assert.True(problems.Any(p => p.Row == row && p.Column == column && p.Message.Contains(text, StringComparison.Ordinal)),
                $"row {row} {column} “{text}” not in: {string.Join(" | ", problems)}");
        Has(3, "号码或地址", "“1234”不是有效的手机号码");
        Has(4, "社区", "社区“友谊社区”不存在或不在您的管辖范围内");
        Has(5, "人员类别", "“保安”应为");
        Has(6, "接收渠道", "门户网站随预警发布自动送达");
        Has(8, "号码或地址", "与第7行是同一接收人");
        Has(9, "接收人", "请填写接收人名称");
        Has(9, "覆盖人数", "“很多”不是整数");
        Assert.DoesNotContain(problems, p => p.Row == 2 || p.Row == 7);

        // Nothing stored: the good row is not there, and row 7's new reach did not touch the stored contact.
        var after = await ListAsync(street, Shiyou);
        Assert.Equal(before + 2, after.Count);
        Assert.DoesNotContain(after, c => c.GetProperty("name").GetString() == untouched);
        Assert.Equal(3, after.Single(c => c.GetProperty("name").GetString() == a).GetProperty("reach").GetInt32());
        foreach (var c in after.Where(c => c.GetProperty("name").GetString() is { } n && (n == a || n == b)))
            await street.DeleteAsync($"/api/warnings/contacts/{c.GetProperty("id").GetGuid()}", Ct);
    }

    [Fact]
    public async Task An_export_imports_back_unchanged_and_an_edited_export_updates_in_place()
    {
        using var community = await app.LoginAsync("community");
        var before = await ListAsync(community);
        var export = await community.GetByteArrayAsync("/api/warnings/contacts/export", Ct);
        using (var book = new XLWorkbook(new MemoryStream(export)))
        {
            var sheet = book.Worksheet(1);
            Assert.Equal(before.Count + 1, sheet.LastRowUsed()!.RowNumber());
            // Full addresses in the file (it is the ledger to edit and import back), not the list's masked ones.
            var phones = sheet.Column(6).CellsUsed().Skip(1).Select(c => c.GetString()).ToList();
            Assert.Contains(before.First(c => c.GetProperty("channel").GetString() == "Sms").GetProperty("address").GetString(), phones);
        }
        var response = await community.PostAsync("/api/warnings/contacts/import", Upload(export), Ct);
        var report = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, report.ToString());
        Assert.Equal(0, report.GetProperty("created").GetInt32());
        Assert.Equal(before.Count, report.GetProperty("updated").GetInt32());
        Assert.Equal(before.Select(c => c.ToString()), (await ListAsync(community)).Select(c => c.ToString()));

        // An edited export: one contact's reach and note change, one row is added; nothing else moves.
        using var edited = new XLWorkbook(new MemoryStream(export));
        var rows = edited.Worksheet(1);
        var target = rows.RowsUsed().Skip(1).First(r => r.Cell(5).GetString() == "社区大喇叭");
        var (name, reach) = (target.Cell(3).GetString(), target.Cell(7).GetValue<int>());
        target.Cell(7).Value = reach + 1;
        target.Cell(8).SetValue("东区加装一只喇叭");
        var added = Unique("新楼栋长");
        var last = rows.LastRowUsed()!.RowNumber() + 1;
        foreach (var (column, value) in new[] { (1, Tianshan), (3, added), (4, "社区工作人员"), (5, "短信"), (6, Mobile()) })
            rows.Cell(last, column).SetValue(value);
        using var stream = new MemoryStream();
        edited.SaveAs(stream);
        var second = await (await community.PostAsync("/api/warnings/contacts/import", Upload(stream.ToArray()), Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(second.GetProperty("stored").GetBoolean(), second.ToString());
        Assert.Equal(1, second.GetProperty("created").GetInt32());
        var after = await ListAsync(community);
        Assert.Equal(before.Count + 1, after.Count);
        var speaker = after.Single(c => c.GetProperty("name").GetString() == name);
        Assert.Equal(reach + 1, speaker.GetProperty("reach").GetInt32());
        Assert.Equal("东区加装一只喇叭", speaker.GetProperty("note").GetString());

        // Put back what the demo had, so other tests of this database see the demo ledger.
        var demo = before.Single(c => c.GetProperty("name").GetString() == name);
        Assert.Equal(HttpStatusCode.OK, (await community.PutAsJsonAsync($"/api/warnings/contacts/{speaker.GetProperty("id").GetGuid()}", new
        {
            communityCode = Tianshan, name, category = "Device", channel = "Loudspeaker", address = demo.GetProperty("address").GetString(), reach,
            note = (string?)null,
        }, Ct)).StatusCode);
        await community.DeleteAsync($"/api/warnings/contacts/{after.Single(c => c.GetProperty("name").GetString() == added).GetProperty("id").GetGuid()}", Ct);
        Assert.Equal(before.Select(c => c.ToString()), (await ListAsync(community)).Select(c => c.ToString()));
    }
}

[Collection(OnSqlite.Name)]
public sealed class WarningContactApiOnSqlite(SqliteApp app) : WarningContactApiTests(app);

[Collection(OnPostgres.Name)]
public sealed class WarningContactApiOnPostgres(PostgresApp app) : WarningContactApiTests(app);
