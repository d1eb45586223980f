using System.Collections.Concurrent;
using Surgewatch.Core.Cluster;

namespace Surgewatch.Cluster.Zones;

/// <summary>The zones (and models) whose grain is activated on this silo: the steps this node holds.</summary>
internal sealed class HeldZones : IZoneOwnership
{
    private readonly ConcurrentDictionary<string, byte> _held = new(StringComparer.Ordinal);
    private long _changes;
    private volatile Listed? _listed;

    public bool HoldsEverything => false;

    public bool Holds(string subject) => _held.ContainsKey(subject);

    /// <summary>The held subjects, ordered: the same instance until a subject is added or removed.</summary>
    public IReadOnlyList<string> List()
    {
        var changes = Interlocked.Read(ref _changes);
        if (_listed is { } listed && listed.Changes == changes)
        {
            return listed.Subjects;
        }

        var fresh = new Listed(changes, [.. _held.Keys.Order(StringComparer.Ordinal)]);
        _listed = fresh;
        return fresh.Subjects;
    }

    public void Add(string subject)
    {
        _held[subject] = 0;
        Interlocked.Increment(ref _changes);
    }

    public void Remove(string subject)
    {
        _held.TryRemove(subject, out _);
        Interlocked.Increment(ref _changes);
    }

    private sealed record Listed(long Changes, IReadOnlyList<string> Subjects);
}
