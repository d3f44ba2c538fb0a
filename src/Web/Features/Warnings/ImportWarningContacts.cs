using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Tianshan.Core.Data;
using Tianshan.Core.Platform;
using Tianshan.Core.Warnings;
using Tianshan.Web.Features.Registry;
using Columns = Tianshan.Web.Features.Warnings.WarningContactWorkbook.Columns;

namespace Tianshan.Web.Features.Warnings;

/// <summary>
/// Imports the contact ledger from Excel the registry's way (<see cref="RegistryWorkbooks.ReadSheet"/>, <see cref="ImportCells"/>,
/// <see cref="ImportReport"/>): all or nothing, every problem listed by row and column, the same rules as the page and the API
/// (<see cref="WarningContactRules"/>, the user's communities only). A contact is keyed by community, channel and address, so
/// re-importing an edited export updates in place and never duplicates.
/// </summary>
public static class ImportWarningContacts
{
    private static readonly Dictionary<string, string> FieldColumns = new(StringComparer.Ordinal)
    {
        ["name"] = Columns.Name,
        ["category"] = Columns.Category,
        ["channel"] = Columns.Channel,
        ["address"] = Columns.Address,
        ["reach"] = Columns.Reach,
        ["note"] = Columns.Note,
    };

    public static async Task<ImportReport> Handle(TianshanDb db, ClaimsPrincipal user, Stream file, CancellationToken ct)
    {
        if (!WarningContacts.CanEdit(user))
            throw new ForbiddenException("您的角色不能维护预警接收人名录（仅区应急管理局、街道和社区可以维护）");
        var (rows, problems) = RegistryWorkbooks.ReadSheet(file, Columns.Required);
        if (problems.Count > 0)
            return new ImportReport(false, 0, 0, problems);
        if (rows.Count == 0)
            return new ImportReport(false, 0, 0, [new ImportProblem(2, "", "文件中没有数据行")]);

        var communities = await WarningContacts.CommunitiesAsync(db, ct);
        var codes = communities.Select(c => c.Code).ToList();
        var stored = (await db.WarningContacts.Where(c => codes.Contains(c.CommunityCode)).ToListAsync(ct))
            .GroupBy(c => WarningContactRules.Identity(c.CommunityCode, c.Channel, c.Address)).ToDictionary(g => g.Key, g => g.First());
        var seen = new Dictionary<(string, WarningChannel, string), int>();
        int created = 0, updated = 0;
        foreach (var (row, cell) in rows)
        {
            var cells = new ImportCells(row, cell, problems);
            var community = cells.Community(communities, c => c.Code, c => c.Name, Columns.CommunityCode, Columns.Community, "不存在或不在您的管辖范围内");
            var category = cells.Choice<ContactCategory>(Columns.Category, ChannelLabels.Label);
            var channel = cells.Choice<WarningChannel>(Columns.Channel, ChannelLabels.Label);
            int? reach = null;
            var reachUnreadable = false;
            if (cells.Text(Columns.Reach).Length > 0)
            {
                var before = problems.Count;
                reach = cells.Int(Columns.Reach);
                reachUnreadable = problems.Count > before;
            }
            var request = new WarningContactDetails(community?.Code, cells.Text(Columns.Name), category, channel, cells.Text(Columns.Address), reach, cells.Optional(Columns.Note));
            WarningContactDetails details;
            try
            {
                details = WarningContactRules.Check(request);
            }
            catch (DomainValidationException e)
            {
                foreach (var (field, messages) in e.Errors)
                {
                    // An unknown category or channel, or a reach that is not a number, is already reported by its cell.
                    if ((field == "category" && category is null) || (field == "channel" && channel is null) || (field == "reach" && reachUnreadable))
                        continue;
                    foreach (var m in messages)
                        cells.Problem(FieldColumns.GetValueOrDefault(field, field), m);
                }
                continue;
            }
            if (community is null)
                continue;
            var key = WarningContactRules.Identity(community.Code, details.Channel!.Value, details.Address!);
            if (!seen.TryAdd(key, row))
            {
                cells.Problem(Columns.Address, $"与第{seen[key]}行是同一接收人（同社区、同渠道、同号码或地址）");
                continue;
            }
            if (stored.TryGetValue(key, out var contact))
                updated++;
            else
            {
                contact = new WarningContact();
                db.WarningContacts.Add(contact);
                created++;
            }
            WarningContacts.Apply(contact, details);
        }
        if (problems.Count > 0)
        {
            // Nothing stored: forget every change made while checking (a page's context outlives this call).
            db.ChangeTracker.Clear();
            return new ImportReport(false, 0, 0, [.. problems.OrderBy(p => p.Row)]);
        }
        await db.SaveChangesAsync(ct);
        return new ImportReport(true, created, updated, []);
    }
}
