using System.Text.Json;
using Surgewatch.Ingestion.Errors;
using Surgewatch.Ingestion.Privacy;

namespace Surgewatch.Ingestion.Ndjson;

/// <summary>
/// Parses one NDJSON line at a time with <see cref="Utf8JsonReader"/>, remembering where each of the three
/// properties' raw UTF-8 lies in the line, so that a valid line allocates nothing.
/// </summary>
internal sealed class NdjsonLineParser(InputErrorList errors)
{
    private const string Schema = "a reading has exactly the properties sensorId, timestamp and value";

    private byte[] _sensorScratch = new byte[128];
    private byte[] _timestampScratch = new byte[128];
    private PropertySlot _sensor;
    private PropertySlot _timestamp;
    private PropertySlot _value;
    private int _line;
    private bool _problem;

    public ReadOnlySpan<byte> SensorId(ReadOnlySpan<byte> line) => _sensor.Slice(line);

    public ReadOnlySpan<byte> Timestamp(ReadOnlySpan<byte> line) => _timestamp.Slice(line);

    public ReadOnlySpan<byte> Value(ReadOnlySpan<byte> line) => _value.Slice(line);

    /// <summary>Parses <paramref name="line"/>, reporting every problem; true when it is a valid reading's shape.</summary>
    public bool TryParse(ReadOnlySpan<byte> line, int lineNumber)
    {
        (_sensor, _timestamp, _value, _line, _problem) = (default, default, default, lineNumber, false);
        try
        {
            var reader = new Utf8JsonReader(line, isFinalBlock: true, state: default);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return Fail(null, "expected a JSON object such as {\"sensorId\": \"3\", \"timestamp\": \"2014-01-31T13:00:00\", \"value\": 42}");
            }

            ReadProperties(ref reader);

            // Content after the object makes this read throw: one line holds one reading.
            reader.Read();
        }
        catch (JsonException e)
        {
            // The reader throws on malformed JSON; for an input that is a rejected line, not a failure.
            return Fail(null, $"not valid JSON at character {e.BytePositionInLine + 1}: {WithoutPosition(e.Message)}");
        }

        return RequirePresent() && !_problem;
    }

    private void ReadProperties(ref Utf8JsonReader reader)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueIsEscaped && !CanUnescape(ref reader))
            {
                // Comparing such a name throws (a lone surrogate such as \udddd): the line is refused, not the file.
                Fail(null, "a property name has an invalid escape sequence");
                reader.Read();
                reader.Skip();
            }
            else if (reader.ValueTextEquals("sensorId"u8))
            {
                ReadString(ref reader, "sensorId", ref _sensor, ref _sensorScratch);
            }
            else if (reader.ValueTextEquals("timestamp"u8))
            {
                ReadString(ref reader, "timestamp", ref _timestamp, ref _timestampScratch);
            }
            else if (reader.ValueTextEquals("value"u8))
            {
                ReadNumber(ref reader);
            }
            else
            {
                RefuseUnknown(ref reader);
            }
        }
    }

    private void ReadString(ref Utf8JsonReader reader, string name, ref PropertySlot slot, ref byte[] scratch)
    {
        RefuseRepeat(slot, name);
        reader.Read();
        if (reader.TokenType != JsonTokenType.String)
        {
            Fail(name, $"expected a string but found {Describe(reader.TokenType)}");
            reader.Skip();
            slot.MarkPresent();
            return;
        }

        if (!reader.ValueIsEscaped)
        {
            slot.SetInLine(reader.TokenStartIndex + 1, reader.ValueSpan.Length);
            return;
        }

        if (scratch.Length < reader.ValueSpan.Length)
        {
            scratch = new byte[reader.ValueSpan.Length];
        }

        slot.MarkPresent();
        if (TryUnescape(ref reader, scratch, out var length))
        {
            slot.SetInScratch(scratch, length);
        }
        else
        {
            Fail(name, "the string has an invalid escape sequence or is not valid UTF-8");
        }
    }

    private static bool TryUnescape(ref Utf8JsonReader reader, byte[] scratch, out int length)
    {
        try
        {
            length = reader.CopyString(scratch);
            return true;
        }
        catch (InvalidOperationException)
        {
            // CopyString's only way to say that the escapes do not decode (a lone surrogate such as \ud800).
            length = 0;
            return false;
        }
    }

    private static bool CanUnescape(ref Utf8JsonReader reader) => TryUnescape(ref reader, new byte[reader.ValueSpan.Length], out _);

    /// <summary>A property name as text for an error message, unescaped when it can be.</summary>
    private static string NameOf(ref Utf8JsonReader reader)
    {
        var raw = System.Text.Encoding.UTF8.GetString(reader.ValueSpan);
        if (!reader.ValueIsEscaped)
        {
            return raw;
        }

        var scratch = new byte[reader.ValueSpan.Length];
        return TryUnescape(ref reader, scratch, out var length) ? System.Text.Encoding.UTF8.GetString(scratch, 0, length) : raw;
    }

    private void ReadNumber(ref Utf8JsonReader reader)
    {
        RefuseRepeat(_value, "value");
        reader.Read();
        if (reader.TokenType == JsonTokenType.Number)
        {
            _value.SetInLine(reader.TokenStartIndex, reader.ValueSpan.Length);
            return;
        }

        Fail("value", reader.TokenType == JsonTokenType.Null
            ? "the value is null; leave out a missing reading instead"
            : $"expected a number but found {Describe(reader.TokenType)}");
        reader.Skip();
        _value.MarkPresent();
    }

    private void RefuseUnknown(ref Utf8JsonReader reader)
    {
        var name = NameOf(ref reader);
        Fail(name, PrivacyGuard.IsIdentifierLikeFieldName(name, out var reason) ? reason : $"unknown property; {Schema}");
        reader.Read();
        reader.Skip();
    }

    private void RefuseRepeat(PropertySlot slot, string name)
    {
        if (slot.IsPresent)
        {
            Fail(name, "the property is given twice");
        }
    }

    private bool RequirePresent() => Require(_sensor, "sensorId") & Require(_timestamp, "timestamp") & Require(_value, "value");

    private bool Require(PropertySlot slot, string name) => slot.IsPresent || Fail(name, $"the property is missing; {Schema}");

    private bool Fail(string? field, string message)
    {
        errors.Add(_line, field, message);
        _problem = true;
        return false;
    }

    /// <summary>The parser's message without its trailing position, which counts from 0 and would confuse.</summary>
    private static string WithoutPosition(string message)
    {
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        var path = message.IndexOf(" Path:", StringComparison.Ordinal);
        cut = cut < 0 ? path : path < 0 ? cut : Math.Min(cut, path);
        return cut < 0 ? message : message[..cut];
    }

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        _ => token.ToString(),
    };
}
