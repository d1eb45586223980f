using Surgewatch.Core.Cluster;
using Surgewatch.Core.Zones;
using Surgewatch.Server.Auth;

namespace Surgewatch.Server.Cluster;

/// <summary>One node of the cluster as <c>GET /api/v1/cluster</c> shows it.</summary>
/// <param name="Address">The node's address in the cluster (<c>HOST:PORT</c>).</param>
/// <param name="Url">Where the node serves the API and the dashboard.</param>
/// <param name="Status"><c>active</c>, <c>joining</c> or <c>dead</c>.</param>
/// <param name="Zones">The zones whose live step the node holds now.</param>
internal sealed record ClusterNodeDto(string Address, string Url, string Status, IReadOnlyList<string> Zones);

/// <summary>The cluster: the node that answers (<c>self</c>) and every node.</summary>
internal sealed record ClusterDto(string Self, IReadOnlyList<ClusterNodeDto> Nodes);

/// <summary>
/// <c>GET /api/v1/cluster</c>. A server started without a cluster is a cluster of one: the node that answers, active,
/// holding the live step of every zone (its address is the host and port it was asked on, as it has no cluster port).
/// A node of a cluster (<c>serve --cluster</c>) answers from its <see cref="IClusterView"/>: the membership, and who
/// holds which zone as its last sweep found.
/// </summary>
internal static class ClusterEndpoints
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/cluster", DescribeAsync).WithName("GetCluster")
            .WithSummary("The nodes of the cluster with their status (active, joining, dead) and the zones whose live step each holds now; 'self' is the node that answers. Without a cluster, the one node, holding every zone.")
            .Produces<ClusterDto>().OpenRead();

    private static async Task<IResult> DescribeAsync(HttpContext context, IZoneStore zones, CancellationToken cancellationToken)
    {
        if (context.RequestServices.GetService<IClusterView>() is { } view)
        {
            var state = await view.DescribeAsync(cancellationToken);
            return Results.Ok(new ClusterDto(state.Self, [.. state.Nodes.Select(n => new ClusterNodeDto(n.Address, n.Url, StatusName(n.Status), n.Zones))]));
        }

        var request = context.Request;
        var address = request.Host.HasValue ? request.Host.Value! : "localhost";
        var held = (await zones.ListZonesAsync(cancellationToken)).Select(z => z.Id.Value).Order(StringComparer.Ordinal).ToList();
        var node = new ClusterNodeDto(address, $"{request.Scheme}://{address}", "active", held);
        return Results.Ok(new ClusterDto(address, [node]));
    }

    private static string StatusName(ClusterNodeStatus status) => status switch
    {
        ClusterNodeStatus.Active => "active",
        ClusterNodeStatus.Joining => "joining",
        _ => "dead",
    };
}
