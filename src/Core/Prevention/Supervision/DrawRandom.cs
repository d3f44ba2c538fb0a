namespace Tianshan.Core.Prevention;

/// <summary>
/// The random source of a 双随机 draw: SplitMix64 (Steele, Lea &amp; Flood, "Fast splittable pseudorandom number
/// generators", OOPSLA 2014), chosen because it is fully specified in a few lines, so anyone can replay a published draw
/// from its seed with any language — unlike System.Random, whose algorithm is an implementation detail. Bounded values
/// use rejection sampling, so every candidate is equally likely.
/// </summary>
public sealed class DrawRandom(ulong seed)
{
    private ulong _state = seed;

    public ulong NextUInt64()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A uniform integer in [0, <paramref name="bound"/>).</summary>
    public int Next(int bound)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bound);
        var b = (ulong)bound;
        // Reject the top partial block of 2^64 so that every residue is equally likely.
        var limit = ulong.MaxValue - (ulong.MaxValue % b) - 1;
        ulong x;
        do
            x = NextUInt64();
        while (x > limit);
        return (int)(x % b);
    }

    /// <summary>Picks <paramref name="count"/> of <paramref name="items"/> in draw order (a partial Fisher–Yates shuffle of a copy).</summary>
    public List<T> Pick<T>(IReadOnlyList<T> items, int count)
    {
        ArgumentNullException.ThrowIfNull(items);
        var pool = items.ToList();
        count = Math.Min(count, pool.Count);
        for (var i = 0; i < count; i++)
        {
            var j = i + Next(pool.Count - i);
            (pool[i], pool[j]) = (pool[j], pool[i]);
        }
        return pool.GetRange(0, count);
    }
}
