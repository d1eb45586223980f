using Surgewatch.Core.Series;

namespace Surgewatch.Core.Storage;

/// <summary>Thrown when a write names a sensor the store does not know, such as an edge of the road graph.</summary>
/// <param name="sensor">The sensor that is not known.</param>
/// <param name="message">What was refused and what to do about it.</param>
public sealed class UnknownSensorException(SensorId sensor, string message) : ArgumentException(message)
{
    /// <summary>The sensor that is not known.</summary>
    public SensorId Sensor { get; } = sensor;
}
