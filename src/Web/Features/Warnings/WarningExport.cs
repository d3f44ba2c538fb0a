using System.Globalization;
using Tianshan.Core.Data;
using Tianshan.Core.Platform;
using Tianshan.Web.Features.Registry;
using Tianshan.Web.Features.Resources;

namespace Tianshan.Web.Features.Warnings;

/// <summary>The warning ledger as Excel (预警信息台账): every message of ours as the list shows it, with its level, area,
/// times, status and — once published — its coverage (people reached ÷ people in the area, as the statistics count it).</summary>
public static class WarningExport
{
    public const string Title = "预警信息台账";

    public static readonly string[] Headers =
    [
        "预警编号", "报文类型", "事件类型", "级别", "标题", "区域", "生效时间", "失效时间", "状态", "起草人", "起草时间", "审核人", "发布时间",
        "区域内人数", "已覆盖人数", "覆盖率",
    ];

    public static async Task<byte[]> WriteAsync(WarningActions actions, TianshanDb db, CancellationToken ct)
    {
        var list = await actions.ListAsync(null, ct);
        var coverage = (await WarningStatisticsQuery.ComputeAsync(db, ct)).Warnings.ToDictionary(s => s.Id);
        return RegistryWorkbooks.WriteTable(Title, Headers, list.Select(w =>
        {
            var c = coverage.GetValueOrDefault(w.Id);
            return new object?[]
            {
                w.Identifier ?? "", w.MessageTypeLabel, w.EventName, w.LevelLabel, w.Headline, w.AreaDescription, Time(w.Onset), Time(w.Expires),
                w.StatusLabel, w.DraftedBy, Time(w.DraftedAt), w.ApprovedBy ?? "", Time(w.PublishedAt),
                c is null ? null : (double)c.PeopleInArea, c is null ? null : (double)c.PeopleReached,
                c?.Coverage is { } r ? r.ToString("P1", CultureInfo.InvariantCulture) : "",
            };
        }));
    }

    public static string FileName(TimeProvider time) => LedgerActions.FileName(Title, time);

    private static string Time(DateTimeOffset? at) =>
        at is { } v ? ChinaTime.ToChina(v).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "";
}
