using Microsoft.EntityFrameworkCore;
using Tianshan.Core.Data;
using Tianshan.Core.Platform;

namespace Tianshan.Web.Features.Platform;

/// <summary>
/// The one way a record gets its human number: a prefix, the Beijing year and the next in the year's sequence over every record
/// (the highest given + 1) (YH-2026-00012 for a hidden hazard, JC- an inspection, AJ- a case, SJ-2026-003 a draw), as 执法文书 and registers
/// number them. The count ignores the caller's scope (numbers are district-wide). Each numbered table has a unique index
/// on its number, so two saves racing for one number cannot both succeed: the loser forgets only what it added in that
/// attempt and saves again with the next number; the caller's other changes (a link set in <c>beforeSave</c>) stay.
/// </summary>
public static class RecordNumbers
{
    /// <summary>Enough for a burst of simultaneous saves (each loser re-reads and tries the next number): with n racers
    /// the last one can lose n − 1 times.</summary>
    private const int Attempts = 25;

    /// <param name="numbers">the numbers already given in the record's table, read without the scope filter.</param>
    /// <param name="prefix">e.g. "YH".</param>
    /// <param name="digits">width of the sequence (5 for registers, 3 for draws).</param>
    /// <param name="create">makes the record with the number given.</param>
    /// <param name="beforeSave">changes saved in the same commit, e.g. linking the record from the one it came from.</param>
    public static async Task<T> AddAsync<T>(TianshanDb db, IQueryable<string> numbers, string prefix, int digits, DateTimeOffset now,
        Func<string, T> create, CancellationToken ct, Action<T>? beforeSave = null) where T : class
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(create);
        var yearPrefix = $"{prefix}-{ChinaTime.ToChina(now).Year}-";
        for (var attempt = 0; ; attempt++)
        {
            // The highest number given this year (fixed width, so text order is number order), read again on each attempt.
            var last = await numbers.Where(n => n.StartsWith(yearPrefix)).OrderByDescending(n => n).FirstOrDefaultAsync(ct);
            var given = last is null ? 0 : int.Parse(last.AsSpan(yearPrefix.Length), System.Globalization.CultureInfo.InvariantCulture);
            var tracked = db.ChangeTracker.Entries().Select(e => e.Entity).ToHashSet(ReferenceEqualityComparer.Instance);
            var record = create(yearPrefix + (given + 1).ToString(new string('0', digits), System.Globalization.CultureInfo.InvariantCulture));
            db.Add(record);
            beforeSave?.Invoke(record);
            try
            {
                await db.SaveChangesAsync(ct);
                return record;
            }
            catch (DbUpdateException) when (attempt < Attempts - 1)
            {
                // Forget what this attempt added (the record and anything it brought with it); keep the caller's changes.
                foreach (var entry in db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added && !tracked.Contains(e.Entity)).ToList())
                    entry.State = EntityState.Detached;
                // A short random pause spreads the racers so they do not collide on the next number again.
                await Task.Delay(Random.Shared.Next(2, 20), ct);
            }
        }
    }
}
