namespace Surgewatch.Ingestion.Privacy;

/// <summary>
/// Splits a field name into lower-case words, whatever its style: <c>deviceId</c>, <c>Device-ID</c>,
/// <c>device_id</c>, <c>device id</c> and <c>IPAddress</c> all give the same words.
/// </summary>
internal static class FieldNameTokens
{
    public static List<string> Split(ReadOnlySpan<char> name)
    {
        var tokens = new List<string>();
        var start = -1;
        for (var i = 0; i <= name.Length; i++)
        {
            var atEnd = i == name.Length;
            var c = atEnd ? '\0' : name[i];
            if (atEnd || !char.IsLetterOrDigit(c))
            {
                Flush(name, ref start, i, tokens);
                continue;
            }

            if (start >= 0 && StartsNewWord(name, i))
            {
                Flush(name, ref start, i, tokens);
            }

            if (start < 0)
            {
                start = i;
            }
        }

        return tokens;
    }

    /// <summary>A word starts at an upper-case letter after a lower-case letter or digit (<c>deviceId</c>), or at the last capital of an acronym followed by lower case (<c>IPAddress</c>).</summary>
    private static bool StartsNewWord(ReadOnlySpan<char> name, int i)
    {
        if (!char.IsUpper(name[i]))
        {
            return false;
        }

        var previous = name[i - 1];
        if (char.IsLower(previous) || char.IsDigit(previous))
        {
            return true;
        }

        return char.IsUpper(previous) && i + 1 < name.Length && char.IsLower(name[i + 1]);
    }

    private static void Flush(ReadOnlySpan<char> name, ref int start, int end, List<string> tokens)
    {
        if (start >= 0)
        {
            tokens.Add(name[start..end].ToString().ToLowerInvariant());
            start = -1;
        }
    }
}
