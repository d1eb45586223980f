namespace Surgewatch.Core.Calendar;

/// <summary>
/// Parses ISO-8601 timestamps into <see cref="TimeLabel"/>s without allocating. Accepted forms:
/// <c>yyyy-MM-dd</c>, then optionally <c>T</c> or a space and <c>HH:mm</c>, <c>HH:mm:ss</c> or
/// <c>HH:mm:ss.fff…</c> (fractions must be zero), then optionally <c>Z</c> or <c>±HH:mm</c>.
/// A timestamp without an offset is a local label as it stands; one with an offset is an instant and is
/// turned into the label of the site's time zone.
/// </summary>
public static class TimeLabelParser
{
    /// <summary>Parses UTF-16 text. Returns false with a reason when the text is not an accepted form.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, TimeZoneInfo siteZone, out TimeLabel label, out string reason)
    {
        Span<byte> buffer = stackalloc byte[40];
        if (text.Length > buffer.Length)
        {
            label = default;
            reason = "too long for a timestamp";
            return false;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c > 127)
            {
                label = default;
                reason = $"character '{c}' is not part of an ISO-8601 timestamp";
                return false;
            }

            buffer[i] = (byte)c;
        }

        return TryParse(buffer[..text.Length], siteZone, out label, out reason);
    }

    /// <summary>Parses ASCII/UTF-8 bytes. Returns false with a reason when the text is not an accepted form.</summary>
    public static bool TryParse(ReadOnlySpan<byte> text, TimeZoneInfo siteZone, out TimeLabel label, out string reason)
    {
        label = default;
        text = Trim(text);
        if (text.Length < 10 || text[4] != '-' || text[7] != '-'
            || !TryDigits(text[..4], out var year) || !TryDigits(text.Slice(5, 2), out var month) || !TryDigits(text.Slice(8, 2), out var day))
        {
            reason = "expected an ISO-8601 date such as 2014-01-31T13:00:00";
            return false;
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            reason = $"{year:D4}-{month:D2}-{day:D2} is not a calendar date";
            return false;
        }

        int hour = 0, minute = 0, second = 0;
        var rest = text[10..];
        if (rest.Length > 0 && (rest[0] == 'T' || rest[0] == ' '))
        {
            if (!TryTime(rest[1..], out hour, out minute, out second, out var consumed, out reason))
            {
                return false;
            }

            rest = rest[(1 + consumed)..];
        }

        var wall = TimeLabel.FromDateTime(new DateTime(year, month, day)) + TimeSpan.FromSeconds((hour * 3600) + (minute * 60) + second);
        if (rest.Length == 0)
        {
            label = wall;
            reason = string.Empty;
            return true;
        }

        if (!TryOffset(rest, out var offsetMinutes))
        {
            reason = "expected the timestamp to end, or to end with Z or an offset such as +10:00";
            return false;
        }

        // An instant in the first or last year could fall outside DateTimeOffset's range once the offset is applied.
        if (year is < 2 or > 9998)
        {
            reason = "a timestamp with an offset must lie between the years 0002 and 9998";
            return false;
        }

        var instant = new DateTimeOffset(wall.ToDateTime(), TimeSpan.FromMinutes(offsetMinutes));
        label = TimeLabel.FromInstant(instant, siteZone);
        reason = string.Empty;
        return true;
    }

    private static bool TryTime(ReadOnlySpan<byte> s, out int hour, out int minute, out int second, out int consumed, out string reason)
    {
        hour = minute = second = consumed = 0;
        if (s.Length < 5 || s[2] != ':' || !TryDigits(s[..2], out hour) || !TryDigits(s.Slice(3, 2), out minute))
        {
            reason = "expected a time such as 13:00 or 13:00:00 after the date";
            return false;
        }

        consumed = 5;
        if (s.Length >= 8 && s[5] == ':')
        {
            if (!TryDigits(s.Slice(6, 2), out second))
            {
                reason = "expected two digits of seconds";
                return false;
            }

            consumed = 8;
            if (s.Length > 8 && s[8] == '.')
            {
                var i = 9;
                while (i < s.Length && s[i] is >= (byte)'0' and <= (byte)'9')
                {
                    if (s[i] != '0')
                    {
                        reason = "fractions of a second are not supported; readings start on whole seconds";
                        return false;
                    }

                    i++;
                }

                consumed = i;
            }
        }

        if (hour > 23 || minute > 59 || second > 59)
        {
            reason = $"{hour:D2}:{minute:D2}:{second:D2} is not a time of day";
            return false;
        }

        reason = string.Empty;
        return true;
    }

    private static bool TryOffset(ReadOnlySpan<byte> s, out int minutes)
    {
        minutes = 0;
        if (s.Length == 1 && (s[0] == 'Z' || s[0] == 'z'))
        {
            return true;
        }

        if (s.Length != 6 || (s[0] != '+' && s[0] != '-') || s[3] != ':'
            || !TryDigits(s.Slice(1, 2), out var h) || !TryDigits(s.Slice(4, 2), out var m) || h > 14 || m > 59)
        {
            return false;
        }

        minutes = (s[0] == '-' ? -1 : 1) * ((h * 60) + m);
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<byte> s, out int value)
    {
        value = 0;
        foreach (var b in s)
        {
            var d = b - '0';
            if ((uint)d > 9)
            {
                return false;
            }

            value = (value * 10) + d;
        }

        return true;
    }

    private static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> s)
    {
        var start = 0;
        var end = s.Length;
        while (start < end && (s[start] == ' ' || s[start] == '"'))
        {
            start++;
        }

        while (end > start && (s[end - 1] == ' ' || s[end - 1] == '"' || s[end - 1] == '\r'))
        {
            end--;
        }

        return s[start..end];
    }
}
