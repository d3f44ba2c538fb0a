using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Tianshan.Core.Data;
using Tianshan.Core.Duty;
using Tianshan.Core.Platform;

namespace Tianshan.Web.Features.Incidents;

/// <summary>值班值守: the roster, the duty log, open items and shift handover — the bureau's own desk (other roles have no access).</summary>
public static class DutyDesk
{
    public sealed record ShiftRequest(DateOnly? Date, DutyShiftKind? Shift, string? Leader, string? Officer, string? Phone);

    public sealed record ShiftView(Guid Id, DateOnly Date, DutyShiftKind Shift, string ShiftLabel, string Leader, string Officer, string? Phone);

    public sealed record LogRequest(DutyLogKind? Kind, string? Summary, string? Caller, string? Phone);

    public sealed record LogView(Guid Id, DateTimeOffset At, DutyLogKind Kind, string KindLabel, string Summary, string? Caller, string? Phone, Guid? IncidentId, string? By);

    public sealed record OpenItemRequest(string? Text, Guid? IncidentId);

    public sealed record CloseItemRequest(string? Resolution);

    public sealed record HandoverRequest(string? FromOfficer, string? ToOfficer, string? Summary);

    public sealed record HandoverView(Guid Id, DateTimeOffset At, string FromOfficer, string ToOfficer, string Summary, IReadOnlyList<string> OpenItems, string? By);

    /// <summary>Today's duty and who is on now.</summary>
    public sealed record Today(DateOnly Date, DutyShiftKind CurrentShift, ShiftView? OnDuty, IReadOnlyList<ShiftView> Shifts);

    private static ShiftView View(DutyShift s) => new(s.Id, s.Date, s.Shift, DutyLabels.Label(s.Shift), s.Leader, s.Officer, s.Phone);

    private static LogView View(DutyLogEntry e) => new(e.Id, e.At, e.Kind, DutyLabels.Label(e.Kind), e.Summary, e.Caller, e.Phone, e.IncidentId, e.By);

    public static async Task<List<ShiftView>> RosterAsync(TianshanDb db, DateOnly from, DateOnly to, CancellationToken ct)
    {
        if (to < from || to.DayNumber - from.DayNumber > 92)
            throw new DomainValidationException("to", "值班表查询范围须为 1～92 天");
        return (await db.DutyShifts.AsNoTracking().Where(s => s.Date >= from && s.Date <= to).ToListAsync(ct))
            .OrderBy(s => s.Date).ThenBy(s => s.Shift).Select(View).ToList();
    }

    public static async Task<Today> TodayAsync(TianshanDb db, DateTimeOffset now, CancellationToken ct)
    {
        var (date, shift) = DutyLabels.ShiftAt(now);
        var shifts = await RosterAsync(db, date, date, ct);
        return new Today(date, shift, shifts.FirstOrDefault(s => s.Shift == shift), shifts);
    }

    /// <summary>Sets who is on one shift of one day (a second call for the same shift replaces the names).</summary>
    public static async Task<ShiftView> SetShiftAsync(TianshanDb db, ShiftRequest r, CancellationToken ct)
    {
        var date = r.Date ?? throw new DomainValidationException("date", "请选择值班日期");
        var kind = r.Shift ?? throw new DomainValidationException("shift", "请选择班次");
        var shift = await db.DutyShifts.FirstOrDefaultAsync(s => s.Date == date && s.Shift == kind, ct);
        if (shift is null)
        {
            shift = DutyShift.Create(date, kind, r.Leader ?? "", r.Officer ?? "", r.Phone);
            db.DutyShifts.Add(shift);
        }
        else
        {
            shift.Assign(r.Leader ?? "", r.Officer ?? "", r.Phone);
        }
        await db.SaveChangesAsync(ct);
        return View(shift);
    }

    public static async Task<List<LogView>> LogAsync(TianshanDb db, DateOnly? day, CancellationToken ct)
    {
        var query = db.DutyLog.AsNoTracking();
        if (day is { } d)
        {
            var start = new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8));
            var end = start.AddDays(1);
            query = query.Where(e => e.At >= start && e.At < end);
        }
        return (await query.ToListAsync(ct)).OrderByDescending(e => e.At).Take(500).Select(View).ToList();
    }

    /// <summary>值班日志 as Excel: every line from <paramref name="from"/> to <paramref name="to"/> (China-time days, both included; by
    /// default the last 30 days), oldest first, with the incident's number where the line is an incident's.</summary>
    public static async Task<byte[]> LogWorkbookAsync(TianshanDb db, DateOnly? from, DateOnly? to, TimeProvider time, CancellationToken ct)
    {
        var days = ChinaDays.ForExport(from, to, time);
        var (start, end) = (days.Start, days.End);
        var lines = (await db.DutyLog.AsNoTracking().Where(e => e.At >= start && e.At < end).ToListAsync(ct)).OrderBy(e => e.At).ToList();
        var ids = lines.Where(e => e.IncidentId != null).Select(e => e.IncidentId!.Value).Distinct().ToList();
        var numbers = await db.Incidents.AsNoTracking().Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.Number, ct);
        return Tianshan.Web.Features.Registry.RegistryWorkbooks.WriteTable("值班日志", ["时间", "类别", "内容", "来电单位/人", "电话", "事件编号", "记录人"],
            lines.Select(e => new object?[]
            {
                ChinaTime.ToChina(e.At).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture), DutyLabels.Label(e.Kind), e.Summary,
                e.Caller ?? "", e.Phone ?? "", e.IncidentId is { } id && numbers.TryGetValue(id, out var n) ? n : "", e.By ?? "",
            }));
    }

    public static async Task<LogView> AddLogAsync(TianshanDb db, LogRequest r, TimeProvider time, CancellationToken ct)
    {
        var kind = r.Kind ?? DutyLogKind.Call;
        if (kind is DutyLogKind.Incident or DutyLogKind.IncidentUpdate or DutyLogKind.Handover)
            throw new DomainValidationException("kind", "事件、续报和交接班由系统自动记入值班日志，请直接登记来电或值班事项");
        var entry = DutyLogEntry.Create(kind, r.Summary ?? "", r.Caller, r.Phone, null, db.Scope.UserName, time.GetUtcNow());
        db.DutyLog.Add(entry);
        await db.SaveChangesAsync(ct);
        return View(entry);
    }

    public static async Task<List<DutyOpenItem>> OpenItemsAsync(TianshanDb db, CancellationToken ct) =>
        (await db.DutyOpenItems.AsNoTracking().Where(i => i.ClosedAt == null).ToListAsync(ct)).OrderBy(i => i.OpenedAt).ToList();

    public static async Task<DutyOpenItem> AddOpenItemAsync(TianshanDb db, OpenItemRequest r, TimeProvider time, CancellationToken ct)
    {
        if (r.IncidentId is { } incident && !await db.Incidents.AnyAsync(i => i.Id == incident, ct))
            throw new DomainValidationException("incidentId", "关联的事件不存在");
        var item = DutyOpenItem.Open(r.Text ?? "", r.IncidentId, db.Scope.UserName, time.GetUtcNow());
        db.DutyOpenItems.Add(item);
        await db.SaveChangesAsync(ct);
        return item;
    }

    public static async Task CloseOpenItemAsync(TianshanDb db, Guid id, CloseItemRequest r, TimeProvider time, CancellationToken ct)
    {
        var item = await db.DutyOpenItems.FirstOrDefaultAsync(i => i.Id == id, ct) ?? throw new NotFoundException("待办事项不存在");
        item.Close(r.Resolution, db.Scope.UserName, time.GetUtcNow());
        await db.SaveChangesAsync(ct);
    }

    /// <summary>交接班: the open items as they stand go with it, and the handover lands in the duty log.</summary>
    public static async Task<HandoverView> HandOverAsync(TianshanDb db, HandoverRequest r, TimeProvider time, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var open = await OpenItemsAsync(db, ct);
        var handover = ShiftHandover.Create(r.FromOfficer ?? "", r.ToOfficer ?? "", r.Summary ?? "", open.Select(i => i.Text), db.Scope.UserName, now);
        db.ShiftHandovers.Add(handover);
        db.DutyLog.Add(DutyLogEntry.Create(DutyLogKind.Handover,
            $"{handover.FromOfficer} 交班给 {handover.ToOfficer}，移交待办 {open.Count} 项", null, null, null, db.Scope.UserName, now));
        await db.SaveChangesAsync(ct);
        return View(handover);
    }

    public static async Task<List<HandoverView>> HandoversAsync(TianshanDb db, CancellationToken ct) =>
        (await db.ShiftHandovers.AsNoTracking().ToListAsync(ct)).OrderByDescending(h => h.At).Take(50).Select(View).ToList();

    private static HandoverView View(ShiftHandover h) => new(h.Id, h.At, h.FromOfficer, h.ToOfficer, h.Summary, h.OpenItems, h.By);

    public static bool IsDesk(ClaimsPrincipal user) => user.IsInRole(Roles.Bureau);
}
