using System.Text.Json;

namespace Surgewatch.Core.Calendar;

/// <summary>
/// Reads a region's holiday rule file (JSON; <c>//</c> comments and trailing commas allowed). The format is
/// documented in <c>calendars/README.md</c>. The parser takes text: reading the file is the caller's job.
/// </summary>
public static class HolidayRegionParser
{
    private static readonly JsonDocumentOptions Options = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>Parses <paramref name="json"/>; <paramref name="sourceName"/> (usually the file name) prefixes every error.</summary>
    /// <exception cref="CalendarFormatException">The text is not valid JSON or not a valid rule file; every problem is listed.</exception>
    public static HolidayRegion Parse(string json, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentException.ThrowIfNullOrWhiteSpace(sourceName);
        using var document = ParseDocument(json, sourceName);
        var fields = new JsonFields(sourceName);
        var region = ReadRegion(document.RootElement, fields);
        if (fields.Errors.Count > 0 || region is null)
        {
            throw new CalendarFormatException(fields.Errors);
        }

        return region;
    }

    /// <summary>True when <paramref name="id"/> is a valid region id: lower-case letters, digits and '-', 1–32 characters.</summary>
    public static bool IsValidRegionId(string? id) =>
        id is { Length: > 0 and <= 32 } && id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');

    private static JsonDocument ParseDocument(string json, string sourceName)
    {
        try
        {
            return JsonDocument.Parse(json, Options);
        }
        catch (JsonException e)
        {
            var line = e.LineNumber is { } n ? (int)n + 1 : (int?)null;
            throw new CalendarFormatException(new CalendarFormatError(sourceName, line, "(json)", $"not valid JSON: {e.Message}"));
        }
    }

    private static HolidayRegion? ReadRegion(JsonElement root, JsonFields fields)
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
            fields.Error("$.region", $"\"{id}\" is not a region id: use 1–32 lower-case letters, digits and '-', e.g. \"au-vic\"");
        }

        var name = fields.String(root, "name", path, required: true);
        var timeZone = fields.String(root, "timeZone", path, required: false);
        var weekend = ReadWeekdays(fields.Array(root, "weekend", path, required: false), "$.weekend", fields);
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

    internal static HashSet<DayOfWeek>? ReadWeekdays(List<JsonElement> values, string path, JsonFields fields)
    {
        if (values.Count == 0)
        {
            return null;
        }

        var days = new HashSet<DayOfWeek>();
        for (var i = 0; i < values.Count; i++)
        {
            if (fields.Weekday(values[i], $"{path}[{i}]") is { } day)
            {
                days.Add(day);
            }
        }

        if (days.Count >= 7)
        {
            fields.Error(path, "names all seven days; a week needs at least one working day");
            return null;
        }

        return days;
    }
}
