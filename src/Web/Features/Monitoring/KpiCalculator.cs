using Microsoft.EntityFrameworkCore;
using Tianshan.Core.Data;
using Tianshan.Core.Monitoring;
using Tianshan.Core.Monitoring.Storage;

namespace Tianshan.Web.Features.Monitoring;

/// <summary>
/// Monitoring indicators for the caller's scope (the scoped <see cref="TianshanDb"/> limits every query):
/// the sensor online rate (a reading within the sensor's <see cref="AlarmRules.NoDataAfter"/>), the plan's
/// 监测终端安装率 (major hazard sources with at least one online sensor ÷ all major hazard sources), and the
/// ISA-18.2 alarm-system KPIs over the last 24 h: alarms per 10 minutes (average and peak), time in flood
/// (share of 10-minute intervals with more than 10 alarms), chattering alarms (3 or more activations of one alarm
/// within 60 s), stale alarms (open longer than 24 h), the ten most frequent alarms and the priority distribution.
/// </summary>
public static class KpiCalculator
{
    public static readonly TimeSpan Window = TimeSpan.FromHours(24);
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(10);
    /// <summary>ISA-18.2: more than 10 alarms in 10 minutes per operator is a flood.</summary>
    public const int FloodThreshold = 10;
    public const int ChatterActivations = 3;
    public static readonly TimeSpan ChatterWindow = TimeSpan.FromSeconds(60);

    public sealed record TopAlarm(Guid SensorId, string SensorCode, string SensorName, string EnterpriseName, int Count);

    public sealed record PriorityShare(AlarmPriority Priority, string Label, int Count, double Percent);

    public sealed record Kpis(
        DateTimeOffset At,
        int Sensors, int SensorsOnline, double? OnlineRate,
        int MajorHazardSources, int MajorHazardSourcesMonitored, double? InstallationRate,
        int Alarms24h, double AlarmsPer10MinAverage, int AlarmsPer10MinPeak, DateTimeOffset? PeakIntervalStart,
        double TimeInFloodPercent, int ChatteringAlarms, int StaleAlarms, int ActiveAlarms,
        IReadOnlyList<TopAlarm> Top10, IReadOnlyList<PriorityShare> Priorities);

    /// <summary>A sensor is online when its latest reading is within its no-data window.</summary>
    public static bool IsOnline(AlarmRules rules, Reading? latest, DateTimeOffset now) =>
        latest is { } r && now - r.Time <= rules.NoDataAfter;

    /// <summary>Numerator ÷ denominator as a percentage, null when there is nothing to count.</summary>
    public static double? Rate(int part, int whole) => whole == 0 ? null : Math.Round(100.0 * part / whole, 1);

    /// <summary>Alarms per 10-minute interval over [now − window, now): the count in each interval, oldest first.</summary>
    public static int[] PerInterval(IEnumerable<DateTimeOffset> raised, DateTimeOffset now, TimeSpan window, TimeSpan interval)
    {
        var buckets = new int[(int)Math.Ceiling(window / interval)];
        var start = now - window;
        foreach (var at in raised)
        {
            if (at < start || at >= now)
                continue;
            var i = (int)((at - start) / interval);
            if (i >= 0 && i < buckets.Length)
                buckets[i]++;
        }
        return buckets;
    }

    /// <summary>How many distinct alarms (sensor and kind) activated <see cref="ChatterActivations"/> or more times within
    /// <see cref="ChatterWindow"/>.</summary>
    public static int Chattering(IEnumerable<(Guid SensorId, AlarmKind Kind, DateTimeOffset RaisedAt)> alarms) =>
        alarms.GroupBy(a => (a.SensorId, a.Kind)).Count(g =>
        {
            var times = g.Select(a => a.RaisedAt).Order().ToList();
            for (var i = ChatterActivations - 1; i < times.Count; i++)
            {
                if (times[i] - times[i - ChatterActivations + 1] <= ChatterWindow)
                    return true;
            }
            return false;
        });

    /// <summary>The alarm load of one window: how many alarms, per 10-minute interval on average and at the peak (with the
    /// peak interval's start, the earliest when several tie) and the share of intervals in flood.</summary>
    public sealed record AlarmLoad(int Count, double Per10MinAverage, int Per10MinPeak, DateTimeOffset? PeakIntervalStart, double TimeInFloodPercent);

    /// <summary>The alarm load over [now − <see cref="Window"/>, now) from the raising times of the window's alarms.
    /// An interval is in flood when it holds more than <see cref="FloodThreshold"/> alarms.</summary>
    public static AlarmLoad Load(IReadOnlyCollection<DateTimeOffset> raised, DateTimeOffset now)
    {
        var buckets = PerInterval(raised, now, Window, Interval);
        var peak = buckets.Length == 0 ? 0 : buckets.Max();
        DateTimeOffset? peakAt = peak == 0 ? null : now - Window + Interval * Array.IndexOf(buckets, peak);
        return new AlarmLoad(raised.Count, Math.Round((double)raised.Count / buckets.Length, 2), peak, peakAt,
            Rate(buckets.Count(b => b > FloodThreshold), buckets.Length) ?? 0);
    }

    /// <summary>An open alarm is stale when it was raised more than <see cref="Window"/> ago.</summary>
    public static bool IsStale(DateTimeOffset raisedAt, DateTimeOffset now) => raisedAt < now - Window;

    /// <summary>Each priority's count and share, the highest priority first.</summary>
    public static List<PriorityShare> Priorities(IReadOnlyCollection<AlarmPriority> priorities) =>
        Enum.GetValues<AlarmPriority>().OrderByDescending(p => p).Select(p =>
        {
            var count = priorities.Count(a => a == p);
            return new PriorityShare(p, AlarmLabels.Label(p), count, Rate(count, priorities.Count) ?? 0);
        }).ToList();

    public static async Task<Kpis> ComputeAsync(TianshanDb db, IReadingStore store, DateTimeOffset now, CancellationToken ct)
    {
        var sensors = await db.Sensors.AsNoTracking()
            .Select(s => new { s.Id, s.StoreId, s.MajorHazardSourceId, s.Rules }).ToListAsync(ct);
        var latest = sensors.Count == 0
            ? new Dictionary<int, Reading>()
            : await store.LatestAsync(sensors.Select(s => s.StoreId).ToList(), ct);
        var online = sensors.Where(s => IsOnline(s.Rules, latest.TryGetValue(s.StoreId, out var r) ? r : null, now)).ToList();

        var sources = await db.MajorHazardSources.AsNoTracking().Where(m => m.Grade != null).Select(m => m.Id).ToListAsync(ct);
        var monitoredIds = online.Where(s => s.MajorHazardSourceId != null).Select(s => s.MajorHazardSourceId!.Value).ToHashSet();
        var monitored = sources.Count(monitoredIds.Contains);

        var since = now - Window;
        var recent = await db.Alarms.AsNoTracking().Where(a => a.RaisedAt >= since)
            .Select(a => new { a.SensorId, a.Kind, a.Priority, a.RaisedAt }).ToListAsync(ct);
        var open = await db.Alarms.AsNoTracking().Where(a => a.EndedAt == null).Select(a => a.RaisedAt).ToListAsync(ct);
        var load = Load(recent.Select(a => a.RaisedAt).ToList(), now);

        var topCounts = recent.GroupBy(a => a.SensorId).Select(g => (SensorId: g.Key, Count: g.Count()))
            .OrderByDescending(g => g.Count).Take(10).ToList();
        var topIds = topCounts.Select(t => t.SensorId).ToList();
        var names = await db.Sensors.AsNoTracking().Where(s => topIds.Contains(s.Id))
            .Select(s => new { s.Id, s.Code, s.Name, EnterpriseName = s.Enterprise!.Name }).ToDictionaryAsync(s => s.Id, ct);
        var top = topCounts.Where(t => names.ContainsKey(t.SensorId))
            .Select(t => new TopAlarm(t.SensorId, names[t.SensorId].Code, names[t.SensorId].Name, names[t.SensorId].EnterpriseName, t.Count)).ToList();

        return new Kpis(now,
            sensors.Count, online.Count, Rate(online.Count, sensors.Count),
            sources.Count, monitored, Rate(monitored, sources.Count),
            load.Count, load.Per10MinAverage, load.Per10MinPeak, load.PeakIntervalStart, load.TimeInFloodPercent,
            Chattering(recent.Select(a => (a.SensorId, a.Kind, a.RaisedAt))), open.Count(at => IsStale(at, now)), open.Count, top,
            Priorities(recent.Select(a => a.Priority).ToList()));
    }

    internal static void MapKpis(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/monitoring/kpis", (TianshanDb db, IReadingStore store, TimeProvider time, CancellationToken ct) =>
                ComputeAsync(db, store, time.GetUtcNow(), ct))
            .WithTags("Monitoring").RequireAuthorization();
}
