using System.Globalization;

namespace Tianshan.Core.Incidents;

public static class IncidentLabels
{
    public static string Label(AccidentGrade grade) => grade switch
    {
        AccidentGrade.General => "一般",
        AccidentGrade.Larger => "较大",
        AccidentGrade.Major => "重大",
        AccidentGrade.ExtraordinarilyMajor => "特别重大",
        _ => grade.ToString(),
    };

    /// <summary>突发事件应对法 第三条: 特别重大 Ⅰ, 重大 Ⅱ, 较大 Ⅲ, 一般 Ⅳ.</summary>
    public static ResponseLevel LevelOf(AccidentGrade grade) => (ResponseLevel)(5 - (int)grade);

    public static string Label(ResponseLevel level) => level switch
    {
        ResponseLevel.I => "Ⅰ级",
        ResponseLevel.II => "Ⅱ级",
        ResponseLevel.III => "Ⅲ级",
        ResponseLevel.IV => "Ⅳ级",
        _ => level.ToString(),
    };

    public static string Label(ReportLevel level) => level switch
    {
        ReportLevel.County => "区（县）级应急管理部门",
        ReportLevel.City => "设区的市级应急管理部门",
        ReportLevel.Province => "省级应急管理部门",
        ReportLevel.StateCouncil => "国务院应急管理部门",
        _ => level.ToString(),
    };

    public static string Label(ClockState state) => state switch
    {
        ClockState.OnTime => "按时",
        ClockState.Due => "计时中",
        ClockState.Missed => "迟报",
        ClockState.Open => "补报期内",
        ClockState.Closed => "补报期已过",
        _ => state.ToString(),
    };

    public static string Label(IncidentSource source) => source switch
    {
        IncidentSource.DutyDesk => "值班电话",
        IncidentSource.Enterprise => "企业报告",
        IncidentSource.PublicHotline => "群众热线",
        IncidentSource.MonitoringAlarm => "监测报警",
        _ => source.ToString(),
    };

    public static string Label(IncidentCategory category) => category switch
    {
        IncidentCategory.Accident => "事故灾难",
        IncidentCategory.NaturalDisaster => "自然灾害",
        IncidentCategory.PublicHealth => "公共卫生事件",
        IncidentCategory.SocialSecurity => "社会安全事件",
        _ => category.ToString(),
    };

    public static string Label(IncidentStatus status) => status switch
    {
        IncidentStatus.Responding => "处置中",
        IncidentStatus.Closed => "已结案",
        _ => status.ToString(),
    };

    public static string Label(MilestoneKind kind) => kind switch
    {
        MilestoneKind.CommandCommsOpened => "现场指挥通信开通",
        MilestoneKind.RescuePowerRestored => "救援基本电力恢复",
        MilestoneKind.BasicReliefProvided => "受灾群众基本生活得到救助",
        MilestoneKind.ImageryObtained => "获取灾区影像",
        _ => kind.ToString(),
    };

    /// <summary>Money as the Chinese forms write it: 万元 from ten thousand up.</summary>
    public static string Yuan(decimal yuan) => yuan >= 10_000m
        ? (yuan / 10_000m).ToString("0.####", CultureInfo.InvariantCulture) + " 万元"
        : yuan.ToString("0.##", CultureInfo.InvariantCulture) + " 元";
}
