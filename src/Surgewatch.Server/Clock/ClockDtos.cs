using Microsoft.Extensions.Options;
using Surgewatch.Core.Calendar;
using Surgewatch.Server.Hosting;

namespace Surgewatch.Server.Clock;

/// <summary>The clock as the API and the hub show it.</summary>
/// <param name="Mode">live, demo or replay.</param>
/// <param name="Now">The current site-local label, ISO-8601 without offset.</param>
/// <param name="Speed">Simulated seconds per real second.</param>
/// <param name="Paused">Whether simulated time stands still.</param>
internal sealed record ClockDto(string Mode, string Now, double Speed, bool Paused);

/// <summary>Makes <see cref="ClockDto"/>s of the server clock in the site zone.</summary>
internal sealed class ClockDtos(ServerClock clock, IOptions<ServerOptions> options)
{
    private readonly TimeZoneInfo _site = TimeZoneInfo.FindSystemTimeZoneById(options.Value.SiteZone);

    public TimeZoneInfo SiteZone => _site;

    public TimeLabel NowLabel() => TimeLabel.FromInstant(clock.GetUtcNow(), _site);

    public ClockDto Current() => new(clock.Mode.ToString().ToLowerInvariant(), NowLabel().ToString(), clock.Speed, clock.Paused);
}
