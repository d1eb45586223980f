using Microsoft.Extensions.Configuration;
using Surgewatch.Cli.Common;
using Surgewatch.Server.Hosting;

namespace Surgewatch.Cli.Serve;

/// <summary>Which of live, demo or replay mode <c>serve</c> runs, and at what speed.</summary>
internal sealed record ServeMode(bool Demo, DirectoryInfo? Replay, double Speed, string? Retrain = null)
{
    /// <summary>The sites' time zone (--site-zone), or null for the default.</summary>
    public string? SiteZone { get; init; }

    /// <summary>The unit road speeds are ingested in (--speed-unit), or null for the default (km/h).</summary>
    public string? SpeedUnit { get; init; }

    /// <summary>Days of a replayed folder stored as history (--history-days), or null for the default.</summary>
    public int? HistoryDays { get; init; }

    /// <summary>The attribution open data names (--attribution), or null for the replay folder's README's or the default.</summary>
    public string? Attribution { get; init; }

    /// <summary>What the replayed folder's values measure (--kind), or null for pedestrian counts.</summary>
    public Core.Series.SensorKind? Kind { get; init; }

    public string Name => Demo ? "demo" : Replay is not null ? "replay" : "API";

    /// <exception cref="UserInputException">--demo and --replay together, a missing folder, or a bad speed.</exception>
    public void Validate()
    {
        if (Demo && Replay is not null)
        {
            throw new UserInputException("Give --demo or --replay DIR, not both.");
        }

        if (Replay is { Exists: false })
        {
            throw new UserInputException($"The replay folder '{Replay.FullName}' does not exist.");
        }

        if (!(double.IsFinite(Speed) && Speed > 0 && Speed <= 10_000))
        {
            throw new UserInputException($"--speed must be above 0 and at most 10000, not {Speed}.");
        }

        if (SiteZone is not null && !TimeZoneInfo.TryFindSystemTimeZoneById(SiteZone, out _))
        {
            throw new UserInputException($"--site-zone: '{SiteZone}' is not an IANA time zone such as Australia/Melbourne.");
        }

        if (SpeedUnit is not null && !Core.Series.SensorUnits.IsSpeedUnit(SpeedUnit))
        {
            throw new UserInputException($"--speed-unit: '{SpeedUnit}' is not km/h or mph.");
        }

        if (Attribution is not null && string.IsNullOrWhiteSpace(Attribution))
        {
            throw new UserInputException("--attribution must name whom the data credits, such as \"City of Melbourne\".");
        }

        if (Attribution is not null && Ingestion.Privacy.PrivacyGuard.ContainsPersonalIdentifier(Attribution, out var reason))
        {
            throw new UserInputException($"--attribution is published with the open data and must not hold a personal identifier: {reason}. Name the publisher, such as \"City of Melbourne\".");
        }

        if (Kind is not null && Replay is null)
        {
            throw new UserInputException("--kind goes with --replay DIR: it says what the folder's values measure.");
        }

        if (HistoryDays is < 1 or > 3650)
        {
            throw new UserInputException($"--history-days must be 1 to 3650, not {HistoryDays}.");
        }

        if (Retrain is not null)
        {
            try
            {
                Core.Forecasting.Retraining.RetrainPolicy.Parse(Retrain);
            }
            catch (FormatException e)
            {
                throw new UserInputException($"--retrain: {e.Message}");
            }
        }
    }

    public void Configure(ConfigurationManager configuration)
    {
        var section = ServerOptions.Section;
        configuration[$"{section}:{nameof(ServerOptions.Mode)}"] = Demo ? "Demo" : Replay is not null ? "Replay" : "Live";
        configuration[$"{section}:{nameof(ServerOptions.Speed)}"] = Speed.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (Demo)
        {
            configuration[$"{section}:{nameof(ServerOptions.SiteZone)}"] = Server.Demo.DemoCityInfo.SiteZone;
        }

        if (SiteZone is not null)
        {
            configuration[$"{section}:{nameof(ServerOptions.SiteZone)}"] = SiteZone;
        }

        if (SpeedUnit is not null)
        {
            configuration[$"{section}:{nameof(ServerOptions.SpeedUnit)}"] = SpeedUnit;
        }

        if (HistoryDays is { } days)
        {
            configuration[$"{section}:{nameof(ServerOptions.HistoryDays)}"] = days.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (Replay is not null)
        {
            configuration[$"{section}:{nameof(ServerOptions.ReplayFolder)}"] = Replay.FullName;
        }

        if (Kind is { } kind)
        {
            configuration[$"{section}:{nameof(ServerOptions.ReplayKind)}"] = kind.ToString();
        }

        if (Attribution is not null)
        {
            configuration[$"{section}:{nameof(ServerOptions.Attribution)}"] = Attribution;
        }

        if (Retrain is not null)
        {
            configuration[$"{section}:{nameof(ServerOptions.Retrain)}"] = Retrain;
        }
    }
}
