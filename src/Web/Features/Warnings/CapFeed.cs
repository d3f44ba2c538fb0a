using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tianshan.Core.Data;
using Tianshan.Core.Platform;
using Tianshan.Core.Warnings;
using Tianshan.Core.Warnings.Cap;

namespace Tianshan.Web.Features.Warnings;

/// <summary>
/// The public CAP side, no login: an Atom feed of the messages in force (RFC 4287, one entry per alert with a link
/// to its CAP XML of type application/cap+xml — the "CAP index feed" aggregators such as Google Public Alerts and the
/// WMO Alert Hub poll), and each published message at /cap/{identifier}.xml exactly as published.
/// </summary>
public static class CapFeed
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    /// <summary>Published messages still of interest: in force, plus updates and cancellations of the last 24 hours so a
    /// poller sees a cancellation.</summary>
    public static async Task<List<Warning>> FeedWarningsAsync(TianshanDb db, DateTimeOffset now, CancellationToken ct)
    {
        var since = now.AddDays(-1);
        var rows = await db.Warnings.AsNoTracking().Where(w => w.PublishedAt != null && (w.Expires > now || w.PublishedAt > since)).ToListAsync(ct);
        return rows.Where(w => w.Status == WarningStatus.Published || w.PublishedAt > since).OrderByDescending(w => w.PublishedAt).ToList();
    }

    public static async Task<string> AtomAsync(TianshanDb db, CapOptions options, string baseUrl, DateTimeOffset now, CancellationToken ct)
    {
        var warnings = await FeedWarningsAsync(db, now, ct);
        var root = baseUrl.TrimEnd('/');
        var updated = warnings.Count > 0 ? warnings.Max(w => w.PublishedAt!.Value) : now;
        var feed = new XElement(Atom + "feed",
            new XElement(Atom + "id", $"{root}/cap/feed.atom"),
            new XElement(Atom + "title", $"{options.SenderName} 预警信息 (CAP 1.2)"),
            new XElement(Atom + "updated", CapAlert.FormatTime(ChinaTime.ToChina(updated))),
            new XElement(Atom + "author", new XElement(Atom + "name", options.SenderName)),
            new XElement(Atom + "link", new XAttribute("rel", "self"), new XAttribute("href", $"{root}/cap/feed.atom")),
            warnings.Select(w => new XElement(Atom + "entry",
                new XElement(Atom + "id", $"{root}/cap/{w.Identifier}.xml"),
                new XElement(Atom + "title", w.Headline),
                new XElement(Atom + "updated", CapAlert.FormatTime(ChinaTime.ToChina(w.PublishedAt!.Value))),
                new XElement(Atom + "published", CapAlert.FormatTime(ChinaTime.ToChina(w.PublishedAt!.Value))),
                new XElement(Atom + "author", new XElement(Atom + "name", options.SenderName)),
                new XElement(Atom + "summary", $"{WarningEventTypes.Name(w.EventType)}{WarningLevels.Colour(w.Level)}预警（{WarningLabels.Label(w.MessageType)}）：{w.AreaDescription}"),
                new XElement(Atom + "link", new XAttribute("rel", "alternate"), new XAttribute("type", "application/cap+xml"),
                    new XAttribute("href", $"{root}/cap/{w.Identifier}.xml")))));
        return new XDocument(new XDeclaration("1.0", "utf-8", null), feed).Declaration + "\n" + feed;
    }

    public static Task<string?> CapOfAsync(TianshanDb db, string identifier, CancellationToken ct) =>
        db.Warnings.AsNoTracking().Where(w => w.Identifier == identifier).Select(w => w.CapXml).FirstOrDefaultAsync(ct);

    public static string BaseUrl(HttpRequest request, CapOptions options) =>
        options.PublicBaseUrl is { Length: > 0 } configured ? configured : $"{request.Scheme}://{request.Host}{request.PathBase}";
}
