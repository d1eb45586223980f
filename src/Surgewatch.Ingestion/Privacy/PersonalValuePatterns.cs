namespace Surgewatch.Ingestion.Privacy;

/// <summary>Recognises values that look like personal device or contact identifiers.</summary>
internal static class PersonalValuePatterns
{
    public static bool TryMatch(ReadOnlySpan<char> value, out string what)
    {
        what = IsEmail(value) ? "an e-mail address"
            : IsPhoneNumber(value) ? "a phone number"
            : IsMacAddress(value) ? "a MAC address"
            : Is15Digits(value) ? "an IMEI or IMSI (15 digits)"
            : IsIccid(value) ? "a SIM card number (ICCID)"
            : string.Empty;
        return what.Length > 0;
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

    /// <summary>A leading <c>+</c> and 8–15 digits, possibly grouped by spaces, dashes, dots or brackets.</summary>
    private static bool IsPhoneNumber(ReadOnlySpan<char> value)
    {
        if (value.Length < 9 || value[0] != '+')
        {
            return false;
        }

        var digits = 0;
        foreach (var c in value[1..])
        {
            if (char.IsAsciiDigit(c))
            {
                digits++;
            }
            else if (c is not (' ' or '-' or '.' or '(' or ')'))
            {
                return false;
            }
        }

        return digits is >= 8 and <= 15;
    }

    /// <summary><c>00:1a:2b:3c:4d:5e</c>, <c>00-1A-2B-3C-4D-5E</c>, <c>001a.2b3c.4d5e</c>, or 12 hex digits with at least one letter.</summary>
    private static bool IsMacAddress(ReadOnlySpan<char> value) => value.Length switch
    {
        17 => value[2] is ':' or '-' && IsGrouped(value, 2, value[2]),
        14 => IsGrouped(value, 4, '.'),
        12 => !value.ContainsAnyExcept(HexDigits) && value.ContainsAnyExcept(DecimalDigits),
        _ => false,
    };

    private static readonly System.Buffers.SearchValues<char> HexDigits = System.Buffers.SearchValues.Create("0123456789abcdefABCDEF");

    private static readonly System.Buffers.SearchValues<char> DecimalDigits = System.Buffers.SearchValues.Create("0123456789");

    /// <summary>Groups of <paramref name="width"/> hex digits, each followed by <paramref name="separator"/> except the last.</summary>
    private static bool IsGrouped(ReadOnlySpan<char> value, int width, char separator)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var isSeparatorPosition = (i + 1) % (width + 1) == 0;
            if (isSeparatorPosition ? value[i] != separator : !char.IsAsciiHexDigit(value[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Exactly 15 digits, possibly grouped by dashes: the length of an IMEI and of an IMSI.</summary>
    private static bool Is15Digits(ReadOnlySpan<char> value) => CountDigitsIgnoringDashes(value) == 15;

    /// <summary>19 or 20 digits starting with 89, the telecom prefix of SIM card numbers.</summary>
    private static bool IsIccid(ReadOnlySpan<char> value) =>
        value.StartsWith("89") && CountDigitsIgnoringDashes(value) is 19 or 20;

    /// <summary>The number of digits when the value holds only digits and dashes, or -1.</summary>
    private static int CountDigitsIgnoringDashes(ReadOnlySpan<char> value)
    {
        var digits = 0;
        foreach (var c in value)
        {
            if (char.IsAsciiDigit(c))
            {
                digits++;
            }
            else if (c != '-')
            {
                return -1;
            }
        }

        return digits;
    }
}
