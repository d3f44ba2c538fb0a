using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace Tianshan.Core.Warnings.Cap;

/// <summary>A name/value pair of CAP 1.2 (eventCode, parameter, geocode).</summary>
public sealed record CapValue(string ValueName, string Value);

/// <summary>CAP 1.2 <c>area</c>: areaDesc required; polygons ("lat,lon lat,lon …", first = last), circles ("lat,lon radiusKm"), geocodes.</summary>
public sealed record CapArea
{
    public string AreaDesc { get; init; } = "";
    public IReadOnlyList<string> Polygons { get; init; } = [];
    public IReadOnlyList<string> Circles { get; init; } = [];
    public IReadOnlyList<CapValue> Geocodes { get; init; } = [];
}

/// <summary>CAP 1.2 <c>info</c>: one per language.</summary>
public sealed record CapInfo
{
    public string Language { get; init; } = "en-US";
    public IReadOnlyList<string> Categories { get; init; } = [];
    public string Event { get; init; } = "";
    public IReadOnlyList<string> ResponseTypes { get; init; } = [];
    public string Urgency { get; init; } = "Unknown";
    public string Severity { get; init; } = "Unknown";
    public string Certainty { get; init; } = "Unknown";
    public string? Audience { get; init; }
    public IReadOnlyList<CapValue> EventCodes { get; init; } = [];
    public DateTimeOffset? Effective { get; init; }
    public DateTimeOffset? Onset { get; init; }
    public DateTimeOffset? Expires { get; init; }
    public string? SenderName { get; init; }
    public string? Headline { get; init; }
    public string? Description { get; init; }
    public string? Instruction { get; init; }
    public string? Web { get; init; }
    public string? Contact { get; init; }
    public IReadOnlyList<CapValue> Parameters { get; init; } = [];
    public IReadOnlyList<CapArea> Areas { get; init; } = [];
}

/// <summary>
/// A CAP 1.2 alert message (OASIS CAP-v1.2-os; namespace urn:oasis:names:tc:emergency:cap:1.2), written in the schema's
/// element order and read back from any valid CAP 1.2 document. Resources and signatures of imported alerts are not
/// modelled: the original XML is kept beside the parsed fields.
/// </summary>
public sealed record CapAlert
{
    public const string Namespace = "urn:oasis:names:tc:emergency:cap:1.2";
    private static readonly XNamespace Ns = Namespace;

    public string Identifier { get; init; } = "";
    public string Sender { get; init; } = "";
    public DateTimeOffset Sent { get; init; }
    public string Status { get; init; } = "Actual";
    public string MsgType { get; init; } = "Alert";
    public string? Source { get; init; }
    public string Scope { get; init; } = "Public";
    public IReadOnlyList<string> Codes { get; init; } = [];
    public string? Note { get; init; }
    /// <summary>Whitespace-separated "sender,identifier,sent" triplets of the messages this one updates or cancels.</summary>
    public string? References { get; init; }
    public string? Incidents { get; init; }
    public IReadOnlyList<CapInfo> Infos { get; init; } = [];

    /// <summary>CAP dateTime: the schema's pattern needs an explicit offset (a trailing Z is invalid), whole seconds.</summary>
    public static string FormatTime(DateTimeOffset value) => value.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    public XDocument ToXDocument()
    {
        var alert = new XElement(Ns + "alert",
            El("identifier", Identifier), El("sender", Sender), El("sent", FormatTime(Sent)), El("status", Status), El("msgType", MsgType),
            Opt("source", Source), El("scope", Scope), Codes.Select(c => El("code", c)), Opt("note", Note), Opt("references", References),
            Opt("incidents", Incidents), Infos.Select(InfoElement));
        return new XDocument(new XDeclaration("1.0", "utf-8", null), alert);
    }

    public string ToXml()
    {
        var settings = new XmlWriterSettings { Indent = true, Encoding = new System.Text.UTF8Encoding(false), OmitXmlDeclaration = false };
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, settings))
            ToXDocument().Save(writer);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static XElement InfoElement(CapInfo i) => new(Ns + "info",
        El("language", i.Language), i.Categories.Select(c => El("category", c)), El("event", i.Event), i.ResponseTypes.Select(r => El("responseType", r)),
        El("urgency", i.Urgency), El("severity", i.Severity), El("certainty", i.Certainty), Opt("audience", i.Audience),
        i.EventCodes.Select(v => Pair("eventCode", v)), Opt("effective", i.Effective), Opt("onset", i.Onset), Opt("expires", i.Expires),
        Opt("senderName", i.SenderName), Opt("headline", i.Headline), Opt("description", i.Description), Opt("instruction", i.Instruction),
        Opt("web", i.Web), Opt("contact", i.Contact), i.Parameters.Select(v => Pair("parameter", v)), i.Areas.Select(AreaElement));

    private static XElement AreaElement(CapArea a) => new(Ns + "area",
        El("areaDesc", a.AreaDesc), a.Polygons.Select(p => El("polygon", p)), a.Circles.Select(c => El("circle", c)), a.Geocodes.Select(g => Pair("geocode", g)));

    private static XElement El(string name, string value) => new(Ns + name, value);

    private static XElement? Opt(string name, string? value) => string.IsNullOrEmpty(value) ? null : El(name, value);

    private static XElement? Opt(string name, DateTimeOffset? value) => value is { } v ? El(name, FormatTime(v)) : null;

    private static XElement Pair(string name, CapValue v) => new(Ns + name, El("valueName", v.ValueName), El("value", v.Value));

    /// <summary>Reads a CAP 1.2 document (validate it first with <see cref="CapSchema"/>).</summary>
    public static CapAlert Parse(string xml)
    {
        var root = XDocument.Parse(xml, LoadOptions.None).Root ?? throw new FormatException("empty document");
        return new CapAlert
        {
            Identifier = Text(root, "identifier") ?? "",
            Sender = Text(root, "sender") ?? "",
            Sent = Time(root, "sent") ?? default,
            Status = Text(root, "status") ?? "",
            MsgType = Text(root, "msgType") ?? "",
            Source = Text(root, "source"),
            Scope = Text(root, "scope") ?? "",
            Codes = Texts(root, "code"),
            Note = Text(root, "note"),
            References = Text(root, "references"),
            Incidents = Text(root, "incidents"),
            Infos = root.Elements(Ns + "info").Select(i => new CapInfo
            {
                Language = Text(i, "language") ?? "en-US",
                Categories = Texts(i, "category"),
                Event = Text(i, "event") ?? "",
                ResponseTypes = Texts(i, "responseType"),
                Urgency = Text(i, "urgency") ?? "",
                Severity = Text(i, "severity") ?? "",
                Certainty = Text(i, "certainty") ?? "",
                Audience = Text(i, "audience"),
                EventCodes = Pairs(i, "eventCode"),
                Effective = Time(i, "effective"),
                Onset = Time(i, "onset"),
                Expires = Time(i, "expires"),
                SenderName = Text(i, "senderName"),
                Headline = Text(i, "headline"),
                Description = Text(i, "description"),
                Instruction = Text(i, "instruction"),
                Web = Text(i, "web"),
                Contact = Text(i, "contact"),
                Parameters = Pairs(i, "parameter"),
                Areas = i.Elements(Ns + "area").Select(a => new CapArea
                {
                    AreaDesc = Text(a, "areaDesc") ?? "",
                    Polygons = Texts(a, "polygon"),
                    Circles = Texts(a, "circle"),
                    Geocodes = Pairs(a, "geocode"),
                }).ToList(),
            }).ToList(),
        };
    }

    /// <summary>An empty element (e.g. Canada's &lt;references /&gt;) reads as absent.</summary>
    private static string? Text(XElement parent, string name) =>
        parent.Element(Ns + name)?.Value.Trim() is { Length: > 0 } v ? v : null;

    private static List<string> Texts(XElement parent, string name) =>
        parent.Elements(Ns + name).Select(e => e.Value.Trim()).Where(v => v.Length > 0).ToList();

    private static List<CapValue> Pairs(XElement parent, string name) =>
        parent.Elements(Ns + name).Select(e => new CapValue(Text(e, "valueName") ?? "", Text(e, "value") ?? "")).ToList();

    private static DateTimeOffset? Time(XElement parent, string name) =>
        Text(parent, name) is { } v ? DateTimeOffset.Parse(v, CultureInfo.InvariantCulture, DateTimeStyles.None) : null;
}
