using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ClosedXML.Excel;

namespace Tianshan.Web.Tests.DisasterRisk;

/// <summary>The exposure census (承灾体调查) through HTTP on each database: one community's row set and refused with field
/// errors in Chinese, who may write which community, and the Excel ledger out and back in (good file stored, bad file stored
/// not at all with every problem by row and column). Every test puts back the demo's values: the risk-map tests read them.</summary>
public abstract class CommunityExposureApiTests(TianshanApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string OwnCommunity = "650202001001"; // the demo "community" user's, in the demo "street" user's street
    private const string SameStreet = "650202001002";
    private const string OtherStreet = "650202003004";

    private static readonly string[] CountFields =
    [
        "population", "households", "buildingsReinforcedConcrete", "buildingsMasonry", "buildingsWeak", "buildingsBefore1990",
        "buildings1990To2001", "buildingsAfter2001", "schools", "hospitals",
    ];

    private static async Task<List<JsonElement>> ListAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/disaster-risk/exposures", Ct)).EnumerateArray().ToList();

    private static async Task<JsonElement> RowAsync(HttpClient client, string code) => (await ListAsync(client)).Single(r => r.GetProperty("code").GetString() == code);

    private static Dictionary<string, int> Counts(JsonElement row) => CountFields.ToDictionary(f => f, f => row.GetProperty(f).GetInt32());

    private static Task<HttpResponseMessage> PutAsync(HttpClient client, Guid divisionId, Dictionary<string, int> counts) =>
        client.PutAsJsonAsync($"/api/disaster-risk/exposures/{divisionId}", counts, Ct);

    private static MultipartFormDataContent Upload(byte[] bytes)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        return new MultipartFormDataContent { { file, "file", "承灾体调查.xlsx" } };
    }

    /// <summary>The exported workbook with some cells changed: row found by its 社区代码, cells by header.</summary>
    private static byte[] Edit(byte[] export, params (string Code, string Header, string Value)[] edits)
    {
        using var book = new XLWorkbook(new MemoryStream(export));
        var sheet = book.Worksheet(1);
        var headers = sheet.Row(1).CellsUsed().ToDictionary(c => c.GetString(), c => c.Address.ColumnNumber);
        foreach (var (code, header, value) in edits)
        {
            var row = sheet.RowsUsed().Single(r => r.Cell(headers["社区代码"]).GetString() == code);
            row.Cell(headers[header]).SetValue(value);
        }
        using var stream = new MemoryStream();
        book.SaveAs(stream);
        return stream.ToArray();
    }

    private static async Task<JsonElement> ProblemsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("problems");
    }

    [Fact]
    public async Task The_bureau_sets_a_community_row_and_bad_numbers_are_refused_field_by_field_in_Chinese()
    {
        using var bureau = await app.LoginAsync("bureau");
        var list = await ListAsync(bureau);
        Assert.Equal(14, list.Count);
        Assert.All(list, r => Assert.True(r.GetProperty("recorded").GetBoolean()));
        var row = list.Single(r => r.GetProperty("code").GetString() == OtherStreet);
        var id = row.GetProperty("divisionId").GetGuid();
        var original = Counts(row);
        try
        {
            var changed = new Dictionary<string, int>(original)
            {
                ["population"] = 3000, ["households"] = 1200, ["buildingsReinforcedConcrete"] = 52, ["buildingsMasonry"] = 10, ["buildingsWeak"] = 1,
                ["buildingsBefore1990"] = 1, ["buildings1990To2001"] = 5, ["buildingsAfter2001"] = 57, ["schools"] = 1,
            };
            Assert.Equal(HttpStatusCode.NoContent, (await PutAsync(bureau, id, changed)).StatusCode);
            var stored = await RowAsync(bureau, OtherStreet);
            Assert.Equal(changed, Counts(stored));
            Assert.Equal(63, stored.GetProperty("buildings").GetInt32());

            var mismatch = await PutAsync(bureau, id, new(changed) { ["buildingsWeak"] = 9 });
            Assert.Equal(HttpStatusCode.BadRequest, mismatch.StatusCode);
            var errors = (await mismatch.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
            Assert.Equal("按结构统计的房屋总数（71）应与按建成年代统计的总数（63）一致", errors.GetProperty("buildings")[0].GetString());

            var negative = await PutAsync(bureau, id, new(changed) { ["population"] = -1, ["hospitals"] = -2 });
            errors = (await negative.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
            Assert.Equal("人口不能为负数", errors.GetProperty("population")[0].GetString());
            Assert.Equal("医院数不能为负数", errors.GetProperty("hospitals")[0].GetString());

            var households = await PutAsync(bureau, id, new(changed) { ["households"] = 3001 });
            Assert.Equal(HttpStatusCode.BadRequest, households.StatusCode);
            Assert.Contains("户数（3001）不能多于人口（3000）", await households.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

            Assert.Equal(changed, Counts(await RowAsync(bureau, OtherStreet))); // nothing stored by the refused requests

            Assert.Equal(HttpStatusCode.NotFound, (await PutAsync(bureau, Guid.NewGuid(), changed)).StatusCode);
            var street = (await bureau.GetFromJsonAsync<JsonElement>("/api/divisions", Ct)).EnumerateArray().First(d => d.GetProperty("code").GetString() == "650202001");
            var notCommunity = await PutAsync(bureau, street.GetProperty("id").GetGuid(), changed);
            Assert.Equal(HttpStatusCode.NotFound, notCommunity.StatusCode);
            Assert.Contains("社区不存在", await notCommunity.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }
        finally
        {
            Assert.Equal(HttpStatusCode.NoContent, (await PutAsync(bureau, id, original)).StatusCode);
        }
    }

    [Fact]
    public async Task Streets_and_communities_keep_their_own_rows_departments_only_read_and_enterprises_see_nothing()
    {
        using var bureau = await app.LoginAsync("bureau");
        var own = await RowAsync(bureau, OwnCommunity);
        var sameStreet = await RowAsync(bureau, SameStreet);
        var otherStreet = await RowAsync(bureau, OtherStreet);

        using var street = await app.LoginAsync("street");
        Assert.Equal(HttpStatusCode.NoContent, (await PutAsync(street, sameStreet.GetProperty("divisionId").GetGuid(), Counts(sameStreet))).StatusCode);
        var refused = await PutAsync(street, otherStreet.GetProperty("divisionId").GetGuid(), Counts(otherStreet));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("只能填报本辖区社区的承灾体数据", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        using var community = await app.LoginAsync("community");
        Assert.Equal(HttpStatusCode.NoContent, (await PutAsync(community, own.GetProperty("divisionId").GetGuid(), Counts(own))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PutAsync(community, sameStreet.GetProperty("divisionId").GetGuid(), Counts(sameStreet))).StatusCode);

        using var department = await app.LoginAsync("department");
        Assert.Equal(14, (await ListAsync(department)).Count);
        Assert.Equal(HttpStatusCode.Forbidden, (await PutAsync(department, own.GetProperty("divisionId").GetGuid(), Counts(own))).StatusCode);
        var export = await department.GetByteArrayAsync("/api/disaster-risk/exposures/export", Ct);
        Assert.Equal(HttpStatusCode.Forbidden, (await department.PostAsync("/api/disaster-risk/exposures/import", Upload(export), Ct)).StatusCode);

        using var enterprise = await app.LoginAsync("enterprise");
        Assert.Equal(HttpStatusCode.Forbidden, (await enterprise.GetAsync("/api/disaster-risk/exposures", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await enterprise.GetAsync("/api/disaster-risk/exposures/export", Ct)).StatusCode);

        Assert.Equal(Counts(own), Counts(await RowAsync(bureau, OwnCommunity)));
    }

    [Fact]
    public async Task The_export_imports_back_unchanged_and_an_edited_row_keyed_by_name_updates_its_community()
    {
        using var bureau = await app.LoginAsync("bureau");
        var before = (await ListAsync(bureau)).ToDictionary(r => r.GetProperty("code").GetString()!, Counts);
        var response = await bureau.GetAsync("/api/disaster-risk/exposures/export", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        var export = await response.Content.ReadAsByteArrayAsync(Ct);
        using (var book = new XLWorkbook(new MemoryStream(export)))
        {
            var sheet = book.Worksheet(1);
            Assert.Equal("承灾体调查", sheet.Name);
            Assert.Equal(["社区代码", "社区", "人口", "户数"], sheet.Row(1).CellsUsed().Take(4).Select(c => c.GetString()));
            Assert.Equal(15, sheet.LastRowUsed()!.RowNumber());
        }
        try
        {
            var same = await bureau.PostAsync("/api/disaster-risk/exposures/import", Upload(export), Ct);
            Assert.Equal(HttpStatusCode.OK, same.StatusCode);
            var report = await same.Content.ReadFromJsonAsync<JsonElement>(Ct);
            Assert.Equal(0, report.GetProperty("created").GetInt32());
            Assert.Equal(14, report.GetProperty("updated").GetInt32());
            Assert.Equal(before, (await ListAsync(bureau)).ToDictionary(r => r.GetProperty("code").GetString()!, Counts));

            // Keyed by name: the code cell emptied, the households changed.
            var edited = Edit(export, (OtherStreet, "户数", "999"), (OtherStreet, "社区代码", ""));
            var byName = await bureau.PostAsync("/api/disaster-risk/exposures/import", Upload(edited), Ct);
            Assert.Equal(HttpStatusCode.OK, byName.StatusCode);
            Assert.Equal(999, (await RowAsync(bureau, OtherStreet)).GetProperty("households").GetInt32());
        }
        finally
        {
            Assert.Equal(HttpStatusCode.OK, (await bureau.PostAsync("/api/disaster-risk/exposures/import", Upload(export), Ct)).StatusCode);
        }
        Assert.Equal(before, (await ListAsync(bureau)).ToDictionary(r => r.GetProperty("code").GetString()!, Counts));
    }

    [Fact]
    public async Task A_bad_file_is_refused_with_every_problem_by_row_and_column_and_nothing_is_stored()
    {
        using var bureau = await app.LoginAsync("bureau");
        var before = (await ListAsync(bureau)).ToDictionary(r => r.GetProperty("code").GetString()!, Counts);
        var export = await bureau.GetByteArrayAsync("/api/disaster-risk/exposures/export", Ct);
        var bad = Edit(export,
            (OwnCommunity, "户数", "2100"),                         // row 2: a good change, which must not be stored
            (SameStreet, "人口", "很多"),                            // row 3: not a number
            ("650202001003", "砖混结构房屋", "81"),                   // row 4: structure total 141 vs age total 140
            ("650202001004", "学校", "-1"),                         // row 5: negative
            ("650202001005", "社区代码", "650202999999"),            // row 6: no such community
            ("650202002001", "社区代码", SameStreet));              // row 7: the same community as row 3
        var problems = (await ProblemsAsync(await bureau.PostAsync("/api/disaster-risk/exposures/import", Upload(bad), Ct))).EnumerateArray()
            .Select(p => (Row: p.GetProperty("row").GetInt32(), Column: p.GetProperty("column").GetString(), Message: p.GetProperty("message").GetString()!)).ToList();

        Assert.Contains((3, "人口", "“很多”不是整数"), problems);
        Assert.Contains((4, "房屋合计", "按结构统计的房屋总数（141）应与按建成年代统计的总数（140）一致"), problems);
        Assert.Contains((5, "学校", "学校数不能为负数"), problems);
        Assert.Contains((6, "社区代码", "社区代码“650202999999”不存在"), problems);
        Assert.Contains(problems, p => p.Row == 7 && p.Column == "社区代码" && p.Message.StartsWith("与第3行是同一社区", StringComparison.Ordinal));
        Assert.DoesNotContain(problems, p => p.Row == 2);
        Assert.Equal(before, (await ListAsync(bureau)).ToDictionary(r => r.GetProperty("code").GetString()!, Counts));

        // A column missing, and a file that is not Excel at all.
        using (var book = new XLWorkbook(new MemoryStream(export)))
        {
            book.Worksheet(1).Column(4).Delete();
            using var stream = new MemoryStream();
            book.SaveAs(stream);
            var missing = (await ProblemsAsync(await bureau.PostAsync("/api/disaster-risk/exposures/import", Upload(stream.ToArray()), Ct)))[0];
            Assert.Equal(1, missing.GetProperty("row").GetInt32());
            Assert.Equal("缺少必需的列“户数”", missing.GetProperty("message").GetString());
        }
        var notExcel = (await ProblemsAsync(await bureau.PostAsync("/api/disaster-risk/exposures/import", Upload("社区,人口"u8.ToArray()), Ct)))[0];
        Assert.Contains("文件无法读取", notExcel.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, (await ListAsync(bureau)).ToDictionary(r => r.GetProperty("code").GetString()!, Counts));
    }

    [Fact]
    public async Task A_street_importing_another_streets_community_is_told_which_row_and_nothing_is_stored()
    {
        using var street = await app.LoginAsync("street");
        var before = (await ListAsync(street)).ToDictionary(r => r.GetProperty("code").GetString()!, Counts);
        var export = await street.GetByteArrayAsync("/api/disaster-risk/exposures/export", Ct);
        var problems = await ProblemsAsync(await street.PostAsync("/api/disaster-risk/exposures/import", Upload(export), Ct));
        var rows = problems.EnumerateArray().Select(p => p.GetProperty("row").GetInt32()).ToList();
        Assert.Equal(9, rows.Count); // the 9 communities of the two other streets; the 5 of its own are fine
        Assert.All(problems.EnumerateArray(), p => Assert.EndsWith("不在您的辖区内，不能填报", p.GetProperty("message").GetString(), StringComparison.Ordinal));
        Assert.Equal(before, (await ListAsync(street)).ToDictionary(r => r.GetProperty("code").GetString()!, Counts));
    }
}

[Collection(OnSqlite.Name)]
public sealed class CommunityExposureApiOnSqlite(SqliteApp app) : CommunityExposureApiTests(app);

[Collection(OnPostgres.Name)]
public sealed class CommunityExposureApiOnPostgres(PostgresApp app) : CommunityExposureApiTests(app);
