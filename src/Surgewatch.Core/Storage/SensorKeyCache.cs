using System.Collections.Concurrent;
using Surgewatch.Core.Series;

namespace Surgewatch.Core.Storage;

/// <summary>
/// The keys of sensors known to be committed, so that an ingest of known sensors resolves them without a query per
/// sensor. Sensors are never deleted and a sensor's key never changes, so a committed key stays right; keys learned
/// inside a transaction are only remembered (<see cref="Remember"/>) after it commits, so a rolled-back insert
/// is never cached.
/// </summary>
public sealed class SensorKeyCache
{
    private readonly ConcurrentDictionary<SensorId, long> _committed = new();

    /// <summary>The committed key of <paramref name="id"/>, when known.</summary>
    public bool TryGet(SensorId id, out long key) => _committed.TryGetValue(id, out key);

    /// <summary>Remembers keys whose rows are committed.</summary>
    public void Remember(IEnumerable<KeyValuePair<SensorId, long>> committed)
    {
        foreach (var (id, key) in committed)
        {
            _committed.TryAdd(id, key);
        }
    }
}
