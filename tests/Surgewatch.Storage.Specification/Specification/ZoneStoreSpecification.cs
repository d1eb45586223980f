using Surgewatch.Core.Series;
using Surgewatch.Core.Zones;
using Surgewatch.Storage.Specification.Requirements;

namespace Surgewatch.Storage.Specification;

/// <summary>What every <see cref="IZoneStore"/> adapter must do; derive and supply <see cref="CreateStore"/>.</summary>
public abstract class ZoneStoreSpecification
{
    private IZoneStore? _store;

    protected IZoneStore Store => _store ??= CreateStore();

    /// <summary>Creates a new, empty store.</summary>
    protected abstract IZoneStore CreateStore();

    internal static Zone SampleZone(string id, double? width = 8, int? capacity = 5000) => Zone.Create(
        new ZoneId(id),
        $"Zone {id}",
        new ZonePolygon([
            [new(-37.811, 144.962), new(-37.811, 144.963), new(-37.810, 144.963), new(-37.810, 144.962)],
            [new(-37.8106, 144.9624), new(-37.8106, 144.9626), new(-37.8104, 144.9626), new(-37.8104, 144.9624)],
        ]),
        widthMetres: width,
        capacity: capacity,
        levels: ZoneLevels.Default with { DensityAlarm = 3.5 },
        sources: [new ZoneSource(new SensorId($"{id}-in"), ZoneSourceRole.LineIn), new ZoneSource(new SensorId("cell-1"), ZoneSourceRole.CellDevices, 1.3)]);

    [StoreFact]
    public async Task ListZonesAsync_NewStore_IsEmpty()
    {
        (await Store.ListZonesAsync()).Should().BeEmpty();
    }

    [StoreFact]
    public async Task ZonesRevisionAsync_ZonesAddedReplacedOrDeleted_ChangesEachTimeAndNotOnReads()
    {
        var empty = await Store.ZonesRevisionAsync();
        await Store.ListZonesAsync();
        await Store.FindZoneAsync(new ZoneId("a"));
        (await Store.ZonesRevisionAsync()).Should().Be(empty, "reading the zones changes nothing");

        await Store.UpsertZonesAsync([SampleZone("a"), SampleZone("b")]);
        var added = await Store.ZonesRevisionAsync();
        await Store.UpsertZonesAsync([SampleZone("a") with { Name = "Renamed" }]);
        var replaced = await Store.ZonesRevisionAsync();
        (await Store.DeleteZoneAsync(new ZoneId("b"))).Should().BeTrue();
        var deleted = await Store.ZonesRevisionAsync();

        new[] { empty, added, replaced, deleted }.Should().OnlyHaveUniqueItems("each change to the zones gives a new revision");
        (await Store.ZonesRevisionAsync()).Should().Be(deleted);
    }

    [StoreFact]
    public async Task ZonesRevisionAsync_InvalidBatchRefused_Unchanged()
    {
        await Store.UpsertZonesAsync([SampleZone("a")]);
        var before = await Store.ZonesRevisionAsync();

        var act = () => Store.UpsertZonesAsync([SampleZone("good"), SampleZone("bad") with { AreaSquareMetres = -5 }]);

        await act.Should().ThrowAsync<ArgumentException>();
        (await Store.ZonesRevisionAsync()).Should().Be(before, "nothing of the refused batch was stored");
    }

    [StoreFact]
    public async Task FindZoneAsync_UpsertedZone_ComesBackWhole()
    {
        var zone = SampleZone("forecourt");
        await Store.UpsertZonesAsync([zone]);

        var found = await Store.FindZoneAsync(zone.Id);

        found.Should().BeEquivalentTo(zone);
    }

    [StoreFact]
    public async Task ListZonesAsync_SeveralZones_AreOrderedById()
    {
        await Store.UpsertZonesAsync([SampleZone("c"), SampleZone("a", width: null, capacity: null), SampleZone("b")]);

        var zones = await Store.ListZonesAsync();

        zones.Select(z => z.Id.Value).Should().Equal("a", "b", "c");
        zones[0].WidthMetres.Should().BeNull();
        zones[0].Capacity.Should().BeNull();
    }

    [StoreFact]
    public async Task UpsertZonesAsync_SameIdAgain_ReplacesTheZone()
    {
        await Store.UpsertZonesAsync([SampleZone("a")]);
        var renamed = SampleZone("a") with { Name = "Renamed", Sources = [] };

        await Store.UpsertZonesAsync([renamed]);

        (await Store.ListZonesAsync()).Should().ContainSingle().Which.Should().BeEquivalentTo(renamed);
    }

    [StoreFact]
    public async Task UpsertZonesAsync_OneInvalidZone_StoresNoneOfTheBatch()
    {
        var invalid = SampleZone("bad") with { AreaSquareMetres = -5 };

        var act = () => Store.UpsertZonesAsync([SampleZone("good"), invalid]);

        await act.Should().ThrowAsync<ArgumentException>();
        (await Store.ListZonesAsync()).Should().BeEmpty();
    }

    [StoreFact]
    public async Task DeleteZoneAsync_KnownAndUnknown_ReportsWhetherItDeleted()
    {
        await Store.UpsertZonesAsync([SampleZone("a"), SampleZone("b")]);

        (await Store.DeleteZoneAsync(new ZoneId("a"))).Should().BeTrue();
        (await Store.DeleteZoneAsync(new ZoneId("a"))).Should().BeFalse();
        (await Store.FindZoneAsync(new ZoneId("a"))).Should().BeNull();
        (await Store.ListZonesAsync()).Select(z => z.Id.Value).Should().Equal("b");
    }
}
