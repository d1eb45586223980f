using Surgewatch.Core.Series;
using Surgewatch.Core.Zones;

namespace Surgewatch.Core.Tests.Zones;

public sealed class ZoneCatalogTest
{
    private static Zone Sample(string id) => Zone.Create(
        new ZoneId(id), $"Zone {id}", new ZonePolygon([[new(-37.811, 144.962), new(-37.811, 144.963), new(-37.810, 144.963)]]),
        sources: [new ZoneSource(new SensorId($"{id}-cam"), ZoneSourceRole.Occupancy)]);

    [Fact]
    public async Task ZonesAsync_RevisionUnchanged_ListsTheStoreOnceAndKeepsTheList()
    {
        var store = new CountingStore();
        await store.UpsertZonesAsync([Sample("b"), Sample("a")]);
        var catalog = new ZoneCatalog(store);

        var first = await catalog.ZonesAsync();
        var second = await catalog.ZonesAsync();
        var ids = await catalog.IdsAsync();

        store.Lists.Should().Be(1, "the revision did not change between the calls");
        second.Should().BeSameAs(first);
        ids.Should().Equal("a", "b");
    }

    [Fact]
    public async Task ZonesAsync_ZonesChangedByAnotherWriter_ListsAgainAtTheNextCall()
    {
        var store = new CountingStore();
        await store.UpsertZonesAsync([Sample("a")]);
        var catalog = new ZoneCatalog(store);
        await catalog.ZonesAsync();

        await store.UpsertZonesAsync([Sample("c")]);
        var afterAdd = await catalog.IdsAsync();
        await store.DeleteZoneAsync(new ZoneId("a"));
        var afterDelete = await catalog.IdsAsync();

        afterAdd.Should().Equal("a", "c");
        afterDelete.Should().Equal("c");
        store.Lists.Should().Be(3);
    }

    /// <summary>An in-memory zone store that counts its listings; its revision grows with every write.</summary>
    private sealed class CountingStore : IZoneStore
    {
        private readonly SortedDictionary<string, Zone> _zones = new(StringComparer.Ordinal);
        private long _revision;

        public int Lists { get; private set; }

        public Task UpsertZonesAsync(IReadOnlyList<Zone> zones, CancellationToken cancellationToken = default)
        {
            foreach (var zone in zones)
            {
                _zones[zone.Id.Value] = zone;
            }

            _revision++;
            return Task.CompletedTask;
        }

        public Task<IReadOnlyList<Zone>> ListZonesAsync(CancellationToken cancellationToken = default)
        {
            Lists++;
            return Task.FromResult<IReadOnlyList<Zone>>([.. _zones.Values]);
        }

        public Task<Zone?> FindZoneAsync(ZoneId id, CancellationToken cancellationToken = default) =>
            Task.FromResult(_zones.GetValueOrDefault(id.Value));

        public Task<bool> DeleteZoneAsync(ZoneId id, CancellationToken cancellationToken = default)
        {
            _revision++;
            return Task.FromResult(_zones.Remove(id.Value));
        }

        public Task<long> ZonesRevisionAsync(CancellationToken cancellationToken = default) => Task.FromResult(_revision);
    }
}
