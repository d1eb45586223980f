namespace Surgewatch.Core.Occupancy;

/// <summary>
/// What fusion carries from one step to the next for one zone: the running in − out balance of its line counters.
/// Immutable; pass the state returned by one step into the next.
/// </summary>
/// <param name="Balance">Persons by the line counters' balance, or null while the counters have not been fresh.</param>
/// <param name="IntegratedUntil">Readings at or before this moment have been added to the balance.</param>
/// <param name="LastCrossingAt">When the counters last counted anyone, for the quiet-period relaxation.</param>
public sealed record LineBalanceState(double? Balance, DateTimeOffset IntegratedUntil, DateTimeOffset LastCrossingAt)
{
    /// <summary>The state before the first step at <paramref name="start"/>: no balance yet.</summary>
    public static LineBalanceState Start(DateTimeOffset start) => new(null, start, start);
}
