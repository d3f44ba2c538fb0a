using Microsoft.EntityFrameworkCore;
using Tianshan.Core.Data;
using Tianshan.Core.Duty;
using Tianshan.Core.Incidents;
using Tianshan.Core.Incidents.DisasterReports;
using Tianshan.Core.Platform;

namespace Tianshan.Core.Demo;

/// <summary>The demo's duty desk (illustrative names, marked 演示): last, this and next week's roster (a demo seeded late on a
/// Sunday, China time, still has someone on duty on Monday), one closed production accident (the
/// 13th FYP's one fatal accident: 1 death, ¥1,000,000 — date and place illustrative) and one open road-traffic incident
/// taken 40 minutes before first start, so its clocks run.</summary>
public static class DemoIncidents
{
    private static readonly (string Leader, string Officer)[] Roster =
    [
        ("王建华（演示）", "李娜（演示）"), ("赵国强（演示）", "阿依古丽·买买提（演示）"), ("陈志刚（演示）", "刘洋（演示）"),
        ("孙立军（演示）", "马晓燕（演示）"), ("周德明（演示）", "努尔兰·哈力克（演示）"), ("吴海涛（演示）", "杨静（演示）"),
        ("郑卫东（演示）", "张敏（演示）"),
    ];

    public static async Task SeedAsync(TianshanDb db, DateTimeOffset now, CancellationToken ct = default)
    {
        if (await db.DutyShifts.AnyAsync(ct) || await db.Incidents.IgnoreQueryFilters().AnyAsync(ct))
            return;
        var today = DateOnly.FromDateTime(ChinaTime.ToChina(now).DateTime);
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        for (var d = -7; d < 14; d++)
        {
            var (leader, officer) = Roster[(d + 7) % 7];
            var (nightLeader, nightOfficer) = Roster[(d + 10) % 7];
            db.DutyShifts.Add(DutyShift.Create(monday.AddDays(d), DutyShiftKind.Day, leader, officer, "0992-3650000"));
            db.DutyShifts.Add(DutyShift.Create(monday.AddDays(d), DutyShiftKind.Night, nightLeader, nightOfficer, "0992-3650000"));
        }

        var district = await db.Divisions.Where(x => x.Level == DivisionLevel.District).Select(x => x.Path).FirstAsync(ct);
        var refineryCode = DemoSeeder.Load().Enterprises[0].CreditCode;
        var refinery = await db.Enterprises.IgnoreQueryFilters().Where(e => e.CreditCode == refineryCode)
            .Select(e => new { e.Id, e.Division!.Path }).FirstOrDefaultAsync(ct);

        // Closed: 45 days ago, reported on time, investigated and closed with the 四不放过.
        var then = now.AddDays(-45);
        var closed = Incident.Intake($"SJ-{ChinaTime.ToChina(then).Year}-00001", new IncidentDetails
        {
            Source = IncidentSource.Enterprise,
            Category = IncidentCategory.Accident,
            Subtype = "工贸事故",
            Title = "检修作业高处坠落事故（演示）",
            OccurredAt = then,
            ReceivedAt = then.AddMinutes(35),
            Latitude = 44.3045,
            Longitude = 84.8721,
            Address = "独山子区 炼油厂常减压装置（演示）",
            Narrative = "检修人员在常减压装置框架平台拆除保温时未系安全带，从约 8 米高处坠落，经抢救无效死亡。",
            Reporter = "企业安全总监（演示）",
            Figures = new IncidentFigures { Deaths = 1, DirectLossYuan = 1_000_000m },
            EnterpriseId = refinery?.Id,
        }, refinery?.Path ?? district, "bureau", then.AddMinutes(35));
        closed.RecordReport(ReportLevel.City, then.AddMinutes(95), "克拉玛依市应急管理局", "bureau", then.AddMinutes(95));
        closed.RecordMilestone(MilestoneKind.CommandCommsOpened, then.AddMinutes(50), "现场指挥部电话开通", "bureau", then.AddMinutes(50));
        closed.Close(new InvestigationClosure
        {
            Cause = "高处作业未系挂安全带，作业许可未落实监护人",
            Responsibility = "车间主任、作业监护人分别给予记过、警告处分；企业被依法处以罚款",
            Measures = "修订高处作业许可制度，全厂开展特殊作业专项检查",
            Education = "全厂停工开展警示教育，组织事故案例学习",
            ReportSubmittedAt = then.AddDays(40),
            ApprovedAt = then.AddDays(44),
        }, "bureau", now.AddHours(-2));
        db.Incidents.Add(closed);
        db.DutyLog.Add(DutyLogEntry.Create(DutyLogKind.Incident, $"{closed.Number} {closed.Title}", closed.Reporter, null, closed.Id, "bureau", then.AddMinutes(35)));

        // Open: 40 minutes ago, received 10 minutes later; the city report is still counting down.
        var open = Incident.Intake($"SJ-{ChinaTime.ToChina(now).Year}-00002", new IncidentDetails
        {
            Source = IncidentSource.PublicHotline,
            Category = IncidentCategory.Accident,
            Subtype = IncidentSubtypes.RoadTraffic,
            Title = "独奎公路两车相撞事故（演示）",
            OccurredAt = now.AddMinutes(-40),
            ReceivedAt = now.AddMinutes(-30),
            Latitude = 44.3380,
            Longitude = 84.8950,
            Address = "独奎公路 12 公里处（演示）",
            Narrative = "一辆货车与一辆小客车相撞，小客车内 2 人受伤被困，消防救援站已出动。",
            Reporter = "过路群众（演示）",
            ReporterPhone = "138****0000",
            Figures = new IncidentFigures { SeriousInjuries = 1, Injuries = 1 },
        }, district, "bureau", now.AddMinutes(-30));
        db.Incidents.Add(open);
        db.DutyLog.Add(DutyLogEntry.Create(DutyLogKind.Incident, $"{open.Number} {open.Title}", open.Reporter, open.ReporterPhone, open.Id, "bureau", now.AddMinutes(-30)));
        db.DutyOpenItems.Add(DutyOpenItem.Open($"跟进 {open.Number} 伤员救治情况，按时续报", open.Id, "bureau", now.AddMinutes(-25)));

        await SeedWindstormAsync(db, district, now, ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A natural disaster 20 days before first start with the four milestones the emergency plan's indicators 10–12
    /// and 17 are computed from, and the affected community's disaster report with its relief time (DP-02).</summary>
    private static async Task SeedWindstormAsync(TianshanDb db, string district, DateTimeOffset now, CancellationToken ct)
    {
        // Within this year, so this year's indicators have it (early in January: 7 hours ago, the milestones all passed).
        var at = now.AddDays(-20);
        if (ChinaTime.ToChina(at).Year != ChinaTime.ToChina(now).Year)
            at = now.AddHours(-7);
        var storm = Incident.Intake($"SJ-{ChinaTime.ToChina(at).Year}-00003", new IncidentDetails
        {
            Source = IncidentSource.DutyDesk,
            Category = IncidentCategory.NaturalDisaster,
            Subtype = "气象灾害",
            Title = "大风沙尘天气致彩钢棚掀翻、线路跳闸（演示）",
            OccurredAt = at,
            ReceivedAt = at.AddMinutes(15),
            Latitude = 44.3235,
            Longitude = 84.8705,
            Address = "独山子区 天山社区一带（演示）",
            Narrative = "瞬时风力 10 级，部分彩钢棚被掀翻，10 kV 线路跳闸，社区 46 名群众临时转移安置。",
            Reporter = "西宁路街道值班员（演示）",
            Figures = new IncidentFigures { Injuries = 2, DirectLossYuan = 380_000m },
        }, district, "bureau", at.AddMinutes(15));
        storm.RecordMilestone(MilestoneKind.CommandCommsOpened, at.AddMinutes(70), "现场指挥部应急通信车到位", "bureau", at.AddMinutes(70));
        storm.RecordMilestone(MilestoneKind.ImageryObtained, at.AddHours(3), "无人机航拍灾区影像回传", "bureau", at.AddHours(3));
        storm.RecordMilestone(MilestoneKind.BasicReliefProvided, at.AddHours(5), "转移群众安置到社区服务中心，发放食品饮用水", "bureau", at.AddHours(5));
        storm.RecordMilestone(MilestoneKind.RescuePowerRestored, at.AddHours(6.5), "抢修恢复线路供电", "bureau", at.AddHours(6.5));
        db.Incidents.Add(storm);
        db.DutyLog.Add(DutyLogEntry.Create(DutyLogKind.Incident, $"{storm.Number} {storm.Title}", storm.Reporter, null, storm.Id, "bureau", at.AddMinutes(15)));

        // 天山社区 (西宁路街道) reports it; the street records relief 5 hours after the event.
        var community = await db.Divisions.FirstOrDefaultAsync(d => d.Level == DivisionLevel.Community && d.Name == "天山社区", ct);
        if (community is null)
            return;
        var initial = new DisasterReportEntry
        {
            IdempotencyKey = "demo-windstorm-initial",
            Stage = ReportStage.Initial,
            Figures = new DisasterFigures { AffectedPeople = 312, Injured = 2, Relocated = 46, HousesDamaged = 9, DirectLossWanYuan = 38m },
            Narrative = "大风掀翻彩钢棚 9 处，46 人临时转移至社区服务中心（演示）",
            Latitude = 44.3235,
            Longitude = 84.8705,
            WrittenAt = at.AddMinutes(50),
            By = "community",
        };
        var report = DisasterReport.File($"ZB-{ChinaTime.ToChina(at):yyyyMMdd}-DEMO01", "demo-windstorm", community, DisasterType.WindHail,
            "天山社区大风灾情（演示）", at, initial, at.AddMinutes(50));
        report.RecordRelief(at.AddHours(5), "社区服务中心安置，发放食品、饮用水、棉被（演示）", "street", at.AddHours(5));
        report.IsDemo = true;
        db.DisasterReports.Add(report);
    }
}
