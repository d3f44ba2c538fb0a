using Microsoft.EntityFrameworkCore;
using Tianshan.Core.Data;
using Tianshan.Core.Monitoring;
using Tianshan.Core.Monitoring.Storage;
using Tianshan.Core.Platform;

namespace Tianshan.Web.Features.Monitoring;

/// <summary>Sensors with their thresholds, latest values and trends; gateway traffic counters.</summary>
public static class SensorEndpoints
{
    public sealed record SensorView(Guid Id, string Code, Guid EnterpriseId, string EnterpriseCode, string EnterpriseName,
        Guid? MajorHazardSourceId, string Name, SensorKind Kind, string KindLabel, string Unit, double? RangeMin, double? RangeMax,
        double? HighHigh, double? High, double? Low, double? LowLow, double Deadband, AlarmRules Rules);

    public sealed record LatestView(Guid SensorId, DateTimeOffset? Time, double? Value, bool Online);

    public sealed record CreateRequest(Guid EnterpriseId, SensorDetails Details);

    public static SensorView Of(Sensor s) => new(s.Id, s.Code, s.EnterpriseId, s.Enterprise!.CreditCode, s.Enterprise.Name, s.MajorHazardSourceId,
        s.Name, s.Kind, SensorKinds.Label(s.Kind), s.Unit, s.RangeMin, s.RangeMax, s.Rules.HighHigh, s.Rules.High, s.Rules.Low, s.Rules.LowLow,
        s.Rules.Deadband, s.Rules);

    public static async Task<Sensor> Find(TianshanDb db, Guid id, CancellationToken ct) =>
        await db.Sensors.AsNoTracking().Include(s => s.Enterprise).FirstOrDefaultAsync(s => s.Id == id, ct)
            ?? throw new NotFoundException("传感器不存在或不在您的管辖范围内");

    /// <summary>Online: a reading within the sensor's no-data window (its sampling period × missed periods).</summary>
    public static LatestView Latest(Sensor s, Reading? r, DateTimeOffset now)
    {
        if (r is not { } reading)
            return new LatestView(s.Id, null, null, false);
        var at = DateTimeOffset.FromUnixTimeMilliseconds(reading.TimestampMs);
        return new LatestView(s.Id, at, reading.Value, now - at <= s.Rules.NoDataAfter);
    }

    internal static void MapSensors(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/monitoring").WithTags("Monitoring").RequireAuthorization();

        api.MapGet("/sensors", async (TianshanDb db, Guid? enterpriseId, Guid? majorHazardSourceId, CancellationToken ct) =>
        {
            var query = db.Sensors.AsNoTracking().Include(s => s.Enterprise).AsQueryable();
            if (enterpriseId is { } e)
                query = query.Where(s => s.EnterpriseId == e);
            if (majorHazardSourceId is { } m)
                query = query.Where(s => s.MajorHazardSourceId == m);
            return (await query.OrderBy(s => s.StoreId).ToListAsync(ct)).Select(Of).ToList();
        });

        api.MapGet("/sensors/{id:guid}", async (TianshanDb db, Guid id, CancellationToken ct) => Of(await Find(db, id, ct)));

        api.MapGet("/sensors/{id:guid}/latest", async (TianshanDb db, IReadingStore store, Guid id, TimeProvider time, CancellationToken ct) =>
        {
            var sensor = await Find(db, id, ct);
            var latest = await store.LatestAsync([sensor.StoreId], ct);
            return Latest(sensor, latest.TryGetValue(sensor.StoreId, out var r) ? r : null, time.GetUtcNow());
        });

        api.MapGet("/sensors/{id:guid}/trend", async (TianshanDb db, IReadingStore store, Guid id, DateTimeOffset? from, DateTimeOffset? to, TimeProvider time, CancellationToken ct) =>
        {
            var sensor = await Find(db, id, ct);
            var end = to ?? time.GetUtcNow();
            var start = from ?? end.AddHours(-1);
            if (start >= end)
                throw new DomainValidationException("from", "开始时间必须早于结束时间");
            return await store.TrendAsync(sensor.StoreId, start, end, ct);
        });

        api.MapPost("/sensors", async (TianshanDb db, AlarmEngine engine, SensorDirectory directory, CreateRequest request, CancellationToken ct) =>
        {
            var enterprise = await db.Enterprises.FirstOrDefaultAsync(e => e.Id == request.EnterpriseId, ct)
                ?? throw new NotFoundException("企业不存在或不在您的管辖范围内");
            var code = request.Details.Code?.Trim();
            if (await db.Sensors.AnyAsync(s => s.EnterpriseId == enterprise.Id && s.Code == code, ct))
                throw new WorkflowException($"该企业已有编码为 {code} 的传感器");
            var next = (await db.Sensors.IgnoreQueryFilters().MaxAsync(s => (int?)s.StoreId, ct) ?? 0) + 1;
            var sensor = Sensor.Create(enterprise.Id, next, request.Details);
            db.Sensors.Add(sensor);
            await db.SaveChangesAsync(ct);
            await directory.ReloadAsync(ct);
            await engine.ReloadAsync(ct);
            return Results.Created($"/api/monitoring/sensors/{sensor.Id}", new { sensor.Id, sensor.StoreId });
        }).RequireAuthorization(p => p.RequireRole(Roles.Bureau, Roles.Enterprise));

        api.MapGet("/gateways", async (TianshanDb db, SensorDirectory directory, CancellationToken ct) =>
        {
            var codes = await db.Gateways.AsNoTracking().Select(g => new { g.Enterprise!.CreditCode, g.Enterprise.Name }).ToListAsync(ct);
            return codes.Select(c =>
            {
                var s = directory.Stats(c.CreditCode);
                return new { c.CreditCode, c.Name, s.Accepted, s.Malformed, s.UnknownSensor, s.OutOfRangeTime, s.Refused };
            }).ToList();
        });
    }
}
