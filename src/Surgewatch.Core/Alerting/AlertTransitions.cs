namespace Surgewatch.Core.Alerting;

/// <summary>The edges of the alert state machine. Any other change of state is a bug.</summary>
/// <remarks>
/// Inactive → Pending | Firing (pending-for zero) | NoData.
/// Pending → Inactive | Firing | NoData | Resolved (operator).
/// Firing → Recovering | Resolved (keep-firing-for zero, or operator) | NoData.
/// Recovering → Firing | Resolved | NoData.
/// Resolved → Pending | Firing | NoData.
/// NoData → Inactive | Pending | Firing | Recovering | Resolved (operator, or cleared when it was firing before the gap).
/// </remarks>
public static class AlertTransitions
{
    /// <summary>Whether the machine may move from <paramref name="from"/> to <paramref name="to"/> in one step.</summary>
    public static bool IsAllowed(AlertState from, AlertState to) => from switch
    {
        AlertState.Inactive => to is AlertState.Pending or AlertState.Firing or AlertState.NoData,
        AlertState.Pending => to is AlertState.Inactive or AlertState.Firing or AlertState.NoData or AlertState.Resolved,
        AlertState.Firing => to is AlertState.Recovering or AlertState.Resolved or AlertState.NoData,
        AlertState.Recovering => to is AlertState.Firing or AlertState.Resolved or AlertState.NoData,
        AlertState.Resolved => to is AlertState.Pending or AlertState.Firing or AlertState.NoData,
        AlertState.NoData => to is not AlertState.NoData,
        _ => false,
    };
}
