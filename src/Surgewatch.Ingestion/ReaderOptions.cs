using Surgewatch.Core.Series;

namespace Surgewatch.Ingestion;

/// <summary>How readers interpret an input. The defaults suit hourly pedestrian counts with UTC offsets.</summary>
public sealed record ReaderOptions
{
    /// <summary>The default options.</summary>
    public static readonly ReaderOptions Default = new();

    /// <summary>
    /// The site's time zone. Timestamps without an offset are local labels and are taken as they stand;
    /// timestamps with <c>Z</c> or an offset are instants and become this zone's labels.
    /// </summary>
    public TimeZoneInfo SiteZone { get; init; } = TimeZoneInfo.Utc;

    /// <summary>What the sensors measure. Counting kinds refuse negative values.</summary>
    public SensorKind Kind { get; init; } = SensorKind.PedestrianCount;

    /// <summary>
    /// The sensors' native step. When null, sensors.csv gives its sensors an hourly step and a data folder
    /// infers the step from its observations.
    /// </summary>
    public TimeSpan? Step { get; init; }

    /// <summary>How many errors a rejection lists before it only counts the rest.</summary>
    public int MaxErrors { get; init; } = 100;
}
