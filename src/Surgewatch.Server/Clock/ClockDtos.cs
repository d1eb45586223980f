using Microsoft.Extensions.Options;
using Surgewatch.Core.Calendar;
using Surgewatch.Server.Hosting;

namespace Surgewatch.Server.Clock;

/// <summary>The clock as the API and the hub show it.</summary>
/// <param name="Mode">live, demo or replay.</param>
/// <param name="Now">The current site-local time, ISO-8601 with its offset.</param>
/// <param name="Speed">Simulated seconds per real second.</param>
/// <param name="Paused">Whether simulated time stands still.</param>
/// <param name="SiteZone">The site's IANA time zone, in which <paramref name="Now"/> is written; a time without an offset in a request is read in it.</param>
/// <param name="UtcOffset">The site's offset from UTC at <paramref name="Now"/>, such as <c>+11:00</c>.</param>
internal sealed record ClockDto(string Mode, string Now, double Speed, bool Paused, string SiteZone, string UtcOffset);

/// <summary>Makes <see cref="ClockDto"/>s of the server clock in the site zone.</summary>
internal sealed class ClockDtos(ServerClock clock, IOptions<ServerOptions> options)
{
    private readonly TimeZoneInfo _site = TimeZoneInfo.FindSystemTimeZoneById(options.Value.SiteZone);

    public TimeZoneInfo SiteZone => _site;

    public TimeLabel NowLabel() => TimeLabel.FromInstant(clock.GetUtcNow(), _site);

    /// <summary>A site-local label as replies write it: ISO-8601 with the site's offset at that label.</summary>
    public string Format(TimeLabel label) => SiteTimes.Format(label, _site);

    public ClockDto Current()
    {
        var now = clock.GetUtcNow();
        var offset = _site.GetUtcOffset(now);
        var sign = offset < TimeSpan.Zero ? "-" : "+";
        return new(
            ApiEnums.Name(clock.Mode),
            SiteTimes.Format(now, _site),
            clock.Speed,
            clock.Paused,
            _site.Id,
            $"{sign}{offset.Duration():hh\\:mm}");
    }
}
