using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tianshan.Core.Platform;
using Tianshan.Core.Prevention;
using Tianshan.Core.Registry;
using Tianshan.Core.Reports;
using Tianshan.Web.Features.Monitoring;

namespace Tianshan.Web.Features.Reports.Sections;

/// <summary>一企一策 一: who the enterprise is and how it is graded — the 100-point enterprise grade (分级指南 2018) and the
/// safety credit computed from its record.</summary>
public sealed class EnterpriseProfileSection : IReportSection
{
    public int Order => 10;
    public string Title => "企业概况和风险等级";
    public bool AppliesTo(ReportKind kind) => kind == ReportKind.Enterprise;

    public async Task<ReportSectionContent> BuildAsync(ReportContext context, CancellationToken ct)
    {
        var d = await EnterpriseReportData.OfAsync(context, ct);
        var e = d.Enterprise;
        var sentences = new List<string>
        {
            $"{e.Name}（统一社会信用代码 {e.CreditCode}），行业：{SectorSet.Label(e.Sector)}，属地：{d.DivisionName}，地址：{e.Address}；主要负责人 {e.PrincipalName}，从业人员 {e.Employees} 人。",
            d.Assessment is { } a
                ? string.Create(CultureInfo.InvariantCulture, $"企业安全风险等级：{RiskLevels.Label(a.Grade)}（{a.Score:0.#} 分，{a.AssessedOn:yyyy-MM-dd} 评定，{a.NextDue:yyyy-MM-dd} 到期）。")
                : "企业安全风险等级：尚未评定。",
            d.Credit is { } c
                ? $"安全生产信用：{c.Result.GradeLabel}（{c.Result.Score} 分）{(c.Result.Deductions.Count > 0 ? "，" + string.Join("；", c.Result.Deductions) : "")}。"
                : "安全生产信用：无记录。",
        };
        return ReportSectionContent.Of(sentences);
    }
}

/// <summary>一企一策 二: major hazard sources with their GB 18218-2018 grade and re-assessment clock (40号令 第十一条), and the
/// risk points with their colours.</summary>
public sealed class EnterpriseRisksSection : IReportSection
{
    public int Order => 20;
    public string Title => "重大危险源和风险点";
    public bool AppliesTo(ReportKind kind) => kind == ReportKind.Enterprise;

    public async Task<ReportSectionContent> BuildAsync(ReportContext context, CancellationToken ct)
    {
        var d = await EnterpriseReportData.OfAsync(context, ct);
        var graded = d.HazardSources.Where(s => s.Grade != null).ToList();
        var colours = Enum.GetValues<RiskLevel>().Select(l => $"{RiskLevels.Label(l)} {d.RiskPoints.Count(r => r.Level == l)} 个");
        return ReportSectionContent.Of(
            [
                $"重大危险源 {graded.Count} 处" + (graded.Count > 0 ? "：" + string.Join("、", graded.GroupBy(s => s.Grade).OrderBy(g => g.Key).Select(g => $"{MajorHazardAssessment.GradeLabel(g.Key)} {g.Count()} 处")) : "") + "。",
                $"风险点 {d.RiskPoints.Count} 个：{string.Join("，", colours)}。",
            ],
            new ReportTable("重大危险源", ["编号", "名称", "等级", "R 值", "上次评估", "下次评估到期", "复评情形"],
                [.. d.HazardSources.Select(s => (IReadOnlyList<object?>)[s.Code, s.Name, s.Grade is null ? "非重大危险源" : MajorHazardAssessment.GradeLabel(s.Grade), s.R,
                    s.LastAssessedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), s.NextAssessmentDue.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    s.PendingTrigger is { } t ? ReassessmentTriggers.Label(t) : "—"])]),
            new ReportTable("风险点", ["名称", "部位", "作业活动", "方法", "风险值", "等级（颜色）", "责任人"],
                [.. d.RiskPoints.Select(r => (IReadOnlyList<object?>)[r.Name, r.Location, r.Activity, r.Method == RiskMethod.Lec ? "LEC" : "LS", r.Score,
                    RiskLevels.Label(r.Level), r.ResponsiblePerson])]));
    }
}

/// <summary>一企一策 三: sensors online now and the enterprise's alarms in the period by priority.</summary>
public sealed class EnterpriseAlarmsSection(IOptions<MonitoringOptions> monitoring) : IReportSection
{
    public int Order => 30;
    public string Title => "监测和报警";
    public bool AppliesTo(ReportKind kind) => kind == ReportKind.Enterprise;

    public async Task<ReportSectionContent> BuildAsync(ReportContext context, CancellationToken ct)
    {
        var d = await EnterpriseReportData.OfAsync(context, ct);
        var alarms = await AlarmsSection.BuildAsync(context, d.Enterprise.Id, AlarmsSection.AcknowledgeWithin(monitoring.Value), ct);
        return alarms with
        {
            Sentences = [$"接入监测传感器 {d.Sensors} 个，报告生成时在线 {d.SensorsOnline} 个（在线率 {ReportText.Percent(d.SensorsOnline, d.Sensors)}）。", .. alarms.Sentences],
        };
    }
}

/// <summary>一企一策 四: hidden hazards open now (each with its deadline and 挂牌督办) and those found and closed in the period.</summary>
public sealed class EnterpriseHiddenHazardsSection : IReportSection
{
    public int Order => 40;
    public string Title => "隐患排查治理";
    public bool AppliesTo(ReportKind kind) => kind == ReportKind.Enterprise;

    public async Task<ReportSectionContent> BuildAsync(ReportContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        var d = await EnterpriseReportData.OfAsync(context, ct);
        var p = context.Period;
        var id = d.Enterprise.Id;
        var found = await context.Db.HiddenHazards.CountAsync(h => h.EnterpriseId == id && h.FoundAt >= p.From && h.FoundAt < p.To, ct);
        var closed = await context.Db.HiddenHazards.CountAsync(h => h.EnterpriseId == id && h.Status == HiddenHazardStatus.Closed && h.ClosedAt >= p.From && h.ClosedAt < p.To, ct);
        var overdue = d.OpenHazards.Count(h => h.Status == HiddenHazardStatus.Rectifying && h.Deadline < context.Now);
        return ReportSectionContent.Of(
            [
                $"{p.Label}发现隐患 {found} 处、整改销号 {closed} 处。",
                $"未销号隐患 {d.OpenHazards.Count} 处（其中重大隐患 {d.OpenHazards.Count(h => h.Grade == HiddenHazardGrade.Major)} 处、逾期 {overdue} 处、挂牌督办 {d.OpenHazards.Count(h => h.ListedAt != null)} 处）。",
            ],
            new ReportTable("未销号隐患", ["编号", "隐患", "等级", "状态", "整改期限", "挂牌督办"],
                [.. d.OpenHazards.Select(h => (IReadOnlyList<object?>)[h.Number, h.Title, h.Grade is { } g ? HiddenHazardLabels.Label(g) : "待评估",
                    HiddenHazardLabels.Label(h.Status) + (h.Status == HiddenHazardStatus.Rectifying && h.Deadline < context.Now ? "（逾期）" : ""),
                    ReportText.Day(h.Deadline), h.ListedAt is null ? "否" : "是"])]));
    }
}

/// <summary>一企一策 五: inspections of the enterprise and enforcement cases against it in the period.</summary>
public sealed class EnterpriseSupervisionSection : IReportSection
{
    public int Order => 50;
    public string Title => "检查和执法";
    public bool AppliesTo(ReportKind kind) => kind == ReportKind.Enterprise;

    public async Task<ReportSectionContent> BuildAsync(ReportContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        var d = await EnterpriseReportData.OfAsync(context, ct);
        var p = context.Period;
        var id = d.Enterprise.Id;
        DateOnly from = p.FirstDay, to = p.LastDay;
        var inspections = await context.Db.Inspections.AsNoTracking().Where(i => i.EnterpriseId == id && i.InspectedOn >= from && i.InspectedOn <= to)
            .OrderBy(i => i.InspectedOn).Select(i => new { i.Number, i.InspectedOn, i.Template, i.Unannounced, i.Items }).ToListAsync(ct);
        var cases = await context.Db.EnforcementCases.AsNoTracking().Where(c => c.EnterpriseId == id && c.FiledAt >= p.From && c.FiledAt < p.To)
            .Select(c => new { c.Number, c.Title, c.Stage, c.FiledAt }).ToListAsync(ct);
        var rows = inspections.Select(i => (IReadOnlyList<object?>)["检查", i.Number, i.InspectedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                i.Template + (i.Unannounced ? "（四不两直）" : ""), $"不符合项 {i.Items.Count(x => x.Result == CheckResult.NonCompliant)} 项"])
            .Concat(cases.OrderBy(c => c.FiledAt).Select(c => (IReadOnlyList<object?>)["案件", c.Number, ReportText.Day(c.FiledAt), c.Title, CaseLabels.Label(c.Stage)]))
            .ToList();
        return ReportSectionContent.Of(
            [$"{p.Label}接受执法检查 {inspections.Count} 次，立案 {cases.Count} 件。"],
            new ReportTable("检查和案件", ["类别", "编号", "日期", "内容", "结果/阶段"], rows));
    }
}

/// <summary>一企一策 六: the advice (<see cref="EnterpriseAdvice"/>), each line with the fact that triggered it.</summary>
public sealed class EnterpriseAdviceSection(IOptions<EnterpriseAdviceOptions> options) : IReportSection
{
    public int Order => 90;
    public string Title => "对策建议";
    public bool AppliesTo(ReportKind kind) => kind == ReportKind.Enterprise;

    public async Task<ReportSectionContent> BuildAsync(ReportContext context, CancellationToken ct)
    {
        var d = await EnterpriseReportData.OfAsync(context, ct);
        var advice = EnterpriseAdvice.For(d.Facts(context), options.Value);
        return ReportSectionContent.Of(
            advice.Select((a, i) => $"{i + 1}. {a.Text}（依据：{a.Trigger}）"),
            new ReportTable("建议及依据", ["序号", "建议", "触发事实"], [.. advice.Select((a, i) => (IReadOnlyList<object?>)[i + 1, a.Text, a.Trigger])]));
    }
}
