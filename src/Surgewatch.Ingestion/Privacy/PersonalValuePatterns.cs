using System.Buffers;

namespace Surgewatch.Ingestion.Privacy;

/// <summary>
/// Recognises values that look like personal device, contact or vehicle identifiers. Hand-written span code, no
/// regular expressions: ids are checked once per distinct id, but free text and zone files pass through here too.
/// </summary>
internal static class PersonalValuePatterns
{
    /// <summary>Characters that join the parts of an id or a word: each part is checked on its own too.</summary>
    private static readonly SearchValues<char> PartSeparators = SearchValues.Create("-_/=?&,;|#<>()[]{}\"'");

    /// <summary>
    /// An id (of a sensor or zone) as a whole, then each of its parts: <c>gw-192.168.1.23</c> and
    /// <c>dev-352099001761481</c> are refused for their second part. Only a whole id in capitals is read as a plate.
    /// </summary>
    public static bool TryMatchId(ReadOnlySpan<char> id, out string what) =>
        TryMatchToken(id, plates: true, out what) || TryMatchParts(id, out what);

    /// <summary>One word without spaces, and each of its parts.</summary>
    public static bool TryMatchWord(ReadOnlySpan<char> word, out string what) =>
        TryMatchToken(word, plates: false, out what) || TryMatchParts(word, out what);

    /// <summary>One value: e-mail, phone, MAC, IP, long number, labelled identifier and, when <paramref name="plates"/>, a plate in capitals.</summary>
    public static bool TryMatchToken(ReadOnlySpan<char> value, bool plates, out string what)
    {
        what = IsEmail(value) ? "an e-mail address"
            : NetworkPatterns.IsMacAddress(value) ? "a MAC address"
            : NetworkPatterns.IsIPv4(value) || NetworkPatterns.IsIPv6(value) ? "an IP address"
            : NumberPatterns.TryDescribe(value, out var number) ? number
            : TryMatchLabelled(value, out var labelled) ? labelled
            : plates && PlatePattern.IsPlate(value, anyCase: false) ? "a vehicle number plate"
            : NumberPatterns.LongestDigitRun(value) is var run and >= NumberPatterns.LongDigits ? $"a phone, device or account number ({run} digits)"
            : string.Empty;
        return what.Length > 0;
    }

    /// <summary><c>imei-35…</c>, <c>tel:+61…</c>, <c>mac:00:1a:…</c>: a scheme label followed by a recognised value or by at least three digits.</summary>
    private static bool TryMatchLabelled(ReadOnlySpan<char> value, out string what)
    {
        if (!IdentifierLabels.TrySplitScheme(value, out var rest, out var scheme))
        {
            what = string.Empty;
            return false;
        }

        if (TryMatchToken(rest, plates: false, out what))
        {
            return true;
        }

        what = scheme;
        return NumberPatterns.CountDigits(rest) >= 3;
    }

    /// <summary>Each part between separators, and each part of those between colons (<c>https://10.1.2.3/cam</c>).</summary>
    private static bool TryMatchParts(ReadOnlySpan<char> value, out string what)
    {
        what = string.Empty;
        if (!value.ContainsAny(PartSeparators) && !value.Contains(':'))
        {
            return false;
        }

        foreach (var range in value.SplitAny(PartSeparators))
        {
            var part = value[range];
            if (part.Length < value.Length && TryMatchToken(part, plates: false, out what))
            {
                return true;
            }

            foreach (var inner in part.Split(':'))
            {
                if (part[inner].Length < part.Length && TryMatchToken(part[inner], plates: false, out what))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary><c>local@domain.tld</c>: an at sign with text before it and a dotted domain after it.</summary>
    private static bool IsEmail(ReadOnlySpan<char> value)
    {
        var at = value.IndexOf('@');
        if (at <= 0)
        {
            return false;
        }

        var domain = value[(at + 1)..];
        var dot = domain.LastIndexOf('.');
        return dot > 0 && dot < domain.Length - 1;
    }
}
