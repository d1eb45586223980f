using Surgewatch.Core.Zones;

namespace Surgewatch.Core.Occupancy;

/// <summary>A zone's fused crowd estimate at one moment.</summary>
/// <param name="Zone">The zone.</param>
/// <param name="At">When it was estimated.</param>
/// <param name="Persons">Persons present; NaN when no occupancy source is fresh (a flow-only zone, or <see cref="NoData"/>).</param>
/// <param name="Density">Persons per square metre of the zone's area; NaN when <see cref="Persons"/> is.</param>
/// <param name="Flow">Persons per metre of width per minute across the zone's width, or null without a width or a fresh line counter.</param>
/// <param name="Confidence">0..1: how much the estimate can be trusted; falls when sources are dropped, 0 with no data.</param>
/// <param name="Fallback">True when at least one configured source was stale and the estimate rests on the others.</param>
/// <param name="NoData">True when no source is fresh: the zone cannot be judged (never an all-clear).</param>
/// <param name="Sources">Each configured source and whether it was used.</param>
public sealed record ZoneOccupancy(
    ZoneId Zone,
    DateTimeOffset At,
    double Persons,
    double Density,
    double? Flow,
    double Confidence,
    bool Fallback,
    bool NoData,
    IReadOnlyList<SourceFreshness> Sources)
{
    /// <summary>Whether a persons (and density) estimate is present.</summary>
    public bool HasPersons => !double.IsNaN(Persons);
}
