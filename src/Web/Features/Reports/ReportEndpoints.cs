using System.Security.Claims;
using Tianshan.Core.Data;
using Tianshan.Core.Platform;
using Tianshan.Core.Reports;
using Tianshan.Web.Features.Reports.Sections;

namespace Tianshan.Web.Features.Reports;

public static class ReportRegistration
{
    /// <summary>Adds a section builder to the reports it applies to; the lead adds drills and training sections this way.</summary>
    public static IServiceCollection AddReportSection<T>(this IServiceCollection services) where T : class, IReportSection =>
        services.AddScoped<IReportSection, T>();

    public static IServiceCollection AddReports(this IServiceCollection services)
    {
        services.AddOptions<ReportOptions>().BindConfiguration(ReportOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<EnterpriseAdviceOptions>().BindConfiguration(EnterpriseAdviceOptions.Section);
        services.AddSingleton<ReportSignal>();
        services.AddHostedService<ReportWorker>();
        services.AddReportSection<AccidentsSection>();
        services.AddReportSection<HiddenHazardsSection>();
        services.AddReportSection<SupervisionSection>();
        services.AddReportSection<AlarmsSection>();
        services.AddReportSection<WarningsSection>();
        services.AddReportSection<DisasterReportsSection>();
        services.AddReportSection<DrillsSection>();
        services.AddReportSection<TrainingSection>();
        services.AddReportSection<EnterpriseProfileSection>();
        services.AddReportSection<EnterpriseRisksSection>();
        services.AddReportSection<EnterpriseAlarmsSection>();
        services.AddReportSection<EnterpriseHiddenHazardsSection>();
        services.AddReportSection<EnterpriseSupervisionSection>();
        services.AddReportSection<EnterpriseAdviceSection>();
        services.AddReportSection<PlanAssessmentSection>();
        return services;
    }

    public static void MapReports(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/reports").WithTags("Reports").RequireAuthorization();
        // The job routes come first in meaning: "jobs" is not a report kind.
        api.MapGet("/jobs", (TianshanDb db, CancellationToken ct) => ReportJobs.MineAsync(db, 20, ct));
        api.MapGet("/jobs/{id:guid}", (TianshanDb db, Guid id, CancellationToken ct) => ReportJobs.ViewAsync(db, id, ct));
        api.MapPost("/jobs/{id:guid}/retry", async (TianshanDb db, Guid id, ReportSignal signal, CancellationToken ct) =>
            Results.Accepted($"/api/reports/jobs/{id}", await ReportJobs.RetryAsync(db, id, signal, ct)));
        api.MapGet("/jobs/{id:guid}/file.{format}", async (TianshanDb db, Guid id, string format, CancellationToken ct) =>
        {
            var file = await ReportJobs.FileAsync(db, id, format.ToLowerInvariant(), ct);
            var type = file.Format == "pdf" ? "application/pdf" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
            return Results.File(file.Content, type, file.FileName);
        });
        api.MapPost("/{kind}", async (TianshanDb db, ClaimsPrincipal user, string kind, ReportJobs.StartRequest? request, ReportSignal signal,
            TimeProvider time, CancellationToken ct) =>
        {
            var parsed = ReportLabels.ParseSlug(kind)
                ?? throw new NotFoundException("没有这种报表（可选 monthly、annual、enterprise、plan-assessment）");
            var job = await ReportJobs.StartAsync(db, user, parsed, request ?? new ReportJobs.StartRequest(null, null, null), signal, time, ct);
            return Results.Accepted($"/api/reports/jobs/{job.Id}", job);
        });
    }
}
