namespace Surgewatch.Core.Series;

/// <summary>A station that produces one series of anonymous aggregate values on a native step.</summary>
/// <param name="Id">The station's identifier.</param>
/// <param name="Name">A human-readable name; the id when none is known.</param>
/// <param name="Location">Where the station is, when known.</param>
/// <param name="Kind">What it measures.</param>
/// <param name="Step">Its native reporting interval (an hour for pedestrian counters, 5 minutes for road loops).</param>
public sealed record Sensor(SensorId Id, string Name, GeoPoint? Location, SensorKind Kind, TimeSpan Step)
{
    /// <summary>Hourly, the native step of pedestrian counters.</summary>
    public static readonly TimeSpan Hourly = TimeSpan.FromHours(1);

    /// <summary>Five minutes, the native step of road loop detectors.</summary>
    public static readonly TimeSpan FiveMinutes = TimeSpan.FromMinutes(5);
}
