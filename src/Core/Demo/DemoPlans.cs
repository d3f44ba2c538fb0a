using Microsoft.EntityFrameworkCore;
using Tianshan.Core.Data;
using Tianshan.Core.Incidents;
using Tianshan.Core.Plans;
using Tianshan.Core.Platform;
using Tianshan.Core.Registry;

namespace Tianshan.Core.Demo;

/// <summary>
/// The demo's plans and drills (titles, numbers and dates illustrative, marked 演示): the district's overall plan and special plans
/// (the construction plan is past its three-year evaluation, and culture-tourism and agricultural machinery have none, so the sector
/// coverage check has something to show), one special plan per major hazard source (一源一案, all filed and current), enterprise
/// comprehensive plans and on-site disposal plans, this year's drill plans and drills — some enterprises drilled in both half years,
/// some missed one — with follow-up actions, one of which found a problem that makes the refinery's plan due for revision.
/// </summary>
public static class DemoPlans
{
    private static readonly PlanLevel[] DistrictLevels =
    [
        new() { Level = ResponseLevel.I, Triggers = "特别重大突发事件（如死亡 30 人以上）", Actions = "区委区政府主要领导到岗，成立现场指挥部，报请自治区、市启动响应，全力开展先期处置" },
        new() { Level = ResponseLevel.II, Triggers = "重大突发事件（如死亡 10–29 人）", Actions = "区政府主要领导指挥，各成员单位全员到岗，报请市政府支援" },
        new() { Level = ResponseLevel.III, Triggers = "较大突发事件（如死亡 3–9 人）", Actions = "分管副区长赶赴现场，区应急局牵头成立现场指挥部，调派专业救援队伍" },
        new() { Level = ResponseLevel.IV, Triggers = "一般突发事件（如死亡 1–2 人）或可能扩大的险情", Actions = "区应急局主要负责人赶赴现场，调派消防救援和行业部门力量处置" },
    ];

    private static readonly PlanLevel[] EnterpriseLevels =
    [
        new() { Level = ResponseLevel.II, Triggers = "事故超出企业处置能力，可能影响厂外", Actions = "企业总指挥启动，立即报告区应急局并请求区级响应，疏散周边人员" },
        new() { Level = ResponseLevel.III, Triggers = "装置或罐区泄漏、着火，需全厂调度", Actions = "企业应急指挥部启动，专职消防队出动，紧急切断和 SIS 联锁，1 小时内向区应急局报告" },
        new() { Level = ResponseLevel.IV, Triggers = "局部泄漏或报警，班组可控", Actions = "班组现场处置方案启动，值班长指挥，关阀堵漏，监测可燃有毒气体浓度" },
    ];

    public static async Task SeedAsync(TianshanDb db, DemoData data, DateTimeOffset now, CancellationToken ct = default)
    {
        if (await db.EmergencyPlans.IgnoreQueryFilters().AnyAsync(ct))
            return;
        var today = DateOnly.FromDateTime(ChinaTime.ToChina(now).DateTime);
        var district = await db.Divisions.Where(d => d.Level == DivisionLevel.District).Select(d => d.Path).FirstAsync(ct);
        var codes = data.Enterprises.Select(e => e.CreditCode).ToList();
        var enterprises = (await db.Enterprises.IgnoreQueryFilters().Include(e => e.Division).Include(e => e.MajorHazardSources)
            .Where(e => codes.Contains(e.CreditCode)).ToListAsync(ct)).ToDictionary(e => e.CreditCode);
        Enterprise E(int index) => enterprises[data.Enterprises[index].CreditCode];

        var plans = new List<EmergencyPlan>();
        EmergencyPlan Add(PlanDetails d, string path, DateOnly? filedOn, string? number)
        {
            var plan = EmergencyPlan.Register(d, path, "bureau", now, today);
            if (filedOn is { } on)
                plan.File(number!, on, "bureau", today);
            plans.Add(plan);
            return plan;
        }

        // The district's own plans (国办发〔2024〕5号: the government's overall, special and department plans).
        Add(new PlanDetails
        {
            Title = "独山子区突发事件总体应急预案（演示）", Kind = PlanKind.Overall, Owner = "独山子区人民政府", Version = $"{today.AddMonths(-20).Year}版", PublishedOn = today.AddMonths(-20),
            Summary = "全区应对各类突发事件的总纲，明确组织体系、分级响应和保障措施。", Levels = DistrictLevels,
        }, district, today.AddMonths(-20).AddDays(10), "独政备〔演示〕1号");
        var specials = new (string Title, string Owner, Sector Sectors, int MonthsAgo, PlanKind Kind)[]
        {
            ("独山子区生产安全事故应急预案（演示）", "独山子区应急管理局", Sector.IndustryTrade | Sector.NonCoalMines | Sector.Power, 14, PlanKind.Special),
            ("独山子区危险化学品事故应急预案（演示）", "独山子区应急管理局", Sector.HazardousChemicals, 10, PlanKind.Special),
            ("独山子区火灾事故应急预案（演示）", "独山子区消防救援大队", Sector.CrowdedPlaces, 18, PlanKind.Special),
            ("独山子区道路交通事故应急预案（演示）", "独山子区交通运输局", Sector.RoadTransport, 22, PlanKind.Department),
            ("独山子区特种设备事故应急预案（演示）", "独山子区市场监督管理局", Sector.SpecialEquipment, 9, PlanKind.Department),
            // Published more than three years ago and not evaluated since: past 第三十五条's three years, so not current.
            ("独山子区建设工程施工安全事故应急预案（演示）", "独山子区住房和城乡建设局", Sector.Construction, 40, PlanKind.Department),
        };
        var n = 2;
        foreach (var s in specials)
        {
            var published = today.AddMonths(-s.MonthsAgo);
            Add(new PlanDetails { Title = s.Title, Kind = s.Kind, Owner = s.Owner, Version = $"{published.Year}版", PublishedOn = published, Sectors = s.Sectors, Levels = DistrictLevels },
                district, published.AddDays(15), $"独应急备〔演示〕{n++}号");
        }

        // 一源一案: one special plan per major hazard source, filed with the bureau.
        foreach (var enterprise in enterprises.Values.Where(e => e.MajorHazardSources.Count > 0).OrderBy(e => e.CreditCode, StringComparer.Ordinal))
        {
            foreach (var source in enterprise.MajorHazardSources.OrderBy(s => s.Code, StringComparer.Ordinal))
            {
                var published = today.AddMonths(-(6 + n % 24));
                Add(new PlanDetails
                {
                    Title = $"{source.Name}事故专项应急预案（演示）", Kind = PlanKind.Special, Owner = enterprise.Name, Version = $"{published.Year}版", PublishedOn = published,
                    EnterpriseId = enterprise.Id, MajorHazardSourceId = source.Id, Levels = EnterpriseLevels,
                    Summary = $"{source.Code} {source.Name}的泄漏、火灾、爆炸和中毒事故处置。",
                }, enterprise.Division!.Path, published.AddDays(12), $"650202-{published.Year}-{n++:000}（演示）");
            }
        }

        // Enterprise comprehensive plans (the six chemical enterprises and the mall) and on-site disposal plans (two fuel stations).
        var refineryPlan = default(EmergencyPlan);
        foreach (var index in new[] { 0, 1, 2, 3, 4, 5, 17, 20 })
        {
            var enterprise = E(index);
            var published = today.AddMonths(-(8 + index));
            var plan = Add(new PlanDetails
            {
                Title = $"{enterprise.Name}生产安全事故综合应急预案（演示）", Kind = PlanKind.EnterpriseComprehensive, Owner = enterprise.Name, Version = $"{published.Year}版",
                PublishedOn = published, EnterpriseId = enterprise.Id, Levels = EnterpriseLevels,
            }, enterprise.Division!.Path, index == 20 ? null : published.AddDays(14), $"650202-{published.Year}-{n++:000}（演示）");
            if (index == 0)
                refineryPlan = plan;
        }
        foreach (var index in new[] { 7, 8 })
        {
            var enterprise = E(index);
            var published = today.AddMonths(-5);
            Add(new PlanDetails
            {
                Title = $"{enterprise.Name}卸油作业火灾现场处置方案（演示）", Kind = PlanKind.OnSiteDisposal, Owner = enterprise.Name, Version = $"{published.Year}版",
                PublishedOn = published, EnterpriseId = enterprise.Id,
                Levels = [new PlanLevel { Level = ResponseLevel.IV, Triggers = "卸油、加油过程中油品泄漏或着火", Actions = "停止作业、切断电源、灭火器和灭火毯扑救、疏散车辆人员、拨打 119 并报告区应急局" }],
            }, enterprise.Division!.Path, published.AddDays(7), $"650202-{published.Year}-{n++:000}（演示）");
        }
        db.EmergencyPlans.AddRange(plans);

        // Drills this year: the refinery, the storage company, the LPG depot, the ammonia plant and the mall in both half years; the
        // additive plant only in the first half; the water works only in the second; the rest none — so the half-year check shows both.
        var (firstHalf, secondHalf) = today.Month > 6
            ? (new DateOnly(today.Year, 5, 20), Min(new DateOnly(today.Year, 9, 18), today))
            : (Min(new DateOnly(today.Year, 3, 15), today), (DateOnly?)null);
        DrillRecord? refineryDrill = null;
        foreach (var (index, halves) in new[] { (0, 3), (1, 3), (2, 3), (3, 3), (17, 3), (4, 1), (5, 2), (7, 1) })
        {
            var enterprise = E(index);
            var plan = plans.First(p => p.EnterpriseId == enterprise.Id);
            foreach (var (half, day) in new[] { (1, (DateOnly?)firstHalf), (2, secondHalf) })
            {
                if ((halves & half) == 0 || day is not { } heldOn)
                    continue;
                var fullScale = half == 2 && index == 0;
                var drill = DrillRecord.Record(new DrillDetails
                {
                    PlanId = plan.Id, Scenario = fullScale ? "液化石油气球罐法兰泄漏着火，联动区消防救援大队" : $"{plan.Title.Replace("（演示）", "", StringComparison.Ordinal)}桌面推演",
                    HeldOn = heldOn, Type = fullScale ? DrillType.FullScale : half == 1 ? DrillType.Tabletop : DrillType.Functional,
                    Participants = fullScale ? "企业应急指挥部、专职消防队、区消防救援大队、区应急局、120" : $"{enterprise.Name}应急指挥部及各车间",
                    ParticipantCount = fullScale ? 120 : 25,
                    Evaluation = fullScale ? "响应迅速，指挥有序；紧急切断动作到位，消防水幕 6 分钟形成。" : "预案流程清楚，职责明确，人员熟悉处置程序。",
                    Problems = fullScale ? "应急广播在罐区东侧听不清；与区消防救援大队的通信频道切换耗时 4 分钟。" : null,
                    FollowUps = fullScale
                        ? [new DrillFollowUp { Action = "罐区东侧增设应急广播扬声器", Owner = "设备部（演示）", Deadline = heldOn.AddDays(30) },
                           new DrillFollowUp { Action = "与区消防救援大队约定固定联络频道并写入预案", Owner = "安全环保部（演示）", Deadline = heldOn.AddDays(60) }]
                        : [],
                }, plan, "enterprise", now, today);
                db.DrillRecords.Add(drill);
                if (fullScale)
                    refineryDrill = drill;
            }
        }
        if (refineryDrill is not null)
        {
            if (refineryDrill.HeldOn.AddDays(20) <= today)
                refineryDrill.CompleteFollowUp(0, refineryDrill.HeldOn.AddDays(20), today);
            // 第三十六条(五): the drill found a problem that needs the plan revised.
            refineryPlan!.RecordTrigger(RevisionTrigger.ProblemsFound, refineryDrill.HeldOn, "实战演练发现与区消防救援大队通信联络程序需修订", today);
        }

        db.DrillPlans.Add(DrillPlan.Create(today.Year, "独山子区应急管理局", null, district,
        [
            new PlannedDrill { Month = 5, Scenario = "汛期山洪地质灾害转移避险桌面推演", Type = DrillType.Tabletop },
            new PlannedDrill { Month = 9, Scenario = "危险化学品罐区泄漏火灾政企联合实战演练", Type = DrillType.FullScale },
            new PlannedDrill { Month = 11, Scenario = "冬季人员密集场所火灾疏散功能演练", Type = DrillType.Functional },
        ], "bureau"));
        db.DrillPlans.Add(DrillPlan.Create(today.Year, E(0).Name, E(0).Id, E(0).Division!.Path,
        [
            new PlannedDrill { Month = 5, Scenario = "综合应急预案桌面推演", Type = DrillType.Tabletop, PlanId = refineryPlan?.Id },
            new PlannedDrill { Month = 9, Scenario = "液化石油气球罐泄漏着火实战演练", Type = DrillType.FullScale },
        ], "enterprise"));
        await db.SaveChangesAsync(ct);
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
