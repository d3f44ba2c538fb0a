using Microsoft.EntityFrameworkCore;
using Tianshan.Core.Data;
using Tianshan.Core.Platform;
using Tianshan.Core.Warnings;
using Tianshan.Core.Warnings.Cap;

namespace Tianshan.Web.Features.Warnings;

public sealed record ImportedAlertView(Guid Id, string Identifier, string Sender, string? SenderName, DateTimeOffset Sent, string Status,
    string MsgType, string? References, string Language, string Event, string Severity, string SeverityLabel, string Urgency, string Certainty,
    string? Headline, string? Description, string? Instruction, string AreaDescription, DateTimeOffset? Onset, DateTimeOffset? Expires,
    DateTimeOffset ImportedAt, string ImportedBy)
{
    public static ImportedAlertView Of(ImportedAlert a) => new(a.Id, a.Identifier, a.Sender, a.SenderName, a.Sent, a.Status, a.MsgType,
        a.References, a.Language, a.Event, a.Severity, ImportedAlert.SeverityLabel(a.Severity), a.Urgency, a.Certainty, a.Headline,
        a.Description, a.Instruction, a.AreaDescription, a.Onset, a.Expires, a.ImportedAt, a.ImportedBy);
}

/// <summary>
/// CAP 1.2 import (the weather bureau's feed, another authority's alert): validated against the OASIS schema — an
/// invalid document is refused with the reason and nothing is stored — then kept with its original XML. The same
/// (sender, identifier) is taken once: a repeat returns the stored alert.
/// </summary>
public static class CapImport
{
    /// <summary>The largest document taken (1 MB): real alerts are a few kilobytes; NAAD's biggest are tens.</summary>
    public const int MaxChars = 1024 * 1024;

    public static async Task<(ImportedAlert Alert, bool Created)> ImportAsync(TianshanDb db, string xml, TimeProvider time, CancellationToken ct)
    {
        if (xml.Length > MaxChars)
            throw new DomainValidationException("cap", $"CAP 文档不能超过 {MaxChars / 1024} KB");
        var problems = CapSchema.Validate(xml);
        if (problems.Count > 0)
            throw new DomainValidationException("cap", "不是有效的 CAP 1.2 预警：" + string.Join("；", problems.Take(5)));
        var alert = CapAlert.Parse(xml);
        var existing = await db.ImportedAlerts.FirstOrDefaultAsync(a => a.Sender == alert.Sender && a.Identifier == alert.Identifier, ct);
        if (existing is not null)
            return (existing, false);
        var imported = ImportedAlert.From(alert, xml, db.Scope.UserName, time.GetUtcNow());
        db.ImportedAlerts.Add(imported);
        await db.SaveChangesAsync(ct);
        return (imported, true);
    }

    public static async Task<List<ImportedAlertView>> ListAsync(TianshanDb db, CancellationToken ct) =>
        (await db.ImportedAlerts.AsNoTracking().ToListAsync(ct)).OrderByDescending(a => a.Sent).Select(ImportedAlertView.Of).ToList();
}
