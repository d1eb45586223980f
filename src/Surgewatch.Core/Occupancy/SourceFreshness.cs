using Surgewatch.Core.Series;
using Surgewatch.Core.Zones;

namespace Surgewatch.Core.Occupancy;

/// <summary>Whether one of a zone's sources was used in a fusion step.</summary>
/// <param name="Sensor">The source's sensor.</param>
/// <param name="Role">Its role in the zone.</param>
/// <param name="LastReadingAt">Its latest valid reading at or before the step, if any.</param>
/// <param name="Stale">True when it had no valid reading within the staleness window, so it was dropped.</param>
public sealed record SourceFreshness(SensorId Sensor, ZoneSourceRole Role, DateTimeOffset? LastReadingAt, bool Stale);
