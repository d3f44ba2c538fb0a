using Microsoft.EntityFrameworkCore;
using Tianshan.Core.Data;
using Tianshan.Core.Platform;
using Tianshan.Core.Prevention;
using Tianshan.Core.Registry;

namespace Tianshan.Web.Features.Prevention;

/// <summary>Reads of hidden hazards through the scoped context: lists, one in full, statistics.</summary>
public static class HiddenHazardQueries
{
    public sealed record Filter(HiddenHazardStatus? Status = null, HiddenHazardGrade? Grade = null, Guid? EnterpriseId = null,
        bool? Open = null, bool? Overdue = null, HiddenHazardOrigin? Origin = null, string? Q = null);

    public static async Task<List<HiddenHazardView>> ListAsync(TianshanDb db, Filter f, DateTimeOffset now, TimeSpan reminderWindow, CancellationToken ct)
    {
        var query = db.HiddenHazards.AsNoTracking().Include(h => h.Enterprise).AsQueryable();
        if (f.Status is { } status)
            query = query.Where(h => h.Status == status);
        if (f.Grade is { } level)
            query = query.Where(h => h.Grade == level);
        if (f.EnterpriseId is { } enterprise)
            query = query.Where(h => h.EnterpriseId == enterprise);
        if (f.Origin is { } source)
            query = query.Where(h => h.Origin == source);
        if (f.Open == true || f.Overdue == true)
            query = query.Where(h => h.Status != HiddenHazardStatus.Closed && h.Status != HiddenHazardStatus.Dismissed);
        if (!string.IsNullOrWhiteSpace(f.Q))
        {
            var q = f.Q.Trim();
            query = query.Where(h => h.Title.Contains(q) || h.Number.Contains(q) || h.Enterprise!.Name.Contains(q));
        }
        var items = await query.ToListAsync(ct);
        var views = items.Select(h => HiddenHazardView.Of(h, h.Enterprise!.Name, now, reminderWindow));
        if (f.Overdue == true)
            views = views.Where(v => v.DeadlineStatus == DeadlineStatus.Overdue);
        // Overdue first, then due soon, then the newest.
        return views.OrderByDescending(v => v.DeadlineStatus == DeadlineStatus.Overdue).ThenByDescending(v => v.DeadlineStatus == DeadlineStatus.DueSoon)
            .ThenByDescending(v => v.RegisteredAt).ToList();
    }

    public static async Task<HiddenHazardDetail> DetailAsync(TianshanDb db, Guid id, DateTimeOffset now, TimeSpan reminderWindow, CancellationToken ct)
    {
        var h = await db.HiddenHazards.AsNoTracking().Include(x => x.Enterprise).FirstOrDefaultAsync(x => x.Id == id, ct)
            ?? throw new NotFoundException("隐患不存在或不在您的管辖范围内");
        var evidence = await db.HiddenHazardEvidence.AsNoTracking().Where(e => e.HiddenHazardId == id).OrderBy(e => e.UploadedAt)
            .Select(e => new EvidenceView(e.Id, e.Stage, e.FileName, e.ContentType, e.Size, e.Sha256, e.UploadedBy, e.UploadedAt))
            .ToListAsync(ct);
        return new HiddenHazardDetail(HiddenHazardView.Of(h, h.Enterprise!.Name, now, reminderWindow), h.Description, h.AlarmId, h.RegisteredBy,
            h.Criteria, h.Rectification, h.TreatmentPlan, h.SubmittedBy, h.VerifiedBy, h.SupervisionNotice, h.SupervisingAuthority, h.ListedAt,
            h.Events.OrderBy(e => e.At).ToList(), evidence, h.Enterprise.Sector);
    }

    public sealed record Count(string Key, string Label, int Total, int Closed, int Open, int Overdue, int Major)
    {
        /// <summary>整改率: closed over all but the dismissed, in percent (100 when there are none).</summary>
        public double RectificationRate => Total == 0 ? 100 : Math.Round(100.0 * Closed / Total, 1);
    }

    public sealed record Statistics(int Year, Count All, int Listed, int MajorOpen, IReadOnlyList<Count> BySector, IReadOnlyList<Count> ByStreet,
        IReadOnlyList<Count> BySource);

    /// <summary>Hazards registered in a (China) calendar year, dismissed ones left out: totals, rectification rate, overdue, by sector and street.</summary>
    public static async Task<Statistics> StatisticsAsync(TianshanDb db, int year, DateTimeOffset now, CancellationToken ct)
    {
        // The year as Beijing time sees it, passed as UTC (PostgreSQL takes only UTC offsets).
        var from = new DateTimeOffset(year, 1, 1, 0, 0, 0, TimeSpan.FromHours(8)).ToUniversalTime();
        var to = new DateTimeOffset(year + 1, 1, 1, 0, 0, 0, TimeSpan.FromHours(8)).ToUniversalTime();
        var rows = await db.HiddenHazards.AsNoTracking()
            .Where(h => h.RegisteredAt >= from && h.RegisteredAt < to && h.Status != HiddenHazardStatus.Dismissed)
            .Select(h => new { h.Status, h.Grade, h.Deadline, h.SubmittedAt, h.ListedAt, h.Origin, h.Enterprise!.Sector, h.Enterprise.Division!.Path })
            .ToListAsync(ct);
        var streets = await db.Divisions.AsNoTracking().Where(d => d.Level == DivisionLevel.Street).ToDictionaryAsync(d => d.Path, d => d.Name, ct);
        bool Overdue(HiddenHazardStatus s, DateTimeOffset? deadline, DateTimeOffset? submitted) =>
            deadline < now && (s == HiddenHazardStatus.Rectifying || (s == HiddenHazardStatus.AwaitingVerification && submitted > deadline));
        var all = rows.Select(r => (r.Status, r.Grade, Overdue: Overdue(r.Status, r.Deadline, r.SubmittedAt), r.Sector, r.Path, r.Origin, Listed: r.ListedAt != null)).ToList();
        Count Of(string key, string label, IEnumerable<(HiddenHazardStatus Status, HiddenHazardGrade? Grade, bool Overdue, Sector Sector, string Path, HiddenHazardOrigin Origin, bool Listed)> g)
        {
            var list = g.ToList();
            return new Count(key, label, list.Count, list.Count(x => x.Status == HiddenHazardStatus.Closed),
                list.Count(x => x.Status != HiddenHazardStatus.Closed), list.Count(x => x.Overdue), list.Count(x => x.Grade == HiddenHazardGrade.Major));
        }
        string StreetOf(string path) => streets.Keys.FirstOrDefault(p => path.StartsWith(p, StringComparison.Ordinal)) ?? "";
        return new Statistics(year, Of("all", "全部", all),
            all.Count(x => x.Listed && x.Status != HiddenHazardStatus.Closed),
            all.Count(x => x.Grade == HiddenHazardGrade.Major && x.Status != HiddenHazardStatus.Closed),
            all.GroupBy(x => x.Sector).OrderBy(g => g.Key).Select(g => Of(g.Key.ToString(), SectorSet.Label(g.Key), g)).ToList(),
            all.GroupBy(x => StreetOf(x.Path)).OrderBy(g => g.Key).Select(g => Of(g.Key, streets.GetValueOrDefault(g.Key, "区直属"), g)).ToList(),
            all.GroupBy(x => x.Origin).OrderBy(g => g.Key).Select(g => Of(g.Key.ToString(), HiddenHazardLabels.Label(g.Key), g)).ToList());
    }
}
