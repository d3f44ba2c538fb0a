using Microsoft.EntityFrameworkCore;
using Tianshan.Core.Data;
using Tianshan.Core.Platform;
using Tianshan.Core.Prevention;
using Tianshan.Core.Registry;

namespace Tianshan.Web.Features.Prevention;

/// <summary>GET /api/risk/map: the district four-colour map (四色图) — each enterprise in scope with its overall colour
/// (its latest 100-point grade) and its risk points counted per colour.</summary>
public static class RiskMap
{
    public sealed record ColourCounts(int Red, int Orange, int Yellow, int Blue)
    {
        public int Total => Red + Orange + Yellow + Blue;

        public int Of(RiskLevel level) => level switch
        {
            RiskLevel.Red => Red,
            RiskLevel.Orange => Orange,
            RiskLevel.Yellow => Yellow,
            _ => Blue,
        };

        public static ColourCounts From(IEnumerable<(RiskLevel Level, int Count)> counts)
        {
            var byLevel = counts.GroupBy(c => c.Level).ToDictionary(g => g.Key, g => g.Sum(c => c.Count));
            return new ColourCounts(byLevel.GetValueOrDefault(RiskLevel.Red), byLevel.GetValueOrDefault(RiskLevel.Orange),
                byLevel.GetValueOrDefault(RiskLevel.Yellow), byLevel.GetValueOrDefault(RiskLevel.Blue));
        }
    }

    public sealed record Entry(Guid Id, string Name, string Sector, double? Latitude, double? Longitude, RiskLevel? Grade, string Colour,
        string ColourLabel, decimal? Score, DateOnly? NextDue, bool ReassessmentDue, ColourCounts Points, int OpenHazards, int OpenMajorHazards);

    public sealed record Response(IReadOnlyList<Entry> Enterprises, ColourCounts Grades, int Ungraded, ColourCounts Points);

    public static async Task<Response> Handle(TianshanDb db, DateOnly today, CancellationToken ct)
    {
        var enterprises = await db.Enterprises.AsNoTracking()
            .Select(e => new { e.Id, e.Name, e.Sector, e.Latitude, e.Longitude }).ToListAsync(ct);
        var assessments = await db.EnterpriseRiskAssessments.AsNoTracking()
            .Select(a => new { a.Id, a.EnterpriseId, a.AssessedOn, a.Grade, a.Score, a.NextDue }).ToListAsync(ct);
        var latest = assessments.GroupBy(a => a.EnterpriseId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(a => a.AssessedOn).ThenByDescending(a => a.Id).First());
        var points = await db.RiskPoints.AsNoTracking().GroupBy(p => new { p.EnterpriseId, p.Level })
            .Select(g => new { g.Key.EnterpriseId, g.Key.Level, Count = g.Count() }).ToListAsync(ct);
        var pointsOf = points.ToLookup(p => p.EnterpriseId, p => (p.Level, p.Count));
        // The hidden hazards not yet struck off, on the same map (一张图): prevention's two halves side by side.
        var hazards = (await db.HiddenHazards.AsNoTracking()
                .Where(h => h.Status != HiddenHazardStatus.Closed && h.Status != HiddenHazardStatus.Dismissed)
                .Select(h => new { h.EnterpriseId, h.Grade }).ToListAsync(ct))
            .ToLookup(h => h.EnterpriseId);

        var entries = enterprises.Select(e =>
        {
            var grade = latest.GetValueOrDefault(e.Id);
            return new Entry(e.Id, e.Name, SectorSet.Label(e.Sector), e.Latitude, e.Longitude, grade?.Grade,
                grade is null ? "none" : RiskLevels.Code(grade.Grade), grade is null ? "未评估" : RiskLevels.Label(grade.Grade),
                grade?.Score, grade?.NextDue, grade is null || grade.NextDue <= today, ColourCounts.From(pointsOf[e.Id]),
                hazards[e.Id].Count(), hazards[e.Id].Count(h => h.Grade == HiddenHazardGrade.Major));
        }).OrderBy(e => e.Grade ?? (RiskLevel)99).ThenBy(e => e.Name, StringComparer.Ordinal).ToList();

        return new Response(entries,
            ColourCounts.From(entries.Where(e => e.Grade is not null).Select(e => (e.Grade!.Value, 1))),
            entries.Count(e => e.Grade is null),
            ColourCounts.From(points.Select(p => (p.Level, p.Count))));
    }
}
