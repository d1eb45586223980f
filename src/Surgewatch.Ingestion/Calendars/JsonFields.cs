using System.Globalization;
using System.Text.Json;
using Surgewatch.Ingestion.Errors;
using Surgewatch.Ingestion.GeoJson;

namespace Surgewatch.Ingestion.Calendars;

/// <summary>
/// Reads typed fields from a JSON object and records every problem with its line and JSON path, so that a rule
/// file with several mistakes is reported in one pass. Unknown properties are errors: a typo must not silently
/// drop a holiday.
/// </summary>
internal sealed class JsonFields(InputErrorList errors)
{
    public void Error(JsonTree at, string path, string message) => errors.Add(at.Line, path, message);

    public bool IsObject(JsonTree element, string path)
    {
        if (element.Kind == JsonValueKind.Object)
        {
            return true;
        }

        Error(element, path, $"expected an object {{ … }}, found {Describe(element)}");
        return false;
    }

    public void OnlyKnown(JsonTree obj, string path, params string[] known)
    {
        foreach (var (name, value) in obj.Properties)
        {
            if (System.Array.IndexOf(known, name) < 0)
            {
                Error(value, $"{path}.{name}", $"unknown property; expected one of: {string.Join(", ", known)}");
            }
        }
    }

    /// <summary>The property <paramref name="name"/> of <paramref name="obj"/>, reporting it when required and missing.</summary>
    public JsonTree? Property(JsonTree obj, string name, string path, bool required)
    {
        var value = obj[name];
        if (value is null && required)
        {
            Error(obj, $"{path}.{name}", "is required");
        }

        return value;
    }

    public string? String(JsonTree obj, string name, string path, bool required)
    {
        if (Property(obj, name, path, required) is not { } value)
        {
            return null;
        }

        if (value.Kind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.Text))
        {
            Error(value, $"{path}.{name}", $"expected a non-empty string, found {Describe(value)}");
            return null;
        }

        return value.Text;
    }

    public int? Int(JsonTree obj, string name, string path, bool required, int min, int max) =>
        Property(obj, name, path, required) is { } value ? IntValue(value, $"{path}.{name}", min, max) : null;

    public int? IntValue(JsonTree value, string path, int min, int max)
    {
        if (value.Kind != JsonValueKind.Number || !double.IsInteger(value.Number) || value.Number < min || value.Number > max)
        {
            Error(value, path, $"expected a whole number from {min} to {max}, found {Describe(value)}");
            return null;
        }

        return (int)value.Number;
    }

    public DayOfWeek? Weekday(JsonTree value, string path)
    {
        if (value.Kind == JsonValueKind.String
            && Enum.TryParse<DayOfWeek>(value.Text, ignoreCase: true, out var day)
            && Enum.IsDefined(day) && !int.TryParse(value.Text, out _))
        {
            return day;
        }

        Error(value, path, $"expected a weekday name such as \"monday\", found {Describe(value)}");
        return null;
    }

    public DateOnly? Date(JsonTree value, string path)
    {
        if (value.Kind == JsonValueKind.String
            && DateOnly.TryParseExact(value.Text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        Error(value, path, $"expected a date such as \"2015-10-02\", found {Describe(value)}");
        return null;
    }

    public List<JsonTree> Array(JsonTree obj, string name, string path, bool required)
    {
        if (Property(obj, name, path, required) is not { } value)
        {
            return [];
        }

        if (value.Kind != JsonValueKind.Array)
        {
            Error(value, $"{path}.{name}", $"expected an array [ … ], found {Describe(value)}");
            return [];
        }

        return value.Items;
    }

    public static string Describe(JsonTree value) => value.Kind switch
    {
        JsonValueKind.String => $"\"{value.Text}\"",
        JsonValueKind.Number => value.Number.ToString(CultureInfo.InvariantCulture),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null => "null",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        _ => "nothing",
    };
}
