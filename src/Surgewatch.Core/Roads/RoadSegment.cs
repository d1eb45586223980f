using Surgewatch.Core.Series;

namespace Surgewatch.Core.Roads;

/// <summary>A road sensor as the map draws it: a straight line from the sensor's position (see <see cref="RoadSegments"/>).</summary>
/// <param name="Sensor">The road sensor.</param>
/// <param name="Name">Its name.</param>
/// <param name="Start">The sensor's position.</param>
/// <param name="End">Where its line ends.</param>
public sealed record RoadSegment(SensorId Sensor, string Name, GeoPoint Start, GeoPoint End);
