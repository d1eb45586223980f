using System.Globalization;
using Surgewatch.Core.Calendar;

namespace Surgewatch.Server.Clock;

/// <summary>
/// How replies write times: ISO-8601 with the offset from UTC, always. A site-local label (readings, forecasts,
/// buckets) is written with the site zone's offset at that label, so a client never has to know the site zone to
/// place a time, and a label that daylight saving skips or repeats still names one instant.
/// </summary>
internal static class SiteTimes
{
    private const string Pattern = "yyyy-MM-dd'T'HH:mm:sszzz";

    /// <summary>The instant a site-local label stands for; a label in a spring-forward gap takes the standard offset.</summary>
    public static DateTimeOffset Instant(TimeLabel label, TimeZoneInfo site) => label.ToInstant(site);

    /// <summary><paramref name="label"/> written with its offset, such as <c>2014-01-31T13:00:00+11:00</c>.</summary>
    public static string Format(TimeLabel label, TimeZoneInfo site) =>
        Instant(label, site).ToString(Pattern, CultureInfo.InvariantCulture);

    /// <summary>An instant written in the site zone, with its offset.</summary>
    public static string Format(DateTimeOffset instant, TimeZoneInfo site) =>
        TimeZoneInfo.ConvertTime(instant, site).ToString(Pattern, CultureInfo.InvariantCulture);
}
