using System.Globalization;
using System.Text.Json;

namespace Surgewatch.Core.Calendar;

/// <summary>
/// Reads typed fields from a JSON object and records every problem with its JSON path, so that a rule file
/// with several mistakes is reported in one pass. Unknown properties are errors: a typo must not silently
/// drop a holiday.
/// </summary>
internal sealed class JsonFields(string source)
{
    private readonly List<CalendarFormatError> _errors = [];

    public IReadOnlyList<CalendarFormatError> Errors => _errors;

    public void Error(string path, string message) => _errors.Add(new CalendarFormatError(source, null, path, message));

    public bool IsObject(JsonElement element, string path)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            return true;
        }

        Error(path, $"expected an object {{ … }}, found {Describe(element)}");
        return false;
    }

    public void OnlyKnown(JsonElement obj, string path, params string[] known)
    {
        foreach (var property in obj.EnumerateObject())
        {
            if (System.Array.IndexOf(known, property.Name) < 0)
            {
                Error($"{path}.{property.Name}", $"unknown property; expected one of: {string.Join(", ", known)}");
            }
        }
    }

    public string? String(JsonElement obj, string name, string path, bool required)
    {
        if (!obj.TryGetProperty(name, out var value))
        {
            if (required)
            {
                Error($"{path}.{name}", "is required");
            }

            return null;
        }

        if (value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
        {
            Error($"{path}.{name}", $"expected a non-empty string, found {Describe(value)}");
            return null;
        }

        return value.GetString();
    }

    public int? Int(JsonElement obj, string name, string path, bool required, int min, int max)
    {
        if (!obj.TryGetProperty(name, out var value))
        {
            if (required)
            {
                Error($"{path}.{name}", "is required");
            }

            return null;
        }

        return IntValue(value, $"{path}.{name}", min, max);
    }

    public int? IntValue(JsonElement value, string path, int min, int max)
    {
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var number) || number < min || number > max)
        {
            Error(path, $"expected a whole number from {min} to {max}, found {Describe(value)}");
            return null;
        }

        return number;
    }

    public DayOfWeek? Weekday(JsonElement value, string path)
    {
        if (value.ValueKind == JsonValueKind.String
            && Enum.TryParse<DayOfWeek>(value.GetString(), ignoreCase: true, out var day)
            && Enum.IsDefined(day) && !int.TryParse(value.GetString(), out _))
        {
            return day;
        }

        Error(path, $"expected a weekday name such as \"monday\", found {Describe(value)}");
        return null;
    }

    public DateOnly? Date(JsonElement value, string path)
    {
        if (value.ValueKind == JsonValueKind.String
            && DateOnly.TryParseExact(value.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        Error(path, $"expected a date such as \"2015-10-02\", found {Describe(value)}");
        return null;
    }

    public List<JsonElement> Array(JsonElement obj, string name, string path, bool required)
    {
        if (!obj.TryGetProperty(name, out var value))
        {
            if (required)
            {
                Error($"{path}.{name}", "is required");
            }

            return [];
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            Error($"{path}.{name}", $"expected an array [ … ], found {Describe(value)}");
            return [];
        }

        return [.. value.EnumerateArray()];
    }

    public static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => $"\"{value.GetString()}\"",
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        JsonValueKind.Null => "null",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        _ => "nothing",
    };
}
