using System.Globalization;

namespace Surgewatch.Core.Calendar;

/// <summary>
/// Reads a school-holiday file: CSV with the header <c>name,first,last</c>, one break per row, first and last
/// as ISO dates (both inclusive); lines starting with <c>#</c> are comments. The known span is the first break's
/// first day to the last break's last day unless a comment line <c># known: 2009-01-01..2014-12-31</c> widens it.
/// </summary>
public static class SchoolHolidayParser
{
    private const string KnownPrefix = "# known:";
    private static readonly string[] Header = ["name", "first", "last"];

    /// <summary>Parses <paramref name="text"/>; <paramref name="sourceName"/> prefixes every error.</summary>
    /// <exception cref="CalendarFormatException">Some rows are invalid; every problem is listed with its line and field.</exception>
    public static SchoolHolidayCalendar Parse(string text, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentException.ThrowIfNullOrWhiteSpace(sourceName);
        var errors = new List<CalendarFormatError>();
        var periods = new List<SchoolHolidayPeriod>();
        foreach (var row in CalendarCsv.ReadRows(text, sourceName, Header, errors))
        {
            var first = ReadDate(row, 1, sourceName, errors);
            var last = ReadDate(row, 2, sourceName, errors);
            if (row.Fields[0].Length == 0)
            {
                errors.Add(new CalendarFormatError(sourceName, row.Line, "name", "is empty; name the break, e.g. \"Term 1 break\""));
            }
            else if (first is { } f && last is { } l)
            {
                if (l < f)
                {
                    errors.Add(new CalendarFormatError(sourceName, row.Line, "last", $"{l:yyyy-MM-dd} is before first {f:yyyy-MM-dd}"));
                }
                else
                {
                    periods.Add(new SchoolHolidayPeriod(row.Fields[0], f, l));
                }
            }
        }

        if (errors.Count == 0 && periods.Count == 0)
        {
            errors.Add(new CalendarFormatError(sourceName, null, "(file)", "has no breaks; a school-holiday file needs at least one row"));
        }

        var known = ReadKnownSpan(text, sourceName, errors);
        if (errors.Count > 0)
        {
            throw new CalendarFormatException(errors);
        }

        var from = Min(known?.From, periods.Min(p => p.First));
        var until = Max(known?.Until, periods.Max(p => p.Last));
        return new SchoolHolidayCalendar(periods, from, until);
    }

    private static DateOnly? ReadDate(CalendarCsv.Row row, int index, string source, List<CalendarFormatError> errors)
    {
        var text = row.Fields[index];
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors.Add(new CalendarFormatError(source, row.Line, Header[index], $"\"{text}\" is not a date such as 2013-04-01"));
        return null;
    }

    private static (DateOnly From, DateOnly Until)? ReadKnownSpan(string text, string source, List<CalendarFormatError> errors)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (!line.StartsWith(KnownPrefix, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var parts = line[KnownPrefix.Length..].Trim().Split("..");
            if (parts.Length == 2
                && DateOnly.TryParseExact(parts[0].Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from)
                && DateOnly.TryParseExact(parts[1].Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var until)
                && from <= until)
            {
                return (from, until);
            }

            errors.Add(new CalendarFormatError(source, i + 1, "known", "expected \"# known: yyyy-MM-dd..yyyy-MM-dd\" with the first date not after the second"));
        }

        return null;
    }

    private static DateOnly Min(DateOnly? a, DateOnly b) => a is { } x && x < b ? x : b;

    private static DateOnly Max(DateOnly? a, DateOnly b) => a is { } x && x > b ? x : b;
}
