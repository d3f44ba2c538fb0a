using System.Globalization;
using ClosedXML.Excel;
using Tianshan.Core.People;
using Tianshan.Web.Features.Registry;

namespace Tianshan.Web.Features.People;

/// <summary>Excel ledgers of people and certificates, training, publicity and surveys (ClosedXML): one sheet each, Chinese
/// headers, text cells for numbers that are identifiers (certificate numbers, phones keep their leading zeros) — the
/// registry's one table writer.</summary>
public static class PeopleWorkbooks
{
    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The people ledger's columns: the export writes them, the import reads them by header (so an edited export
    /// imports back), the template is the same sheet empty.</summary>
    internal static class PeopleColumns
    {
        public const string Affiliation = "单位";
        public const string Name = "姓名";
        public const string Role = "人员类别";
        public const string Position = "岗位";
        public const string Phone = "电话";
        public const string HiredOn = "入职日期";
        public const string Kind = "证书类型";
        public const string Category = "作业类别";
        public const string Number = "证书编号";
        public const string Authority = "发证机关";
        public const string IssuedOn = "发证日期";
        public const string ExpiresOn = "有效期至";
        /// <summary>Computed on the day of export; an import ignores it.</summary>
        public const string State = "证书状态";
        /// <summary>The enterprise's credit code: the unambiguous key of 单位 when two enterprises share a name.</summary>
        public const string CreditCode = "统一社会信用代码";

        public static readonly string[] Required = [Affiliation, Name, Role];

        public static readonly string[] Certificate = [Kind, Category, Number, Authority, IssuedOn, ExpiresOn];
    }

    public static readonly string[] PeopleHeaders =
    [
        PeopleColumns.Affiliation, PeopleColumns.Name, PeopleColumns.Role, PeopleColumns.Position, PeopleColumns.Phone, PeopleColumns.HiredOn,
        .. PeopleColumns.Certificate, PeopleColumns.State, PeopleColumns.CreditCode,
    ];

    /// <summary>One row per certificate; a person without a certificate has one row with the certificate columns empty.</summary>
    public static byte[] WritePeople(IReadOnlyList<PersonView> people) => RegistryWorkbooks.WriteTable("人员持证台账", PeopleHeaders, people.SelectMany(p =>
        p.Certificates.Count == 0
            ? [Person(p, [null, null, null, null, null, null, null])]
            : p.Certificates.Select(c => Person(p, [c.KindLabel, c.Category, c.Number, c.IssuingAuthority, Day(c.IssuedOn), Day(c.ExpiresOn), c.AlertLabel])).ToArray()));

    private static object?[] Person(PersonView p, object?[] certificate) =>
        [p.Affiliation, p.Name, p.RoleLabel, p.Position, p.Phone, p.HiredOn is { } h ? Day(h) : null, .. certificate, p.EnterpriseCreditCode];

    /// <summary>The import template: the export's sheet with no rows (证书状态 left out — it is computed), and a second sheet
    /// listing what each column accepts. The import reads the first sheet only.</summary>
    public static byte[] WritePeopleTemplate()
    {
        string[] headers = [.. PeopleHeaders.Where(h => h != PeopleColumns.State)];
        using var book = new XLWorkbook(new MemoryStream(RegistryWorkbooks.WriteTable("人员持证台账", headers, [])));
        var help = book.AddWorksheet("填写说明");
        (string Column, string Accepts)[] notes =
        [
            (PeopleColumns.Affiliation, $"企业名称；局机关人员填“{PeopleActions.BureauName}”。企业用户可留空（即本企业）"),
            (PeopleColumns.CreditCode, "可选；企业重名时按统一社会信用代码确定单位"),
            (PeopleColumns.Name, "必填；同一单位的同名人员视为同一人，已登记的更新，不重复新增"),
            (PeopleColumns.Role, string.Join("、", Enum.GetValues<PersonRole>().Select(PeopleLabels.Label))),
            (PeopleColumns.HiredOn, "可选，日期如 2024-05-01"),
            (PeopleColumns.Kind, "无证书则证书各列留空；否则为：" + string.Join("、", Enum.GetValues<CertificateKind>().Select(PeopleLabels.Label))),
            (PeopleColumns.Category, "特种作业操作证必填（如 电工作业、焊接与热切割作业）"),
            (PeopleColumns.Number, "同一证书类型内全区唯一；已登记在本人名下的更新"),
            (PeopleColumns.IssuedOn, "日期如 2024-05-01"),
            (PeopleColumns.ExpiresOn, "日期，应晚于发证日期"),
            ("", "一人多证写多行，人员各列相同。任何一行有问题则全部不保存，并按行列出问题。"),
        ];
        help.Cell(1, 1).Value = "列";
        help.Cell(1, 2).Value = "填写要求";
        help.Row(1).Style.Font.Bold = true;
        for (var i = 0; i < notes.Length; i++)
        {
            help.Cell(i + 2, 1).Value = notes[i].Column;
            help.Cell(i + 2, 2).Value = notes[i].Accepts;
        }
        help.Column(1).Width = 18;
        help.Column(2).Width = 90;
        using var stream = new MemoryStream();
        book.SaveAs(stream);
        return stream.ToArray();
    }

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
