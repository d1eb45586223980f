namespace Surgewatch.Core.Cluster;

/// <summary>What a node of the cluster says of itself in the membership.</summary>
public enum ClusterNodeStatus
{
    /// <summary>Joining: not yet taking a share of the zones.</summary>
    Joining,

    /// <summary>Active: serving and holding zones.</summary>
    Active,

    /// <summary>Dead, or shutting down: its zones go to the others.</summary>
    Dead,
}

/// <summary>One node of the cluster.</summary>
/// <param name="Address">Its cluster address, <c>HOST:SILO_PORT</c>.</param>
/// <param name="Url">Where it serves the API and the dashboard; empty when it did not publish one.</param>
/// <param name="Status">Its membership status.</param>
/// <param name="Zones">The zones whose live step it holds now, ordered by id.</param>
public sealed record ClusterNode(string Address, string Url, ClusterNodeStatus Status, IReadOnlyList<string> Zones);

/// <summary>The cluster as one node sees it: that node's address and every node.</summary>
/// <param name="Self">The address of the node that answers.</param>
/// <param name="Nodes">Every node the membership lists, the answering one included.</param>
public sealed record ClusterState(string Self, IReadOnlyList<ClusterNode> Nodes);

/// <summary>The cluster's membership and who holds which zone, as this node last learned it.</summary>
public interface IClusterView
{
    /// <summary>The cluster now.</summary>
    Task<ClusterState> DescribeAsync(CancellationToken cancellationToken);
}
