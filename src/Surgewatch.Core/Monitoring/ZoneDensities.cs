using Surgewatch.Core.Zones;

namespace Surgewatch.Core.Monitoring;

/// <summary>
/// A zone's recent densities as <see cref="ZoneMonitor"/> keeps them for its local-trend forecast: one value per
/// monitor step (NaN where there was none), oldest first, the last one in the slot that starts at <paramref name="LastSlot"/>.
/// </summary>
/// <param name="Zone">The zone.</param>
/// <param name="LastSlot">The start of the newest slot (UTC).</param>
/// <param name="Values">Densities in persons/m², oldest first.</param>
public sealed record ZoneDensities(ZoneId Zone, DateTimeOffset LastSlot, IReadOnlyList<double> Values);
