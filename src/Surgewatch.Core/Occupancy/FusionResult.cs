namespace Surgewatch.Core.Occupancy;

/// <summary>The outcome of one fusion step.</summary>
/// <param name="Occupancy">The zone's estimate.</param>
/// <param name="State">The line-counter state to pass to the next step.</param>
public sealed record FusionResult(ZoneOccupancy Occupancy, LineBalanceState State);
