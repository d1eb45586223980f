using Surgewatch.Core.Cluster;

namespace Surgewatch.Server.Cluster;

/// <summary>A server without a cluster: the one node holds every zone's live step and every family's.</summary>
internal sealed class EveryZone : IZoneOwnership
{
    public bool HoldsEverything => true;

    public bool Holds(string subject) => true;

    public IReadOnlyList<string> List() => [];
}
