using Microsoft.EntityFrameworkCore;
using Tianshan.Core.Data;
using Tianshan.Core.Platform;
using Tianshan.Core.Warnings;

namespace Tianshan.Core.Demo;

/// <summary>
/// Demo data of the warnings capability (marked demo): a contact ledger per community — community staff, resident and
/// vulnerable-people contacts (SMS, e-mail), the community's WeCom group robot, loudspeaker, display screen and broadcast
/// terminal — and a yellow rainstorm warning for 金山社区 and 喀什路社区 drafted by the duty officer (bureau) and submitted,
/// ready to be approved and published by the demo 信息审核发布 user (publisher). Names, phones and device ids are invented.
/// </summary>
public static class DemoWarnings
{
    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱"];
    private static readonly string[] Given = ["建华", "秀英", "志强", "丽娟", "海燕", "国庆", "玉兰", "新疆", "晓东", "春梅"];

    public static async Task SeedAsync(TianshanDb db, DemoData data, DateTimeOffset now, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(data);
        if (await db.WarningContacts.AnyAsync(ct))
            return;
        var n = 0;
        foreach (var street in data.Streets)
        {
            foreach (var c in street.Communities)
            {
                var code = c.Code;
                string Person() { n++; return Surnames[n % Surnames.Length] + Given[n * 7 % Given.Length]; }
                string Phone() => $"1390990{n % 10000:0000}";
                void Add(string name, ContactCategory category, WarningChannel channel, string address, int reach, string? note = null) =>
                    db.WarningContacts.Add(new WarningContact
                    {
                        CommunityCode = code, Name = name, Category = category, Channel = channel, Address = address, Reach = reach, Note = note, IsDemo = true,
                    });
                var secretary = Person();
                Add($"{secretary}（{c.Name}书记）", ContactCategory.CommunityStaff, WarningChannel.Sms, Phone(), 1);
                Add($"{c.Name}社区工作人员邮箱", ContactCategory.CommunityStaff, WarningChannel.Email, $"{code}@demo.dushanzi.example", 1);
                for (var i = 0; i < 3; i++)
                    Add(Person() + "（网格员）", ContactCategory.CommunityStaff, WarningChannel.Sms, Phone(), 1);
                for (var i = 0; i < 4; i++)
                    Add(Person() + "（居民联系人）", ContactCategory.Resident, WarningChannel.Sms, Phone(), 3, "户籍 3 人");
                Add(Person() + "（独居老人）", ContactCategory.Vulnerable, WarningChannel.Sms, Phone(), 1, "独居老人，楼栋长协助转移");
                Add(Person() + "（肢体残疾）", ContactCategory.Vulnerable, WarningChannel.Sms, Phone(), 1, "行动不便，需上门通知");
                // Devices: the loudspeaker reaches about half of the residents, the screen and the broadcast terminal the passers-by.
                Add($"{c.Name}居民群机器人", ContactCategory.Device, WarningChannel.WeCom, $"demo-{code}", c.Residents / 4);
                Add($"{c.Name}大喇叭", ContactCategory.Device, WarningChannel.Loudspeaker, $"LS-{code}-01", c.Residents / 2);
                Add($"{c.Name}广场显示屏", ContactCategory.Device, WarningChannel.DisplayScreen, $"SCR-{code}-01", c.Residents / 10);
                Add($"{c.Name}应急广播终端", ContactCategory.Device, WarningChannel.Broadcast, $"BC-{code}-01", c.Residents / 5);
            }
        }

        var jinshan = data.Streets.SelectMany(s => s.Communities.Select(c => (Street: s, Community: c))).Where(x => x.Community.Name is "金山社区" or "喀什路社区").ToList();
        if (jinshan.Count == 2)
        {
            var today = ChinaTime.ToChina(now);
            var onset = new DateTimeOffset(today.Year, today.Month, today.Day, today.Hour, 0, 0, today.Offset).AddHours(2);
            var warning = Warning.Draft(new WarningContent
            {
                EventType = "rainstorm",
                Level = WarningLevel.Yellow,
                CommunityCodes = jinshan.Select(x => x.Community.Code).ToList(),
                Onset = onset,
                Expires = onset.AddHours(12),
                Headline = "独山子区气象台发布暴雨黄色预警信号（演示）",
                Description = "预计未来 6 小时内金山社区、喀什路社区降雨量将达 50 毫米以上，或者已达 50 毫米以上且降雨可能持续。",
                Instruction = "1. 政府及相关部门按照职责做好防暴雨准备工作；2. 学校、幼儿园采取适当措施，保证学生和幼儿安全；3. 驾驶人员应当注意道路积水和交通阻塞，确保安全；4. 检查城市、农田、鱼塘排水系统，做好排涝准备。",
                HeadlineEn = "Yellow rainstorm warning for Jinshan and Kashilu communities (demo)",
                DescriptionEn = "Rainfall of 50 mm or more is expected within 6 hours, or has fallen and may continue.",
                InstructionEn = "Avoid low-lying areas and underpasses; follow community staff instructions.",
            }, WarningCap.Describe(data.District.Name, jinshan.Select(x => new WarningCommunity(x.Community.Code, x.Community.Name, x.Street.Name,
                x.Community.Lat, x.Community.Lon, x.Community.Residents)).ToList(), drawn: false), "bureau", now, isDemo: true);
            warning.Submit("bureau", now);
            db.Warnings.Add(warning);
        }
        await db.SaveChangesAsync(ct);
    }
}
