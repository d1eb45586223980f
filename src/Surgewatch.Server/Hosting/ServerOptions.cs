namespace Surgewatch.Server.Hosting;

/// <summary>Settings of the HTTP server, bound from the configuration section <c>Surgewatch</c>.</summary>
public sealed class ServerOptions
{
    /// <summary>The configuration section these options come from.</summary>
    public const string Section = "Surgewatch";

    /// <summary>The environment variable (or configuration key) holding the first admin key of a new store.</summary>
    public const string BootstrapKeyVariable = "SURGEWATCH_BOOTSTRAP_KEY";

    /// <summary>The SQLite store file.</summary>
    public string Database { get; set; } = "surgewatch.db";

    /// <summary>
    /// The IANA time zone of the sites: timestamps with an offset (or <c>Z</c>) are converted to its local labels,
    /// on ingest and in query parameters. Default UTC.
    /// </summary>
    public string SiteZone { get; set; } = "UTC";

    /// <summary>
    /// The unit the sites' road speeds are ingested in, <c>km/h</c> (default) or <c>mph</c>: speeds are stored as they
    /// come, and the API and the dashboard name this unit (<c>unit</c> of each road sensor).
    /// </summary>
    public string SpeedUnit { get; set; } = "km/h";

    /// <summary>Whether reading open data (sensors, readings, forecasts) needs a key too; off by default.</summary>
    public bool RequireKeyForReads { get; set; }

    /// <summary>The largest request body accepted, in bytes; larger ones get 413.</summary>
    public long MaxBodyBytes { get; set; } = 16L * 1024 * 1024;

    /// <summary>Requests allowed per key (or per client address without a key) in each rate-limit window.</summary>
    public int RateLimitPermits { get; set; } = 60_000;

    /// <summary>The length of a rate-limit window.</summary>
    public TimeSpan RateLimitWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The most alert events one request returns.</summary>
    public int MaxAlertEvents { get; set; } = 1_000;

    /// <summary>How the clock runs and what feeds the server: Live (real time, data from clients), Demo (the built-in synthetic city) or Replay (a data folder).</summary>
    public string Mode { get; set; } = "Live";

    /// <summary>Simulated seconds per real second in demo and replay mode.</summary>
    public double Speed { get; set; } = 60;

    /// <summary>Where simulated time starts in demo and replay mode; null: the demo's default (the last Saturday, 17:30 site time).</summary>
    public DateTimeOffset? Start { get; set; }

    /// <summary>
    /// The real instant at which simulated time stood at <see cref="Start"/> (demo and replay mode); null: when the
    /// server starts. Nodes of a cluster given the same value keep one clock (the demo's default start is then taken
    /// from this instant too).
    /// </summary>
    public DateTimeOffset? StartedAt { get; set; }

    /// <summary>
    /// Days of a replayed folder stored as history before the clock starts (default 120): the surge rule sets a counter's
    /// threshold only from 90 days of its readings, and outages take some away.
    /// </summary>
    public int HistoryDays { get; set; } = 120;

    /// <summary>The data folder replay mode plays.</summary>
    public string? ReplayFolder { get; set; }

    /// <summary>What the replayed folder's values measure (<c>serve --kind</c>): pedestrian counts by default; a folder of road speeds needs <see cref="Core.Series.SensorKind.RoadSpeed"/>.</summary>
    public Core.Series.SensorKind ReplayKind { get; set; } = Core.Series.SensorKind.PedestrianCount;

    /// <summary>
    /// The licence of the open data (an SPDX id), named in every open-data response; null: the replayed folder's README's,
    /// else CC-BY-4.0.
    /// </summary>
    public string? Licence { get; set; }

    /// <summary>Where the licence text is; null: the README's URL for its licence, else the licence's SPDX page (CC-BY-4.0's deed by default).</summary>
    public string? LicenceUrl { get; set; }

    /// <summary>
    /// The attribution users of the open data must give (<c>serve --attribution</c>); null: the one the replayed data
    /// folder's README states, else Surgewatch's own.
    /// </summary>
    public string? Attribution { get; set; }

    /// <summary>
    /// Whether a store without a saved model trains one in the background once its counters have two weeks of
    /// history (the baseline at once, then the best model); default true.
    /// </summary>
    public bool TrainWhenMissing { get; set; } = true;

    /// <summary>Train the best model again on this schedule (<c>24h</c>, <c>7d</c>, <c>daily@03</c>; UTC on the server clock), or null for never.</summary>
    public string? Retrain { get; set; }

    /// <summary>The retraining schedule, or null.</summary>
    /// <exception cref="FormatException">The schedule is not one.</exception>
    public Core.Forecasting.Retraining.RetrainPolicy? RetrainPolicy() =>
        string.IsNullOrWhiteSpace(Retrain) ? null : Core.Forecasting.Retraining.RetrainPolicy.Parse(Retrain);

    /// <summary>The reader settings for ingest requests (the site zone resolved).</summary>
    public Ingestion.ReaderOptions ReaderOptions() => new() { SiteZone = TimeZoneInfo.FindSystemTimeZoneById(SiteZone) };

    /// <summary>
    /// Where a generated first admin key is shown, once. It is deliberately not the logger: keys never go to logs.
    /// </summary>
    public Action<string> AnnounceGeneratedKey { get; set; } = key => Console.WriteLine(
        $"Created the first admin API key (shown only now; store it safely):{Environment.NewLine}  {key}");

    /// <summary>
    /// A PMTiles v3 archive (an extract of the sites' region) served to the dashboard as its offline base map
    /// (<c>serve --basemap</c>), or null for none. The server refuses to start when it is missing or not PMTiles.
    /// </summary>
    public string? Basemap { get; set; }

    /// <summary>The longest a one-off silence may last, in days; a longer one is refused (400). Default 7.</summary>
    public int MaxSilenceDays { get; set; } = 7;

    /// <summary>
    /// How long a zone rule's condition must hold before its alert fires (the zone rules' pending-for, 0 to 1 hour;
    /// default 5 minutes). Setting <c>Surgewatch:ZonePendingFor</c> (environment <c>Surgewatch__ZonePendingFor</c>).
    /// </summary>
    public TimeSpan ZonePendingFor { get; set; } = TimeSpan.FromMinutes(5);
}
