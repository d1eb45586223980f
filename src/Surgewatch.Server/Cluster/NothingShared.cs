using Surgewatch.Core.Cluster;

namespace Surgewatch.Server.Cluster;

/// <summary>
/// A server without a cluster: it steps every zone and runs the models itself, so there is no other node's status or
/// outlook to read, and no node to relay readings to.
/// </summary>
internal sealed class NothingShared : IZoneStatusShare, IModelsOutlookShare, IReadingsRelay
{
    private static readonly IReadOnlyDictionary<string, string> None = new Dictionary<string, string>();

    public Task<IReadOnlyDictionary<string, string>> OthersAsync(CancellationToken cancellationToken) => Task.FromResult(None);

    public string? Shared(string family) => null;

    private volatile bool _listening;

    /// <summary>Whether this node, the only one, has live dashboards connected.</summary>
    public bool AnyoneListening => _listening;

    public void SetListening(bool here) => _listening = here;

    public void Share(IReadOnlyDictionary<string, string> statuses)
    {
    }

    public void Share(string family, string outlook)
    {
    }

    public TimeSpan? ReadBackEvery => null;

    public void Send(Core.Series.ObservationBatch batch)
    {
    }
}
