using System.Buffers.Binary;

namespace Tianshan.Core.Monitoring.Storage;

/// <summary>
/// One sensor's readings of one minute packed into one row's blob, which is what brings a reading under 8 bytes on disk:
/// a row per reading costs 28 bytes of header and line pointer on PostgreSQL before any data, and about 10 on SQLite.
/// <para>Layout, little-endian: a flags byte (bit 0: quality bytes follow); n × uint16, the milliseconds since the
/// minute's start (0–59,999), ascending; n × float32 values; n quality bytes only when some reading was not good.
/// 6 bytes a reading, 7 with quality; a double would make it 10.</para>
/// </summary>
internal static class MinuteBlock
{
    private const byte WithQuality = 1;

    /// <param name="readings">One sensor's readings of the minute starting at <paramref name="minuteStartMs"/>, sorted
    /// by time without repeats.</param>
    public static byte[] Encode(ReadOnlySpan<Reading> readings, long minuteStartMs)
    {
        var n = readings.Length;
        var quality = false;
        foreach (ref readonly var r in readings)
            quality |= r.Quality != 0;
        var data = new byte[1 + n * (quality ? 7 : 6)];
        data[0] = quality ? WithQuality : (byte)0;
        var offsets = data.AsSpan(1, 2 * n);
        var values = data.AsSpan(1 + 2 * n, 4 * n);
        for (var i = 0; i < n; i++)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(offsets[(2 * i)..], checked((ushort)(readings[i].TimestampMs - minuteStartMs)));
            BinaryPrimitives.WriteSingleLittleEndian(values[(4 * i)..], (float)readings[i].Value);
            if (quality)
                data[1 + 6 * n + i] = readings[i].Quality;
        }
        return data;
    }

    /// <summary>Appends the readings in [fromMs, toMs) to <paramref name="into"/>; values are the stored floats.</summary>
    public static void Decode(ReadOnlySpan<byte> data, int sensorId, long minuteStartMs, List<Reading> into,
        long fromMs = long.MinValue, long toMs = long.MaxValue)
    {
        var quality = (data[0] & WithQuality) != 0;
        var n = (data.Length - 1) / (quality ? 7 : 6);
        var offsets = data.Slice(1, 2 * n);
        var values = data.Slice(1 + 2 * n, 4 * n);
        for (var i = 0; i < n; i++)
        {
            var time = minuteStartMs + BinaryPrimitives.ReadUInt16LittleEndian(offsets[(2 * i)..]);
            if (time < fromMs || time >= toMs)
                continue;
            var value = BinaryPrimitives.ReadSingleLittleEndian(values[(4 * i)..]);
            into.Add(new Reading(sensorId, time, value, quality ? data[1 + 6 * n + i] : (byte)0));
        }
    }
}
