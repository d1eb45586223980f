using System.Text.Json;
using Surgewatch.Core.Calendar;
using Surgewatch.Ingestion.GeoJson;

namespace Surgewatch.Ingestion.Calendars;

/// <summary>Reads one entry of a rule file's <c>holidays</c> array into a <see cref="HolidayRule"/>.</summary>
internal static class HolidayRuleReader
{
    private static readonly string[] DateKinds = ["fixed", "nthWeekday", "easter", "dates"];
    private static readonly DayOfWeek[] SaturdaySunday = [DayOfWeek.Saturday, DayOfWeek.Sunday];

    public static HolidayRule? Read(JsonTree entry, string path, JsonFields fields, IReadOnlySet<DayOfWeek>? weekend)
    {
        if (!fields.IsObject(entry, path))
        {
            return null;
        }

        fields.OnlyKnown(entry, path, "name", "fixed", "nthWeekday", "easter", "dates", "from", "until", "substitute", "note");
        var name = fields.String(entry, "name", path, required: true);
        var from = fields.Int(entry, "from", path, required: false, Easter.FirstYear, 9999);
        var until = fields.Int(entry, "until", path, required: false, Easter.FirstYear, 9999);
        if (from is { } f && until is { } u && u < f)
        {
            fields.Error(entry["until"]!, $"{path}.until", $"{u} is before \"from\" ({f})");
        }

        var date = ReadDateRule(entry, path, fields);
        var substitute = entry["substitute"] is { } s ? ReadSubstitute(s, $"{path}.substitute", fields, weekend) : null;
        return name is null || date is null ? null : new HolidayRule(name, date, from, until, substitute);
    }

    private static HolidayDateRule? ReadDateRule(JsonTree entry, string path, JsonFields fields)
    {
        var present = DateKinds.Where(k => entry[k] is not null).ToList();
        if (present.Count != 1)
        {
            var found = present.Count == 0 ? "none" : string.Join(" and ", present);
            fields.Error(entry, path, $"give exactly one of fixed, nthWeekday, easter or dates (found {found})");
            return null;
        }

        var value = entry[present[0]]!;
        var at = $"{path}.{present[0]}";
        return present[0] switch
        {
            "fixed" => ReadFixed(value, at, fields),
            "nthWeekday" => ReadNthWeekday(value, at, fields),
            "easter" => fields.IntValue(value, at, -366, 366) is { } offset ? new EasterOffsetRule(offset) : null,
            _ => ReadDates(value, at, fields),
        };
    }

    private static FixedDateRule? ReadFixed(JsonTree value, string path, JsonFields fields)
    {
        if (!fields.IsObject(value, path))
        {
            return null;
        }

        fields.OnlyKnown(value, path, "month", "day");
        var month = fields.Int(value, "month", path, required: true, 1, 12);
        var day = fields.Int(value, "day", path, required: true, 1, 31);
        if (month is null || day is null)
        {
            return null;
        }

        if (day > DateTime.DaysInMonth(2000, month.Value))
        {
            fields.Error(value["day"]!, $"{path}.day", $"month {month} has no day {day}");
            return null;
        }

        return new FixedDateRule(month.Value, day.Value);
    }

    private static NthWeekdayRule? ReadNthWeekday(JsonTree value, string path, JsonFields fields)
    {
        if (!fields.IsObject(value, path))
        {
            return null;
        }

        fields.OnlyKnown(value, path, "month", "weekday", "n", "insteadIf");
        var month = fields.Int(value, "month", path, required: true, 1, 12);
        var weekday = ReadWeekday(value, path, fields);
        var n = fields.Int(value, "n", path, required: true, -1, 5);
        if (n == 0)
        {
            fields.Error(value["n"]!, $"{path}.n", "0 is not an occurrence: use 1–5, or -1 for the last");
        }

        var (insteadDay, insteadWeekday, insteadOk) = ReadInsteadIf(value, $"{path}.insteadIf", fields);
        return month is null || weekday is null || n is null or 0 || !insteadOk
            ? null
            : new NthWeekdayRule(month.Value, weekday.Value, n.Value, insteadDay, insteadWeekday);
    }

    private static (int? Day, DayOfWeek? Weekday, bool Ok) ReadInsteadIf(JsonTree value, string path, JsonFields fields)
    {
        if (value["insteadIf"] is not { } instead)
        {
            return (null, null, true);
        }

        if (!fields.IsObject(instead, path))
        {
            return (null, null, false);
        }

        fields.OnlyKnown(instead, path, "day", "weekday");
        var day = fields.Int(instead, "day", path, required: true, 1, 31);
        var weekday = ReadWeekday(instead, path, fields);
        return (day, weekday, day is not null && weekday is not null);
    }

    private static DayOfWeek? ReadWeekday(JsonTree obj, string path, JsonFields fields) =>
        fields.Property(obj, "weekday", path, required: true) is { } weekday ? fields.Weekday(weekday, $"{path}.weekday") : null;

    private static ListedDatesRule? ReadDates(JsonTree value, string path, JsonFields fields)
    {
        if (value.Kind != JsonValueKind.Array || value.Items.Count == 0)
        {
            fields.Error(value, path, $"expected a non-empty array of dates such as [\"2015-10-02\"], found {JsonFields.Describe(value)}");
            return null;
        }

        var dates = new List<DateOnly>();
        for (var i = 0; i < value.Items.Count; i++)
        {
            if (fields.Date(value.Items[i], $"{path}[{i}]") is { } date)
            {
                dates.Add(date);
            }
        }

        return new ListedDatesRule(dates);
    }

    private static SubstitutePolicy? ReadSubstitute(JsonTree value, string path, JsonFields fields, IReadOnlySet<DayOfWeek>? weekend)
    {
        if (!fields.IsObject(value, path))
        {
            return null;
        }

        fields.OnlyKnown(value, path, "on", "mode", "name");
        var mode = fields.String(value, "mode", path, required: true) switch
        {
            "additional" => SubstituteMode.Additional,
            "move" => SubstituteMode.Move,
            null => (SubstituteMode?)null,
            var other => Invalid(fields, value["mode"]!, $"{path}.mode", $"\"{other}\" is not a mode: use \"additional\" or \"move\""),
        };
        var on = HolidayRegionReader.ReadWeekdays(value, "on", path, fields)
            ?? weekend ?? new HashSet<DayOfWeek>(SaturdaySunday);
        var name = fields.String(value, "name", path, required: false);
        return mode is null ? null : new SubstitutePolicy(on, mode.Value, name);
    }

    private static SubstituteMode? Invalid(JsonFields fields, JsonTree at, string path, string message)
    {
        fields.Error(at, path, message);
        return null;
    }
}
