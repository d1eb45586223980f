using Surgewatch.Core.Series;
using Surgewatch.Storage.Specification.Builders;
using Surgewatch.Storage.Specification.Requirements;

namespace Surgewatch.Storage.Specification;

public abstract partial class ObservationStoreSpecification
{
    [StoreFact]
    public async Task ReadObservationsAsync_EmptyStore_ReturnsAnEmptyBatch()
    {
        var read = await Store.ReadObservationsAsync(new ObservationQuery());

        read.Count.Should().Be(0);
        read.Sensors.Should().BeEmpty();
    }

    [StoreFact]
    public async Task ReadObservationsAsync_SensorFilter_ReturnsOnlyThoseSensors()
    {
        var batch = Rows.Grid(4, 6, (s, h) => (10 * s) + h);
        await Store.UpsertObservationsAsync(batch);
        var wanted = new[] { Rows.SensorName(3), Rows.SensorName(1), new SensorId("never-seen") };

        var read = await Store.ReadObservationsAsync(new ObservationQuery(wanted));

        read.Sensors.Should().Equal(Rows.SensorName(1), Rows.SensorName(3));
        Rows.ToList(read).Should().Equal(Rows.Expected(batch).Where(o => o.SensorId == Rows.SensorName(1) || o.SensorId == Rows.SensorName(3)));
    }

    [StoreFact]
    public async Task ReadObservationsAsync_EmptySensorFilter_ReturnsNothing()
    {
        await Store.UpsertObservationsAsync(Rows.Grid(2, 3, (s, h) => h));

        var read = await Store.ReadObservationsAsync(new ObservationQuery([]));

        read.Count.Should().Be(0);
    }

    [StoreFact]
    public async Task ReadObservationsAsync_LabelRange_IncludesFromAndExcludesTo()
    {
        var batch = Rows.Grid(2, 24, (s, h) => h);
        await Store.UpsertObservationsAsync(batch);

        var read = await Store.ReadObservationsAsync(new ObservationQuery(From: Rows.Hour(5), To: Rows.Hour(8)));

        Rows.ToList(read).Should().Equal(Rows.Expected(batch).Where(o => o.Time >= Rows.Hour(5) && o.Time < Rows.Hour(8)));
        read.Count.Should().Be(2 * 3);
    }

    [StoreFact]
    public async Task ReadObservationsAsync_OpenEndedRanges_ReadToTheEdges()
    {
        var batch = Rows.Grid(1, 10, (s, h) => h);
        await Store.UpsertObservationsAsync(batch);

        var from = await Store.ReadObservationsAsync(new ObservationQuery(From: Rows.Hour(7)));
        var to = await Store.ReadObservationsAsync(new ObservationQuery(To: Rows.Hour(2)));

        Rows.ToList(from).Select(o => o.Value).Should().Equal(7, 8, 9);
        Rows.ToList(to).Select(o => o.Value).Should().Equal(0, 1);
    }

    [StoreFact]
    public async Task ReadObservationsAsync_SensorAndRange_CombinesBothFilters()
    {
        await Store.UpsertObservationsAsync(Rows.Grid(3, 10, (s, h) => (100 * s) + h));

        var read = await Store.ReadObservationsAsync(new ObservationQuery([Rows.SensorName(2)], Rows.Hour(3), Rows.Hour(5)));

        Rows.ToList(read).Select(o => o.Value).Should().Equal(203, 204);
    }
}
