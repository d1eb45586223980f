using Surgewatch.Core.Forecasting.Features;
using Surgewatch.Core.Roads;
using Surgewatch.Core.Series;
using Surgewatch.Core.Storage;
using Surgewatch.Storage.Specification.Builders;
using Surgewatch.Storage.Specification.Requirements;

namespace Surgewatch.Storage.Specification;

/// <summary>
/// What every <see cref="IRoadGraphStore"/> adapter must do; derive and supply <see cref="CreateStore"/>, a store that is
/// also the <see cref="IObservationStore"/> that knows the sensors.
/// </summary>
public abstract class RoadGraphStoreSpecification
{
    private object? _store;

    /// <summary>Creates a new, empty store implementing <see cref="IRoadGraphStore"/> and <see cref="IObservationStore"/>.</summary>
    protected abstract object CreateStore();

    private IRoadGraphStore Graph => (IRoadGraphStore)(_store ??= CreateStore());

    private IObservationStore Sensors => (IObservationStore)(_store ??= CreateStore());

    [StoreFact]
    public async Task ListEdgesAsync_NewStore_IsEmpty()
    {
        (await Graph.ListEdgesAsync()).Should().BeEmpty();
    }

    [StoreFact]
    public async Task ListEdgesAsync_UpsertedEdges_ComeBackOrderedByFromThenToInOrdinalOrder()
    {
        await KnowAsync("a", "b", "A");
        await Graph.UpsertEdgesAsync([Edge("b", "a", 0.25), Edge("a", "b", 0.5), Edge("a", "A", 1), Edge("A", "A", 1)]);

        var edges = await Graph.ListEdgesAsync();

        edges.Should().Equal(Edge("A", "A", 1), Edge("a", "A", 1), Edge("a", "b", 0.5), Edge("b", "a", 0.25));
    }

    [StoreFact]
    public async Task UpsertEdgesAsync_SamePairAgain_ChangesItsWeightAndKeepsTheOthers()
    {
        await KnowAsync("a", "b", "c");
        await Graph.UpsertEdgesAsync([Edge("a", "b", 0.5), Edge("b", "c", 0.5)]);

        await Graph.UpsertEdgesAsync([Edge("a", "b", 0.9)]);

        (await Graph.ListEdgesAsync()).Should().Equal(Edge("a", "b", 0.9), Edge("b", "c", 0.5));
    }

    [StoreFact]
    public async Task UpsertEdgesAsync_PairTwiceInOneBatch_KeepsTheLastWeight()
    {
        await KnowAsync("a", "b");

        await Graph.UpsertEdgesAsync([Edge("a", "b", 0.5), Edge("a", "b", 0.7)]);

        (await Graph.ListEdgesAsync()).Should().Equal(Edge("a", "b", 0.7));
    }

    [StoreFact]
    public async Task UpsertEdgesAsync_SensorsKnownOnlyFromTheirReadings_AreAccepted()
    {
        await Sensors.UpsertObservationsAsync(Rows.Batch(("s1", 0, 5), ("s2", 0, 6)));

        await Graph.UpsertEdgesAsync([Edge("s1", "s2", 0.5)]);

        (await Graph.ListEdgesAsync()).Should().Equal(Edge("s1", "s2", 0.5));
    }

    [StoreFact]
    public async Task ReplaceEdgesAsync_NewGraph_DropsTheEdgesNotInIt()
    {
        await KnowAsync("a", "b", "c");
        await Graph.UpsertEdgesAsync([Edge("a", "b", 0.5), Edge("b", "c", 0.5)]);

        await Graph.ReplaceEdgesAsync([Edge("c", "a", 0.3), Edge("a", "b", 0.8)]);

        (await Graph.ListEdgesAsync()).Should().Equal(Edge("a", "b", 0.8), Edge("c", "a", 0.3));
    }

    [StoreFact]
    public async Task ReplaceEdgesAsync_Empty_ClearsTheGraph()
    {
        await KnowAsync("a", "b");
        await Graph.UpsertEdgesAsync([Edge("a", "b", 0.5)]);

        await Graph.ReplaceEdgesAsync([]);

        (await Graph.ListEdgesAsync()).Should().BeEmpty();
    }

    [StoreFact]
    public async Task UpsertEdgesAsync_UnknownSensor_ThrowsNamingItAndStoresNoneOfTheBatch()
    {
        await KnowAsync("a", "b");

        var act = () => Graph.UpsertEdgesAsync([Edge("a", "b", 0.5), Edge("b", "ghost", 0.5)]);

        (await act.Should().ThrowAsync<UnknownSensorException>()).Which.Sensor.Should().Be(new SensorId("ghost"));
        (await Graph.ListEdgesAsync()).Should().BeEmpty();
        (await Sensors.ListSensorsAsync()).Select(s => s.Id.Value).Should().Equal("a", "b");
    }

    [StoreFact]
    public async Task ReplaceEdgesAsync_UnknownSensor_KeepsTheStoredGraph()
    {
        await KnowAsync("a", "b");
        await Graph.UpsertEdgesAsync([Edge("a", "b", 0.5)]);

        var act = () => Graph.ReplaceEdgesAsync([Edge("ghost", "a", 0.5)]);

        (await act.Should().ThrowAsync<UnknownSensorException>()).WithMessage("*'ghost'*");
        (await Graph.ListEdgesAsync()).Should().Equal(Edge("a", "b", 0.5));
    }

    [StoreFact]
    public async Task UpsertEdgesAsync_WeightNotAboveZero_ThrowsAndStoresNothing()
    {
        await KnowAsync("a", "b");

        var act = () => Graph.UpsertEdgesAsync([Edge("a", "b", 0.5), Edge("b", "a", 0)]);

        await act.Should().ThrowAsync<ArgumentException>();
        (await Graph.ListEdgesAsync()).Should().BeEmpty();
    }

    private static SensorEdge Edge(string from, string to, double weight) => new(new SensorId(from), new SensorId(to), weight);

    private Task KnowAsync(params string[] ids) =>
        Sensors.UpsertSensorsAsync([.. ids.Select(id => new Sensor(new SensorId(id), id, new GeoPoint(34.1, -118.3), SensorKind.RoadSpeed, Sensor.FiveMinutes))]);
}
