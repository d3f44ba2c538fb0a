using Microsoft.EntityFrameworkCore;
using Tianshan.Core.Data;
using Tianshan.Core.Platform;
using Tianshan.Core.Prevention;
using Tianshan.Core.Registry;

namespace Tianshan.Web.Features.Prevention;

/// <summary>An enterprise's risk points: list, record (graded on save), change, remove. Reads are scoped by the data layer;
/// writes also check <see cref="UserScope.Covers"/> on the enterprise, as the registry does.</summary>
public static class RiskPoints
{
    public sealed record View(Guid Id, Guid EnterpriseId, string Name, string Location, string Activity, string HazardType,
        string ControlMeasures, string ResponsiblePerson, RiskMethod Method, decimal L, decimal? E, decimal? C, int? S,
        decimal Score, LecBand? Band, string? BandLabel, RiskLevel Level, string Colour, string ColourLabel,
        DateTimeOffset AssessedAt, string AssessedBy);

    public static View ToView(RiskPoint p) => new(p.Id, p.EnterpriseId, p.Name, p.Location, p.Activity, p.HazardType, p.ControlMeasures,
        p.ResponsiblePerson, p.Method, p.L, p.E, p.C, p.S, p.Score, p.Band, p.Band is { } b ? Lec.BandLabel(b) : null, p.Level,
        RiskLevels.Code(p.Level), RiskLevels.Label(p.Level), p.AssessedAt, p.AssessedBy);

    /// <summary>The risk list (风险清单) as Excel, one row per point.</summary>
    public static byte[] Workbook(IReadOnlyList<View> rows) => Registry.RegistryWorkbooks.WriteTable("风险点清单",
        ["风险点", "单元/区域", "作业活动/设备设施", "危险因素", "管控措施", "责任人", "评价方法", "L", "E", "C", "S", "D/R", "危险程度", "风险等级", "评价人", "评价时间"],
        rows.Select(p => new object?[]
        {
            p.Name, p.Location, p.Activity, p.HazardType, p.ControlMeasures, p.ResponsiblePerson, p.Method == RiskMethod.Lec ? "LEC" : "LS",
            p.L, p.E, p.C, p.S, p.Score, p.BandLabel, p.ColourLabel, p.AssessedBy,
            ChinaTime.ToChina(p.AssessedAt).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture),
        }));

    public static async Task<List<View>> List(TianshanDb db, Guid enterpriseId, CancellationToken ct)
    {
        if (!await db.Enterprises.AnyAsync(e => e.Id == enterpriseId, ct))
            throw new NotFoundException("企业不存在或不在您的管辖范围内");
        var points = await db.RiskPoints.AsNoTracking().Where(p => p.EnterpriseId == enterpriseId).ToListAsync(ct);
        return points.OrderBy(p => p.Level).ThenByDescending(p => p.Score).ThenBy(p => p.Name, StringComparer.Ordinal).Select(ToView).ToList();
    }

    public static async Task<View> Create(TianshanDb db, Guid enterpriseId, RiskPointDetails details, RiskGradingOptions options,
        TimeProvider time, CancellationToken ct)
    {
        var enterprise = await WritableEnterprise(db, enterpriseId, ct);
        var point = RiskPoint.Create(enterprise.Id, details, options, time.GetUtcNow(), db.Scope.UserName);
        db.RiskPoints.Add(point);
        await db.SaveChangesAsync(ct);
        return ToView(point);
    }

    public static async Task<View> Update(TianshanDb db, Guid enterpriseId, Guid id, RiskPointDetails details, RiskGradingOptions options,
        TimeProvider time, CancellationToken ct)
    {
        await WritableEnterprise(db, enterpriseId, ct);
        var point = await Find(db, enterpriseId, id, ct);
        point.Assess(details, options, time.GetUtcNow(), db.Scope.UserName);
        await db.SaveChangesAsync(ct);
        return ToView(point);
    }

    public static async Task Delete(TianshanDb db, Guid enterpriseId, Guid id, CancellationToken ct)
    {
        await WritableEnterprise(db, enterpriseId, ct);
        db.RiskPoints.Remove(await Find(db, enterpriseId, id, ct));
        await db.SaveChangesAsync(ct);
    }

    private static readonly System.Text.Json.JsonSerializerOptions SnapshotJson = new(System.Text.Json.JsonSerializerDefaults.Web);

    /// <summary>风险清单报送: the enterprise reports its current risk list to the bureau as a snapshot.</summary>
    public static async Task<RiskListReport> ReportAsync(TianshanDb db, Guid enterpriseId, TimeProvider time, CancellationToken ct)
    {
        await WritableEnterprise(db, enterpriseId, ct);
        var points = await List(db, enterpriseId, ct);
        if (points.Count == 0)
            throw new DomainValidationException("points", "尚未登记风险点，无法报送风险清单");
        var report = new RiskListReport
        {
            EnterpriseId = enterpriseId,
            SubmittedAt = time.GetUtcNow(),
            SubmittedBy = db.Scope.UserName,
            Red = points.Count(p => p.Level == RiskLevel.Red),
            Orange = points.Count(p => p.Level == RiskLevel.Orange),
            Yellow = points.Count(p => p.Level == RiskLevel.Yellow),
            Blue = points.Count(p => p.Level == RiskLevel.Blue),
            PointsJson = System.Text.Json.JsonSerializer.Serialize(points, SnapshotJson),
        };
        db.RiskListReports.Add(report);
        await db.SaveChangesAsync(ct);
        return report;
    }

    /// <summary>The enterprise, if the caller can see it (else 404, scope is never revealed) and may change it (else 403).</summary>
    public static async Task<Enterprise> WritableEnterprise(TianshanDb db, Guid enterpriseId, CancellationToken ct)
    {
        var enterprise = await db.Enterprises.Include(e => e.Division).FirstOrDefaultAsync(e => e.Id == enterpriseId, ct)
            ?? throw new NotFoundException("企业不存在或不在您的管辖范围内");
        if (!db.Scope.Covers(enterprise.Division!.Path, enterprise.Sector, enterprise.Id))
            throw new ForbiddenException("无权修改该企业的数据");
        return enterprise;
    }

    private static async Task<RiskPoint> Find(TianshanDb db, Guid enterpriseId, Guid id, CancellationToken ct) =>
        await db.RiskPoints.FirstOrDefaultAsync(p => p.Id == id && p.EnterpriseId == enterpriseId, ct)
            ?? throw new NotFoundException("风险点不存在或不在您的管辖范围内");
}
