using System.Globalization;
using Surgewatch.Core.Calendar;
using Surgewatch.Ingestion.Csv;
using Surgewatch.Ingestion.Errors;
using Surgewatch.Ingestion.Sources;

namespace Surgewatch.Ingestion.Calendars;

/// <summary>
/// Reads a school-holiday file: CSV with the header <c>name,first,last</c>, one break per row, first and last
/// as ISO dates (both inclusive); lines starting with <c>#</c> are comments. The known span is the first break's
/// first day to the last break's last day unless a comment line <c># known: 2009-01-01..2014-12-31</c> widens it.
/// A file with any bad row is rejected whole with <see cref="InputRejectedException"/>.
/// </summary>
public static class SchoolHolidaysCsvReader
{
    private const string KnownPrefix = "# known:";
    private static readonly string[] Header = ["name", "first", "last"];

    /// <summary>Reads <paramref name="stream"/> (left open; plain or gzip); errors name <paramref name="source"/>.</summary>
    /// <exception cref="InputRejectedException">Some rows are invalid; every problem is listed with its line and field.</exception>
    public static SchoolHolidayCalendar Read(Stream stream, string source) => InputStreams.ReadStream(stream, source, null, ReadText);

    private static SchoolHolidayCalendar ReadText(Stream text, string source, ReaderOptions options)
    {
        var errors = new InputErrorList(source, options.MaxErrors);
        (DateOnly From, DateOnly Until)? known = null;
        var periods = new List<SchoolHolidayPeriod>();
        foreach (var row in CommentedCsv.ReadRows(text, Header, errors, (line, comment) => known ??= ReadKnownSpan(line, comment, errors)))
        {
            if (ReadPeriod(row, errors) is { } period)
            {
                periods.Add(period);
            }
        }

        if (!errors.Any && periods.Count == 0)
        {
            errors.Add(null, null, "has no breaks; a school-holiday file needs at least one row");
        }

        errors.ThrowIfAny();
        var from = Min(known?.From, periods.Min(p => p.First));
        var until = Max(known?.Until, periods.Max(p => p.Last));
        return new SchoolHolidayCalendar(periods, from, until);
    }

    private static SchoolHolidayPeriod? ReadPeriod(CommentedCsv.Row row, InputErrorList errors)
    {
        var first = ReadDate(row, 1, errors);
        var last = ReadDate(row, 2, errors);
        if (row.Fields[0].Length == 0)
        {
            errors.Add(row.Line, "name", "is empty; name the break, e.g. \"Term 1 break\"");
        }
        else if (first is { } f && last is { } l)
        {
            if (l >= f)
            {
                return new SchoolHolidayPeriod(row.Fields[0], f, l);
            }

            errors.Add(row.Line, "last", $"{l:yyyy-MM-dd} is before first {f:yyyy-MM-dd}");
        }

        return null;
    }

    private static DateOnly? ReadDate(CommentedCsv.Row row, int index, InputErrorList errors)
    {
        var text = row.Fields[index];
        if (IsoDate(text) is { } date)
        {
            return date;
        }

        errors.Add(row.Line, Header[index], $"\"{text}\" is not a date such as 2013-04-01");
        return null;
    }

    private static (DateOnly From, DateOnly Until)? ReadKnownSpan(int line, string comment, InputErrorList errors)
    {
        var text = comment.Trim();
        if (!text.StartsWith(KnownPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var parts = text[KnownPrefix.Length..].Split("..", StringSplitOptions.TrimEntries);
        if (parts.Length == 2 && IsoDate(parts[0]) is { } from && IsoDate(parts[1]) is { } until && from <= until)
        {
            return (from, until);
        }

        errors.Add(line, "known", "expected \"# known: yyyy-MM-dd..yyyy-MM-dd\" with the first date not after the second");
        return null;
    }

    private static DateOnly? IsoDate(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    private static DateOnly Min(DateOnly? a, DateOnly b) => a is { } x && x < b ? x : b;

    private static DateOnly Max(DateOnly? a, DateOnly b) => a is { } x && x > b ? x : b;
}
