namespace Tianshan.Core.Indicators;

/// <summary>Where an indicator's actual value comes from.</summary>
public enum IndicatorSource
{
    /// <summary>Computed from Tianshan's own records, traceable to them.</summary>
    Computed = 1,
    /// <summary>Entered by the bureau with its evidence (the platform does not hold the records, e.g. forest-fire extinguishing).</summary>
    Entered = 2,
}

/// <summary>How the actual value meets the target.</summary>
public enum TargetComparison
{
    /// <summary>≥ target (rates, counts).</summary>
    AtLeast = 1,
    /// <summary>≤ target (times).</summary>
    AtMost = 2,
}

public enum IndicatorStatus
{
    Met = 1,
    NotMet = 2,
    /// <summary>No value for the period: nothing counted (an empty denominator) or nothing entered.</summary>
    NoData = 3,
}

/// <summary>
/// One target of the district's plans as a definition: what it counts, the formula, the target and the period.
/// <see cref="Clause"/> names the plan table row or paragraph the target comes from.
/// </summary>
public sealed record IndicatorDefinition(
    string Code,
    string Name,
    string Plan,
    string Clause,
    decimal Target,
    TargetComparison Comparison,
    string Unit,
    string Period,
    IndicatorSource Source,
    string Formula)
{
    public IndicatorStatus StatusOf(decimal? actual) => actual switch
    {
        null => IndicatorStatus.NoData,
        { } a when Comparison == TargetComparison.AtLeast => a >= Target ? IndicatorStatus.Met : IndicatorStatus.NotMet,
        { } a => a <= Target ? IndicatorStatus.Met : IndicatorStatus.NotMet,
    };

    public string TargetText => $"{(Comparison == TargetComparison.AtLeast ? "≥" : "≤")} {Target:0.##}{Unit}";
}

/// <summary>
/// The targets of Dushanzi District's three 14th Five-Year plans (2021–2025) that carry a number: the emergency plan's
/// indicator table (《独山子区应急体系建设“十四五”规划》 二(三), indicators 1–17) and the disaster-reduction plan's targets
/// (《独山子区综合防灾减灾“十四五”规划》 二(三) 1–6). The work-safety plan states its goals in words ("事故总量进一步下降",
/// "杜绝特别重大事故"); those two are kept as a comparison with the previous year and a count. Source: the plans' text,
/// docs/plans/dushanzi-14th-five-year-plans.txt.
/// </summary>
public static class IndicatorCatalogue
{
    public const string EmergencyPlan = "应急体系建设“十四五”规划";
    public const string DisasterPlan = "综合防灾减灾“十四五”规划";
    public const string WorkSafetyPlan = "安全生产“十四五”规划";

    private const string Year = "年度";

    public static readonly IReadOnlyList<IndicatorDefinition> All =
    [
        new("EP-01", "应急避难场所覆盖率、合格率", EmergencyPlan, "指标表 1", 100, TargetComparison.AtLeast, "%", Year, IndicatorSource.Computed,
            "有合格避难场所覆盖的社区数 ÷ 社区总数 × 100（合格：GB 21734 人均有效面积 > 1.5 m² 且开放）"),
        new("EP-02", "各类突发事件预警信息公众覆盖率", EmergencyPlan, "指标表 2", 90, TargetComparison.AtLeast, "%", Year, IndicatorSource.Computed,
            "当年发布预警送达人数 ÷ 预警区域内人数 × 100"),
        new("EP-03", "高危行业（领域）重大危险源实时监控终端安装率", EmergencyPlan, "指标表 3", 100, TargetComparison.AtLeast, "%", "实时", IndicatorSource.Computed,
            "至少接入 1 个监测传感器的重大危险源数 ÷ 重大危险源总数 × 100"),
        new("EP-04", "高危行业（领域）主要安全管理人员应急能力培训率", EmergencyPlan, "指标表 4", 100, TargetComparison.AtLeast, "%", Year, IndicatorSource.Computed,
            "当年参加应急能力培训的高危行业（危险化学品、非煤矿山、工贸）企业主要负责人和安全管理人员数 ÷ 其总数 × 100"),
        new("EP-05", "安全生产高危行业规模以上企业应急管理执法检查覆盖率", EmergencyPlan, "指标表 5", 100, TargetComparison.AtLeast, "%", Year, IndicatorSource.Computed,
            "当年至少接受 1 次监督检查的高危行业企业数 ÷ 高危行业企业总数 × 100（高危行业：危险化学品、非煤矿山、工贸（含金属冶炼）；台账暂无“规模以上”标记，按全部计）"),
        new("EP-06", "综合应急救援队伍人员配备达标率", EmergencyPlan, "指标表 6", 100, TargetComparison.AtLeast, "%", "实时", IndicatorSource.Computed,
            "在岗人数达到编制的救援队伍数 ÷ 救援队伍总数 × 100（社会救援力量除外；未定编制的不计为达标）"),
        new("EP-07", "综合应急救援队伍装备配备达标率", EmergencyPlan, "指标表 7", 100, TargetComparison.AtLeast, "%", "实时", IndicatorSource.Computed,
            "装备达到应配数的救援队伍数 ÷ 救援队伍总数 × 100（社会救援力量除外；未定应配数的不计为达标）"),
        new("EP-08", "森林、草原火灾24小时扑灭率", EmergencyPlan, "指标表 8", 100, TargetComparison.AtLeast, "%", Year, IndicatorSource.Entered,
            "24 小时内扑灭的森林草原火灾起数 ÷ 火灾总起数 × 100（林草部门报送，附证明材料）"),
        new("EP-09", "市政公用工程重大突发事件处置率", EmergencyPlan, "指标表 9", 100, TargetComparison.AtLeast, "%", Year, IndicatorSource.Entered,
            "已妥善处置的市政公用工程重大突发事件数 ÷ 发生数 × 100（住建部门报送，附证明材料）"),
        new("EP-10", "灾害发生后满足抢险救灾基本用电需求时间", EmergencyPlan, "指标表 10", 10, TargetComparison.AtMost, "小时", Year, IndicatorSource.Computed,
            "当年各灾害事件“恢复抢险救灾基本用电”里程碑时间 − 事发时间，取最大值"),
        new("EP-11", "受灾群众基本生活8小时内得到初步救助率", EmergencyPlan, "指标表 11", 100, TargetComparison.AtLeast, "%", Year, IndicatorSource.Computed,
            "事发 8 小时内“受灾群众得到基本生活救助”的灾害事件数 ÷ 有受灾群众的灾害事件数 × 100"),
        new("EP-12", "事发现场指挥通信在事件接报后2小时之内的开通率", EmergencyPlan, "指标表 12", 100, TargetComparison.AtLeast, "%", Year, IndicatorSource.Computed,
            "接报后 2 小时内开通现场指挥通信的事件数 ÷ 需开通的事件数 × 100"),
        new("EP-13", "安置点社会秩序保障率", EmergencyPlan, "指标表 13", 100, TargetComparison.AtLeast, "%", Year, IndicatorSource.Entered,
            "未发生治安事件的安置点数 ÷ 启用的安置点数 × 100（公安部门报送，附证明材料）"),
        new("EP-14", "公共安全与应急管理知识科普宣传家庭受众率", EmergencyPlan, "指标表 14", 95, TargetComparison.AtLeast, "%", Year, IndicatorSource.Computed,
            "当年宣传活动覆盖家庭户数（各社区累计，超过该社区户数的按户数计）÷ 各社区家庭户数（承灾体调查）× 100"),
        new("EP-15", "民间救援队伍", EmergencyPlan, "指标表 15", 1, TargetComparison.AtLeast, "支", "实时", IndicatorSource.Computed,
            "救援队伍台账中类型为社会（民间）救援力量的队伍数"),
        new("EP-16", "街道应急管理标准化建设达标率", EmergencyPlan, "指标表 16", 100, TargetComparison.AtLeast, "%", Year, IndicatorSource.Entered,
            "标准化建设达标的街道数 ÷ 街道总数 × 100（考核结果录入，附证明材料）"),
        new("EP-17", "灾害发生后灾区灾后影像资料获取时间", EmergencyPlan, "指标表 17", 24, TargetComparison.AtMost, "小时", Year, IndicatorSource.Computed,
            "当年各灾害事件“获取灾区影像”里程碑时间 − 事发时间，取最大值"),
        new("DP-01", "重大气象灾害预警信息公众覆盖率", DisasterPlan, "规划目标 1", 100, TargetComparison.AtLeast, "%", Year, IndicatorSource.Computed,
            "当年重大气象灾害（橙色、红色）预警送达人数 ÷ 预警区域内人数 × 100"),
        new("DP-02", "灾害发生8小时之内受灾群众基本生活得到有效救助", DisasterPlan, "规划目标 2", 100, TargetComparison.AtLeast, "%", Year, IndicatorSource.Computed,
            "同 EP-11，按灾情报送的受灾群众计"),
        new("DP-03", "灾害信息员每年培训次数", DisasterPlan, "规划目标 4", 2, TargetComparison.AtLeast, "次", Year, IndicatorSource.Computed,
            "在册灾害信息员当年参加灾害信息员培训次数的最小值（每名信息员都须培训 ≥ 2 次；无在册信息员为无数据）"),
        new("DP-04", "防灾减灾知识宣传家庭普及率", DisasterPlan, "规划目标 5", 90, TargetComparison.AtLeast, "%", Year, IndicatorSource.Computed,
            "当年防灾减灾知识调查中合格（知晓）的家庭数 ÷ 被调查家庭数 × 100"),
        new("DP-05", "全国综合减灾示范社区", DisasterPlan, "规划目标 6", 2, TargetComparison.AtLeast, "家", "累计", IndicatorSource.Computed,
            "已获命名的全国综合减灾示范社区数"),
        new("SP-01", "生产安全事故死亡人数较上年变化", WorkSafetyPlan, "规划目标（事故总量进一步下降）", 0, TargetComparison.AtMost, "人", Year, IndicatorSource.Computed,
            "当年生产安全事故死亡人数 − 上年死亡人数（≤ 0 为下降或持平）"),
        new("SP-02", "重大及以上生产安全事故起数", WorkSafetyPlan, "规划目标（有效遏制重大事故，杜绝特别重大事故）", 0, TargetComparison.AtMost, "起", Year, IndicatorSource.Computed,
            "当年重大、特别重大生产安全事故起数"),
    ];

    public static IndicatorDefinition? Find(string code) => All.FirstOrDefault(d => string.Equals(d.Code, code, StringComparison.OrdinalIgnoreCase));

    /// <summary>A percentage with one decimal, or null when nothing is counted (an empty denominator is no data, not 0 % or 100 %).</summary>
    public static decimal? Rate(int numerator, int denominator)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(numerator);
        ArgumentOutOfRangeException.ThrowIfNegative(denominator);
        if (numerator > denominator)
            throw new ArgumentOutOfRangeException(nameof(numerator), "a rate's numerator counts a part of its denominator");
        return denominator == 0 ? null : Math.Round(100m * numerator / denominator, 1, MidpointRounding.AwayFromZero);
    }
}
