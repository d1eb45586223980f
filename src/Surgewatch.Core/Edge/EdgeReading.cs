namespace Surgewatch.Core.Edge;

/// <summary>
/// The only thing the edge counter emits: a count for a sensor at an interval start, in the shape of the ingest API's
/// readings (<c>{"sensorId","timestamp","value"}</c>). There is no field for an image, a box or a position.
/// </summary>
/// <param name="SensorId">The camera's sensor id (occupancy) or it with <c>-in</c> / <c>-out</c> (the line).</param>
/// <param name="Timestamp">The interval's start.</param>
/// <param name="Value">People (occupancy) or crossings.</param>
public sealed record EdgeReading(string SensorId, DateTimeOffset Timestamp, double Value)
{
    /// <summary>
    /// The readings of a closed interval for camera <paramref name="sensor"/>: occupancy as <c>sensor</c>, crossings as
    /// <c>sensor-in</c> and <c>sensor-out</c>; none for a missing interval.
    /// </summary>
    public static IReadOnlyList<EdgeReading> Of(EdgeInterval interval, string sensor)
    {
        if (interval.Occupancy is not { } occupancy)
        {
            return [];
        }

        var readings = new List<EdgeReading>(3) { new(sensor, interval.Start, occupancy) };
        if (interval.Crossings is { } crossings)
        {
            readings.Add(new(sensor + "-in", interval.Start, crossings.In));
            readings.Add(new(sensor + "-out", interval.Start, crossings.Out));
        }

        return readings;
    }
}
