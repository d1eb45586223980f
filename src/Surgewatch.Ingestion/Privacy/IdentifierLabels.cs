namespace Surgewatch.Ingestion.Privacy;

/// <summary>
/// Labels written in front of an identifier: <c>mac:</c>, <c>imei-</c>, <c>tel:</c>, <c>phone=</c>, <c>plate </c>.
/// A label makes a value personal even when the value alone would pass (<c>imei-1234</c>), and a phone or plate
/// word lets the free-text scanner read the numbers or plate after it.
/// </summary>
internal static class IdentifierLabels
{
    private static readonly Dictionary<string, string> Schemes = Build(
        ("a MAC address", ["mac", "bssid"]),
        ("a phone or SIM identifier", ["imei", "imeisv", "imsi", "iccid", "meid", "msisdn"]),
        ("a phone number", ["tel", "phone", "sip", "sms"]),
        ("an e-mail address", ["mailto", "email"]),
        ("an IP address", ["ip", "ipv4", "ipv6"]),
        ("a vehicle identifier", ["plate", "rego", "vin"]),
        ("a device identifier", ["udid", "idfa", "gaid"]),
        ("an identity document number", ["ssn", "passport"]));

    private static readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> SchemeLookup = Schemes.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly HashSet<string> PhoneWords = new(StringComparer.Ordinal)
    {
        "phone", "phones", "tel", "telephone", "mobile", "mob", "ph", "cell", "cellphone", "call", "sms", "fax", "msisdn", "whatsapp",
    };

    private static readonly HashSet<string> PlateWords = new(StringComparer.Ordinal)
    {
        "plate", "plates", "rego", "registration", "numberplate", "licenceplate", "licenseplate",
    };

    /// <summary>The longest label looked up; longer words are not labels.</summary>
    private const int MaxLabelLength = 16;

    /// <summary>
    /// Splits <c>label:value</c> (or <c>label-</c>, <c>label=</c>, <c>label_</c>) when the label is a known scheme of
    /// personal identifiers, whatever its case; <paramref name="what"/> is what the scheme identifies.
    /// </summary>
    public static bool TrySplitScheme(ReadOnlySpan<char> token, out ReadOnlySpan<char> value, out string what)
    {
        value = default;
        what = string.Empty;
        var end = token.IndexOfAny(":=-_");
        Span<char> lower = stackalloc char[MaxLabelLength];
        if (end is <= 0 or > MaxLabelLength || !IsAsciiLetterOrDigit(token[..end]))
        {
            return false;
        }

        token[..end].ToLowerInvariant(lower);
        if (!SchemeLookup.TryGetValue(lower[..end], out var description))
        {
            return false;
        }

        what = description;
        value = token[(end + 1)..].TrimStart(":=-_");
        return !value.IsEmpty;
    }

    /// <summary>Whether <paramref name="word"/> (any case, punctuation around it ignored) announces a phone number: <c>phone</c>, <c>tel:</c>, <c>call</c>.</summary>
    public static bool IsPhoneWord(ReadOnlySpan<char> word) => IsWordIn(word, PhoneWords);

    /// <summary>Whether <paramref name="word"/> announces a number plate: <c>plate</c>, <c>rego:</c>, <c>registration</c>.</summary>
    public static bool IsPlateWord(ReadOnlySpan<char> word) => IsWordIn(word, PlateWords);

    private static bool IsWordIn(ReadOnlySpan<char> word, HashSet<string> words)
    {
        word = word.Trim(":=-_.,;()\"'");
        Span<char> lower = stackalloc char[MaxLabelLength];
        return word.Length is > 0 and <= MaxLabelLength
            && word.ToLowerInvariant(lower) == word.Length
            && words.GetAlternateLookup<ReadOnlySpan<char>>().Contains(lower[..word.Length]);
    }

    private static bool IsAsciiLetterOrDigit(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static Dictionary<string, string> Build(params (string Description, string[] Words)[] groups)
    {
        var schemes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (description, words) in groups)
        {
            foreach (var word in words)
            {
                schemes.Add(word, description);
            }
        }

        return schemes;
    }
}
