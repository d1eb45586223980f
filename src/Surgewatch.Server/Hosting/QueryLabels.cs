using System.Globalization;
using Surgewatch.Core.Calendar;

namespace Surgewatch.Server.Hosting;

/// <summary>
/// Parses optional ISO-8601 query parameters into labels (instants with an offset become labels of the site zone),
/// and dates. Both must lie in the years <see cref="FirstYear"/> to <see cref="LastYear"/>: no counter data lies
/// outside them, and a date near the end of the calendar would overflow the arithmetic of the views (a day or a
/// forecast horizon added to 9999-12-31), so it is refused here, in one place, with a 400.
/// </summary>
internal static class QueryLabels
{
    public const int FirstYear = 1900;
    public const int LastYear = 2199;

    private static readonly TimeLabel Earliest = TimeLabel.FromDate(new DateOnly(FirstYear, 1, 1));
    private static readonly TimeLabel Latest = TimeLabel.FromDate(new DateOnly(LastYear + 1, 1, 1));

    public static bool TryParse(string? text, TimeZoneInfo siteZone, out TimeLabel? label, out string error)
    {
        label = null;
        error = string.Empty;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        if (!TimeLabelParser.TryParse(text.AsSpan(), siteZone, out var parsed, out var reason))
        {
            error = $"'{text}' is not an ISO-8601 time such as 2014-01-31T13:00:00: {reason}";
            return false;
        }

        if (parsed < Earliest || parsed >= Latest)
        {
            error = $"'{text}' is outside the years {FirstYear} to {LastYear} that the views cover";
            return false;
        }

        label = parsed;
        return true;
    }

    /// <summary>
    /// Parses an instant: ISO-8601 with an offset (or <c>Z</c>) as written, or without one a site-local time (a label
    /// that daylight saving skips takes the standard offset), within the years the views cover. Empty text is an error.
    /// </summary>
    public static bool TryParseInstant(string? text, TimeZoneInfo siteZone, out DateTimeOffset instant, out string error)
    {
        instant = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "give an ISO-8601 time such as 2024-03-01T09:00:00 (site-local) or 2024-03-01T09:00:00+11:00";
            return false;
        }

        if (!TryParse(text, siteZone, out var label, out error))
        {
            return false;
        }

        instant = HasOffset(text) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var given)
            ? given
            : Clock.SiteTimes.Instant(label!.Value, siteZone);
        return true;
    }

    /// <summary>
    /// The <c>since</c> parameter of a history (alert events, audit log): an instant as <see cref="TryParseInstant"/>
    /// reads it, or the beginning when it is left out; the 400 problem naming it when it is not a time, else null.
    /// </summary>
    public static IResult? Since(string? since, TimeZoneInfo siteZone, out DateTimeOffset from)
    {
        from = DateTimeOffset.MinValue;
        return since is null || TryParseInstant(since, siteZone, out from, out var error) ? null : QueryProblems.BadParameter("since", error);
    }

    private static bool HasOffset(string text)
    {
        var time = text.IndexOf('T', StringComparison.OrdinalIgnoreCase);
        return time >= 0 && (text.EndsWith('Z') || text.EndsWith('z') || text.IndexOfAny(['+', '-'], time) >= 0);
    }

    /// <summary>Parses a date written <c>yyyy-MM-dd</c> within the years the views cover.</summary>
    public static bool TryParseDate(string text, out DateOnly date, out string error)
    {
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            error = $"'{text}' is not a date such as 2024-03-01";
            return false;
        }

        error = date.Year is < FirstYear or > LastYear ? $"'{text}' is outside the years {FirstYear} to {LastYear} that the views cover" : string.Empty;
        return error.Length == 0;
    }
}
