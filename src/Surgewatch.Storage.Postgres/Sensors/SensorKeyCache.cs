using System.Collections.Concurrent;
using Surgewatch.Core.Series;

namespace Surgewatch.Storage.Postgres.Sensors;

/// <summary>
/// The keys of sensors known to be committed, so that an ingest of known sensors needs no lookup. Sensors are never
/// deleted and a key never changes, so a committed key stays right; keys learned inside a transaction are remembered
/// only after it commits.
/// </summary>
internal sealed class SensorKeyCache
{
    private readonly ConcurrentDictionary<SensorId, long> _committed = new();

    public bool TryGet(SensorId id, out long key) => _committed.TryGetValue(id, out key);

    public void Remember(IEnumerable<KeyValuePair<SensorId, long>> committed)
    {
        foreach (var (id, key) in committed)
        {
            _committed.TryAdd(id, key);
        }
    }
}
