using Microsoft.EntityFrameworkCore;
using Tianshan.Core.Data;
using Tianshan.Core.Monitoring;
using Tianshan.Core.Monitoring.Storage;

namespace Tianshan.Web.Features.Monitoring;

/// <summary>The monitoring overview's data: each major hazard source in scope with its sensors, their latest values and
/// online state, and the worst active alarm priority (what the map colours the source by).</summary>
public static class SensorStatusBoard
{
    public sealed record SensorRow(Guid Id, string Code, string Name, string KindLabel, string Unit, double? Value, DateTimeOffset? Time,
        bool Online, int ActiveAlarms, AlarmPriority? WorstPriority, string? WorstAlarm);

    public sealed record SourceRow(Guid Id, string Code, string Name, Guid EnterpriseId, string EnterpriseName, int? Grade,
        double? Latitude, double? Longitude, string? VideoUrl, IReadOnlyList<SensorRow> Sensors)
    {
        public int OnlineCount => Sensors.Count(s => s.Online);
        public int ActiveAlarms => Sensors.Sum(s => s.ActiveAlarms);
        public AlarmPriority? WorstPriority => Sensors.Max(s => s.WorstPriority);
    }

    /// <summary>Major hazard sources (graded, or carrying sensors) in scope, of one enterprise when given, the worst alarm first.</summary>
    public static async Task<List<SourceRow>> LoadAsync(TianshanDb db, IReadingStore store, DateTimeOffset now, Guid? enterpriseId, CancellationToken ct)
    {
        var sources = await db.MajorHazardSources.AsNoTracking()
            .Where(m => enterpriseId == null || m.EnterpriseId == enterpriseId)
            .Select(m => new { m.Id, m.Code, m.Name, m.EnterpriseId, EnterpriseName = m.Enterprise!.Name, m.Grade, m.Enterprise.Latitude, m.Enterprise.Longitude, m.VideoUrl })
            .ToListAsync(ct);
        var sensors = await db.Sensors.AsNoTracking().Where(s => s.MajorHazardSourceId != null && (enterpriseId == null || s.EnterpriseId == enterpriseId)).OrderBy(s => s.Code).ToListAsync(ct);
        var latest = sensors.Count == 0
            ? new Dictionary<int, Reading>()
            : await store.LatestAsync(sensors.Select(s => s.StoreId).ToList(), ct);
        var active = await db.Alarms.AsNoTracking().Where(a => a.EndedAt == null && (enterpriseId == null || a.EnterpriseId == enterpriseId))
            .Select(a => new { a.SensorId, a.Kind, a.Priority }).ToListAsync(ct);
        var alarmsBySensor = active.GroupBy(a => a.SensorId).ToDictionary(g => g.Key, g => g.ToList());
        var bySource = sensors.GroupBy(s => s.MajorHazardSourceId!.Value).ToDictionary(g => g.Key, g => g.Select(s =>
        {
            Reading? r = latest.TryGetValue(s.StoreId, out var reading) ? reading : null;
            var alarms = alarmsBySensor.GetValueOrDefault(s.Id) ?? [];
            var worst = alarms.OrderByDescending(a => a.Priority).FirstOrDefault();
            return new SensorRow(s.Id, s.Code, s.Name, SensorKinds.Label(s.Kind), s.Unit, r?.Value, r?.Time,
                KpiCalculator.IsOnline(s.Rules, r, now), alarms.Count, worst?.Priority, worst is null ? null : AlarmLabels.Label(worst.Kind, s.Kind));
        }).ToList());
        return sources
            .Where(m => m.Grade != null || bySource.ContainsKey(m.Id))
            .Select(m => new SourceRow(m.Id, m.Code, m.Name, m.EnterpriseId, m.EnterpriseName, m.Grade, m.Latitude, m.Longitude, m.VideoUrl,
                bySource.GetValueOrDefault(m.Id) ?? []))
            .OrderByDescending(m => m.WorstPriority ?? 0).ThenBy(m => m.Grade ?? 9).ThenBy(m => m.EnterpriseName, StringComparer.Ordinal).ThenBy(m => m.Code, StringComparer.Ordinal)
            .ToList();
    }
}
