using System.Buffers;
using System.Net;
using System.Net.Sockets;

namespace Surgewatch.Ingestion.Privacy;

/// <summary>
/// MAC and IP addresses, parsed strictly: <see cref="IPAddress.TryParse(string, out IPAddress)"/> alone accepts
/// <c>1</c> or <c>1.2</c> as IPv4 addresses, which would refuse every small number.
/// </summary>
internal static class NetworkPatterns
{
    private static readonly SearchValues<char> HexDigits = SearchValues.Create("0123456789abcdefABCDEF");

    private static readonly SearchValues<char> IPv6Characters = SearchValues.Create("0123456789abcdefABCDEF:.");

    /// <summary>
    /// <c>00:1a:2b:3c:4d:5e</c>, <c>00-1A-2B-3C-4D-5E</c>, <c>001a.2b3c.4d5e</c>, or 12 hex digits mixing letters
    /// and digits (12 decimal digits are caught as a long number).
    /// </summary>
    public static bool IsMacAddress(ReadOnlySpan<char> value) => value.Length switch
    {
        17 => value[2] is ':' or '-' && IsGrouped(value, 2, value[2]),
        14 => IsGrouped(value, 4, '.'),
        12 => !value.ContainsAnyExcept(HexDigits) && value.ContainsAnyInRange('0', '9') && value.ContainsAnyExceptInRange('0', '9'),
        _ => false,
    };

    /// <summary>
    /// Four dotted decimal octets, each 0–255 without leading zeros, optionally followed by <c>:port</c> or
    /// <c>/prefix</c>; not a loopback address (<c>127.0.0.1</c>) nor <c>0.0.0.0</c>.
    /// </summary>
    public static bool IsIPv4(ReadOnlySpan<char> value)
    {
        var suffix = value.IndexOfAny(':', '/');
        if (suffix >= 0)
        {
            var rest = value[(suffix + 1)..];
            if (rest.IsEmpty || rest.Length > 5 || rest.ContainsAnyExceptInRange('0', '9'))
            {
                return false;
            }

            value = value[..suffix];
        }

        var octets = 0;
        foreach (var range in value.Split('.'))
        {
            if (++octets > 4 || !IsOctet(value[range]))
            {
                return false;
            }
        }

        // The loopback and "any" addresses are the same on every machine and name nobody.
        return octets == 4 && !value.StartsWith("127.") && value is not "0.0.0.0";
    }

    /// <summary>
    /// An IPv6 address (<c>fe80::1ff:fe23:4567:890a</c>, <c>::ffff:10.0.0.1</c>), optionally in brackets or with a
    /// <c>/prefix</c>: hex groups and colons only, at least two groups and a digit, and valid to the system parser.
    /// </summary>
    public static bool IsIPv6(ReadOnlySpan<char> value)
    {
        if (value is ['[', .., ']'])
        {
            value = value[1..^1];
        }

        var slash = value.IndexOf('/');
        if (slash >= 0)
        {
            value = value[..slash];
        }

        return value.Count(':') >= 2
            && !value.ContainsAnyExcept(IPv6Characters)
            && value.ContainsAnyInRange('0', '9')
            && CountGroups(value) >= 2
            && IPAddress.TryParse(value, out var address)
            && address.AddressFamily == AddressFamily.InterNetworkV6
            && !IPAddress.IsLoopback(address);
    }

    private static bool IsOctet(ReadOnlySpan<char> part) =>
        part.Length is >= 1 and <= 3
        && !part.ContainsAnyExceptInRange('0', '9')
        && (part.Length == 1 || part[0] != '0')
        && int.Parse(part, System.Globalization.CultureInfo.InvariantCulture) <= 255;

    private static int CountGroups(ReadOnlySpan<char> value)
    {
        var groups = 0;
        foreach (var range in value.Split(':'))
        {
            groups += value[range].IsEmpty ? 0 : 1;
        }

        return groups;
    }

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
}
