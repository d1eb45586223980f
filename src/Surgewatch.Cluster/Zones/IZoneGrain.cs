namespace Surgewatch.Cluster.Zones;

/// <summary>
/// One zone's place in the cluster, keyed by the zone id (or <see cref="Core.Cluster.IZoneOwnership.ModelsSubject"/>):
/// the silo its single activation lives on holds the zone's live step.
/// </summary>
[Alias("Surgewatch.Cluster.Zones.IZoneGrain")]
public interface IZoneGrain : IGrainWithStringKey
{
    /// <summary>The silo that holds the zone now (its parsable silo address); activates the grain where it has none.</summary>
    [Alias("HolderAsync")]
    Task<string> HolderAsync();
}
