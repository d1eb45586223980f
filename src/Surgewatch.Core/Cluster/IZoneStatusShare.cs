namespace Surgewatch.Core.Cluster;

/// <summary>
/// How the nodes of a cluster see each other's zone statuses, so that every node serves every zone's status while each
/// zone is stepped by one node. A node shares the statuses of the zones it steps; it reads the others' as they last
/// shared them. Statuses travel as the text the API writes, which the host makes and reads. On a single node nothing
/// is shared and the others' are empty.
/// </summary>
public interface IZoneStatusShare
{
    /// <summary>Hands the statuses of the zones this node steps (zone id → status text) to the cluster, replacing the last.</summary>
    void Share(IReadOnlyDictionary<string, string> statuses);

    /// <summary>
    /// The statuses other nodes shared last, by zone id (the same dictionary until new ones arrive). A cluster carries
    /// them between nodes only while they are asked for (live dashboards hear each node directly), so the first ask
    /// after a quiet spell waits for the sweep that brings them (a few seconds at most).
    /// </summary>
    Task<IReadOnlyDictionary<string, string>> OthersAsync(CancellationToken cancellationToken);

    /// <summary>Tells the cluster whether this node has live dashboards connected now.</summary>
    void SetListening(bool here);

    /// <summary>
    /// Whether live dashboards are connected to any node of the cluster (this one now, the others as of this node's
    /// last sweep): a node sends its zones' statuses to them each second, and to nobody else.
    /// </summary>
    bool AnyoneListening { get; }
}
