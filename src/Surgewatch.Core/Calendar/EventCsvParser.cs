using System.Globalization;
using Surgewatch.Core.Series;

namespace Surgewatch.Core.Calendar;

/// <summary>
/// Reads an events file: CSV with the header <c>name,start,end,sensors,zones,expected_attendance</c>, where
/// start and end are local ISO-8601 labels (<c>2013-02-23T19:00</c>, or a date for midnight), sensors and zones
/// are <c>;</c>-separated ids (both empty = city-wide) and attendance is an optional whole number. Lines
/// starting with <c>#</c> are comments. The parser takes text: reading the file is the caller's job.
/// </summary>
public static class EventCsvParser
{
    /// <summary>The header row every events file starts with.</summary>
    public static readonly IReadOnlyList<string> Header = ["name", "start", "end", "sensors", "zones", "expected_attendance"];

    private static readonly string[] HeaderArray = [.. Header];

    /// <summary>Parses <paramref name="text"/>; <paramref name="sourceName"/> (usually the file name) prefixes every error.</summary>
    /// <exception cref="CalendarFormatException">Some rows are invalid; every problem is listed with its line and field.</exception>
    public static IReadOnlyList<CalendarEvent> Parse(string text, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentException.ThrowIfNullOrWhiteSpace(sourceName);
        var errors = new List<CalendarFormatError>();
        var events = new List<CalendarEvent>();
        foreach (var row in CalendarCsv.ReadRows(text, sourceName, HeaderArray, errors))
        {
            if (ReadEvent(row, new RowErrors(sourceName, row.Line, errors)) is { } calendarEvent)
            {
                events.Add(calendarEvent);
            }
        }

        return errors.Count > 0 ? throw new CalendarFormatException(errors) : events;
    }

    private static CalendarEvent? ReadEvent(CalendarCsv.Row row, RowErrors errors)
    {
        var f = row.Fields;
        var name = f[0];
        if (name.Length == 0)
        {
            errors.Add("name", "is empty; every event needs a name");
        }

        var start = ReadLabel(f[1], "start", errors);
        var end = ReadLabel(f[2], "end", errors);
        if (start is { } s && end is { } e && e <= s)
        {
            errors.Add("end", $"{e} is not after start {s}; the end is exclusive, so a one-hour event at 19:00 ends at 20:00");
        }

        var sensors = ReadIds(f[3], "sensors", errors).Where(id => SensorId.IsValid(id, out _)).Select(id => new SensorId(id)).ToArray();
        var zones = ReadIds(f[4], "zones", errors);
        var attendance = ReadAttendance(f[5], errors);
        return errors.Any || start is null || end is null
            ? null
            : new CalendarEvent(name, start.Value, end.Value, sensors, zones, attendance);
    }

    private static TimeLabel? ReadLabel(string text, string field, RowErrors errors)
    {
        if (HasOffset(text))
        {
            errors.Add(field, $"\"{text}\" has a UTC offset; write the local wall-clock label without one, e.g. 2013-02-23T19:00");
            return null;
        }

        if (!TimeLabelParser.TryParse(text.AsSpan(), TimeZoneInfo.Utc, out var label, out var reason))
        {
            errors.Add(field, $"\"{text}\": {reason}");
            return null;
        }

        return label;
    }

    private static bool HasOffset(string text) =>
        text.Length > 10 && (text[^1] is 'Z' or 'z' || (text.Length >= 16 && text[^6] is '+' or '-' && text[^3] == ':'));

    private static string[] ReadIds(string text, string field, RowErrors errors)
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
                errors.Add(field, $"\"{id}\" is not a valid id: {reason}; separate ids with ';'");
            }
        }

        if (ids.Distinct(StringComparer.Ordinal).Count() != ids.Length)
        {
            errors.Add(field, "lists an id twice");
        }

        return ids;
    }

    private static int? ReadAttendance(string text, RowErrors errors)
    {
        if (text.Length == 0)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        errors.Add("expected_attendance", $"\"{text}\" is not a whole number of people (digits only, or leave it empty)");
        return null;
    }

    /// <summary>Collects the errors of one row.</summary>
    private sealed class RowErrors(string source, int line, List<CalendarFormatError> all)
    {
        public bool Any { get; private set; }

        public void Add(string field, string message)
        {
            Any = true;
            all.Add(new CalendarFormatError(source, line, field, message));
        }
    }
}
