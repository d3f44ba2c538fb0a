using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ClosedXML.Excel;

namespace Tianshan.Web.Tests.People;

/// <summary>The Excel import of people and certificates through HTTP on each database: the template, a good file stored,
/// a bad file stored not at all with every problem by row, and an export that imports back unchanged.</summary>
public abstract class PeopleImportApiTests(TianshanApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DateTime);

    private static string Unique(string prefix) => prefix + Guid.NewGuid().ToString("N")[..6];

    private static async Task<(Guid Id, string Name)> OwnEnterpriseAsync(HttpClient client)
    {
        var e = (await client.GetFromJsonAsync<JsonElement>("/api/enterprises", Ct)).GetProperty("items")[0];
        return (e.GetProperty("id").GetGuid(), e.GetProperty("name").GetString()!);
    }

    /// <summary>The template's first sheet with the given rows written under its headers (by header name, so the test does
    /// not depend on the column order).</summary>
    private static async Task<MultipartFormDataContent> FromTemplateAsync(HttpClient client, params Dictionary<string, string>[] rows)
    {
        using var book = new XLWorkbook(new MemoryStream(await client.GetByteArrayAsync("/api/people/import-template", Ct)));
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

    private static MultipartFormDataContent Upload(byte[] bytes)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        return new MultipartFormDataContent { { file, "file", "人员.xlsx" } };
    }

    private static async Task<List<JsonElement>> PeopleAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/people", Ct)).EnumerateArray().ToList();

    private static Dictionary<string, string> Row(string unit, string name, string role, string? kind = null, string? number = null, string? category = null,
        DateOnly? issued = null, DateOnly? expires = null, string authority = "克拉玛依市应急管理局")
    {
        var row = new Dictionary<string, string> { ["单位"] = unit, ["姓名"] = name, ["人员类别"] = role };
        if (kind is null)
            return row;
        row["证书类型"] = kind;
        row["证书编号"] = number ?? "";
        row["作业类别"] = category ?? "";
        row["发证机关"] = authority;
        row["发证日期"] = issued is { } i ? Day(i) : "";
        row["有效期至"] = expires is { } e ? Day(e) : "";
        return row;
    }

    [Fact]
    public async Task The_template_has_the_export_columns_and_a_sheet_saying_what_each_accepts()
    {
        using var enterprise = await app.LoginAsync("enterprise");
        using var book = new XLWorkbook(new MemoryStream(await enterprise.GetByteArrayAsync("/api/people/import-template", Ct)));
        var headers = book.Worksheet(1).Row(1).CellsUsed().Select(c => c.GetString()).ToList();
        Assert.Equal(["单位", "姓名", "人员类别", "岗位", "电话", "入职日期", "证书类型", "作业类别", "证书编号", "发证机关", "发证日期", "有效期至", "统一社会信用代码"], headers);
        Assert.Equal(1, book.Worksheet(1).LastRowUsed()!.RowNumber());
        Assert.Contains(book.Worksheet("填写说明").RowsUsed(), r => r.Cell(2).GetString().Contains("特种作业人员", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_good_file_stores_people_with_their_certificates_and_the_bureau_its_own_staff()
    {
        using var enterprise = await app.LoginAsync("enterprise");
        var (own, unit) = await OwnEnterpriseAsync(enterprise);
        var welder = Unique("导入焊工");
        var clerk = Unique("导入职工");
        var (n1, n2) = (Unique("IMP-T1-"), Unique("IMP-T2-"));
        using var file = await FromTemplateAsync(enterprise,
            Row(unit, welder, "特种作业人员", "特种作业操作证", n1, "焊接与热切割作业", Today.AddYears(-1), Today.AddYears(5)),
            Row(unit, welder, "特种作业人员", "特种作业操作证", n2, "电工作业", Today.AddYears(-2), Today.AddDays(25)),
            Row("", clerk, "从业人员"));
        var response = await enterprise.PostAsync("/api/people/import", file, Ct);
        var report = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, report.ToString());
        Assert.Equal(4, report.GetProperty("created").GetInt32()); // two people, two certificates

        var people = await PeopleAsync(enterprise);
        var stored = people.Single(p => p.GetProperty("name").GetString() == welder);
        Assert.Equal(own, stored.GetProperty("enterpriseId").GetGuid());
        Assert.Equal("SpecialOperationWorker", stored.GetProperty("role").GetString());
        var certificates = stored.GetProperty("certificates").EnumerateArray().ToList();
        Assert.Equal([n2, n1], certificates.Select(c => c.GetProperty("number").GetString()));
        Assert.Equal("ExpiringSoon", certificates[0].GetProperty("state").GetString());
        Assert.Single(people, p => p.GetProperty("name").GetString() == clerk);

        // The bureau imports its own staff (单位 区应急管理局); an enterprise cannot.
        using var bureau = await app.LoginAsync("bureau");
        var cadre = Unique("导入干部");
        using var staffFile = await FromTemplateAsync(bureau, Row("区应急管理局", cadre, "局机关工作人员", "行政执法证", Unique("ZF-"), null, Today.AddYears(-1), Today.AddYears(4)));
        Assert.Equal(HttpStatusCode.OK, (await bureau.PostAsync("/api/people/import", staffFile, Ct)).StatusCode);
        Assert.Contains(await PeopleAsync(bureau), p => p.GetProperty("name").GetString() == cadre && p.GetProperty("enterpriseId").ValueKind == JsonValueKind.Null);
        using var notOurs = await FromTemplateAsync(enterprise, Row("区应急管理局", Unique("冒充干部"), "局机关工作人员"));
        var refused = await enterprise.PostAsync("/api/people/import", notOurs, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("只能导入本企业", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_with_bad_rows_stores_nothing_and_lists_each_problem_by_row_and_column()
    {
        using var enterprise = await app.LoginAsync("enterprise");
        using var other = await app.LoginAsync("enterprise2");
        var (_, unit) = await OwnEnterpriseAsync(enterprise);
        var (_, otherUnit) = await OwnEnterpriseAsync(other);
        var before = await PeopleAsync(enterprise);
        var good = Unique("好人员");
        var number = Unique("IMP-D-");
        using var file = await FromTemplateAsync(enterprise,
            Row(unit, good, "安全生产管理人员", "安全生产管理人员安全生产知识和管理能力考核合格证", Unique("IMP-G-"), null, Today.AddYears(-1), Today.AddYears(2)),
            Row(unit, Unique("类别错"), "保安"),
            Row(unit, Unique("日期错"), "特种作业人员", "特种作业操作证", Unique("IMP-E-"), "电工作业", Today, Today.AddYears(-1)),
            Row(otherUnit, Unique("他企业"), "从业人员"),
            Row(unit, Unique("无类别"), "特种作业人员", "特种作业操作证", number, "", Today.AddYears(-1), Today.AddYears(5)),
            Row(unit, Unique("重号"), "特种作业人员", "特种作业操作证", number, "高处作业", Today.AddYears(-1), Today.AddYears(5)),
            Row(unit, "", "从业人员"));
        var response = await enterprise.PostAsync("/api/people/import", file, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var report = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.False(report.GetProperty("stored").GetBoolean());
        var problems = report.GetProperty("problems").EnumerateArray()
            .Select(p => (Row: p.GetProperty("row").GetInt32(), Column: p.GetProperty("column").GetString(), Message: p.GetProperty("message").GetString()!)).ToList();
        void Has(int row, string column, string text) =>
            Assert.True(problems.Any(p => p.Row == row && p.Column == column && p.Message.Contains(text, StringComparison.Ordinal)),
                $"row {row} {column} “{text}” not in: {string.Join(" | ", problems)}");
        Has(3, "人员类别", "“保安”应为");
        Has(4, "有效期至", "有效期至应晚于发证日期");
        Has(5, "单位", "只能导入本企业");
        Has(6, "作业类别", "特种作业操作证应填写作业类别");
        Has(7, "证书编号", "与第6行");
        Has(8, "姓名", "姓名不能为空");
        Assert.DoesNotContain(problems, p => p.Row == 2);

        // Nothing stored, the good row included.
        var after = await PeopleAsync(enterprise);
        Assert.Equal(before.Count, after.Count);
        Assert.DoesNotContain(after, p => p.GetProperty("name").GetString() == good);
    }

    [Fact]
    public async Task An_export_imports_back_unchanged_and_never_duplicates()
    {
        using var enterprise = await app.LoginAsync("enterprise");
        var before = await PeopleAsync(enterprise);
        var export = await enterprise.GetByteArrayAsync("/api/people/export", Ct);
        var response = await enterprise.PostAsync("/api/people/import", Upload(export), Ct);
        var report = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, report.ToString());
        Assert.Equal(0, report.GetProperty("created").GetInt32());
        Assert.Equal(before.Count + before.Sum(p => p.GetProperty("certificates").GetArrayLength()), report.GetProperty("updated").GetInt32());

        var after = await PeopleAsync(enterprise);
        Assert.Equal(before.Select(p => p.ToString()), after.Select(p => p.ToString()));
        static List<string> Cells(byte[] bytes)
        {
            using var book = new XLWorkbook(new MemoryStream(bytes));
            return book.Worksheet(1).RowsUsed().SelectMany(r => r.Cells(1, 14).Select(c => c.GetString())).ToList();
        }
        Assert.Equal(Cells(export), Cells(await enterprise.GetByteArrayAsync("/api/people/export", Ct)));

        // An edited export updates in place: a new phone for one person, a new expiry for one certificate.
        using var book = new XLWorkbook(new MemoryStream(export));
        var sheet = book.Worksheet(1);
        var row = sheet.RowsUsed().Skip(1).First(r => r.Cell(9).GetString().Length > 0);
        var (name, number) = (row.Cell(2).GetString(), row.Cell(9).GetString());
        foreach (var same in sheet.RowsUsed().Where(r => r.Cell(2).GetString() == name))
            same.Cell(5).SetValue("0990-6666666"); // every row of the person: rows of one person must agree
        var expires = Today.AddYears(3);
        row.Cell(12).SetValue(Day(expires));
        using var edited = new MemoryStream();
        book.SaveAs(edited);
        Assert.Equal(HttpStatusCode.OK, (await enterprise.PostAsync("/api/people/import", Upload(edited.ToArray()), Ct)).StatusCode);
        var person = (await PeopleAsync(enterprise)).Single(p => p.GetProperty("name").GetString() == name);
        Assert.Equal("0990-6666666", person.GetProperty("phone").GetString());
        Assert.Equal(Day(expires), person.GetProperty("certificates").EnumerateArray().Single(c => c.GetProperty("number").GetString() == number).GetProperty("expiresOn").GetString());
        Assert.Equal(before.Count, (await PeopleAsync(enterprise)).Count);
    }
}

[Collection(OnSqlite.Name)]
public sealed class PeopleImportApiOnSqlite(SqliteApp app) : PeopleImportApiTests(app);

[Collection(OnPostgres.Name)]
public sealed class PeopleImportApiOnPostgres(PostgresApp app) : PeopleImportApiTests(app);
