using System.Text.Json;
using Surgewatch.Ingestion.Errors;

namespace Surgewatch.Ingestion.GeoJson;

/// <summary>A parsed JSON value that remembers the line it started on, so errors can name it.</summary>
internal sealed class JsonTree
{
    private JsonTree(JsonValueKind kind, int line)
    {
        Kind = kind;
        Line = line;
    }

    public JsonValueKind Kind { get; }

    public int Line { get; }

    public string? Text { get; private init; }

    public double Number { get; private init; }

    public List<JsonTree> Items { get; } = [];

    public List<KeyValuePair<string, JsonTree>> Properties { get; } = [];

    public JsonTree? this[string name]
    {
        get
        {
            foreach (var (key, value) in Properties)
            {
                if (key == name)
                {
                    return value;
                }
            }

            return null;
        }
    }

    /// <summary>
    /// Parses <paramref name="utf8"/> (comments skipped, a leading BOM too); a syntax error throws
    /// <see cref="JsonException"/> carrying its 0-based line.
    /// </summary>
    public static JsonTree Parse(ReadOnlySpan<byte> utf8, bool allowTrailingCommas = false)
    {
        if (utf8.StartsWith("\uFEFF"u8))
        {
            utf8 = utf8[3..];
        }

        var options = new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = allowTrailingCommas };
        var reader = new Utf8JsonReader(utf8, options);
        var lines = new LineCounter();
        if (!reader.Read())
        {
            throw new JsonException("The input is empty.", null, 0, 0);
        }

        var root = ReadValue(ref reader, utf8, ref lines);
        if (reader.Read())
        {
            throw new JsonException("Unexpected content after the end of the document.", null, lines.LineAt(utf8, (int)reader.TokenStartIndex) - 1, 0);
        }

        return root;
    }

    /// <summary>Parses <paramref name="utf8"/>, or rejects the input with its syntax error and the line it is on.</summary>
    /// <exception cref="InputRejectedException">The text is not valid JSON.</exception>
    public static JsonTree ParseOrReject(ReadOnlySpan<byte> utf8, InputErrorList errors, bool allowTrailingCommas = false)
    {
        try
        {
            return Parse(utf8, allowTrailingCommas);
        }
        catch (JsonException e)
        {
            errors.Add((int)(e.LineNumber ?? 0) + 1, null, $"not valid JSON: {FirstSentence(e.Message)}");
            throw errors.Rejection();
        }
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..end];
    }

    private static JsonTree ReadValue(ref Utf8JsonReader reader, ReadOnlySpan<byte> utf8, ref LineCounter lines)
    {
        var line = lines.LineAt(utf8, (int)reader.TokenStartIndex);
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var obj = new JsonTree(JsonValueKind.Object, line);
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var name = ReadString(ref reader, lines.LineAt(utf8, (int)reader.TokenStartIndex));
                    reader.Read();
                    obj.Properties.Add(new(name, ReadValue(ref reader, utf8, ref lines)));
                }

                return obj;
            case JsonTokenType.StartArray:
                var array = new JsonTree(JsonValueKind.Array, line);
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    array.Items.Add(ReadValue(ref reader, utf8, ref lines));
                }

                return array;
            case JsonTokenType.String:
                return new JsonTree(JsonValueKind.String, line) { Text = ReadString(ref reader, line) };
            case JsonTokenType.Number:
                return new JsonTree(JsonValueKind.Number, line) { Number = reader.GetDouble() };
            case JsonTokenType.True:
                return new JsonTree(JsonValueKind.True, line);
            case JsonTokenType.False:
                return new JsonTree(JsonValueKind.False, line);
            default:
                return new JsonTree(JsonValueKind.Null, line);
        }
    }

    /// <summary>
    /// The current string or property name. The reader checks a string's UTF-8 and escapes only when its text is
    /// asked for, and then throws <see cref="InvalidOperationException"/>: that is a syntax error in the input, so
    /// it becomes a <see cref="JsonException"/> carrying the 0-based line, as the reader's own errors do.
    /// </summary>
    private static string ReadString(ref Utf8JsonReader reader, int line)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException e)
        {
            throw new JsonException($"a string is not valid text ({e.Message.TrimEnd('.')})", null, line - 1, null, e);
        }
    }

    /// <summary>Counts newlines forward only, since tokens are visited in order.</summary>
    private struct LineCounter
    {
        private int _index;
        private int _line;

        public int LineAt(ReadOnlySpan<byte> utf8, int index)
        {
            if (_line == 0)
            {
                _line = 1;
            }

            _line += utf8[_index..index].Count((byte)'\n');
            _index = index;
            return _line;
        }
    }
}
