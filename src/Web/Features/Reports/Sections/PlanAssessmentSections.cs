using System.Globalization;
using Tianshan.Core.Indicators;
using Tianshan.Core.Reports;
using Tianshan.Web.Features.Indicators;

namespace Tianshan.Web.Features.Reports.Sections;

/// <summary>规划实施评估: every indicator of <see cref="Indicators.Indicators.ListAsync"/> for the year — the summary count
/// first, then one table per plan with target, actual, status and source (computed from records or entered with evidence).</summary>
public sealed class PlanAssessmentSection : IReportSection
{
    public int Order => 10;
    public string Title => "规划指标完成情况";
    public bool AppliesTo(ReportKind kind) => kind == ReportKind.PlanAssessment;

    public static string StatusLabel(IndicatorStatus status) => status switch
    {
        IndicatorStatus.Met => "达标",
        IndicatorStatus.NotMet => "未达标",
        _ => "暂无数据",
    };

    public async Task<ReportSectionContent> BuildAsync(ReportContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        var year = context.Period.Year;
        var all = await Indicators.Indicators.ListAsync(context.Db, year, ct);
        string Summary(IReadOnlyCollection<Indicators.Indicators.IndicatorView> v) =>
            $"共 {v.Count} 项：达标 {v.Count(i => i.Status == IndicatorStatus.Met)} 项，未达标 {v.Count(i => i.Status == IndicatorStatus.NotMet)} 项，暂无数据 {v.Count(i => i.Status == IndicatorStatus.NoData)} 项";
        var sentences = new List<string> { $"{year} 年度规划指标{Summary(all)}。" };
        var tables = new List<ReportTable>();
        foreach (var plan in all.GroupBy(i => i.Plan))
        {
            var list = plan.ToList();
            sentences.Add($"{plan.Key}：{Summary(list)}。");
            tables.Add(new ReportTable(plan.Key, ["编号", "指标", "条款", "目标", "实际", "状态", "来源", "说明"],
                [.. list.Select(i => (IReadOnlyList<object?>)[i.Code, i.Name, i.Clause, i.TargetText,
                    i.Actual is { } a ? a.ToString("0.##", CultureInfo.InvariantCulture) + i.Unit : "—", StatusLabel(i.Status),
                    i.Source == IndicatorSource.Computed ? "平台计算" : "录入", i.Note ?? ""])]));
        }
        var missed = all.Where(i => i.Status == IndicatorStatus.NotMet).ToList();
        if (missed.Count > 0)
            sentences.Add("未达标指标：" + string.Join("；", missed.Select(i => $"{i.Code} {i.Name}（目标 {i.TargetText}，实际 {i.Actual?.ToString("0.##", CultureInfo.InvariantCulture)}{i.Unit}）")) + "。");
        return new ReportSectionContent(sentences, tables);
    }
}
