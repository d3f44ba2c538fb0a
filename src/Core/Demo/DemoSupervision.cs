using Microsoft.EntityFrameworkCore;
using Tianshan.Core.Data;
using Tianshan.Core.Prevention;

namespace Tianshan.Core.Demo;

/// <summary>The demo's inspector roster (illustrative names) with one declared conflict of interest, so a 双随机 draw
/// can be made on first start.</summary>
public static class DemoSupervision
{
    private static readonly (string Code, string Name, string Organisation, string? User)[] Roster =
    [
        ("ZF650202001", "马建国", "区应急管理局执法大队", "inspector"),
        ("ZF650202002", "艾尔肯·吐尔逊", "区应急管理局执法大队", null),
        ("ZF650202003", "李秀兰", "区应急管理局执法大队", null),
        ("ZF650202004", "王志强", "区应急管理局执法大队", null),
        ("ZF650202005", "古丽米热·阿不都", "区应急管理局安全生产科", null),
        ("ZF650202006", "张海峰", "区应急管理局安全生产科", null),
        ("ZF650202007", "刘晓燕", "区应急管理局危化品监管科", null),
        ("ZF650202008", "赵德胜", "区应急管理局危化品监管科", null),
    ];

    public static async Task SeedAsync(TianshanDb db, DateTimeOffset now, CancellationToken ct = default)
    {
        if (await db.Inspectors.AnyAsync(ct))
            return;
        var inspectors = Roster.Select(r => new Inspector { Code = r.Code, Name = r.Name, Organisation = r.Organisation, UserName = r.User }).ToList();
        db.Inspectors.AddRange(inspectors);
        var refinery = DemoSeeder.Load().Enterprises[0].CreditCode;
        var refineryId = await db.Enterprises.IgnoreQueryFilters().Where(e => e.CreditCode == refinery).Select(e => e.Id).FirstOrDefaultAsync(ct);
        if (refineryId != Guid.Empty)
        {
            db.InspectorConflicts.Add(new InspectorConflict
            {
                InspectorId = inspectors[2].Id, EnterpriseId = refineryId, Reason = "配偶在该企业任职（演示）", DeclaredAt = now, DeclaredBy = "system",
            });
        }
        await db.SaveChangesAsync(ct);
    }
}
