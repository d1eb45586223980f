using Surgewatch.Core.Series;
using Surgewatch.Storage.Specification.Builders;
using Surgewatch.Storage.Specification.Requirements;

namespace Surgewatch.Storage.Specification;

public abstract partial class ObservationStoreSpecification
{
    private static readonly Sensor Bridge = new(new SensorId("bridge"), "Princes Bridge", new GeoPoint(-37.818, 144.968), SensorKind.PedestrianCount, Sensor.Hourly);
    private static readonly Sensor Loop = new(new SensorId("loop-7"), "Loop 7", null, SensorKind.RoadSpeed, Sensor.FiveMinutes);

    [StoreFact]
    public async Task UpsertSensorsAsync_NewSensors_ListsThemOrderedById()
    {
        await Store.UpsertSensorsAsync([Loop, Bridge]);

        (await Store.ListSensorsAsync()).Should().Equal(Bridge, Loop);
    }

    [StoreFact]
    public async Task UpsertSensorsAsync_KnownSensor_UpdatesItsMetadata()
    {
        await Store.UpsertSensorsAsync([Bridge, Loop]);
        var moved = Bridge with { Name = "Princes Bridge (east)", Location = null, Kind = SensorKind.Occupancy, Step = TimeSpan.FromMinutes(15) };

        await Store.UpsertSensorsAsync([moved]);

        (await Store.ListSensorsAsync()).Should().Equal(moved, Loop);
    }

    [StoreFact]
    public async Task UpsertSensorsAsync_SameIdTwiceInOneCall_KeepsTheLastEntry()
    {
        var moved = Bridge with { Name = "Princes Bridge (east)", Location = new GeoPoint(-37.819, 144.969) };

        await Store.UpsertSensorsAsync([Bridge, Loop, moved]);

        (await Store.ListSensorsAsync()).Should().Equal(moved, Loop);
    }

    [StoreFact]
    public async Task UpsertSensorsAsync_EmptyList_ChangesNothing()
    {
        await Store.UpsertSensorsAsync([]);

        (await Store.ListSensorsAsync()).Should().BeEmpty();
    }

    [StoreFact]
    public async Task UpsertObservationsAsync_UnknownSensors_AddsThemNamedByTheirId()
    {
        await Store.UpsertObservationsAsync(Rows.Batch(("new-1", 0, 1), ("new-2", 0, 2)));

        var sensors = await Store.ListSensorsAsync();

        sensors.Select(s => (s.Id.Value, s.Name, s.Location)).Should().Equal(("new-1", "new-1", (GeoPoint?)null), ("new-2", "new-2", null));
    }

    [StoreFact]
    public async Task UpsertObservationsAsync_KnownSensor_KeepsItsMetadata()
    {
        await Store.UpsertSensorsAsync([Bridge]);

        await Store.UpsertObservationsAsync(Rows.Batch(("bridge", 0, 100), ("other", 0, 1)));

        (await Store.ListSensorsAsync()).Should().HaveCount(2).And.Contain(Bridge);
    }

    [StoreFact]
    public async Task ReadObservationsAsync_SensorWithoutReadings_IsNotInTheBatch()
    {
        await Store.UpsertSensorsAsync([Bridge, Loop]);
        await Store.UpsertObservationsAsync(Rows.Batch(("loop-7", 0, 55)));

        var read = await Store.ReadObservationsAsync(new ObservationQuery());

        read.Sensors.Should().Equal(Loop.Id);
    }
}
