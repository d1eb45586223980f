using Surgewatch.Core.Occupancy;

namespace Surgewatch.Server.Monitoring;

/// <summary>A zone's fused estimate as the server shows and evaluates it: nulls where the Core fusion has no value.</summary>
/// <param name="Persons">Persons present, or null without a usable source.</param>
/// <param name="Density">Persons per m², or null.</param>
/// <param name="Flow">Persons per metre of width per minute, or null.</param>
/// <param name="Confidence">0..1 (see <see cref="OccupancyFusion"/>).</param>
/// <param name="Fallback">Whether some source was stale, so the estimate rests on fewer or weaker sources.</param>
/// <param name="Sources">Each source and whether it is stale.</param>
internal sealed record ZoneEstimate(double? Persons, double? Density, double? Flow, double Confidence, bool Fallback, IReadOnlyList<SourceFreshness> Sources)
{
    public static ZoneEstimate Of(ZoneOccupancy occupancy) =>
        occupancy.NoData || !occupancy.HasPersons
            ? new ZoneEstimate(null, null, occupancy.NoData ? null : occupancy.Flow, occupancy.NoData ? 0 : occupancy.Confidence, occupancy.Fallback, occupancy.Sources)
            : new ZoneEstimate(occupancy.Persons, occupancy.Density, occupancy.Flow, occupancy.Confidence, occupancy.Fallback, occupancy.Sources);
}
