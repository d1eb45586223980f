using Surgewatch.Core.Calendar;
using Surgewatch.Ingestion.Errors;
using Surgewatch.Ingestion.GeoJson;
using Surgewatch.Ingestion.Sources;

namespace Surgewatch.Ingestion.Calendars;

/// <summary>
/// Reads a region's holiday rule file (JSON; <c>//</c> comments and trailing commas allowed). The format is
/// documented in <c>calendars/README.md</c>. A file with any mistake is rejected whole with
/// <see cref="InputRejectedException"/>, every error naming its line and JSON path.
/// </summary>
public static class HolidayRegionReader
{
    /// <summary>The largest rule file read, in bytes.</summary>
    public const int MaxBytes = 1 << 20;

    /// <summary>Reads <paramref name="stream"/> (left open; plain or gzip); errors name <paramref name="source"/>.</summary>
    /// <exception cref="InputRejectedException">The text is not valid JSON or not a valid rule file; every problem is listed.</exception>
    public static HolidayRegion Read(Stream stream, string source) => InputStreams.ReadStream(stream, source, null, ReadText);

    /// <summary>True when <paramref name="id"/> is a valid region id: lower-case letters, digits and '-', 1–32 characters.</summary>
    public static bool IsValidRegionId(string? id) =>
        id is { Length: > 0 and <= 32 } && id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');

    /// <summary>The weekdays listed in <paramref name="obj"/>'s property <paramref name="name"/>, or null when it lists none.</summary>
    internal static HashSet<DayOfWeek>? ReadWeekdays(JsonTree obj, string name, string path, JsonFields fields)
    {
        var values = fields.Array(obj, name, path, required: false);
        if (values.Count == 0)
        {
            return null;
        }

        var days = new HashSet<DayOfWeek>();
        for (var i = 0; i < values.Count; i++)
        {
            if (fields.Weekday(values[i], $"{path}.{name}[{i}]") is { } day)
            {
                days.Add(day);
            }
        }

        if (days.Count >= 7)
        {
            fields.Error(obj[name]!, $"{path}.{name}", "names all seven days; a week needs at least one working day");
            return null;
        }

        return days;
    }

    private static HolidayRegion ReadText(Stream text, string source, ReaderOptions options)
    {
        var errors = new InputErrorList(source, options.MaxErrors);
        var root = JsonTree.ParseOrReject(InputStreams.ReadAll(text, MaxBytes, source, "rule file"), errors, allowTrailingCommas: true);
        var region = ReadRegion(root, new JsonFields(errors));
        return region is not null && !errors.Any ? region : throw errors.Rejection();
    }

    private static HolidayRegion? ReadRegion(JsonTree root, JsonFields fields)
    {
        const string path = "$";
        if (!fields.IsObject(root, path))
        {
            return null;
        }

        fields.OnlyKnown(root, path, "region", "name", "timeZone", "weekend", "sources", "notes", "holidays");
        var id = fields.String(root, "region", path, required: true);
        if (id is not null && !IsValidRegionId(id))
        {
            fields.Error(root["region"]!, "$.region", $"\"{id}\" is not a region id: use 1–32 lower-case letters, digits and '-', e.g. \"au-vic\"");
        }

        var name = fields.String(root, "name", path, required: true);
        var timeZone = fields.String(root, "timeZone", path, required: false);
        var weekend = ReadWeekdays(root, "weekend", path, fields);
        var rules = new List<HolidayRule>();
        var entries = fields.Array(root, "holidays", path, required: true);
        for (var i = 0; i < entries.Count; i++)
        {
            if (HolidayRuleReader.Read(entries[i], $"$.holidays[{i}]", fields, weekend) is { } rule)
            {
                rules.Add(rule);
            }
        }

        return id is null || name is null ? null : new HolidayRegion(id, name, rules, weekend, timeZone);
    }
}
