using System.Collections.Concurrent;
using Surgewatch.Core.Cluster;

namespace Surgewatch.Cluster.Zones;

/// <summary>The zones (and models) whose grain is activated on this silo: the steps this node holds.</summary>
internal sealed class HeldZones : IZoneOwnership
{
    private readonly ConcurrentDictionary<string, byte> _held = new(StringComparer.Ordinal);

    public bool HoldsEverything => false;

    public bool Holds(string subject) => _held.ContainsKey(subject);

    /// <summary>The held subjects, ordered.</summary>
    public IReadOnlyList<string> List() => [.. _held.Keys.Order(StringComparer.Ordinal)];

    public void Add(string subject) => _held[subject] = 0;

    public void Remove(string subject) => _held.TryRemove(subject, out _);
}
