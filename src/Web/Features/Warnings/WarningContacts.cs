using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Tianshan.Core.Data;
using Tianshan.Core.Platform;
using Tianshan.Core.Warnings;

namespace Tianshan.Web.Features.Warnings;

/// <summary>One entry of the contact ledger as the list, the page and the export show it; <see cref="MaskedAddress"/> is what a
/// list shows (138****5678), <see cref="Address"/> the full value an editor opens and the export writes.</summary>
public sealed record WarningContactView(Guid Id, string CommunityCode, string CommunityName, string Name, ContactCategory Category, string CategoryLabel,
    WarningChannel Channel, string ChannelLabel, string Address, string MaskedAddress, int Reach, string? Note, bool IsDemo);

/// <summary>A community the user may see in the ledger.</summary>
public sealed record ContactCommunity(string Code, string Name, string StreetName);

/// <summary>
/// The warning contact ledger (预警接收人名录) of each community, for the API, the page and the Excel import: a user sees and
/// keeps only the communities inside their own division path (a street its communities, a community itself); the bureau,
/// streets and communities keep it — the people who know their residents (突发事件应对法 第六十四条: 预警信息 reaches
/// the public through the community and the grid) — and everyone else on the government side reads it.
/// </summary>
public static class WarningContacts
{
    public static readonly string[] Editors = [Roles.Bureau, Roles.Street, Roles.Community];

    public static bool CanEdit(ClaimsPrincipal user) => Editors.Any(user.IsInRole);

    private static void RequireEditor(ClaimsPrincipal user)
    {
        if (!CanEdit(user))
            throw new ForbiddenException("您的角色不能维护预警接收人名录（仅区应急管理局、街道和社区可以维护）");
    }

    /// <summary>The communities inside the user's division path, by code.</summary>
    public static async Task<List<ContactCommunity>> CommunitiesAsync(TianshanDb db, CancellationToken ct)
    {
        var path = db.Scope.DivisionPath;
        var divisions = await db.Divisions.AsNoTracking().Where(d => d.Path.StartsWith(path) || d.Level == DivisionLevel.Street)
            .Select(d => new { d.Id, d.Code, d.Name, d.Level, d.ParentId, d.Path }).ToListAsync(ct);
        var streets = divisions.Where(d => d.Level == DivisionLevel.Street).ToDictionary(d => d.Id, d => d.Name);
        return [.. divisions.Where(d => d.Level == DivisionLevel.Community && d.Path.StartsWith(path, StringComparison.Ordinal))
            .OrderBy(d => d.Code, StringComparer.Ordinal)
            .Select(d => new ContactCommunity(d.Code, d.Name, d.ParentId is { } p && streets.TryGetValue(p, out var s) ? s : ""))];
    }

    public static async Task<List<WarningContactView>> ListAsync(TianshanDb db, string? community, CancellationToken ct)
    {
        var communities = (await CommunitiesAsync(db, ct)).ToDictionary(c => c.Code, c => c.Name, StringComparer.Ordinal);
        var codes = communities.Keys.ToList();
        var query = db.WarningContacts.AsNoTracking().Where(c => codes.Contains(c.CommunityCode));
        if (!string.IsNullOrWhiteSpace(community))
        {
            var code = community.Trim();
            query = query.Where(c => c.CommunityCode == code);
        }
        return [.. (await query.ToListAsync(ct))
            .OrderBy(c => c.CommunityCode, StringComparer.Ordinal).ThenBy(c => c.Category).ThenBy(c => c.Name, StringComparer.Ordinal).ThenBy(c => c.Id)
            .Select(c => ViewOf(c, communities[c.CommunityCode]))];
    }

    public static async Task<WarningContactView> GetAsync(TianshanDb db, Guid id, CancellationToken ct)
    {
        var contact = await FindAsync(db, id, ct);
        var communities = await CommunitiesAsync(db, ct);
        return ViewOf(contact, communities.First(c => c.Code == contact.CommunityCode).Name);
    }

    public static async Task<WarningContactView> CreateAsync(TianshanDb db, ClaimsPrincipal user, WarningContactDetails request, CancellationToken ct)
    {
        RequireEditor(user);
        var (details, communityName) = await CheckAsync(db, request, ct);
        await RefuseDuplicateAsync(db, details, null, ct);
        var contact = new WarningContact();
        Apply(contact, details);
        db.WarningContacts.Add(contact);
        await db.SaveChangesAsync(ct);
        return ViewOf(contact, communityName);
    }

    public static async Task<WarningContactView> UpdateAsync(TianshanDb db, ClaimsPrincipal user, Guid id, WarningContactDetails request, CancellationToken ct)
    {
        RequireEditor(user);
        var contact = await FindAsync(db, id, ct);
        var (details, communityName) = await CheckAsync(db, request, ct);
        await RefuseDuplicateAsync(db, details, id, ct);
        Apply(contact, details);
        await db.SaveChangesAsync(ct);
        return ViewOf(contact, communityName);
    }

    public static async Task DeleteAsync(TianshanDb db, ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        RequireEditor(user);
        db.WarningContacts.Remove(await FindAsync(db, id, ct));
        await db.SaveChangesAsync(ct);
    }

    internal static WarningContactView ViewOf(WarningContact c, string communityName) =>
        new(c.Id, c.CommunityCode, communityName, c.Name, c.Category, ChannelLabels.Label(c.Category), c.Channel, ChannelLabels.Label(c.Channel),
            c.Address, WarningContactRules.Mask(c.Channel, c.Address), c.Reach, c.Note, c.IsDemo);

    internal static void Apply(WarningContact contact, WarningContactDetails d)
    {
        contact.CommunityCode = d.CommunityCode!;
        contact.Name = d.Name!;
        contact.Category = d.Category!.Value;
        contact.Channel = d.Channel!.Value;
        contact.Address = d.Address!;
        contact.Reach = d.Reach!.Value;
        contact.Note = d.Note;
    }

    /// <summary>A contact in one of the user's communities, tracked; 404 otherwise (scope is never revealed).</summary>
    private static async Task<WarningContact> FindAsync(TianshanDb db, Guid id, CancellationToken ct)
    {
        var contact = await db.WarningContacts.FirstOrDefaultAsync(c => c.Id == id, ct);
        var path = db.Scope.DivisionPath;
        if (contact is null || !await db.Divisions.AnyAsync(d => d.Code == contact.CommunityCode && d.Level == DivisionLevel.Community && d.Path.StartsWith(path), ct))
            throw new NotFoundException("预警接收人不存在或不在您的管辖范围内");
        return contact;
    }

    /// <summary>The field rules (<see cref="WarningContactRules.Check"/>) and the community, which must be one of the user's;
    /// every problem at once.</summary>
    private static async Task<(WarningContactDetails Details, string CommunityName)> CheckAsync(TianshanDb db, WarningContactDetails request, CancellationToken ct)
    {
        var code = request.CommunityCode?.Trim() ?? "";
        var community = (await CommunitiesAsync(db, ct)).FirstOrDefault(c => c.Code == code);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (community is null)
            errors["communityCode"] = [code.Length == 0 ? "请选择社区" : "请选择您辖区内的社区"];
        WarningContactDetails? details = null;
        try
        {
            details = WarningContactRules.Check(request);
        }
        catch (DomainValidationException e)
        {
            foreach (var (field, messages) in e.Errors)
                errors[field] = messages;
        }
        if (errors.Count > 0)
            throw new DomainValidationException(errors);
        return (details!, community!.Name);
    }

    /// <summary>The same community, channel and address already in the ledger (another entry than <paramref name="except"/>) is
    /// a conflict: the recipient would otherwise be counted twice in the coverage statistic.</summary>
    private static async Task RefuseDuplicateAsync(TianshanDb db, WarningContactDetails d, Guid? except, CancellationToken ct)
    {
        var identity = WarningContactRules.Identity(d.CommunityCode!, d.Channel!.Value, d.Address!);
        var same = await db.WarningContacts.AsNoTracking().Where(c => c.CommunityCode == identity.Community && c.Channel == identity.Channel && c.Id != except)
            .Select(c => new { c.Name, c.Address }).ToListAsync(ct);
        if (same.FirstOrDefault(c => WarningContactRules.Identity(identity.Community, identity.Channel, c.Address) == identity) is { } existing)
            throw new WorkflowException($"本社区已登记相同{ChannelLabels.Label(identity.Channel)}地址的接收人“{existing.Name}”，请修改原记录，不要重复登记");
    }
}
