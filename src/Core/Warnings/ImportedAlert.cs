using Tianshan.Core.Warnings.Cap;

namespace Tianshan.Core.Warnings;

/// <summary>
/// A CAP 1.2 alert received from outside (the weather bureau's feed, another authority), validated against the schema
/// and kept with its original XML byte for byte; the fields lists and maps need are copied out of it. The same
/// (sender, identifier) is stored once.
/// </summary>
public sealed class ImportedAlert
{
    private ImportedAlert() { }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public string Identifier { get; private set; } = "";
    public string Sender { get; private set; } = "";
    public DateTimeOffset Sent { get; private set; }
    public string Status { get; private set; } = "";
    public string MsgType { get; private set; } = "";
    public string? References { get; private set; }
    public string Language { get; private set; } = "";
    public string Event { get; private set; } = "";
    public string Severity { get; private set; } = "";
    public string Urgency { get; private set; } = "";
    public string Certainty { get; private set; } = "";
    public string? SenderName { get; private set; }
    public string? Headline { get; private set; }
    public string? Description { get; private set; }
    public string? Instruction { get; private set; }
    public string AreaDescription { get; private set; } = "";
    public DateTimeOffset? Onset { get; private set; }
    public DateTimeOffset? Expires { get; private set; }
    /// <summary>The document as received.</summary>
    public string OriginalXml { get; private set; } = "";
    public DateTimeOffset ImportedAt { get; private set; }
    public string ImportedBy { get; private set; } = "";

    /// <summary>Copies the first info block's fields (an alert with several languages keeps all of them in the XML).</summary>
    public static ImportedAlert From(CapAlert alert, string originalXml, string by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var info = alert.Infos.FirstOrDefault(i => i.Language.StartsWith("zh", StringComparison.OrdinalIgnoreCase)) ?? (alert.Infos.Count > 0 ? alert.Infos[0] : null);
        return new ImportedAlert
        {
            Identifier = alert.Identifier,
            Sender = alert.Sender,
            Sent = alert.Sent.ToUniversalTime(),
            Status = alert.Status,
            MsgType = alert.MsgType,
            References = alert.References,
            Language = info?.Language ?? "",
            Event = info?.Event ?? "",
            Severity = info?.Severity ?? "",
            Urgency = info?.Urgency ?? "",
            Certainty = info?.Certainty ?? "",
            SenderName = info?.SenderName,
            Headline = Cut(info?.Headline, 500),
            Description = Cut(info?.Description, 8000),
            Instruction = Cut(info?.Instruction, 8000),
            AreaDescription = Cut(string.Join("；", info?.Areas.Select(a => a.AreaDesc) ?? []), 2000) ?? "",
            Onset = (info?.Onset ?? info?.Effective)?.ToUniversalTime(),
            Expires = info?.Expires?.ToUniversalTime(),
            OriginalXml = originalXml,
            ImportedAt = now,
            ImportedBy = by,
        };
    }

    private static string? Cut(string? value, int max) => value is null ? null : value.Length <= max ? value : value[..max];

    /// <summary>CAP severity in Chinese, for lists beside our own levels.</summary>
    public static string SeverityLabel(string severity) => severity switch
    {
        "Extreme" => "特别严重",
        "Severe" => "严重",
        "Moderate" => "较重",
        "Minor" => "一般",
        _ => "未知",
    };
}
