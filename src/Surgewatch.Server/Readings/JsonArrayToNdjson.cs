using System.Text.Json;
using Surgewatch.Ingestion.Errors;

namespace Surgewatch.Server.Readings;

/// <summary>
/// Turns a JSON array of reading objects into NDJSON, one object per line, so that the NDJSON reader (with its
/// schema and privacy checks) reads it and line N of its errors is element N of the array. Each object's bytes
/// are copied as they are, except that line breaks become spaces: JSON strings cannot hold raw line breaks,
/// so every one of them is whitespace between tokens.
/// </summary>
internal static class JsonArrayToNdjson
{
    public static byte[] Convert(ReadOnlySpan<byte> json, string source)
    {
        // A UTF-8 byte order mark is allowed, as it is in CSV and NDJSON bodies (Utf8JsonReader does not skip it).
        if (json.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            json = json[3..];
        }

        var output = new byte[json.Length + 1];
        var length = 0;
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
        try
        {
            Expect(reader.Read() && reader.TokenType == JsonTokenType.StartArray, source, 1, "expected a JSON array of readings such as [{\"sensorId\": \"3\", \"timestamp\": \"2014-01-31T13:00:00\", \"value\": 42}]");
            var element = 0;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                element++;
                Expect(reader.TokenType == JsonTokenType.StartObject, source, element, "expected an object with sensorId, timestamp and value");
                var start = (int)reader.TokenStartIndex;
                reader.Skip();
                length = CopyOneLine(json[start..(int)reader.BytesConsumed], output, length);
            }

            Expect(!reader.Read(), source, element + 1, "unexpected content after the array");
        }
        catch (JsonException e)
        {
            throw new InputRejectedException(new InputError(source, (int?)e.LineNumber + 1, null,
                $"not valid JSON at line {e.LineNumber + 1}, character {e.BytePositionInLine + 1}"));
        }

        return output[..length];
    }

    private static int CopyOneLine(ReadOnlySpan<byte> obj, byte[] output, int at)
    {
        var target = output.AsSpan(at, obj.Length);
        obj.CopyTo(target);
        target.Replace((byte)'\n', (byte)' ');
        target.Replace((byte)'\r', (byte)' ');
        output[at + obj.Length] = (byte)'\n';
        return at + obj.Length + 1;
    }

    private static void Expect(bool condition, string source, int element, string message)
    {
        if (!condition)
        {
            throw new InputRejectedException(new InputError(source, element, null, message));
        }
    }
}
