using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using Surgewatch.Core.Cluster;
using Surgewatch.Cluster.Zones;

namespace Surgewatch.Cluster.Membership;

/// <summary>
/// The cluster from Orleans' membership table (every silo, dead ones too, with the URL each published as its silo name)
/// and the holders the last sweep found. A dead entry whose address came back as a newer silo is left out.
/// </summary>
internal sealed class ClusterView(ISiloServices silo, HolderMap map) : IClusterView
{
    public async Task<ClusterState> DescribeAsync(CancellationToken cancellationToken)
    {
        var services = await silo.ServicesAsync(cancellationToken);
        var grains = services.GetRequiredService<IGrainFactory>();
        var self = services.GetRequiredService<ILocalSiloDetails>();
        var hosts = await grains.GetGrain<IManagementGrain>(0).GetDetailedHosts(onlyActive: false);
        var zonesOf = map.Holders.Where(h => !FamilySteps.Is(h.Key))
            .ToLookup(h => h.Value, h => h.Key, StringComparer.Ordinal);
        var nodes = new List<ClusterNode>();
        foreach (var host in hosts.OrderBy(h => h.SiloAddress.Endpoint.ToString(), StringComparer.Ordinal).ThenByDescending(h => h.SiloAddress.Generation))
        {
            var status = StatusOf(host.Status);
            var address = host.SiloAddress.Endpoint.ToString();
            if (status == ClusterNodeStatus.Dead && nodes.Any(n => n.Address == address))
            {
                continue;
            }

            var zones = status == ClusterNodeStatus.Dead ? [] : zonesOf[host.SiloAddress.ToParsableString()].Order(StringComparer.Ordinal).ToList();
            nodes.Add(new ClusterNode(address, host.SiloName ?? "", status, zones));
        }

        return new ClusterState(self.SiloAddress.Endpoint.ToString(), nodes);
    }

    /// <summary>Orleans' silo statuses in the API's three words: on its way in, serving, or gone (or going).</summary>
    public static ClusterNodeStatus StatusOf(SiloStatus status) => status switch
    {
        SiloStatus.Active => ClusterNodeStatus.Active,
        SiloStatus.Created or SiloStatus.Joining => ClusterNodeStatus.Joining,
        _ => ClusterNodeStatus.Dead,
    };
}
