using System.Text;

namespace Surgewatch.Ingestion.Text;

/// <summary>Small helpers over UTF-8 bytes.</summary>
internal static class Utf8Text
{
    private const int MaxQuotedChars = 40;

    /// <summary>The bytes without leading and trailing spaces and tabs.</summary>
    public static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> text) => text.Trim(" \t"u8);

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
