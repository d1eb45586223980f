namespace Surgewatch.Cluster.Zones;

/// <summary>
/// Which silo holds each zone, and which silos' nodes want every reading, as the last sweep found them (a node's view of
/// the others, for <c>/cluster</c> and the readings relay).
/// </summary>
internal sealed class HolderMap
{
    private volatile Map _current = new(new Dictionary<string, string>(), []);

    /// <summary>The last sweep's map: the same instance while the sweeps find it unchanged (the relay's routes are built per instance).</summary>
    public Map Current => _current;

    /// <summary>Subject to the parsable address of the silo holding it.</summary>
    public IReadOnlyDictionary<string, string> Holders => _current.Holders;

    public void Publish(IReadOnlyDictionary<string, string> holders, IReadOnlyList<string> everyReading)
    {
        var current = _current;
        if (!Core.Cluster.SubjectMaps.Same(current.Holders, holders) || !current.EveryReading.SequenceEqual(everyReading, StringComparer.Ordinal))
        {
            _current = new Map(holders, everyReading);
        }
    }

    /// <param name="Holders">Subject to the parsable address of the silo holding it.</param>
    /// <param name="EveryReading">The parsable addresses of the silos whose node wants every reading (it runs the models).</param>
    public sealed record Map(IReadOnlyDictionary<string, string> Holders, IReadOnlyList<string> EveryReading);
}
