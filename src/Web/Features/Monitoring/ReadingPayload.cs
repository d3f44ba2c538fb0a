using System.Buffers;
using System.Text.Json;

namespace Tianshan.Web.Features.Monitoring;

/// <summary>One reading as published: sensor code (from the topic, or "s" in a batch), time, value, optional quality.</summary>
public readonly record struct PublishedReading(string SensorCode, DateTimeOffset Time, double Value, int? Quality);

/// <summary>
/// Parses the gateway payloads of the MQTT contract: one reading <c>{"t":"2026-11-28T08:00:00.000Z","v":42.5,"q":0}</c>
/// on tianshan/{enterprise}/{sensor}, or a batch <c>{"readings":[{"s":"&lt;sensor&gt;","t":…,"v":…}, …]}</c> on
/// tianshan/{enterprise}/batch. A bad element of a batch is counted and skipped; it never drops its valid neighbours.
/// </summary>
public static class ReadingPayload
{
    /// <summary>Parses a single-reading payload; false when it is malformed.</summary>
    public static bool TryParseSingle(ReadOnlySequence<byte> payload, string sensorCode, out PublishedReading reading)
    {
        reading = default;
        try
        {
            var reader = new Utf8JsonReader(payload);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                return false;
            return TryReadObject(ref reader, sensorCode, out reading) && !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>Parses a batch payload into <paramref name="readings"/>; returns the number of malformed elements, or −1
    /// when the payload as a whole is not a batch.</summary>
    public static int ParseBatch(ReadOnlySequence<byte> payload, List<PublishedReading> readings)
    {
        var malformed = 0;
        try
        {
            var reader = new Utf8JsonReader(payload);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                return -1;
            var found = false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (!reader.ValueTextEquals("readings"u8))
                {
                    reader.Read();
                    reader.Skip();
                    continue;
                }
                reader.Read();
                if (reader.TokenType != JsonTokenType.StartArray)
                    return -1;
                found = true;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (reader.TokenType == JsonTokenType.StartObject && TryReadObject(ref reader, null, out var r))
                        readings.Add(r);
                    else
                    {
                        malformed++;
                        if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                            reader.Skip();
                    }
                }
            }
            return found ? malformed : -1;
        }
        catch (JsonException)
        {
            return readings.Count > 0 ? malformed + 1 : -1;
        }
    }

    /// <summary>Reads one reading object; the reader ends on its EndObject.</summary>
    private static bool TryReadObject(ref Utf8JsonReader reader, string? sensorCode, out PublishedReading reading)
    {
        reading = default;
        string? sensor = sensorCode;
        DateTimeOffset? time = null;
        double? value = null;
        int? quality = null;
        var ok = true;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("t"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.String && reader.TryGetDateTimeOffset(out var t))
                    time = t;
                else
                    ok = false;
            }
            else if (reader.ValueTextEquals("v"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out var v) && double.IsFinite(v))
                    value = v;
                else
                    ok = false;
            }
            else if (reader.ValueTextEquals("q"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var q))
                    quality = q;
                else
                    ok = false;
            }
            else if (sensorCode is null && reader.ValueTextEquals("s"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.String)
                    sensor = reader.GetString();
                else
                    ok = false;
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
        if (reader.TokenType != JsonTokenType.EndObject)
            throw new JsonException("unterminated reading");
        if (!ok || sensor is not { Length: > 0 } || time is null || value is null)
            return false;
        reading = new PublishedReading(sensor, time.Value, value.Value, quality);
        return true;
    }
}
