using System.Globalization;
using Tianshan.Web.Features.Registry;

namespace Tianshan.Web.Features.People;

/// <summary>Excel ledgers of people and certificates, training, publicity and surveys (ClosedXML): one sheet each, Chinese
/// headers, text cells for numbers that are identifiers (certificate numbers, phones keep their leading zeros) — the
/// registry's one table writer.</summary>
public static class PeopleWorkbooks
{
    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static readonly string[] PeopleHeaders =
        ["单位", "姓名", "人员类别", "岗位", "电话", "入职日期", "证书类型", "作业类别", "证书编号", "发证机关", "发证日期", "有效期至", "证书状态"];

    /// <summary>One row per certificate; a person without a certificate has one row with the certificate columns empty.</summary>
    public static byte[] WritePeople(IReadOnlyList<PersonView> people) => RegistryWorkbooks.WriteTable("人员持证台账", PeopleHeaders, people.SelectMany(p =>
        p.Certificates.Count == 0
            ? [Person(p, [null, null, null, null, null, null, null])]
            : p.Certificates.Select(c => Person(p, [c.KindLabel, c.Category, c.Number, c.IssuingAuthority, Day(c.IssuedOn), Day(c.ExpiresOn), c.AlertLabel])).ToArray()));

    private static object?[] Person(PersonView p, object?[] certificate) =>
        [p.Affiliation, p.Name, p.RoleLabel, p.Position, p.Phone, p.HiredOn is { } h ? Day(h) : null, .. certificate];

    public static byte[] WriteTrainings(IReadOnlyList<TrainingDetail> sessions) => RegistryWorkbooks.WriteTable("培训台账",
        ["培训日期", "培训主题", "培训类别", "主办单位", "组织单位", "地点", "学时", "参训人员", "人员单位", "人员类别", "计入学时", "考核合格"],
        sessions.SelectMany(s => s.Attendees.Count == 0
            ? [Session(s.Session, [null, null, null, null, null])]
            : s.Attendees.Select(a => Session(s.Session, [a.Name, a.Affiliation, a.Role, a.HoursCredited, a.Passed ? "是" : "否"])).ToArray()));

    private static object?[] Session(TrainingView t, object?[] attendee) =>
        [Day(t.HeldOn), t.Topic, t.KindLabel, t.Holder, t.Organiser, t.Place, t.Hours, .. attendee];

    public static byte[] WritePublicity(IReadOnlyList<PublicityView> rows) => RegistryWorkbooks.WriteTable("宣传活动台账",
        ["活动日期", "社区", "活动名称", "活动类型", "地点", "受众人数", "覆盖户数", "组织单位"],
        rows.Select(p => new object?[] { Day(p.HeldOn), p.Community, p.Title, p.KindLabel, p.Place, p.Audience, p.HouseholdsReached, p.Organiser }));

    public static byte[] WriteSurveys(IReadOnlyList<SurveyView> rows) => RegistryWorkbooks.WriteTable("知识调查台账",
        ["调查日期", "社区", "调查类型", "被调查户数", "合格户数", "合格率(%)", "目标(%)", "达标", "组织单位"],
        rows.Select(s => new object?[] { Day(s.ConductedOn), s.Community, s.KindLabel, s.SampleSize, s.Passing, s.Rate, s.Target, s.Met ? "是" : "否", s.Organiser }));
}
