using System.Buffers;

namespace Surgewatch.Ingestion.Privacy;

/// <summary>
/// Numbers as people write them: digits grouped by spaces, dashes, dots, slashes or brackets, with an optional
/// leading <c>+</c>. Recognises the long ones that identify a person (phone, IMEI, IMSI, SIM and card numbers)
/// and leaves dates, decimals and short numbers alone.
/// </summary>
internal static class NumberPatterns
{
    /// <summary>Fewer digits than this are a count, a time, a short code or a place id, never refused.</summary>
    public const int LongDigits = 9;

    private static readonly SearchValues<char> GroupedDigits = SearchValues.Create("0123456789+-./() ");

    /// <summary>Only digits and grouping characters, with at least one digit: <c>0412 345 678</c>, <c>(03)</c>, <c>35-693803-564380-9</c>.</summary>
    public static bool IsGroupedNumber(ReadOnlySpan<char> token) =>
        !token.IsEmpty && !token.ContainsAnyExcept(GroupedDigits) && token.ContainsAnyInRange('0', '9');

    /// <summary>
    /// What a number written as <paramref name="token"/> would identify, when it is long enough to identify
    /// anything. Dates, decimals (<c>1811.05320</c>) and ranges of them (<c>2012-03-01..04</c>) identify nothing;
    /// a decimal with a long run of digits is still caught by <see cref="LongestDigitRun"/>.
    /// </summary>
    public static bool TryDescribe(ReadOnlySpan<char> token, out string what)
    {
        what = string.Empty;
        var range = token.IndexOf("..");
        if (range >= 0)
        {
            // A range such as 2012-03-01..04: each end on its own.
            return TryDescribe(token[..range], out what) || TryDescribe(token[(range + 2)..].TrimStart('.'), out what);
        }

        if (!IsGroupedNumber(token) || IsDate(token) || IsDecimal(token))
        {
            return false;
        }

        var digits = CountDigits(token);
        if (IsPlusPhoneNumber(token, digits))
        {
            what = "a phone number";
        }
        else if (digits >= LongDigits)
        {
            what = DescribeLong(token, digits);
        }

        return what.Length > 0;
    }

    /// <summary>The length of the longest run of digits not broken by any other character, ignoring runs of zeros only.</summary>
    public static int LongestDigitRun(ReadOnlySpan<char> token)
    {
        var longest = 0;
        var run = 0;
        var nonZero = false;
        foreach (var c in token)
        {
            if (char.IsAsciiDigit(c))
            {
                run++;
                nonZero |= c != '0';
                longest = nonZero ? Math.Max(longest, run) : longest;
            }
            else
            {
                run = 0;
                nonZero = false;
            }
        }

        return longest;
    }

    /// <summary>The digits in <paramref name="token"/>.</summary>
    public static int CountDigits(ReadOnlySpan<char> token)
    {
        var digits = 0;
        foreach (var c in token)
        {
            digits += char.IsAsciiDigit(c) ? 1 : 0;
        }

        return digits;
    }

    /// <summary>
    /// Three groups of digits joined by the same one of <c>-</c>, <c>/</c> or <c>.</c>, shaped as a date:
    /// <c>2014-01-31</c>, <c>31/01/2014</c>, <c>1.2.14</c>.
    /// </summary>
    public static bool IsDate(ReadOnlySpan<char> token)
    {
        Span<int> lengths = stackalloc int[3];
        var groups = 0;
        var separator = '\0';
        foreach (var c in token)
        {
            if (char.IsAsciiDigit(c))
            {
                lengths[groups]++;
            }
            else if (c is '-' or '/' or '.' && (separator == '\0' || c == separator) && lengths[groups] > 0 && groups < 2)
            {
                separator = c;
                groups++;
            }
            else
            {
                return false;
            }
        }

        return groups == 2 && lengths[2] > 0
            && ((lengths[0] == 4 && lengths[1] <= 2 && lengths[2] <= 2) || (lengths[0] <= 2 && lengths[1] <= 2 && lengths[2] is 2 or 4));
    }

    /// <summary>A decimal number: digits, one dot, digits (<c>0.5</c>, <c>13.00</c>).</summary>
    public static bool IsDecimal(ReadOnlySpan<char> token)
    {
        var dot = token.IndexOf('.');
        return dot > 0 && dot < token.Length - 1
            && !token[..dot].ContainsAnyExceptInRange('0', '9') && !token[(dot + 1)..].ContainsAnyExceptInRange('0', '9');
    }

    /// <summary>Whether the number opens with a trunk or international prefix, <c>0</c> or <c>(0</c>, as a national phone number does.</summary>
    public static bool StartsWithZero(ReadOnlySpan<char> token) => token.TrimStart('(') is ['0', ..];

    /// <summary>A leading <c>+</c> and 8–15 digits, possibly grouped: an international phone number.</summary>
    private static bool IsPlusPhoneNumber(ReadOnlySpan<char> token, int digits) =>
        token.TrimStart('(') is ['+', ..] && token.Length >= 9 && digits is >= 8 and <= 15;

    private static string DescribeLong(ReadOnlySpan<char> token, int digits) => digits switch
    {
        15 => "an IMEI or IMSI (15 digits)",
        16 => "an IMEISV or card number (16 digits)",
        19 or 20 when token.StartsWith("89") => "a SIM card number (ICCID)",
        12 => "a MAC address or phone number (12 digits)",
        _ when StartsWithZero(token) => "a phone number",
        _ => $"a phone, device or account number ({digits} digits)",
    };
}
