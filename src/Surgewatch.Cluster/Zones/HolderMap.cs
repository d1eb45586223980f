namespace Surgewatch.Cluster.Zones;

/// <summary>Which silo holds each zone, as the last sweep found it (a node's view of the others, for <c>/cluster</c>).</summary>
internal sealed class HolderMap
{
    private volatile IReadOnlyDictionary<string, string> _holders = new Dictionary<string, string>();

    /// <summary>Subject to the parsable address of the silo holding it.</summary>
    public IReadOnlyDictionary<string, string> Holders => _holders;

    public void Publish(IReadOnlyDictionary<string, string> holders) => _holders = holders;
}
