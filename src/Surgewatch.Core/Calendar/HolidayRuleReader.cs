using System.Text.Json;

namespace Surgewatch.Core.Calendar;

/// <summary>Reads one entry of a rule file's <c>holidays</c> array into a <see cref="HolidayRule"/>.</summary>
internal static class HolidayRuleReader
{
    private static readonly string[] DateKinds = ["fixed", "nthWeekday", "easter", "dates"];
    private static readonly DayOfWeek[] SaturdaySunday = [DayOfWeek.Saturday, DayOfWeek.Sunday];

    public static HolidayRule? Read(JsonElement entry, string path, JsonFields fields, IReadOnlySet<DayOfWeek>? weekend)
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
            fields.Error($"{path}.until", $"{u} is before \"from\" ({f})");
        }

        var date = ReadDateRule(entry, path, fields);
        var substitute = entry.TryGetProperty("substitute", out var s) ? ReadSubstitute(s, $"{path}.substitute", fields, weekend) : null;
        return name is null || date is null ? null : new HolidayRule(name, date, from, until, substitute);
    }

    private static HolidayDateRule? ReadDateRule(JsonElement entry, string path, JsonFields fields)
    {
        var present = DateKinds.Where(k => entry.TryGetProperty(k, out _)).ToList();
        if (present.Count != 1)
        {
            var found = present.Count == 0 ? "none" : string.Join(" and ", present);
            fields.Error(path, $"give exactly one of fixed, nthWeekday, easter or dates (found {found})");
            return null;
        }

        var value = entry.GetProperty(present[0]);
        var at = $"{path}.{present[0]}";
        return present[0] switch
        {
            "fixed" => ReadFixed(value, at, fields),
            "nthWeekday" => ReadNthWeekday(value, at, fields),
            "easter" => fields.IntValue(value, at, -366, 366) is { } offset ? new EasterOffsetRule(offset) : null,
            _ => ReadDates(value, at, fields),
        };
    }

    private static FixedDateRule? ReadFixed(JsonElement value, string path, JsonFields fields)
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
            fields.Error($"{path}.day", $"month {month} has no day {day}");
            return null;
        }

        return new FixedDateRule(month.Value, day.Value);
    }

    private static NthWeekdayRule? ReadNthWeekday(JsonElement value, string path, JsonFields fields)
    {
        if (!fields.IsObject(value, path))
        {
            return null;
        }

        fields.OnlyKnown(value, path, "month", "weekday", "n", "insteadIf");
        var month = fields.Int(value, "month", path, required: true, 1, 12);
        var weekday = value.TryGetProperty("weekday", out var w) ? fields.Weekday(w, $"{path}.weekday") : Missing(fields, $"{path}.weekday");
        var n = fields.Int(value, "n", path, required: true, -1, 5);
        if (n == 0)
        {
            fields.Error($"{path}.n", "0 is not an occurrence: use 1–5, or -1 for the last");
        }

        var (insteadDay, insteadWeekday, insteadOk) = ReadInsteadIf(value, $"{path}.insteadIf", fields);
        return month is null || weekday is null || n is null or 0 || !insteadOk
            ? null
            : new NthWeekdayRule(month.Value, weekday.Value, n.Value, insteadDay, insteadWeekday);
    }

    private static (int? Day, DayOfWeek? Weekday, bool Ok) ReadInsteadIf(JsonElement value, string path, JsonFields fields)
    {
        if (!value.TryGetProperty("insteadIf", out var instead))
        {
            return (null, null, true);
        }

        if (!fields.IsObject(instead, path))
        {
            return (null, null, false);
        }

        fields.OnlyKnown(instead, path, "day", "weekday");
        var day = fields.Int(instead, "day", path, required: true, 1, 31);
        var weekday = instead.TryGetProperty("weekday", out var w) ? fields.Weekday(w, $"{path}.weekday") : Missing(fields, $"{path}.weekday");
        return (day, weekday, day is not null && weekday is not null);
    }

    private static ListedDatesRule? ReadDates(JsonElement value, string path, JsonFields fields)
    {
        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() == 0)
        {
            fields.Error(path, $"expected a non-empty array of dates such as [\"2015-10-02\"], found {JsonFields.Describe(value)}");
            return null;
        }

        var dates = new List<DateOnly>();
        var i = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (fields.Date(item, $"{path}[{i++}]") is { } date)
            {
                dates.Add(date);
            }
        }

        return new ListedDatesRule(dates);
    }

    private static SubstitutePolicy? ReadSubstitute(JsonElement value, string path, JsonFields fields, IReadOnlySet<DayOfWeek>? weekend)
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
            var other => Invalid(fields, $"{path}.mode", $"\"{other}\" is not a mode: use \"additional\" or \"move\""),
        };
        var on = HolidayRegionParser.ReadWeekdays(fields.Array(value, "on", path, required: false), $"{path}.on", fields)
            ?? weekend ?? new HashSet<DayOfWeek>(SaturdaySunday);
        var name = fields.String(value, "name", path, required: false);
        return mode is null ? null : new SubstitutePolicy(on, mode.Value, name);
    }

    private static DayOfWeek? Missing(JsonFields fields, string path)
    {
        fields.Error(path, "is required");
        return null;
    }

    private static SubstituteMode? Invalid(JsonFields fields, string path, string message)
    {
        fields.Error(path, message);
        return null;
    }
}
