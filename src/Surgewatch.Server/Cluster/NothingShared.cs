using Surgewatch.Core.Cluster;

namespace Surgewatch.Server.Cluster;

/// <summary>A server without a cluster: it steps every zone, so there is no other node's status to read.</summary>
internal sealed class NothingShared : IZoneStatusShare
{
    private static readonly IReadOnlyDictionary<string, string> None = new Dictionary<string, string>();

    public IReadOnlyDictionary<string, string> Others => None;

    public void Share(IReadOnlyDictionary<string, string> statuses)
    {
    }
}
