using ClosedXML.Excel;
using Tianshan.Core.Warnings;
using Tianshan.Web.Features.Registry;

namespace Tianshan.Web.Features.Warnings;

/// <summary>The contact ledger as Excel (预警接收人名录): the export writes these columns with the full address (so an edited
/// export imports back), the import reads them by header, the template is the same sheet empty with a sheet of notes.</summary>
public static class WarningContactWorkbook
{
    public const string Title = "预警接收人名录";

    internal static class Columns
    {
        public const string CommunityCode = "社区代码";
        public const string Community = "社区";
        public const string Name = "接收人";
        public const string Category = "人员类别";
        public const string Channel = "接收渠道";
        public const string Address = "号码或地址";
        public const string Reach = "覆盖人数";
        public const string Note = "备注";

        /// <summary>社区 or 社区代码 names the community; the others are always needed.</summary>
        public static readonly string[] Required = [Name, Category, Channel, Address];
    }

    public static readonly string[] Headers =
        [Columns.CommunityCode, Columns.Community, Columns.Name, Columns.Category, Columns.Channel, Columns.Address, Columns.Reach, Columns.Note];

    public static string FileName => Title + ".xlsx";

    public static byte[] Write(IEnumerable<WarningContactView> rows) => RegistryWorkbooks.WriteTable(Title, Headers,
        rows.Select(c => new object?[] { c.CommunityCode, c.CommunityName, c.Name, c.CategoryLabel, c.ChannelLabel, c.Address, c.Reach, c.Note }));

    public static byte[] Template()
    {
        using var book = new XLWorkbook(new MemoryStream(Write([])));
        var help = book.AddWorksheet("填写说明");
        (string Column, string Accepts)[] notes =
        [
            (Columns.CommunityCode, "12 位社区代码（导出文件中已有）；填写后以代码为准"),
            (Columns.Community, "社区名称；未填社区代码时按名称确定社区。只能导入您辖区内的社区"),
            (Columns.Name, $"必填，最多 {WarningContactRules.NameMax} 个字"),
            (Columns.Category, string.Join("、", Enum.GetValues<ContactCategory>().Select(ChannelLabels.Label))),
            (Columns.Channel, string.Join("、", WarningContactRules.Channels.Select(ChannelLabels.Label))),
            (Columns.Address, "短信：11 位手机号码；电子邮件：邮箱；企业微信群：群机器人 key 或 Webhook 地址；应急广播、电子显示屏、社区大喇叭：终端编号"),
            (Columns.Reach, $"一次送达覆盖的人数，1 至 {WarningContactRules.ReachMax}，留空为 1（个人）；设备填收听/可见范围内的人数"),
            (Columns.Note, $"可选，最多 {WarningContactRules.NoteMax} 个字"),
            ("", "同一社区、同一渠道、同一号码的记录视为同一接收人：已登记的更新，不重复新增。任何一行有问题则全部不保存，并按行列出问题。"),
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
        help.Column(2).Width = 100;
        using var stream = new MemoryStream();
        book.SaveAs(stream);
        return stream.ToArray();
    }
}
