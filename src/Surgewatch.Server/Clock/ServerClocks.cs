using Surgewatch.Server.Hosting;

namespace Surgewatch.Server.Clock;

/// <summary>Makes the server clock the settings ask for.</summary>
internal static class ServerClocks
{
    public static ServerClock Create(ServerOptions options)
    {
        if (!Enum.TryParse<ClockMode>(options.Mode, ignoreCase: true, out var mode))
        {
            throw new InvalidOperationException($"{ServerOptions.Section}:{nameof(ServerOptions.Mode)} is '{options.Mode}'; use Live, Demo or Replay.");
        }

        var site = TimeZoneInfo.FindSystemTimeZoneById(options.SiteZone);
        var started = options.StartedAt ?? TimeProvider.System.GetUtcNow();
        var start = options.Start ?? (mode == ClockMode.Demo ? Testing.SyntheticCity.SyntheticZones.StartInstant(started, site) : (DateTimeOffset?)null);
        return new ServerClock(TimeProvider.System, mode, start, options.Speed, options.StartedAt);
    }
}
