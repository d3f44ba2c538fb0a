using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Tianshan.Core.Data;
using Tianshan.Core.Incidents.DisasterReports;
using Tianshan.Core.Platform;

namespace Tianshan.Web.Features.Incidents;

public sealed record DisasterReportView(Guid Id, string Number, Guid CommunityId, string Community, string Street, DisasterType Type, string TypeLabel,
    string Title, DateTimeOffset OccurredAt, DisasterReportStatus Status, string StatusLabel, ReportStage LatestStage, string LatestStageLabel,
    DisasterFigures Figures, int Filings, DateTimeOffset LastFiledAt, string? VerifiedBy, DateTimeOffset? VerifiedAt, string? ReturnReason, DateTimeOffset? ReliefProvidedAt, string? ReliefProvidedBy,
    double? HoursToRelief, bool IsDemo);

public sealed record DisasterEntryView(Guid Id, ReportStage Stage, string StageLabel, DisasterFigures Figures, string? Narrative, double? Latitude,
    double? Longitude, DateTimeOffset WrittenAt, DateTimeOffset ReceivedAt, string By, IReadOnlyList<Guid> PhotoIds);

public sealed record DisasterReportDetail(DisasterReportView Report, string? VerificationNote, IReadOnlyList<DisasterEntryView> Entries);

public sealed record CommunityLine(Guid CommunityId, string Community, string Street, int Reports, DisasterFigures Figures, int AwaitingVerification,
    int Informants, int InformantTarget);

public sealed record StreetLine(string Street, int Communities, int Reported, DisasterFigures Figures);

public sealed record DisasterSummary(DateTimeOffset From, DateTimeOffset To, DisasterFigures Total, IReadOnlyList<StreetLine> Streets,
    IReadOnlyList<CommunityLine> Communities, IReadOnlyList<string> NotReported, int CommunitiesBelowInformantTarget);

public sealed record FileResult(Guid ReportId, string Number, Guid EntryId, ReportStage Stage, string StageLabel, bool Duplicate);

/// <summary>
/// 灾情报送 as the informant's phone, the street and the district use it. Filing is idempotent: each filing carries the key the
/// phone made when it was written, and a filing whose key is stored answers with the stored one (<see cref="FileResult.Duplicate"/>)
/// instead of storing it again — the unique index settles a race between two sends of the same filing.
/// </summary>
public static class DisasterReportActions
{
    public static readonly string[] Readers = [Roles.Bureau, Roles.Department, Roles.Street, Roles.Inspector, Roles.Community];
    public static readonly string[] Verifiers = [Roles.Bureau, Roles.Street];

    public sealed record FileRequest(string? IdempotencyKey, string? ReportKey, ReportStage? Stage, DisasterType? Type, string? Title,
        DateTimeOffset? OccurredAt, int? AffectedPeople, int? Deaths, int? Missing, int? Injured, int? Relocated, int? HousesCollapsed,
        int? HousesDamaged, decimal? CropsHectares, decimal? DirectLossWanYuan, string? Narrative, double? Latitude, double? Longitude,
        DateTimeOffset? WrittenAt, List<string>? Photos);

    public sealed record VerifyRequest(string? Note);

    public sealed record ReturnRequest(string? Reason);

    public sealed record ReliefRequest(DateTimeOffset? ProvidedAt, string? Note);

    private static readonly Dictionary<string, string> PhotoTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["data:image/jpeg;base64,"] = "image/jpeg",
        ["data:image/png;base64,"] = "image/png",
        ["data:image/webp;base64,"] = "image/webp",
    };

    public static async Task<(FileResult Result, bool Created)> FileAsync(TianshanDb db, ClaimsPrincipal user, FileRequest r, TimeProvider time, CancellationToken ct)
    {
        if (!user.IsInRole(Roles.Community))
            throw new ForbiddenException("只有社区灾害信息员可以报送灾情");
        var key = r.IdempotencyKey?.Trim() ?? "";
        if (key.Length is 0 or > 64)
            throw new DomainValidationException("idempotencyKey", "缺少报送标识（idempotencyKey），或长度超过 64");
        if (await ExistingAsync(db, key, ct) is { } stored)
            return (stored, false);
        if (r.Stage is not { } stage || !Enum.IsDefined(stage))
            throw new DomainValidationException("stage", "请选择初报、续报或核报");
        var now = time.GetUtcNow();
        var photos = DecodePhotos(r.Photos);
        var entry = new DisasterReportEntry
        {
            IdempotencyKey = key,
            Stage = stage,
            Figures = new DisasterFigures
            {
                AffectedPeople = r.AffectedPeople ?? 0, Deaths = r.Deaths ?? 0, Missing = r.Missing ?? 0, Injured = r.Injured ?? 0,
                Relocated = r.Relocated ?? 0, HousesCollapsed = r.HousesCollapsed ?? 0, HousesDamaged = r.HousesDamaged ?? 0,
                CropsHectares = r.CropsHectares ?? 0, DirectLossWanYuan = r.DirectLossWanYuan ?? 0,
            },
            Narrative = string.IsNullOrWhiteSpace(r.Narrative) ? null : r.Narrative.Trim(),
            Latitude = r.Latitude,
            Longitude = r.Longitude,
            WrittenAt = r.WrittenAt is { } w && w <= now.AddMinutes(10) ? w : now,
            By = db.Scope.UserName,
        };
        var reportKey = r.ReportKey?.Trim() ?? "";
        DisasterReport report;
        if (stage == ReportStage.Initial)
        {
            var community = await db.Divisions.FirstOrDefaultAsync(d => d.Path == db.Scope.DivisionPath && d.Level == DivisionLevel.Community, ct)
                ?? throw new ForbiddenException("您的账号未绑定社区，不能报送灾情");
            if (reportKey.Length > 0 && await db.DisasterReports.IgnoreQueryFilters().AnyAsync(x => x.ClientKey == reportKey, ct))
                throw new WorkflowException("该灾情已初报，请报送续报或核报");
            var number = $"ZB-{ChinaTime.ToChina(now):yyyyMMdd}-{RandomNumberGenerator.GetString("ABCDEFGHJKLMNPQRSTUVWXYZ23456789", 6)}";
            report = DisasterReport.File(number, reportKey.Length > 0 ? reportKey : key, community, r.Type ?? DisasterType.Other, r.Title,
                r.OccurredAt ?? entry.WrittenAt, entry, now);
            db.DisasterReports.Add(report);
        }
        else
        {
            if (reportKey.Length == 0)
                throw new DomainValidationException("reportKey", "续报和核报须指明所属灾情（reportKey）");
            report = await db.DisasterReports.Include(x => x.Entries).FirstOrDefaultAsync(x => x.ClientKey == reportKey, ct)
                ?? throw new NotFoundException("该灾情的初报尚未送达或不在您的社区");
            report.AddFollowUp(entry, now);
            db.DisasterReportEntries.Add(entry);
        }
        foreach (var (type, bytes) in photos)
            db.DisasterReportPhotos.Add(new DisasterReportPhoto { EntryId = entry.Id, ContentType = type, Size = bytes.Length, Content = bytes });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same filing arrived twice at once: the other send stored it; answer with that one.
            db.ChangeTracker.Clear();
            if (await ExistingAsync(db, key, ct) is { } raced)
                return (raced, false);
            throw;
        }
        return (new FileResult(report.Id, report.Number, entry.Id, entry.Stage, DisasterReport.StageLabel(entry.Stage), false), true);
    }

    private static async Task<FileResult?> ExistingAsync(TianshanDb db, string key, CancellationToken ct)
    {
        var e = await db.DisasterReportEntries.AsNoTracking().Include(x => x.DisasterReport).FirstOrDefaultAsync(x => x.IdempotencyKey == key, ct);
        return e is null ? null : new FileResult(e.DisasterReportId, e.DisasterReport!.Number, e.Id, e.Stage, DisasterReport.StageLabel(e.Stage), true);
    }

    private static List<(string Type, byte[] Bytes)> DecodePhotos(List<string>? photos)
    {
        var result = new List<(string, byte[])>();
        if (photos is null)
            return result;
        if (photos.Count > DisasterReportPhoto.MaxPerEntry)
            throw new DomainValidationException("photos", $"每次报送最多 {DisasterReportPhoto.MaxPerEntry} 张照片");
        foreach (var p in photos)
        {
            var prefix = PhotoTypes.Keys.FirstOrDefault(k => p.StartsWith(k, StringComparison.OrdinalIgnoreCase))
                ?? throw new DomainValidationException("photos", "照片应为 JPG、PNG 或 WebP 格式");
            byte[] bytes;
            try
            {
                bytes = Convert.FromBase64String(p[prefix.Length..]);
            }
            catch (FormatException)
            {
                throw new DomainValidationException("photos", "照片数据已损坏，请重新拍摄");
            }
            if (bytes.Length is 0 or > DisasterReportPhoto.MaxBytes)
                throw new DomainValidationException("photos", $"单张照片不能超过 {DisasterReportPhoto.MaxBytes / 1024 / 1024} MB");
            result.Add((PhotoTypes[prefix], bytes));
        }
        return result;
    }

    public static async Task<List<DisasterReportView>> ListAsync(TianshanDb db, DateTimeOffset? from, DateTimeOffset? to, DisasterReportStatus? status, CancellationToken ct)
    {
        var query = db.DisasterReports.AsNoTracking().Include(r => r.Division).AsQueryable();
        if (status is { } s)
            query = query.Where(r => r.Status == s);
        var rows = await query.ToListAsync(ct);
        var streets = await StreetNamesAsync(db, ct);
        var filings = await db.DisasterReportEntries.AsNoTracking().GroupBy(e => e.DisasterReportId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return rows.Where(r => (from is null || r.OccurredAt >= from) && (to is null || r.OccurredAt <= to))
            .OrderByDescending(r => r.LastFiledAt)
            .Select(r => View(r, streets, filings.GetValueOrDefault(r.Id))).ToList();
    }

    private static DisasterReportView View(DisasterReport r, IReadOnlyDictionary<Guid, string> streets, int filings) =>
        new(r.Id, r.Number, r.DivisionId, r.Division!.Name, r.Division.ParentId is { } p ? streets.GetValueOrDefault(p, "") : "", r.Type,
            DisasterReport.TypeLabel(r.Type), r.Title, r.OccurredAt, r.Status, DisasterReport.StatusLabel(r.Status), r.LatestStage,
            DisasterReport.StageLabel(r.LatestStage), r.Figures, filings, r.LastFiledAt, r.VerifiedBy, r.VerifiedAt, r.ReturnReason,
            r.ReliefProvidedAt, r.ReliefProvidedBy, r.ReliefProvidedAt is { } at ? Math.Round((at - r.OccurredAt).TotalHours, 1) : null, r.IsDemo);

    private static Task<Dictionary<Guid, string>> StreetNamesAsync(TianshanDb db, CancellationToken ct) =>
        db.Divisions.AsNoTracking().Where(d => d.Level == DivisionLevel.Street).ToDictionaryAsync(d => d.Id, d => d.Name, ct);

    public static async Task<DisasterReportDetail> DetailAsync(TianshanDb db, Guid id, CancellationToken ct)
    {
        var r = await db.DisasterReports.AsNoTracking().Include(x => x.Division).Include(x => x.Entries).FirstOrDefaultAsync(x => x.Id == id, ct)
            ?? throw new NotFoundException("灾情报告不存在或不在您的管辖范围内");
        var entryIds = r.Entries.Select(e => e.Id).ToList();
        var photos = await db.DisasterReportPhotos.AsNoTracking().Where(p => entryIds.Contains(p.EntryId)).Select(p => new { p.Id, p.EntryId }).ToListAsync(ct);
        var entries = r.Entries.OrderBy(e => e.ReceivedAt).ThenBy(e => e.Id)
            .Select(e => new DisasterEntryView(e.Id, e.Stage, DisasterReport.StageLabel(e.Stage), e.Figures, e.Narrative, e.Latitude, e.Longitude,
                e.WrittenAt, e.ReceivedAt, e.By, photos.Where(p => p.EntryId == e.Id).Select(p => p.Id).ToList())).ToList();
        return new DisasterReportDetail(View(r, await StreetNamesAsync(db, ct), entries.Count), r.VerificationNote, entries);
    }

    public static async Task<DisasterReportPhoto> PhotoAsync(TianshanDb db, Guid id, CancellationToken ct) =>
        await db.DisasterReportPhotos.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw new NotFoundException("照片不存在或不在您的管辖范围内");

    public static async Task VerifyAsync(TianshanDb db, ClaimsPrincipal user, Guid id, VerifyRequest r, TimeProvider time, CancellationToken ct)
    {
        var report = await FindForVerifierAsync(db, user, id, "核实灾情", ct);
        report.Verify(db.Scope.UserName, r.Note, time.GetUtcNow());
        await db.SaveChangesAsync(ct);
    }

    public static async Task ReturnAsync(TianshanDb db, ClaimsPrincipal user, Guid id, ReturnRequest r, TimeProvider time, CancellationToken ct)
    {
        var report = await FindForVerifierAsync(db, user, id, "退回灾情", ct);
        report.Return(db.Scope.UserName, r.Reason, time.GetUtcNow());
        await db.SaveChangesAsync(ct);
    }

    /// <summary>基本生活救助到位: the street (or the bureau) records when relief reached the community (DP-02, EP-11).</summary>
    public static async Task ReliefAsync(TianshanDb db, ClaimsPrincipal user, Guid id, ReliefRequest r, TimeProvider time, CancellationToken ct)
    {
        var report = await FindForVerifierAsync(db, user, id, "登记救助到位", ct);
        var now = time.GetUtcNow();
        report.RecordRelief(r.ProvidedAt ?? now, r.Note, db.Scope.UserName, now);
        await db.SaveChangesAsync(ct);
    }

    private static async Task<DisasterReport> FindForVerifierAsync(TianshanDb db, ClaimsPrincipal user, Guid id, string action, CancellationToken ct)
    {
        var report = await db.DisasterReports.FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException("灾情报告不存在或不在您的管辖范围内");
        if (!Verifiers.Any(user.IsInRole))
            throw new ForbiddenException($"只有街道和区应急管理局可以{action}");
        return report;
    }

    /// <summary>The district's (or street's) picture for a period: figures by street and community (each report's latest filing),
    /// communities without any report, and informants per community against the target of two.</summary>
    public static async Task<DisasterSummary> SummaryAsync(TianshanDb db, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        var scopePath = db.Scope.DivisionPath;
        var divisions = await db.Divisions.AsNoTracking().ToListAsync(ct);
        var communities = divisions.Where(d => d.Level == DivisionLevel.Community && d.Path.StartsWith(scopePath, StringComparison.Ordinal))
            .OrderBy(d => d.Code, StringComparer.Ordinal).ToList();
        var streets = divisions.Where(d => d.Level == DivisionLevel.Street).ToDictionary(d => d.Id, d => d.Name);
        var reports = (await db.DisasterReports.AsNoTracking().ToListAsync(ct)).Where(r => r.OccurredAt >= from && r.OccurredAt <= to).ToList();
        var informants = await db.DisasterInformants.AsNoTracking().GroupBy(i => i.DivisionId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var lines = communities.Select(c =>
        {
            var mine = reports.Where(r => r.DivisionId == c.Id).ToList();
            return new CommunityLine(c.Id, c.Name, c.ParentId is { } p ? streets.GetValueOrDefault(p, "") : "", mine.Count,
                mine.Aggregate(DisasterFigures.Zero, (sum, r) => sum.Plus(r.Figures)), mine.Count(r => r.Status == DisasterReportStatus.AwaitingVerification),
                informants.GetValueOrDefault(c.Id), DisasterInformant.TargetPerCommunity);
        }).ToList();
        var byStreet = lines.GroupBy(l => l.Street).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new StreetLine(g.Key, g.Count(), g.Count(l => l.Reports > 0), g.Aggregate(DisasterFigures.Zero, (sum, l) => sum.Plus(l.Figures))))
            .ToList();
        return new DisasterSummary(from, to, lines.Aggregate(DisasterFigures.Zero, (sum, l) => sum.Plus(l.Figures)), byStreet, lines,
            lines.Where(l => l.Reports == 0).Select(l => l.Community).ToList(), lines.Count(l => l.Informants < l.InformantTarget));
    }

    public static async Task<byte[]> ExportAsync(TianshanDb db, CancellationToken ct)
    {
        var rows = await ListAsync(db, null, null, null, ct);
        string[] headers = ["报告编号", "街道", "社区", "灾害种类", "标题", "发生时间", "最新报送", "状态", "受灾人口", "死亡", "失踪", "受伤", "紧急转移安置",
            "倒塌房屋(间)", "损坏房屋(间)", "农作物受灾面积(公顷)", "直接经济损失(万元)", "核实人", "核实时间", "救助到位时间", "救助用时(小时)"];
        using var book = new XLWorkbook();
        var sheet = book.AddWorksheet("灾情报送");
        for (var c = 0; c < headers.Length; c++)
        {
            sheet.Cell(1, c + 1).Value = headers[c];
            sheet.Cell(1, c + 1).Style.Font.Bold = true;
            sheet.Column(c + 1).Width = 14;
        }
        var r = 2;
        foreach (var x in rows)
        {
            var f = x.Figures;
            object?[] values = [x.Number, x.Street, x.Community, x.TypeLabel, x.Title, ChinaTime.ToChina(x.OccurredAt).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                x.LatestStageLabel, x.StatusLabel, f.AffectedPeople, f.Deaths, f.Missing, f.Injured, f.Relocated, f.HousesCollapsed, f.HousesDamaged,
                f.CropsHectares, f.DirectLossWanYuan, x.VerifiedBy, x.VerifiedAt is { } v ? ChinaTime.ToChina(v).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "",
                x.ReliefProvidedAt is { } rp ? ChinaTime.ToChina(rp).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "", x.HoursToRelief is { } h ? (decimal)h : ""];
            for (var c = 0; c < values.Length; c++)
            {
                switch (values[c])
                {
                    case int i: sheet.Cell(r, c + 1).Value = i; break;
                    case decimal d: sheet.Cell(r, c + 1).Value = d; break;
                    default: sheet.Cell(r, c + 1).SetValue(values[c]?.ToString() ?? ""); break;
                }
            }
            r++;
        }
        sheet.SheetView.FreezeRows(1);
        using var stream = new MemoryStream();
        book.SaveAs(stream);
        return stream.ToArray();
    }
}
