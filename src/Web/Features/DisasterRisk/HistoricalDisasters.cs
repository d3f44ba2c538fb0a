using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tianshan.Core.Data;
using Tianshan.Core.DisasterRisk;
using Tianshan.Core.Platform;
using Tianshan.Web.Features.Registry;

namespace Tianshan.Web.Features.DisasterRisk;

/// <summary>Historical disasters (历史灾害调查): list, record, change, delete (the bureau writes; departments, streets and
/// communities read) and the Excel ledger. "Today" for the no-future-date rule is the China-time date.</summary>
public static class HistoricalDisasters
{
    /// <summary>The most a list shows: decades of a district's disasters, far fewer in practice.</summary>
    public const int MaxListed = 500;

    public sealed record View(Guid Id, DateOnly OccurredOn, DisasterType Type, string TypeLabel, string Place, string Summary, int Deaths,
        int Affected, decimal LossWanYuan, bool IsDemo);

    public static View ToView(HistoricalDisaster d) =>
        new(d.Id, d.OccurredOn, d.Type, HistoricalDisaster.Label(d.Type), d.Place, d.Summary, d.Deaths, d.Affected, d.LossWanYuan, d.IsDemo);

    public static async Task<List<View>> List(TianshanDb db, CancellationToken ct) =>
        (await db.HistoricalDisasters.AsNoTracking().OrderByDescending(d => d.OccurredOn).ThenByDescending(d => d.Id).Take(MaxListed).ToListAsync(ct))
        .Select(ToView).ToList();

    private static async Task<HistoricalDisaster> Find(TianshanDb db, Guid id, CancellationToken ct) =>
        await db.HistoricalDisasters.FirstOrDefaultAsync(d => d.Id == id, ct) ?? throw new NotFoundException("历史灾害记录不存在");

    public static async Task<View> Create(TianshanDb db, HistoricalDisaster.Details details, TimeProvider time, CancellationToken ct)
    {
        var disaster = HistoricalDisaster.Create(details, ChinaTime.Today(time));
        db.HistoricalDisasters.Add(disaster);
        await db.SaveChangesAsync(ct);
        return ToView(disaster);
    }

    public static async Task<View> Update(TianshanDb db, Guid id, HistoricalDisaster.Details details, TimeProvider time, CancellationToken ct)
    {
        var disaster = await Find(db, id, ct);
        disaster.Update(details, ChinaTime.Today(time));
        await db.SaveChangesAsync(ct);
        return ToView(disaster);
    }

    public static async Task Delete(TianshanDb db, Guid id, CancellationToken ct)
    {
        db.HistoricalDisasters.Remove(await Find(db, id, ct));
        await db.SaveChangesAsync(ct);
    }

    public static readonly string[] Headers = ["发生日期", "灾害类型", "发生地点", "灾情概况", "死亡人数", "受灾人数", "直接经济损失(万元)", "演示数据"];

    public static byte[] Export(IEnumerable<View> rows) => RegistryWorkbooks.WriteTable("历史灾害", Headers, rows.Select(d => new object?[]
    {
        d.OccurredOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), d.TypeLabel, d.Place, d.Summary, d.Deaths, d.Affected, d.LossWanYuan,
        RegistryWorkbooks.YesNo(d.IsDemo),
    }));
}
