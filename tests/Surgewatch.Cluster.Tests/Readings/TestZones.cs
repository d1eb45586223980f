using Surgewatch.Core.Series;
using Surgewatch.Core.Zones;

namespace Surgewatch.Cluster.Tests.Readings;

/// <summary>Small zones for the relay's tests, and a store that lists them.</summary>
internal static class TestZones
{
    /// <summary>Zone <paramref name="id"/> fed by the occupancy counters <paramref name="sensors"/>.</summary>
    public static Zone Of(string id, params string[] sensors) =>
        Zone.Create(new ZoneId(id), id, new ZonePolygon([[new(0, 0), new(0, 0.001), new(0.001, 0.001), new(0.001, 0), new(0, 0)]]), areaSquareMetres: 1000,
            sources: [.. sensors.Select(s => new ZoneSource(new SensorId(s), ZoneSourceRole.Occupancy))]);

    /// <summary>A store holding <paramref name="zones"/> and nothing else.</summary>
    public static ZoneCatalog Catalog(params Zone[] zones) => new(new Listed(zones));

    private sealed class Listed(IReadOnlyList<Zone> zones) : IZoneStore
    {
        public Task UpsertZonesAsync(IReadOnlyList<Zone> zones, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<IReadOnlyList<Zone>> ListZonesAsync(CancellationToken cancellationToken = default) => Task.FromResult(zones);

        public Task<Zone?> FindZoneAsync(ZoneId id, CancellationToken cancellationToken = default) => Task.FromResult(zones.FirstOrDefault(z => z.Id == id));

        public Task<bool> DeleteZoneAsync(ZoneId id, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<long> ZonesRevisionAsync(CancellationToken cancellationToken = default) => Task.FromResult(1L);
    }
}
