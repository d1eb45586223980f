using Surgewatch.Core.Calendar;

namespace Surgewatch.Core.Series;

/// <summary>One anonymous aggregate reading: a sensor's value for the interval that starts at <see cref="Time"/>.</summary>
/// <param name="SensorId">The station that reported it.</param>
/// <param name="Time">The interval start, as a local time label.</param>
/// <param name="Value">The count, speed or flow; always finite.</param>
public readonly record struct Observation(SensorId SensorId, TimeLabel Time, double Value);
