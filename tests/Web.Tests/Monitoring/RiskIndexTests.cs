using System.Net.Http.Json;
using System.Text.Json;

namespace Tianshan.Web.Tests.Monitoring;

public abstract class RiskIndexTests(TianshanApp app)
{
    [Fact]
    public async Task The_refinery_with_grade_one_sources_ranks_first_and_an_enterprise_sees_only_itself()
    {
        using var bureau = await app.LoginAsync("bureau");
        var rows = await bureau.GetFromJsonAsync<JsonElement>("/api/monitoring/risk-index");
        Assert.True(rows.GetArrayLength() >= 25);
        var top = rows[0];
        Assert.Equal("独山子石化公司", top.GetProperty("enterpriseName").GetString());
        Assert.True(top.GetProperty("result").GetProperty("index").GetDouble() >= 50);
        Assert.Equal(1, top.GetProperty("inputs").GetProperty("highestMajorHazardGrade").GetInt32());

        using var enterprise = await app.LoginAsync("enterprise2");
        var own = await enterprise.GetFromJsonAsync<JsonElement>("/api/monitoring/risk-index");
        Assert.Equal(1, own.GetArrayLength());
    }
}

[Collection(OnSqlite.Name)]
public sealed class RiskIndexOnSqlite(SqliteApp app) : RiskIndexTests(app);

[Collection(OnPostgres.Name)]
public sealed class RiskIndexOnPostgres(PostgresApp app) : RiskIndexTests(app);
