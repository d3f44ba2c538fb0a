using Tianshan.Core.Data;
using Tianshan.Core.Prevention;

namespace Tianshan.Core.Demo;

/// <summary>Demo risk points and enterprise grades (illustrative, marked demo like the rest), so the four-colour map shows
/// every colour: a few points for the first demo enterprises and a 100-point grade for some of them.</summary>
public static class DemoRiskPoints
{
    private static readonly DateTimeOffset AssessedAt = new(2026, 10, 12, 2, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly AssessedOn = new(2026, 10, 12);

    private static RiskPointDetails Lec(string name, string location, string activity, string hazard, string measures, string person,
        decimal l, decimal e, decimal c) => new()
    {
        Name = name, Location = location, Activity = activity, HazardType = hazard, ControlMeasures = measures,
        ResponsiblePerson = person, Method = RiskMethod.Lec, L = l, E = e, C = c,
    };

    private static RiskPointDetails Ls(string name, string location, string activity, string hazard, string measures, string person,
        int l, int s) => new()
    {
        Name = name, Location = location, Activity = activity, HazardType = hazard, ControlMeasures = measures,
        ResponsiblePerson = person, Method = RiskMethod.Ls, L = l, S = s,
    };

    /// <summary>By the enterprise's position in the demo data set: its points and its grade (score, direct-red situations).</summary>
    private static readonly (int Enterprise, RiskPointDetails[] Points, decimal? Score, DirectRedCondition Conditions)[] Plan =
    [
        (0, [
            Lec("乙烯裂解炉区", "乙烯厂裂解车间", "裂解炉点火与切换", "火灾、爆炸", "燃料气联锁切断；点火前可燃气体检测；作业票管理", "张建国", 3, 6, 40),
            Lec("加氢裂化高压临氢系统", "炼油厂加氢车间", "高压临氢设备运行", "火灾、爆炸、中毒", "安全仪表系统（SIS）；紧急泄压；硫化氢检测报警", "李明", 1, 10, 40),
            Ls("储罐区检维修动火", "储运部罐区", "动火作业", "火灾", "动火作业票；气体分析合格；专人监护", "王强", 3, 3),
            Ls("配电室", "动力车间", "高低压配电设备", "触电", "停送电挂牌上锁；绝缘工器具定期检验", "赵磊", 2, 2),
        ], 72, DirectRedCondition.None),
        (1, [
            Lec("原油储罐区", "金泰储运罐区", "储罐收发油", "火灾、爆炸", "液位高高联锁；防雷防静电检测；泡沫灭火系统", "周斌", 3, 6, 15),
            Ls("装卸栈桥", "金泰储运装车区", "汽车槽车装卸", "火灾、车辆伤害", "静电接地报警；限速；装卸监护", "吴涛", 3, 4),
        ], 86, DirectRedCondition.None),
        (2, [
            Lec("液化石油气球罐", "安顺储配站罐区", "球罐储存", "火灾、爆炸", "注水措施；紧急切断阀；可燃气体检测报警", "刘洋", 6, 10, 15),
            Ls("钢瓶充装", "安顺储配站充装间", "液化气钢瓶充装", "火灾、爆炸", "充装秤联锁；钢瓶检验；防爆电气", "孙丽", 4, 5),
        ], 55, DirectRedCondition.None),
        (3, [
            Ls("原料仓库", "瑞丰化工仓库", "物料储存与搬运", "火灾、中毒", "分区分类储存；通风；巡检", "郑伟", 2, 3),
        ], 93, DirectRedCondition.None),
        (4, [
            Lec("助剂反应釜", "华源助剂生产车间", "间歇反应", "火灾、中毒", "温度压力联锁；紧急冷却", "马超", 3, 6, 7),
        ], 88, DirectRedCondition.UndesignedPlant),
    ];

    /// <summary>Adds the demo points and grades to the enterprises just added (called by <see cref="DemoSeeder"/>).</summary>
    public static void Add(TianshanDb db, DemoData data)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(data);
        var options = RiskGradingOptions.National;
        var byCode = db.Enterprises.Local.ToDictionary(e => e.CreditCode, StringComparer.Ordinal);
        foreach (var (index, points, score, conditions) in Plan)
        {
            if (index >= data.Enterprises.Count || !byCode.TryGetValue(data.Enterprises[index].CreditCode, out var enterprise))
                continue;
            foreach (var p in points)
                db.RiskPoints.Add(RiskPoint.Create(enterprise.Id, p, options, AssessedAt, "演示数据"));
            if (score is { } s)
                db.EnterpriseRiskAssessments.Add(EnterpriseRiskAssessment.Create(enterprise.Id, s, conditions, AssessedOn, "演示数据", null, options));
        }
    }
}
