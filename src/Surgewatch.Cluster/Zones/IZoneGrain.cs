namespace Surgewatch.Cluster.Zones;

/// <summary>
/// One zone's place in the cluster, keyed by the zone id (or a family step of <see cref="Core.Cluster.FamilySteps"/>):
/// the silo its single activation lives on holds the zone's live step.
/// </summary>
[Alias("Surgewatch.Cluster.Zones.IZoneGrain")]
public interface IZoneGrain : IGrainWithStringKey
{
    /// <summary>
    /// The silo that holds the zone now, with the zone's latest status that silo shared; activates the grain where it
    /// has none.
    /// </summary>
    [Alias("HoldingAsync")]
    Task<ZoneHolding> HoldingAsync();

    /// <summary>The zone was deleted: the activation ends, and with it the step of the node that held it.</summary>
    [Alias("LeaveAsync")]
    Task LeaveAsync();

    /// <summary>
    /// Acknowledges or resolves an alert of the zone (of the counters and roads for the models' grain) on the node that
    /// holds it, through that node's <see cref="Core.Cluster.IAlertDesk"/>; activates the grain where it has none.
    /// </summary>
    [Alias("ActAsync")]
    Task<AlertActed> ActAsync(string key, string actor, bool resolve, string? note);
}

/// <summary>What a zone's grain answers.</summary>
/// <param name="Silo">The parsable address of the silo holding the zone.</param>
/// <param name="Status">
/// The zone's latest status that silo's node shared (<see cref="Core.Cluster.IZoneStatusShare"/>), or for a family's
/// grain its outlook (<see cref="Core.Cluster.IModelsOutlookShare"/>); null when none was shared.
/// </param>
/// <param name="Alerts">The views of the zone's alerts that silo's node shared (<see cref="Core.Cluster.IAlertShare"/>), or null.</param>
[GenerateSerializer]
[Immutable]
[Alias("Surgewatch.Cluster.Zones.ZoneHolding")]
public sealed record ZoneHolding([property: Id(0)] string Silo, [property: Id(1)] string? Status, [property: Id(2)] string? Alerts = null);

/// <summary>What <see cref="IZoneGrain.ActAsync"/> answers: Core's <see cref="Core.Cluster.AlertActionOutcome"/> on the wire.</summary>
/// <param name="Result">How the action ended.</param>
/// <param name="Text">The alert's view after it, or the reason it was refused.</param>
[GenerateSerializer]
[Immutable]
[Alias("Surgewatch.Cluster.Zones.AlertActed")]
public sealed record AlertActed([property: Id(0)] Core.Cluster.AlertActionResult Result, [property: Id(1)] string? Text);
