using Orleans.Placement;
using Orleans.Runtime;

namespace Surgewatch.Cluster.Zones;

/// <summary>
/// The zone's activation: while it lives on a silo, that silo's <see cref="HeldZones"/> lists the zone, so that node's
/// monitoring loop steps it. Orleans keeps one activation per grain across the cluster, hence one node per zone. It
/// holds no state of its own: the alert snapshots stay in the shared store, and the node that gains the zone restores them.
/// Placed at random, which spreads many zones evenly over the silos.
/// </summary>
[RandomPlacement]
internal sealed class ZoneGrain(ILocalSiloDetails silo, HeldZones held) : Grain, IZoneGrain
{
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        held.Add(this.GetPrimaryKeyString());
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        held.Remove(this.GetPrimaryKeyString());
        return Task.CompletedTask;
    }

    public Task<string> HolderAsync() => Task.FromResult(silo.SiloAddress.ToParsableString());
}
