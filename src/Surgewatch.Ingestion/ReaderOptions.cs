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

    /// <summary>What the sensors measure, and so which values are plausible (<see cref="PlausibleValues"/>).</summary>
    public SensorKind Kind { get; init; } = SensorKind.PedestrianCount;

    /// <summary>
    /// The kind of a sensor that is already known (for example to the store a server ingests into), or null for a
    /// new sensor, which takes <see cref="Kind"/>. Lets one input mix sensors of several kinds, each value checked
    /// against its own sensor's kind. Called once per distinct sensor of an input.
    /// </summary>
    public Func<SensorId, SensorKind?>? KindOf { get; init; }

    /// <summary>The kind whose values <paramref name="sensor"/>'s readings are checked against.</summary>
    public SensorKind KindFor(SensorId sensor) => KindOf?.Invoke(sensor) ?? Kind;

    /// <summary>
    /// The sensors' native step. When null, sensors.csv gives its sensors an hourly step and a data folder
    /// infers the step from its observations.
    /// </summary>
    public TimeSpan? Step { get; init; }

    /// <summary>How many errors a rejection lists before it only counts the rest.</summary>
    public int MaxErrors { get; init; } = 100;
}
