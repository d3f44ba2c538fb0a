using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
using Tianshan.Core.Data;
using Tianshan.Core.Dispatch;
using Tianshan.Core.Platform;
using Tianshan.Core.Warnings;

namespace Tianshan.Web.Features.Warnings;

/// <summary>One recipient of one channel, resolved from a warning's area.</summary>
public sealed record Recipient(WarningChannel Channel, string Name, ContactCategory Category, string Address, string? CommunityCode, int Reach);

/// <summary>
/// Area → recipients. The area's communities are those picked plus those whose centre lies in a drawn polygon or circle.
/// For each: the community's contact ledger (staff, residents, vulnerable people, devices and groups) and the enterprises
/// registered there (principal and safety director by SMS); the managers of the shelters inside the area or near it
/// (<see cref="WarningShelters"/>, by SMS: they open the shelter); and the public web page once. The same channel and
/// address is sent to once.
/// </summary>
public static class WarningRecipients
{
    public static async Task<List<string>> AreaCommunitiesAsync(TianshanDb db, Warning w, CancellationToken ct)
    {
        var codes = new HashSet<string>(w.CommunityCodes, StringComparer.Ordinal);
        if (w.Polygons.Count + w.Circles.Count > 0)
        {
            var communities = await db.Divisions.AsNoTracking().Where(d => d.Level == DivisionLevel.Community && d.Latitude != null && d.Longitude != null)
                .Select(d => new { d.Code, Lat = d.Latitude!.Value, Lon = d.Longitude!.Value }).ToListAsync(ct);
            var factory = NetTopologySuite.NtsGeometryServices.Instance.CreateGeometryFactory();
            var polygons = w.Polygons.Select(p => CapGeometry.Points(p)).Where(p => p is not null)
                .Select(p => factory.CreatePolygon(p!.Select(x => new Coordinate(x.Lon, x.Lat)).ToArray())).ToList();
            var circles = w.Circles.Select(CapGeometry.Circle).Where(c => c is not null).Select(c => c!.Value).ToList();
            foreach (var c in communities)
            {
                var point = factory.CreatePoint(new Coordinate(c.Lon, c.Lat));
                if (polygons.Any(p => p.Covers(point)) || circles.Any(x => GeoMath.Kilometres(x.Centre.Lat, x.Centre.Lon, c.Lat, c.Lon) <= x.RadiusKm))
                    codes.Add(c.Code);
            }
        }
        return [.. codes.Order(StringComparer.Ordinal)];
    }

    public static async Task<List<Recipient>> ResolveAsync(TianshanDb db, Warning w, CancellationToken ct)
    {
        var codes = await AreaCommunitiesAsync(db, w, ct);
        var list = new List<Recipient>();
        var contacts = await db.WarningContacts.AsNoTracking().Where(c => codes.Contains(c.CommunityCode)).ToListAsync(ct);
        list.AddRange(contacts.OrderBy(c => c.CommunityCode).ThenBy(c => c.Category).ThenBy(c => c.Name)
            .Select(c => new Recipient(c.Channel, c.Name, c.Category, c.Address, c.CommunityCode, c.Reach)));
        // Enterprises of the area, from the registry (all of them, whatever the publisher's own scope).
        var enterprises = await db.Enterprises.IgnoreQueryFilters().AsNoTracking()
            .Select(e => new { e.Name, e.PrincipalName, e.PrincipalPhone, e.SafetyDirectorName, e.SafetyDirectorPhone, e.Division!.Path })
            .ToListAsync(ct);
        foreach (var e in enterprises.OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            var community = codes.FirstOrDefault(code => e.Path.Contains($"/{code}/", StringComparison.Ordinal));
            if (community is null)
                continue;
            if (!string.IsNullOrWhiteSpace(e.PrincipalPhone))
                list.Add(new Recipient(WarningChannel.Sms, $"{e.Name} {e.PrincipalName}（主要负责人）", ContactCategory.Enterprise, e.PrincipalPhone, community, 1));
            if (!string.IsNullOrWhiteSpace(e.SafetyDirectorPhone))
                list.Add(new Recipient(WarningChannel.Sms, $"{e.Name} {e.SafetyDirectorName}（安全总监）", ContactCategory.Enterprise, e.SafetyDirectorPhone, community, 1));
        }
        // Shelter managers (避难场所管理员) of the shelters people in the area would go to. Reach 0: they are told to open
        // their shelter, and are not counted as residents reached. A shelter outside the area's communities has no community
        // here, so the statistics do not count that community's residents as people in the area.
        foreach (var s in await WarningShelters.ForAsync(db, w, ct))
            if (!string.IsNullOrWhiteSpace(s.Phone))
                list.Add(new Recipient(WarningChannel.Sms, $"{s.Name} {s.Manager}（避难场所管理员）", ContactCategory.ShelterManager, s.Phone,
                    codes.Contains(s.DivisionCode) ? s.DivisionCode : null, 0));
        list.Add(new Recipient(WarningChannel.WebPage, "公众预警网页", ContactCategory.Device, "/public/warnings", null, 0));
        return list.DistinctBy(r => (r.Channel, Normalise(r.Address))).ToList();
    }

    private static string Normalise(string address) => new(address.Trim().ToLowerInvariant().Where(ch => ch is not ('-' or ' ')).ToArray());
}
