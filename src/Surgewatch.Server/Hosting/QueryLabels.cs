using Surgewatch.Core.Calendar;

namespace Surgewatch.Server.Hosting;

/// <summary>Parses optional ISO-8601 query parameters into labels (instants with an offset become labels of the site zone).</summary>
internal static class QueryLabels
{
    public static bool TryParse(string? text, TimeZoneInfo siteZone, out TimeLabel? label, out string error)
    {
        label = null;
        error = string.Empty;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        if (TimeLabelParser.TryParse(text.AsSpan(), siteZone, out var parsed, out var reason))
        {
            label = parsed;
            return true;
        }

        error = $"'{text}' is not an ISO-8601 time such as 2014-01-31T13:00:00: {reason}";
        return false;
    }
}
