using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using Surgewatch.Core.Cluster;

namespace Surgewatch.Cluster.Zones;

/// <summary>
/// The zone's activation: while it lives on a silo, that silo's <see cref="HeldZones"/> lists the zone, so that node's
/// monitoring loop steps it. Orleans keeps one activation per grain across the cluster, hence one node per zone. It
/// holds no state of its own: the alert snapshots stay in the shared store, and the node that gains the zone restores them.
/// Placed by <see cref="ZonePlacement"/>; when a node joins and becomes the zone's preferred silo, the grain migrates
/// there after the next <see cref="HoldingAsync"/> (which the holder's own sweep calls then): deactivated here, then
/// activated there. Kept alive while its silo lives (the sweeps ask each silo, not each zone, so nothing else keeps it
/// busy); <see cref="LeaveAsync"/> ends it when the zone is deleted. It answers with the zone's latest status and alert
/// views this node shared, and takes the other nodes' operator actions on the zone's alerts to this node's
/// <see cref="IAlertDesk"/>.
/// </summary>
[ZonePlacement]
[KeepAlive]
internal sealed class ZoneGrain(ILocalSiloDetails silo, HeldZones held, ZoneStatusShare statuses, AlertShare alerts, IClusterMembershipService membership) : Grain, IZoneGrain
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

    public Task<ZoneHolding> HoldingAsync()
    {
        var active = ZoneSweep.ActiveSilos(membership);
        if (active.Count > 0 && !Rendezvous.Pick(ZonePlacementDirector.KeyOf(this.GetGrainId()), active).Equals(silo.SiloAddress))
        {
            // Another active silo is preferred now (it joined): migrate there once this call is answered. Migration, not
            // deactivation: the callers' cached address of this activation would bring the next call back here.
            this.MigrateOnIdle();
        }

        var subject = this.GetPrimaryKeyString();
        return Task.FromResult(new ZoneHolding(silo.SiloAddress.ToParsableString(), statuses.Mine(subject), alerts.Mine(subject)));
    }

    public Task LeaveAsync()
    {
        this.DeactivateOnIdle();
        return Task.CompletedTask;
    }

    public async Task<AlertActed> ActAsync(string key, string actor, bool resolve, string? note)
    {
        // The desk is the server's (a silo hosting no server, as in some tests, has none): resolved when asked, so that
        // the grain activates without it.
        if (ServiceProvider.GetService<IAlertDesk>() is not { } desk)
        {
            return new AlertActed(AlertActionResult.NotHeld, "This node keeps no alerts.");
        }

        var outcome = await desk.ActAsync(new AlertAction(key, actor, resolve, note), CancellationToken.None);
        return new AlertActed(outcome.Result, outcome.Text);
    }
}
