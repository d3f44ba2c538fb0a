using Microsoft.EntityFrameworkCore;
using Tianshan.Core.Data;
using Tianshan.Core.Platform;
using Tianshan.Core.Warnings;

namespace Tianshan.Web.Features.Warnings;

public sealed record WarningStat(Guid Id, string? Identifier, string Headline, string EventType, WarningLevel Level, DateTimeOffset PublishedAt,
    double MinutesDraftToPublish, long PeopleInArea, long PeopleReached, double? Coverage);

public sealed record ChannelStat(WarningChannel Channel, string ChannelLabel, IReadOnlyDictionary<string, int> ByStatus, int Total);

public sealed record YearStat(int Year, int Published, double? AverageMinutesDraftToPublish, long PeopleInArea, long PeopleReached, double? Coverage);

public sealed record WarningStatistics(IReadOnlyList<WarningStat> Warnings, IReadOnlyList<ChannelStat> Channels, IReadOnlyList<YearStat> Years);

/// <summary>
/// 统计: time from drafting to publication per message, deliveries by channel and status, and coverage (people reached ÷
/// people in the area, <see cref="WarningCoverage"/>) per warning and per year — the plan's "预警信息公众覆盖率 ≥ 90 %".
/// Cancellations are not counted as warnings.
/// </summary>
public static class WarningStatisticsQuery
{
    public static async Task<WarningStatistics> ComputeAsync(TianshanDb db, CancellationToken ct)
    {
        var published = (await db.Warnings.AsNoTracking().Where(w => w.PublishedAt != null).ToListAsync(ct))
            .Where(w => w.MessageType != WarningMessageType.Cancel).ToList();
        var deliveries = await db.WarningDeliveries.AsNoTracking().ToListAsync(ct);
        var residents = await db.Divisions.AsNoTracking().Where(d => d.Level == DivisionLevel.Community)
            .ToDictionaryAsync(d => d.Code, d => d.Residents ?? 0, ct);
        var byWarning = deliveries.ToLookup(d => d.WarningId);
        var stats = published.OrderByDescending(w => w.PublishedAt).Select(w =>
        {
            var area = byWarning[w.Id].Where(d => d.CommunityCode is not null).Select(d => d.CommunityCode!).Concat(w.CommunityCodes).Distinct()
                .ToDictionary(c => c, c => residents.GetValueOrDefault(c));
            var c = WarningCoverage.Of(byWarning[w.Id], area);
            return new WarningStat(w.Id, w.Identifier, w.Headline, w.EventType, w.Level, w.PublishedAt!.Value,
                Math.Round((w.PublishedAt!.Value - w.DraftedAt).TotalMinutes, 1), c.PeopleInArea, c.PeopleReached, c.Ratio);
        }).ToList();
        var channels = deliveries.GroupBy(d => d.Channel).OrderBy(g => g.Key)
            .Select(g => new ChannelStat(g.Key, ChannelLabels.Label(g.Key),
                g.GroupBy(d => d.Status).OrderBy(s => s.Key).ToDictionary(s => s.Key.ToString(), s => s.Count()), g.Count()))
            .ToList();
        var years = stats.GroupBy(s => ChinaTime.ToChina(s.PublishedAt).Year).OrderByDescending(g => g.Key).Select(g =>
        {
            long inArea = g.Sum(s => s.PeopleInArea), reached = g.Sum(s => s.PeopleReached);
            return new YearStat(g.Key, g.Count(), Math.Round(g.Average(s => s.MinutesDraftToPublish), 1), inArea, reached,
                inArea == 0 ? null : (double)reached / inArea);
        }).ToList();
        return new WarningStatistics(stats, channels, years);
    }
}
