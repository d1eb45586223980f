namespace Surgewatch.Cluster.Zones;

/// <summary>
/// One zone's place in the cluster, keyed by the zone id (or <see cref="Core.Cluster.IZoneOwnership.ModelsSubject"/>):
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
}

/// <summary>What a zone's grain answers.</summary>
/// <param name="Silo">The parsable address of the silo holding the zone.</param>
/// <param name="Status">
/// The zone's latest status that silo's node shared (<see cref="Core.Cluster.IZoneStatusShare"/>), or for the models'
/// grain the models' outlook (<see cref="Core.Cluster.IModelsOutlookShare"/>); null when none was shared.
/// </param>
[GenerateSerializer]
[Immutable]
[Alias("Surgewatch.Cluster.Zones.ZoneHolding")]
public sealed record ZoneHolding([property: Id(0)] string Silo, [property: Id(1)] string? Status);
