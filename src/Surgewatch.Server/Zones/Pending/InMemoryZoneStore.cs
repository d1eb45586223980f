// TEMPORARY: keeps zones in memory until SqliteStore implements IZoneStore (CONTRACTS.md); then register the store instead.
using System.Collections.Concurrent;
using Surgewatch.Core.Zones;

namespace Surgewatch.Server.Zones.Pending;

/// <summary>Zones in memory, ordered by id when listed.</summary>
internal sealed class InMemoryZoneStore : IZoneStore
{
    private readonly ConcurrentDictionary<string, Zone> _zones = new(StringComparer.Ordinal);

    public Task UpsertZonesAsync(IReadOnlyList<Zone> zones, CancellationToken cancellationToken)
    {
        foreach (var zone in zones)
        {
            _zones[zone.Id.Value] = zone;
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<Zone>> ListZonesAsync(CancellationToken cancellationToken)
    {
        var list = new List<Zone>(_zones.Values);
        list.Sort((a, b) => string.CompareOrdinal(a.Id.Value, b.Id.Value));
        return Task.FromResult<IReadOnlyList<Zone>>(list);
    }

    public Task<Zone?> FindZoneAsync(ZoneId id, CancellationToken cancellationToken) =>
        Task.FromResult(_zones.TryGetValue(id.Value, out var zone) ? zone : null);

    public Task<bool> DeleteZoneAsync(ZoneId id, CancellationToken cancellationToken) => Task.FromResult(_zones.TryRemove(id.Value, out _));
}
