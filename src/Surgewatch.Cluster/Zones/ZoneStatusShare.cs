using Surgewatch.Core.Cluster;

namespace Surgewatch.Cluster.Zones;

/// <summary>
/// The cluster's <see cref="IZoneStatusShare"/>: this node's shared statuses stay here, where the zone grains living on
/// this silo read them for the sweeps of the other nodes (<see cref="ZoneHolding"/>); the statuses this node's own sweep
/// brings back from the other silos' grains become <see cref="Others"/>.
/// </summary>
internal sealed class ZoneStatusShare : IZoneStatusShare
{
    private volatile IReadOnlyDictionary<string, string> _mine = new Dictionary<string, string>();
    private volatile IReadOnlyDictionary<string, string> _others = new Dictionary<string, string>();

    public IReadOnlyDictionary<string, string> Others => _others;

    public void Share(IReadOnlyDictionary<string, string> statuses) => _mine = statuses;

    /// <summary>The status this node shared last for <paramref name="zone"/>, or null.</summary>
    public string? Mine(string zone) => _mine.TryGetValue(zone, out var status) ? status : null;

    /// <summary>Takes the statuses a sweep brought back from the other silos.</summary>
    public void Receive(IReadOnlyDictionary<string, string> others) => _others = others;
}
