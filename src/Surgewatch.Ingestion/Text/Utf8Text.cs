using System.Text;

namespace Surgewatch.Ingestion.Text;

/// <summary>Small helpers over UTF-8 bytes.</summary>
internal static class Utf8Text
{
    private const int MaxQuotedChars = 40;

    /// <summary>The bytes without leading and trailing spaces and tabs.</summary>
    /// <remarks>
    /// Loops rather than <c>MemoryExtensions.Trim</c>: this runs for fields of every row of a long file, and the generic
    /// <c>Trim&lt;byte&gt;</c> is not in the ReadyToRun image, so a batch command would run it as unoptimised JIT code.
    /// </remarks>
    public static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> text)
    {
        var start = 0;
        while (start < text.Length && IsSpaceOrTab(text[start]))
        {
            start++;
        }

        var end = text.Length;
        while (end > start && IsSpaceOrTab(text[end - 1]))
        {
            end--;
        }

        return text[start..end];
    }

    /// <summary>Whether the bytes are all spaces and tabs (or none).</summary>
    public static bool IsBlank(ReadOnlySpan<byte> text)
    {
        foreach (var b in text)
        {
            if (!IsSpaceOrTab(b))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsSpaceOrTab(byte b) => b is (byte)' ' or (byte)'\t';

    /// <summary>The text quoted for an error message: decoded leniently, control characters shown as <c>?</c>, long text cut short.</summary>
    public static string Quote(ReadOnlySpan<byte> text)
    {
        var decoded = Encoding.UTF8.GetString(text.Length > MaxQuotedChars * 4 ? text[..(MaxQuotedChars * 4)] : text);
        return Quote(decoded);
    }

    /// <summary>The text quoted for an error message, control characters shown as <c>?</c>, long text cut short.</summary>
    public static string Quote(string text)
    {
        var shown = text.Length > MaxQuotedChars ? string.Concat(text.AsSpan(0, MaxQuotedChars), "…") : text;
        var chars = shown.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsControl(chars[i]))
            {
                chars[i] = '?';
            }
        }

        return $"'{new string(chars)}'";
    }
}
