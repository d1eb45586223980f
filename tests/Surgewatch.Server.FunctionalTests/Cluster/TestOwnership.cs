using System.Collections.Concurrent;
using Surgewatch.Core.Cluster;

namespace Surgewatch.Server.FunctionalTests.Cluster;

/// <summary>A node's held subjects as a test sets them: it adds and removes them in <see cref="Held"/> as a cluster's sweeps would.</summary>
internal sealed class TestOwnership(ConcurrentDictionary<string, byte> held) : IZoneOwnership
{
    public TestOwnership(IEnumerable<string> zones)
        : this(new ConcurrentDictionary<string, byte>(zones.Select(z => KeyValuePair.Create(z, (byte)0))))
    {
    }

    public ConcurrentDictionary<string, byte> Held { get; } = held;

    public bool HoldsEverything => false;

    public bool Holds(string subject) => Held.ContainsKey(subject);

    private readonly object _sync = new();
    private IReadOnlyList<string> _listed = [];

    // The same instance until Held changes, as a cluster node's held list is (callers keep what they built from it).
    public IReadOnlyList<string> List()
    {
        lock (_sync)
        {
            List<string> now = [.. Held.Keys.Order(StringComparer.Ordinal)];
            if (!now.SequenceEqual(_listed, StringComparer.Ordinal))
            {
                _listed = now;
            }

            return _listed;
        }
    }
}
