using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Tianshan.Core.Monitoring;
using Tianshan.Core.Platform;

namespace Tianshan.Core.Data;

/// <summary>Writes an <see cref="AuditEntry"/> for every added, changed or deleted record in the same SaveChanges,
/// so a change and its audit commit or fail together (执法全过程记录). Secrets (password hashes, stamps) are never copied.</summary>
public sealed class AuditInterceptor(TimeProvider time) : SaveChangesInterceptor
{
    private static readonly HashSet<string> Secret = new(StringComparer.Ordinal)
    {
        nameof(IdentityUser.PasswordHash), nameof(IdentityUser.SecurityStamp), nameof(IdentityUser.ConcurrencyStamp),
        nameof(IdentityUserToken<string>.Value), nameof(Gateway.PasswordHash),
    };

    /// <summary>Records that are their own journal: an alarm keeps every transition with its user and time (ISA-18.2
    /// alarm history), and copying each one into the audit log would flood it during an alarm storm. A warning delivery keeps its
    /// attempts, errors and receipts on its own row (the outbox).</summary>
    private static readonly HashSet<Type> OwnJournal = [typeof(Alarm), typeof(AlarmEvent), typeof(AlarmNotification), typeof(Warnings.WarningDelivery)];

    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        AddAuditEntries(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        AddAuditEntries(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void AddAuditEntries(DbContext? context)
    {
        if (context is not TianshanDb db)
            return;
        db.ChangeTracker.DetectChanges();
        var now = time.GetUtcNow();
        var scope = db.Scope;
        var entries = db.ChangeTracker.Entries()
            .Where(e => e.Entity is not AuditEntry && !OwnJournal.Contains(e.Metadata.ClrType)
                && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(e => Describe(e, now, scope))
            .Where(a => a is not null)
            .ToList();
        foreach (var entry in entries)
            db.AuditEntries.Add(entry!);
    }

    private static AuditEntry? Describe(EntityEntry entry, DateTimeOffset now, UserScope scope)
    {
        // File contents stay out of the log (an evidence record keeps its size and SHA-256 instead).
        var properties = entry.Properties.Where(p => !Secret.Contains(p.Metadata.Name) && !p.IsTemporary && p.Metadata.ClrType != typeof(byte[])).ToList();
        Dictionary<string, object?>? before = null, after = null;
        switch (entry.State)
        {
            case EntityState.Added:
                after = properties.ToDictionary(p => p.Metadata.Name, p => p.CurrentValue);
                break;
            case EntityState.Deleted:
                before = properties.ToDictionary(p => p.Metadata.Name, p => p.OriginalValue);
                break;
            default:
                var changed = properties.Where(p => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue)).ToList();
                if (changed.Count == 0)
                    return null;
                before = changed.ToDictionary(p => p.Metadata.Name, p => p.OriginalValue);
                after = changed.ToDictionary(p => p.Metadata.Name, p => p.CurrentValue);
                break;
        }
        var key = entry.Metadata.FindPrimaryKey();
        var id = key is null ? "" : string.Join(",", key.Properties.Select(p => entry.Property(p.Name).CurrentValue?.ToString()));
        return new AuditEntry
        {
            At = now,
            UserId = scope.UserId,
            UserName = scope.UserName,
            EntityType = entry.Metadata.DisplayName(),
            EntityId = id,
            Action = entry.State switch
            {
                EntityState.Added => AuditAction.Added,
                EntityState.Deleted => AuditAction.Deleted,
                _ => AuditAction.Modified,
            },
            Before = before is null ? null : JsonSerializer.Serialize(before, Json),
            After = after is null ? null : JsonSerializer.Serialize(after, Json),
        };
    }
}
