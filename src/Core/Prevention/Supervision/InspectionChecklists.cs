using Tianshan.Core.Registry;

namespace Tianshan.Core.Prevention;

/// <summary>Checklist templates per sector (检查表). Items abridged from the rules they check; a district adds its own
/// templates by extending this catalogue.</summary>
public static class InspectionChecklists
{
    public sealed record Item(int Number, string Text);

    public sealed record Template(string Code, string Name, Sector Sector, IReadOnlyList<Item> Items);

    private static Template Make(string code, string name, Sector sector, params string[] items) =>
        new(code, name, sector, items.Select((t, i) => new Item(i + 1, t)).ToList());

    public static readonly IReadOnlyList<Template> All =
    [
        Make("HC-2026", "危险化学品企业监督检查表", Sector.HazardousChemicals,
            "主要负责人和安全生产管理人员依法经考核合格（重大隐患判定标准第1项）",
            "特种作业人员持证上岗（第2项）",
            "重点监管危险化工工艺装置实现自动化控制和紧急停车功能并投用（第4项）",
            "一、二级重大危险源罐区实现紧急切断功能（第5项）",
            "可燃和有毒气体泄漏场所按标准设置检测报警装置并正常运行（第12项）",
            "安全阀、爆破片等安全附件正常投用（第15项）",
            "建立全员安全生产责任制和隐患排查治理制度（第16项）",
            "制定操作规程和工艺控制指标（第17项）",
            "动火、受限空间等特殊作业管理制度有效执行（第18项）",
            "危险化学品分区分类储存，无超量超品种储存、禁配物质混放（第20项）",
            "重大危险源监测数据实时上传，报警及时处置",
            "应急预案备案并按规定演练"),
        Make("IT-2026", "工贸企业监督检查表", Sector.IndustryTrade,
            "建立全员安全生产责任制",
            "安全生产管理机构或人员按规定配备",
            "从业人员安全生产教育培训到位",
            "有限空间作业审批、检测、监护到位",
            "粉尘涉爆场所除尘系统和防爆措施符合要求",
            "设备设施安全防护装置完好",
            "隐患排查治理台账完整",
            "应急预案和演练"),
        Make("CP-2026", "人员密集场所消防安全检查表", Sector.CrowdedPlaces,
            "疏散通道、安全出口畅通，无锁闭、堵塞",
            "应急照明和疏散指示标志完好",
            "消防设施、器材完好有效",
            "消防控制室值班人员持证在岗",
            "电气线路敷设符合要求，无私拉乱接",
            "每日防火巡查记录完整",
            "员工会报警、会灭初起火灾、会组织疏散"),
        Make("GEN-2026", "一般企业安全生产检查表", SectorSet.All,
            "安全生产责任制和规章制度健全",
            "安全生产教育培训记录完整",
            "特种作业人员持证上岗",
            "隐患排查治理制度落实",
            "应急预案编制、备案和演练",
            "安全生产费用按规定提取使用"),
    ];

    public static Template? Find(string? code) => All.FirstOrDefault(t => t.Code == code);

    /// <summary>The sector's own template, or the general one.</summary>
    public static Template For(Sector sector) => All.FirstOrDefault(t => t.Sector == sector) ?? All[^1];
}
