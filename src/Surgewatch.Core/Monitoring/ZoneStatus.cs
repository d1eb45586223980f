using Surgewatch.Core.Occupancy;
using Surgewatch.Core.Zones;

namespace Surgewatch.Core.Monitoring;

/// <summary>A zone's situation after a monitor step: its fused estimate and where it stands now and ahead.</summary>
/// <param name="Zone">The zone.</param>
/// <param name="At">The step's moment.</param>
/// <param name="Occupancy">The fused estimate (persons, density, flow, confidence, sources, fallback).</param>
/// <param name="Level">The worst level the observed density or flow reaches; <see cref="ZoneLevel.NoData"/> when no source reports.</param>
/// <param name="ForecastLevel">The worst density level the 90% upper forecast reaches within the longest horizon; NoData with no data.</param>
/// <param name="ForecastUpper">That highest upper bound (persons/m²), or null with no data.</param>
public sealed record ZoneStatus(ZoneId Zone, DateTimeOffset At, ZoneOccupancy Occupancy, ZoneLevel Level, ZoneLevel ForecastLevel, double? ForecastUpper);
