using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tianshan.Core.Data;
using Tianshan.Core.Platform;
using Tianshan.Core.Prevention;
using Tianshan.Web.Features.Registry;

namespace Tianshan.Web.Features.Prevention;

public static class PreventionEndpoints
{
    private static readonly string[] Writers = [Roles.Bureau, Roles.Department, Roles.Street, Roles.Enterprise];
    private static readonly string[] Graders = [Roles.Bureau, Roles.Department, Roles.Street];

    /// <summary>The band edges (section Prevention:RiskGrading), national defaults when not configured.</summary>
    public static IServiceCollection AddPrevention(this IServiceCollection services)
    {
        services.AddOptions<RiskGradingOptions>().BindConfiguration(RiskGradingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        return services;
    }

    public static void MapPrevention(this IEndpointRouteBuilder app)
    {
        var risk = app.MapGroup("/api/risk").WithTags("Risk grading").RequireAuthorization();
        risk.MapPost("/lec", (GradeRisk.LecRequest request, IOptions<RiskGradingOptions> options) => GradeRisk.Handle(request, options));
        risk.MapPost("/ls", (GradeRisk.LsRequest request, IOptions<RiskGradingOptions> options) => GradeRisk.Handle(request, options));
        risk.MapGet("/map", (TianshanDb db, TimeProvider time, CancellationToken ct) => RiskMap.Handle(db, ChinaTime.Today(time), ct));
        // Every enterprise's 100-point grades in scope (分级指南 2018), newest first per enterprise.
        risk.MapGet("/assessments/export", async (TianshanDb db, TimeProvider time, CancellationToken ct) =>
        {
            var rows = await db.EnterpriseRiskAssessments.AsNoTracking().Join(db.Enterprises.AsNoTracking(), a => a.EnterpriseId, e => e.Id,
                (a, e) => new { Assessment = a, e.Name, e.CreditCode }).ToListAsync(ct);
            static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            return Results.File(Registry.RegistryWorkbooks.WriteTable("企业风险分级",
                ["企业", "统一社会信用代码", "评估日期", "得分", "风险等级", "直接判定红色的情形", "下次评估", "评估人", "备注"],
                rows.OrderBy(r => r.Name, StringComparer.Ordinal).ThenByDescending(r => r.Assessment.AssessedOn).Select(r =>
                {
                    var v = EnterpriseRiskAssessments.ToView(r.Assessment);
                    return new object?[] { r.Name, r.CreditCode, Day(v.AssessedOn), v.Score, v.ColourLabel, string.Join("；", v.DirectRedLabels), Day(v.NextDue), v.AssessedBy, v.Note ?? "" };
                })), Registry.RegistryWorkbooks.ContentType, Resources.LedgerActions.FileName("企业风险分级", time));
        });

        var points = app.MapGroup("/api/enterprises/{enterpriseId:guid}/risk-points").WithTags("Risk points").RequireAuthorization();
        points.MapGet("/", (TianshanDb db, Guid enterpriseId, CancellationToken ct) => RiskPoints.List(db, enterpriseId, ct));
        points.MapGet("/export", async (TianshanDb db, Guid enterpriseId, TimeProvider time, CancellationToken ct) =>
        {
            var name = await db.Enterprises.Where(e => e.Id == enterpriseId).Select(e => e.Name).FirstOrDefaultAsync(ct);
            var rows = await RiskPoints.List(db, enterpriseId, ct);
            return Results.File(RiskPoints.Workbook(rows), RegistryWorkbooks.ContentType, $"风险点清单_{name}_{ChinaTime.Today(time):yyyyMMdd}.xlsx");
        });
        points.MapPost("/report", async (TianshanDb db, Guid enterpriseId, TimeProvider time, CancellationToken ct) =>
        {
            var report = await RiskPoints.ReportAsync(db, enterpriseId, time, ct);
            return Results.Created($"/api/risk/reports/{report.Id}", new { report.Id, report.SubmittedAt, report.Red, report.Orange, report.Yellow, report.Blue });
        });
        risk.MapGet("/reports", async (TianshanDb db, CancellationToken ct) =>
            await db.RiskListReports.AsNoTracking().OrderByDescending(r => r.SubmittedAt)
                .Select(r => new { r.Id, r.EnterpriseId, EnterpriseName = r.Enterprise!.Name, r.SubmittedAt, r.SubmittedBy, r.Red, r.Orange, r.Yellow, r.Blue })
                .Take(500).ToListAsync(ct));
        risk.MapGet("/reports/{id:guid}", async (TianshanDb db, Guid id, CancellationToken ct) =>
        {
            var r = await db.RiskListReports.AsNoTracking().Include(x => x.Enterprise).FirstOrDefaultAsync(x => x.Id == id, ct)
                ?? throw new NotFoundException("报送记录不存在或不在您的管辖范围内");
            return new { r.Id, r.EnterpriseId, EnterpriseName = r.Enterprise!.Name, r.SubmittedAt, r.SubmittedBy, r.Red, r.Orange, r.Yellow, r.Blue,
                Points = System.Text.Json.JsonDocument.Parse(r.PointsJson).RootElement };
        });
        points.MapGet("/cards.pdf", async (TianshanDb db, Guid enterpriseId, IConfiguration configuration, TimeProvider time, CancellationToken ct) =>
        {
            var name = await db.Enterprises.Where(e => e.Id == enterpriseId).Select(e => e.Name).FirstOrDefaultAsync(ct);
            var rows = await RiskPoints.List(db, enterpriseId, ct);
            var pdf = PostRiskCards.Render(name ?? "", rows, time.GetUtcNow(), configuration["Pdf:FontPath"]);
            return Results.File(pdf, "application/pdf", $"岗位安全风险告知卡_{name}_{ChinaTime.Today(time):yyyyMMdd}.pdf");
        });
        points.MapPost("/", async (TianshanDb db, Guid enterpriseId, RiskPointDetails details, IOptions<RiskGradingOptions> options, TimeProvider time, CancellationToken ct) =>
        {
            var view = await RiskPoints.Create(db, enterpriseId, details, options.Value, time, ct);
            return Results.Created($"/api/enterprises/{enterpriseId}/risk-points/{view.Id}", view);
        }).RequireAuthorization(p => p.RequireRole(Writers));
        points.MapPut("/{id:guid}", (TianshanDb db, Guid enterpriseId, Guid id, RiskPointDetails details, IOptions<RiskGradingOptions> options, TimeProvider time, CancellationToken ct) =>
            RiskPoints.Update(db, enterpriseId, id, details, options.Value, time, ct)).RequireAuthorization(p => p.RequireRole(Writers));
        points.MapDelete("/{id:guid}", async (TianshanDb db, Guid enterpriseId, Guid id, CancellationToken ct) =>
        {
            await RiskPoints.Delete(db, enterpriseId, id, ct);
            return Results.NoContent();
        }).RequireAuthorization(p => p.RequireRole(Writers));

        var grades = app.MapGroup("/api/enterprises/{enterpriseId:guid}/risk-assessments").WithTags("Enterprise risk grade").RequireAuthorization();
        grades.MapGet("/", (TianshanDb db, Guid enterpriseId, CancellationToken ct) => EnterpriseRiskAssessments.List(db, enterpriseId, ct));
        grades.MapPost("/", async (TianshanDb db, Guid enterpriseId, EnterpriseRiskAssessments.Request request, IOptions<RiskGradingOptions> options, CancellationToken ct) =>
        {
            var view = await EnterpriseRiskAssessments.Create(db, enterpriseId, request, options.Value, ct);
            return Results.Created($"/api/enterprises/{enterpriseId}/risk-assessments/{view.Id}", view);
        }).RequireAuthorization(p => p.RequireRole(Graders));
    }
}
