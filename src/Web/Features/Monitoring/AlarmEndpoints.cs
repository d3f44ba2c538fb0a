using Microsoft.EntityFrameworkCore;
using Tianshan.Core.Data;
using Tianshan.Core.Monitoring;
using Tianshan.Core.Platform;

namespace Tianshan.Web.Features.Monitoring;

/// <summary>Alarms: the active list and history, acknowledgement, shelving and disposal by named users (ISA-18.2).</summary>
public static class AlarmEndpoints
{
    public sealed record AcknowledgeRequest(string? Note);

    public sealed record ShelveRequest(string Reason, int Minutes);

    public sealed record DisposalRequest(string Cause, string Action, bool FalseAlarm);

    /// <summary>Active alarms first by urgency: unacknowledged before acknowledged, then priority, then newest.</summary>
    public static async Task<List<AlarmView>> List(TianshanDb db, string? state, Guid? sensorId, int take, CancellationToken ct)
    {
        var query = db.Alarms.AsNoTracking().Include(a => a.Sensor).Include(a => a.Enterprise).AsQueryable();
        if (state == "active")
            query = query.Where(a => a.EndedAt == null);
        else if (state == "history")
            query = query.Where(a => a.EndedAt != null);
        if (sensorId is { } id)
            query = query.Where(a => a.SensorId == id);
        var alarms = await query.OrderByDescending(a => a.RaisedAt).Take(Math.Clamp(take, 1, 1000)).ToListAsync(ct);
        return alarms
            .OrderBy(a => a.EndedAt is null ? 0 : 1)
            .ThenBy(a => a.State is AlarmState.Unacknowledged or AlarmState.ReturnedUnacknowledged ? 0 : 1)
            .ThenByDescending(a => a.Priority)
            .ThenByDescending(a => a.RaisedAt)
            .Select(a => AlarmView.Of(a, a.Sensor!, a.Enterprise!.Name)).ToList();
    }

    private static async Task<Alarm> FindOpen(TianshanDb db, Guid id, CancellationToken ct) =>
        await db.Alarms.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct)
            ?? throw new NotFoundException("报警不存在或不在您的管辖范围内");

    public static async Task Acknowledge(TianshanDb db, AlarmEngine engine, Guid id, string? note, CancellationToken ct)
    {
        var alarm = await FindOpen(db, id, ct);
        if (!alarm.IsOpen)
            throw new WorkflowException("该报警已结束，无需确认");
        var user = db.Scope.UserName;
        await engine.ActAsync(alarm.SensorId, alarm.Kind, (lc, now) => lc.Acknowledge(user, now, note), ct);
    }

    public static async Task Shelve(TianshanDb db, AlarmEngine engine, Guid id, ShelveRequest request, CancellationToken ct)
    {
        if (request.Minutes is < 1 or > 7 * 24 * 60)
            throw new DomainValidationException("minutes", "搁置时长应在1分钟到7天之间");
        var alarm = await FindOpen(db, id, ct);
        if (!alarm.IsOpen)
            throw new WorkflowException("该报警已结束，不能搁置");
        var user = db.Scope.UserName;
        await engine.ActAsync(alarm.SensorId, alarm.Kind, (lc, now) => lc.Shelve(user, request.Reason, now.AddMinutes(request.Minutes), now), ct);
    }

    public static async Task Dispose(TianshanDb db, Guid id, DisposalRequest request, TimeProvider time, CancellationToken ct)
    {
        var alarm = await db.Alarms.FirstOrDefaultAsync(a => a.Id == id, ct)
            ?? throw new NotFoundException("报警不存在或不在您的管辖范围内");
        alarm.RecordDisposal(db.Scope.UserName, request.Cause, request.Action, request.FalseAlarm, time.GetUtcNow());
        await db.SaveChangesAsync(ct);
    }

    /// <summary>报警记录 as Excel: every alarm raised in scope between two China-time days (inclusive), oldest first, with
    /// its acknowledgement, shelving and disposal — the record that proves afterwards what was done. Default: the last 30 days.</summary>
    public static async Task<byte[]> ExportAsync(TianshanDb db, DateOnly? from, DateOnly? to, TimeProvider time, CancellationToken ct)
    {
        var days = ChinaDays.ForExport(from, to, time);
        var (start, end) = (days.Start, days.End);
        var alarms = await db.Alarms.AsNoTracking().Include(a => a.Sensor).Include(a => a.Enterprise)
            .Where(a => a.RaisedAt >= start && a.RaisedAt < end).ToListAsync(ct);
        static string Time(DateTimeOffset? at) =>
            at is { } t ? ChinaTime.ToChina(t).ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) : "";
        return Registry.RegistryWorkbooks.WriteTable("报警记录",
            ["企业", "传感器编号", "传感器名称", "报警类型", "优先级", "状态", "报警时间", "报警值", "单位", "确认时间", "确认人", "搁置至", "搁置原因",
             "结束时间", "升级级次", "处置原因", "处置措施", "是否误报", "处置人", "报警日志"],
            alarms.OrderBy(a => a.RaisedAt).Select(a =>
            {
                var v = AlarmView.Of(a, a.Sensor!, a.Enterprise!.Name);
                return new object?[]
                {
                    v.EnterpriseName, v.SensorCode, v.SensorName, v.KindLabel, v.PriorityLabel, v.StateLabel, Time(v.RaisedAt), v.RaisedValue, v.Unit,
                    Time(v.AcknowledgedAt), v.AcknowledgedBy ?? "", Time(v.ShelvedUntil), v.Reason ?? "", Time(v.EndedAt), v.EscalationStep,
                    v.DisposalCause ?? "", v.DisposalAction ?? "", v.FalseAlarm switch { true => "是", false => "否", null => "" }, v.DisposedBy ?? "", Journal(a),
                };
            }));
    }

    /// <summary>The alarm's journal in one cell, a line per state change: time, from → to, who, and their note.</summary>
    private static string Journal(Alarm alarm) => string.Join('\n', alarm.Events.OrderBy(e => e.At).Select(e =>
        $"{ChinaTime.ToChina(e.At):yyyy-MM-dd HH:mm:ss} {AlarmLabels.Label(e.From)}→{AlarmLabels.Label(e.To)}" +
        (e.User is null ? "" : $" {e.User}") + (string.IsNullOrWhiteSpace(e.Note) ? "" : $"：{e.Note}")));

    internal static void MapAlarms(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/alarms").WithTags("Alarms").RequireAuthorization();
        api.MapGet("/", (TianshanDb db, string? state, Guid? sensorId, int? take, CancellationToken ct) => List(db, state, sensorId, take ?? 200, ct));
        api.MapGet("/export", async (TianshanDb db, DateOnly? from, DateOnly? to, TimeProvider time, CancellationToken ct) =>
            Results.File(await ExportAsync(db, from, to, time, ct), Registry.RegistryWorkbooks.ContentType, Resources.LedgerActions.FileName("报警记录", time)));
        api.MapPost("/{id:guid}/acknowledge", async (TianshanDb db, AlarmEngine engine, Guid id, AcknowledgeRequest? request, CancellationToken ct) =>
        {
            await Acknowledge(db, engine, id, request?.Note, ct);
            return Results.NoContent();
        });
        api.MapPost("/{id:guid}/shelve", async (TianshanDb db, AlarmEngine engine, Guid id, ShelveRequest request, CancellationToken ct) =>
        {
            await Shelve(db, engine, id, request, ct);
            return Results.NoContent();
        });
        api.MapPost("/{id:guid}/disposal", async (TianshanDb db, Guid id, DisposalRequest request, TimeProvider time, CancellationToken ct) =>
        {
            await Dispose(db, id, request, time, ct);
            return Results.NoContent();
        });
        // Operator areas (enterprises) in alarm flood, limited to those the caller may see.
        api.MapGet("/floods", async (TianshanDb db, AlarmEngine engine, CancellationToken ct) =>
        {
            var floods = engine.Floods;
            var ids = floods.Select(f => f.EnterpriseId).ToList();
            var visible = await db.Enterprises.AsNoTracking().Where(e => ids.Contains(e.Id)).Select(e => new { e.Id, e.Name }).ToDictionaryAsync(e => e.Id, ct);
            return floods.Where(f => visible.ContainsKey(f.EnterpriseId))
                .Select(f => new { f.EnterpriseId, EnterpriseName = visible[f.EnterpriseId].Name, f.Since }).ToList();
        });
        api.MapGet("/notifications", async (TianshanDb db, CancellationToken ct) =>
            await db.AlarmNotifications.AsNoTracking().OrderByDescending(n => n.CreatedAt).Take(200).ToListAsync(ct));
    }
}
