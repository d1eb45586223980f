using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using Orleans.TestingHost;
using Surgewatch.Cluster.Membership;
using Surgewatch.Cluster.Tests.Zones;
using Surgewatch.Cluster.Zones;
using Surgewatch.Core.Cluster;

namespace Surgewatch.Cluster.Tests.Membership;

/// <summary>What <c>/cluster</c> shows, from one silo of three: the membership and the holders its sweep found.</summary>
public sealed class ClusterViewClusterTests
{
    private static readonly List<string> Zones = [.. Enumerable.Range(0, 30).Select(i => $"zone-{i:D2}")];

    [Fact]
    public async Task DescribeAsync_ThreeSilos_EveryNodeActiveWithTheZonesItHolds()
    {
        await using var silos = await ThreeSilos.StartAsync();
        var (view, self) = await ViewFromAsync(silos.Cluster.Silos[0]);

        var state = await view.DescribeAsync(CancellationToken.None);

        state.Self.Should().Be(self.SiloAddress.Endpoint.ToString());
        state.Nodes.Should().HaveCount(3).And.OnlyContain(n => n.Status == ClusterNodeStatus.Active);
        var held = silos.HeldBySilo().ToDictionary(h => SiloAddress.FromParsableString(h.Key).Endpoint.ToString(), h => h.Value);
        foreach (var node in state.Nodes)
        {
            node.Zones.Should().Equal(held[node.Address].Where(z => !FamilySteps.Is(z)));
        }

        state.Nodes.SelectMany(n => n.Zones).Should().BeEquivalentTo(Zones);
    }

    [Fact]
    public async Task DescribeAsync_SiloStopped_ListedDeadWithoutZones()
    {
        await using var silos = await ThreeSilos.StartAsync();
        var victim = silos.Cluster.SecondarySilos[0];
        var address = victim.SiloAddress.Endpoint.ToString();
        await silos.Cluster.StopSiloAsync(victim);
        var (view, _) = await ViewFromAsync(silos.Cluster.Silos[0]);

        var state = await view.DescribeAsync(CancellationToken.None);

        state.Nodes.Should().ContainSingle(n => n.Address == address).Which.Should().Match<ClusterNode>(n => n.Status == ClusterNodeStatus.Dead && n.Zones.Count == 0);
        state.Nodes.Where(n => n.Status == ClusterNodeStatus.Active).SelectMany(n => n.Zones).Should().BeEquivalentTo(Zones);
    }

    /// <summary>A view as a node's own services hold it, after one sweep.</summary>
    private static async Task<(ClusterView View, ILocalSiloDetails Self)> ViewFromAsync(SiloHandle silo)
    {
        var services = ((InProcessSiloHandle)silo).SiloHost.Services;
        var grains = services.GetRequiredService<IGrainFactory>();
        var map = new HolderMap();
        map.Publish(await ZoneSweep.SweepAsync(grains, [.. Zones, .. FamilySteps.All]), []);
        var self = services.GetRequiredService<ILocalSiloDetails>();
        return (new ClusterView(new StartedSilo(services), map), self);
    }
}
