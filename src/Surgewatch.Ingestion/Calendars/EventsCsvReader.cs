using System.Globalization;
using Surgewatch.Core.Calendar;
using Surgewatch.Core.Series;
using Surgewatch.Ingestion.Csv;
using Surgewatch.Ingestion.Errors;
using Surgewatch.Ingestion.Privacy;
using Surgewatch.Ingestion.Sources;

namespace Surgewatch.Ingestion.Calendars;

/// <summary>
/// Reads an events file: CSV with the header <c>name,start,end,sensors,zones,expected_attendance</c>, where
/// start and end are local ISO-8601 labels (<c>2013-02-23T19:00</c>, or a date for midnight), sensors and zones
/// are <c>;</c>-separated ids (both empty = city-wide) and attendance is an optional whole number. Lines
/// starting with <c>#</c> are comments. A file with any bad row is rejected whole with
/// <see cref="InputRejectedException"/>, every error naming its line and field.
/// </summary>
public static class EventsCsvReader
{
    /// <summary>The header row every events file starts with.</summary>
    public static readonly IReadOnlyList<string> Header = ["name", "start", "end", "sensors", "zones", "expected_attendance"];

    private static readonly string[] HeaderArray = [.. Header];

    /// <summary>Reads <paramref name="stream"/> (left open; plain or gzip); errors name <paramref name="source"/>.</summary>
    /// <exception cref="InputRejectedException">Some rows are invalid; every problem is listed with its line and field.</exception>
    public static IReadOnlyList<CalendarEvent> Read(Stream stream, string source) => InputStreams.ReadStream(stream, source, null, ReadText);

    private static List<CalendarEvent> ReadText(Stream text, string source, ReaderOptions options)
    {
        var errors = new InputErrorList(source, options.MaxErrors);
        var events = new List<CalendarEvent>();
        foreach (var row in CommentedCsv.ReadRows(text, HeaderArray, errors))
        {
            if (ReadEvent(row, errors) is { } calendarEvent)
            {
                events.Add(calendarEvent);
            }
        }

        errors.ThrowIfAny();
        return events;
    }

    private static CalendarEvent? ReadEvent(CommentedCsv.Row row, InputErrorList errors)
    {
        var before = errors.Count;
        var (f, line) = (row.Fields, row.Line);
        var name = f[0];
        if (name.Length == 0)
        {
            errors.Add(line, "name", "is empty; every event needs a name");
        }
        else if (PrivacyGuard.ContainsPersonalIdentifier(name, out var reason))
        {
            errors.Add(line, "name", reason);
        }

        var start = ReadLabel(f[1], line, "start", errors);
        var end = ReadLabel(f[2], line, "end", errors);
        if (start is { } s && end is { } e && e <= s)
        {
            errors.Add(line, "end", $"{e} is not after start {s}; the end is exclusive, so a one-hour event at 19:00 ends at 20:00");
        }

        var sensors = ReadIds(f[3], line, "sensors", errors).Where(id => SensorId.IsValid(id, out _)).Select(id => new SensorId(id)).ToArray();
        var zones = ReadIds(f[4], line, "zones", errors);
        var attendance = ReadAttendance(f[5], line, errors);
        return errors.Count > before || start is null || end is null
            ? null
            : new CalendarEvent(name, start.Value, end.Value, sensors, zones, attendance);
    }

    private static TimeLabel? ReadLabel(string text, int line, string field, InputErrorList errors)
    {
        if (HasOffset(text))
        {
            errors.Add(line, field, $"\"{text}\" has a UTC offset; write the local wall-clock label without one, e.g. 2013-02-23T19:00");
            return null;
        }

        if (!TimeLabelParser.TryParse(text.AsSpan(), TimeZoneInfo.Utc, out var label, out var reason))
        {
            errors.Add(line, field, $"\"{text}\": {reason}");
            return null;
        }

        return label;
    }

    private static bool HasOffset(string text) =>
        text.Length > 10 && (text[^1] is 'Z' or 'z' || (text.Length >= 16 && text[^6] is '+' or '-' && text[^3] == ':'));

    private static string[] ReadIds(string text, int line, string field, InputErrorList errors)
    {
        if (text.Length == 0)
        {
            return [];
        }

        var ids = text.Split(';', StringSplitOptions.TrimEntries);
        foreach (var id in ids)
        {
            if (!SensorId.IsValid(id, out var reason))
            {
                errors.Add(line, field, $"\"{id}\" is not a valid id: {reason}; separate ids with ';'");
            }
        }

        if (ids.Distinct(StringComparer.Ordinal).Count() != ids.Length)
        {
            errors.Add(line, field, "lists an id twice");
        }

        return ids;
    }

    private static int? ReadAttendance(string text, int line, InputErrorList errors)
    {
        if (text.Length == 0)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        errors.Add(line, "expected_attendance", $"\"{text}\" is not a whole number of people (digits only, or leave it empty)");
        return null;
    }
}
