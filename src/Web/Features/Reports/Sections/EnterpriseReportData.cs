using Microsoft.EntityFrameworkCore;
using Tianshan.Core.Monitoring.Storage;
using Tianshan.Core.Platform;
using Tianshan.Core.Prevention;
using Tianshan.Core.Registry;
using Tianshan.Core.Reports;
using Tianshan.Web.Features.Monitoring;

namespace Tianshan.Web.Features.Reports.Sections;

/// <summary>What the 一企一策 sections share about one enterprise, loaded once per report through the requester's scope
/// (an enterprise outside it is "not found", never revealed).</summary>
public sealed record EnterpriseReportData(
    Enterprise Enterprise, string DivisionName, IReadOnlyList<MajorHazardSource> HazardSources, IReadOnlyList<RiskPoint> RiskPoints,
    EnterpriseRiskAssessment? Assessment, Prevention.Credit.CreditView? Credit, int Sensors, int SensorsOnline, IReadOnlyList<HiddenHazard> OpenHazards)
{
    public static Task<EnterpriseReportData> OfAsync(ReportContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.SharedAsync(nameof(EnterpriseReportData), () => LoadAsync(context, ct));
    }

    private static async Task<EnterpriseReportData> LoadAsync(ReportContext context, CancellationToken ct)
    {
        var db = context.Db;
        var id = context.RequiredEnterpriseId;
        var enterprise = await db.Enterprises.AsNoTracking().Include(e => e.Division).FirstOrDefaultAsync(e => e.Id == id, ct)
            ?? throw new NotFoundException("没有该企业，或该企业不在您的管辖范围内");
        var sources = await db.MajorHazardSources.AsNoTracking().Where(m => m.EnterpriseId == id).OrderBy(m => m.Grade == null).ThenBy(m => m.Grade).ThenBy(m => m.Code).ToListAsync(ct);
        var points = (await db.RiskPoints.AsNoTracking().Where(r => r.EnterpriseId == id).ToListAsync(ct))
            .OrderBy(r => r.Level).ThenByDescending(r => r.Score).ToList();
        var assessment = (await db.EnterpriseRiskAssessments.AsNoTracking().Where(a => a.EnterpriseId == id).ToListAsync(ct))
            .OrderByDescending(a => a.AssessedOn).FirstOrDefault();
        var credit = (await Prevention.Credit.ListAsync(db, context.Services.GetRequiredService<TimeProvider>(), ct, id)).FirstOrDefault();
        var sensors = await db.Sensors.AsNoTracking().Where(s => s.EnterpriseId == id).Select(s => new { s.StoreId, s.Rules }).ToListAsync(ct);
        var latest = sensors.Count == 0
            ? new Dictionary<int, Reading>()
            : await context.Services.GetRequiredService<IReadingStore>().LatestAsync([.. sensors.Select(s => s.StoreId)], ct);
        var online = sensors.Count(s => KpiCalculator.IsOnline(s.Rules, latest.TryGetValue(s.StoreId, out var r) ? r : null, context.Now));
        var open = (await db.HiddenHazards.AsNoTracking()
                .Where(h => h.EnterpriseId == id && h.Status != HiddenHazardStatus.Closed && h.Status != HiddenHazardStatus.Dismissed).ToListAsync(ct))
            .OrderByDescending(h => h.Grade).ThenBy(h => h.Deadline ?? DateTimeOffset.MaxValue).ThenBy(h => h.Number, StringComparer.Ordinal).ToList();
        return new EnterpriseReportData(enterprise, enterprise.Division?.Name ?? "", sources, points, assessment, credit, sensors.Count, online, open);
    }

    public EnterpriseFacts Facts(ReportContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new EnterpriseFacts
        {
            Today = context.Today,
            Now = context.Now,
            OpenHazards = [.. OpenHazards.Where(h => h.Status != HiddenHazardStatus.AwaitingVerification || h.Grade == HiddenHazardGrade.Major)
                .Select(h => new EnterpriseFacts.OpenHazard(h.Number, h.Title, h.Grade, h.ListedAt != null,
                    h.Status == HiddenHazardStatus.Rectifying ? h.Deadline : null))],
            HazardSources = [.. HazardSources.Where(s => s.Grade != null).Select(s => new EnterpriseFacts.HazardSource(s.Code, s.Name, s.NextAssessmentDue,
                s.PendingTrigger is { } t ? ReassessmentTriggers.Label(t) : null))],
            Sensors = Sensors,
            SensorsOnline = SensorsOnline,
            EnterpriseGrade = Assessment?.Grade,
            EnterpriseGradeDue = Assessment?.NextDue,
            RedRiskPoints = RiskPoints.Count(r => r.Level == RiskLevel.Red),
            Credit = Credit?.Result.Grade,
            CreditLabel = Credit?.Result.GradeLabel,
        };
    }
}
