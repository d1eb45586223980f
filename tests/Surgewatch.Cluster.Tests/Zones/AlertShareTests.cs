using Microsoft.Extensions.DependencyInjection;
using Surgewatch.Cluster.Zones;
using Surgewatch.Core.Cluster;

namespace Surgewatch.Cluster.Tests.Zones;

/// <summary>Alert views and operator actions across three in-process silos (Orleans' TestingHost).</summary>
public sealed class AlertShareTests
{
    private static List<string> Zones(int count) => [.. Enumerable.Range(0, count).Select(i => $"zone-{i:D3}")];

    [Fact]
    public async Task SweepAsync_HoldersShareAlertViews_SweepBringsEachZonesViewsFromItsHolder()
    {
        await using var silos = await ThreeSilos.StartAsync();
        var zones = Zones(30);
        var holders = await ZoneSweep.SweepAsync(silos.Grains, zones);
        foreach (var (silo, held) in silos.HeldBySilo())
        {
            silos.AlertsOf(silo).Share(held.ToDictionary(z => z, z => $"[views of {z} on {silo}]"));
        }

        var alerts = new Dictionary<string, string>();
        await ZoneSweep.SweepAsync(silos.Grains, zones, alerts: alerts);

        alerts.Should().HaveCount(zones.Count);
        foreach (var zone in zones)
        {
            alerts[zone].Should().Be($"[views of {zone} on {holders[zone]}]", "each zone's grain answers with what its holder shared");
        }
    }

    [Fact]
    public async Task ActAtHolderAsync_ZoneHeldByAnotherSilo_TakenOnTheHoldersDeskOnly()
    {
        await using var silos = await ThreeSilos.StartAsync();
        var zones = Zones(30);
        var holders = await ZoneSweep.SweepAsync(silos.Grains, zones);
        var asking = holders.Values.First();
        var zone = zones.First(z => holders[z] != asking);
        var action = new AlertAction($"density-warning/{zone}", "ops-key", Resolve: false, Note: "on our way");

        var outcome = await silos.AlertsOf(asking).ActAtHolderAsync(zone, action, CancellationToken.None);

        outcome.Should().Be(new AlertActionOutcome(AlertActionResult.Done, holders[zone]), "the action ran on the silo holding the zone");
        foreach (var silo in silos.HeldBySilo().Keys)
        {
            var taken = ((SiloDesk)silos.ServicesOf(silo).GetRequiredService<IAlertDesk>()).Taken;
            taken.Should().Equal(silo == holders[zone] ? [action] : [], $"only the holder's desk takes the action ({silo})");
        }
    }

    [Fact]
    public async Task ActAtHolderAsync_HolderKilled_TakenByTheSurvivorThatHoldsTheZoneNext()
    {
        await using var silos = await ThreeSilos.StartAsync();
        var zones = Zones(30);
        var before = await ZoneSweep.SweepAsync(silos.Grains, zones);
        var victim = silos.Cluster.SecondarySilos[0];
        var dead = victim.SiloAddress.ToParsableString();
        var zone = zones.First(z => before[z] == dead);
        await silos.Cluster.KillSiloAsync(victim);
        var asking = silos.Cluster.Primary!.SiloAddress.ToParsableString();
        var action = new AlertAction($"density-warning/{zone}", "ops-key", Resolve: true, Note: null);

        var clock = System.Diagnostics.Stopwatch.StartNew();
        AlertActionOutcome outcome;
        do
        {
            // Until the membership declares the silo dead, the call times out or is refused: the route says so.
            outcome = await silos.AlertsOf(asking).ActAtHolderAsync(zone, action, CancellationToken.None);
        }
        while (outcome.Result == AlertActionResult.NotHeld && clock.Elapsed < TimeSpan.FromSeconds(90));

        outcome.Result.Should().Be(AlertActionResult.Done);
        outcome.Text.Should().NotBe(dead);
        silos.HeldBySilo()[outcome.Text!].Should().Contain(zone, "the survivor that took the action holds the zone now");
    }
}
