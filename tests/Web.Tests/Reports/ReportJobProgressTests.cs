using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Tianshan.Core.Reports;
using Tianshan.Web.Features.Reports;

namespace Tianshan.Web.Tests.Reports;

/// <summary>A section the test holds open, so a running job's progress can be seen, and one that fails on its first run,
/// registered the way the drills and training sections will be (<see cref="ReportRegistration.AddReportSection{T}"/>).</summary>
public sealed class ReportGate
{
    public SemaphoreSlim Open { get; } = new(0);
    public int FailuresLeft { get; set; } = 1;
}

public sealed class GateSection(ReportGate gate) : IReportSection
{
    public int Order => 15;
    public string Title => "测试闸门";
    public bool AppliesTo(ReportKind kind) => kind == ReportKind.Annual;

    public async Task<ReportSectionContent> BuildAsync(ReportContext context, CancellationToken ct)
    {
        await gate.Open.WaitAsync(ct);
        return ReportSectionContent.Of(["闸门已打开。"]);
    }
}

public sealed class FlakySection(ReportGate gate) : IReportSection
{
    public int Order => 25;
    public string Title => "演练（测试）";
    public bool AppliesTo(ReportKind kind) => kind == ReportKind.Annual;

    public Task<ReportSectionContent> BuildAsync(ReportContext context, CancellationToken ct)
    {
        if (gate.FailuresLeft-- > 0)
            throw new InvalidOperationException("演练记录数据源不可用");
        return Task.FromResult(ReportSectionContent.Of(["本年开展演练 0 次。"]));
    }
}

public sealed class GatedSqliteApp : SqliteApp
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s => s.AddSingleton<ReportGate>().AddReportSection<GateSection>().AddReportSection<FlakySection>());
    }
}

public sealed class GatedPostgresApp : PostgresApp
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s => s.AddSingleton<ReportGate>().AddReportSection<GateSection>().AddReportSection<FlakySection>());
    }
}

[CollectionDefinition(Name)]
public sealed class GatedReportsOnSqlite : ICollectionFixture<GatedSqliteApp>
{
    public const string Name = "SQLite with gated report sections";
}

[CollectionDefinition(Name)]
public sealed class GatedReportsOnPostgres : ICollectionFixture<GatedPostgresApp>
{
    public const string Name = "PostgreSQL with gated report sections";
}

/// <summary>The job API while a report is being built (status, progress and the section being built), a failure that says
/// why in Chinese and keeps the job's parameters, and the retry that then produces the files.</summary>
public abstract class ReportJobProgressTests(TianshanApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_job_shows_the_section_being_built_then_fails_in_Chinese_and_a_retry_with_the_same_parameters_succeeds()
    {
        var gate = app.Services.GetRequiredService<ReportGate>();
        using var bureau = await app.LoginAsync("bureau");
        var job = await ReportApiTests.StartAsync(bureau, "annual", new { year = 2019 });
        var id = job.GetProperty("id").GetGuid();
        var title = job.GetProperty("title").GetString();
        Assert.Equal("独山子区安全生产和应急管理工作年报（2019年）", title);

        // Held at the gate: running, part way, naming the section.
        System.Text.Json.JsonElement view = default;
        for (var i = 0; i < 300; i++)
        {
            view = await bureau.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/reports/jobs/{id}", Ct);
            if (view.GetProperty("step").GetString() == "测试闸门")
                break;
            await Task.Delay(100, Ct);
        }
        Assert.Equal("测试闸门", view.GetProperty("step").GetString());
        Assert.Equal("Running", view.GetProperty("status").GetString());
        Assert.Equal("生成中", view.GetProperty("statusLabel").GetString());
        Assert.InRange(view.GetProperty("progress").GetInt32(), 1, 89);
        Assert.Equal(HttpStatusCode.Conflict, (await bureau.GetAsync($"/api/reports/jobs/{id}/file.pdf", Ct)).StatusCode);

        gate.Open.Release(3);
        var failed = (await ReportApiTests.FollowAsync(bureau, id))[^1];
        Assert.Equal("Failed", failed.GetProperty("status").GetString());
        Assert.Equal("生成“演练（测试）”时失败：演练记录数据源不可用。报表参数已保留，可重新生成。", failed.GetProperty("error").GetString());
        Assert.Empty(failed.GetProperty("files").EnumerateArray());

        var retry = await bureau.PostAsync($"/api/reports/jobs/{id}/retry", null, Ct);
        Assert.Equal(HttpStatusCode.Accepted, retry.StatusCode);
        var done = (await ReportApiTests.FollowAsync(bureau, id))[^1];
        Assert.True(done.GetProperty("status").GetString() == "Succeeded", done.ToString());
        Assert.Equal(2, done.GetProperty("attempts").GetInt32());
        Assert.Equal(title, done.GetProperty("title").GetString());
        Assert.Equal(2019, done.GetProperty("year").GetInt32());
        var pdf = await PdfText.OfAsync(await bureau.GetByteArrayAsync($"/api/reports/jobs/{id}/file.pdf", Ct));
        Assert.Contains("演练（测试）", pdf, StringComparison.Ordinal);
        // A finished job cannot be retried.
        Assert.Equal(HttpStatusCode.Conflict, (await bureau.PostAsync($"/api/reports/jobs/{id}/retry", null, Ct)).StatusCode);
    }
}

[Collection(GatedReportsOnSqlite.Name)]
public sealed class ReportJobProgressTestsOnSqlite(GatedSqliteApp app) : ReportJobProgressTests(app);

[Collection(GatedReportsOnPostgres.Name)]
public sealed class ReportJobProgressTestsOnPostgres(GatedPostgresApp app) : ReportJobProgressTests(app);
