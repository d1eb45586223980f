using Surgewatch.Core.Cluster;

namespace Surgewatch.Cluster.Zones;

/// <summary>
/// The cluster's <see cref="IZoneStatusShare"/> and <see cref="IModelsOutlookShare"/>: what this node shares stays
/// here, where the grains living on this silo read it for the sweeps of the other nodes (<see cref="ZoneHolding"/>:
/// a zone's grain answers with the zone's status, the models' grain with the models' outlook); what this node's own
/// sweep brings back becomes <see cref="Others"/> (the zones' statuses) and <see cref="Shared"/> (the models' outlook).
/// </summary>
internal sealed class ZoneStatusShare : IZoneStatusShare, IModelsOutlookShare
{
    private volatile IReadOnlyDictionary<string, string> _mine = new Dictionary<string, string>();
    private volatile IReadOnlyDictionary<string, string> _others = new Dictionary<string, string>();
    private volatile string? _outlook;
    private volatile string? _shared;

    public IReadOnlyDictionary<string, string> Others => _others;

    public string? Shared => _shared;

    /// <summary>What this node shared last: the statuses of the zones it steps (a new instance at each share).</summary>
    public IReadOnlyDictionary<string, string> OwnStatuses => _mine;

    /// <summary>The models' outlook this node shared last, or null.</summary>
    public string? OwnOutlook => _outlook;

    public void Share(IReadOnlyDictionary<string, string> statuses) => _mine = statuses;

    public void Share(string outlook) => _outlook = outlook;

    /// <summary>What this node shared last for <paramref name="subject"/> (a zone's status, or the models' outlook), or null.</summary>
    public string? Mine(string subject) =>
        subject == IZoneOwnership.ModelsSubject ? _outlook : _mine.TryGetValue(subject, out var status) ? status : null;

    /// <summary>Takes what a sweep brought back from the grains: the zones' statuses, and the models' outlook under its subject.</summary>
    public void Receive(IReadOnlyDictionary<string, string> shared)
    {
        if (shared.TryGetValue(IZoneOwnership.ModelsSubject, out var outlook))
        {
            _shared = outlook;
            shared = shared.Where(s => s.Key != IZoneOwnership.ModelsSubject).ToDictionary(StringComparer.Ordinal);
        }

        _others = shared;
    }
}
