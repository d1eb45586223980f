using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Surgewatch.Core.Series;
using Surgewatch.Storage.Specification.Builders;
using Surgewatch.Storage.Specification.Requirements;

namespace Surgewatch.Storage.Specification;

/// <summary>
/// What every <see cref="IObservationStore"/> adapter must do. An adapter's test class derives from this and
/// supplies <see cref="CreateStore"/>: a new, empty store each time it is called, cleaned up by the derived class.
/// </summary>
public abstract partial class ObservationStoreSpecification
{
    private IObservationStore? _store;

    /// <summary>The store under test, created on first use.</summary>
    protected IObservationStore Store => _store ??= CreateStore();

    /// <summary>Creates a new, empty store.</summary>
    protected abstract IObservationStore CreateStore();

    [StoreFact]
    public async Task UpsertObservationsAsync_NewRows_ReadsThemBackOrderedBySensorThenLabel()
    {
        var batch = Rows.Batch(("b", 1, 10), ("a", 2, 0), ("b", 0, 12.5), ("a", 0, -3), ("a", 1, 1e9));

        var result = await Store.UpsertObservationsAsync(batch);
        var read = await Store.ReadObservationsAsync(new ObservationQuery());

        result.Should().Be(new IngestResult(5, 5));
        Rows.ToList(read).Should().Equal(Rows.Expected(batch));
        read.Sensors.Select(s => s.Value).Should().Equal("a", "b");
    }

    [StoreFact]
    public async Task UpsertObservationsAsync_SameBatchTwice_SecondWritesNothingAndKeepsTheState()
    {
        var batch = Rows.Grid(3, 48, (s, h) => (s * 100) + h);
        await Store.UpsertObservationsAsync(batch);
        var before = Rows.ToList(await Store.ReadObservationsAsync(new ObservationQuery()));

        var again = await Store.UpsertObservationsAsync(batch);

        again.Should().Be(new IngestResult(batch.Count, 0));
        Rows.ToList(await Store.ReadObservationsAsync(new ObservationQuery())).Should().Equal(before);
        (await Store.CountObservationsAsync()).Should().Be(batch.Count);
    }

    [StoreFact]
    public async Task UpsertObservationsAsync_ChangedAndNewRows_ReplacesValuesAndCountsOnlyThoseWritten()
    {
        var first = Rows.Batch(("a", 0, 1), ("a", 1, 2), ("a", 2, 3), ("b", 0, 4));
        var second = Rows.Batch(("a", 0, 1), ("a", 1, 20), ("b", 0, 4), ("b", 1, 5), ("a", 3, 0));
        await Store.UpsertObservationsAsync(first);

        var result = await Store.UpsertObservationsAsync(second);

        result.Should().Be(new IngestResult(5, 3), "a@1 changed, b@1 and a@3 are new, the rest are unchanged");
        Rows.ToList(await Store.ReadObservationsAsync(new ObservationQuery())).Should().Equal(Rows.Expected(first, second));
        (await Store.CountObservationsAsync()).Should().Be(6);
    }

    [StoreFact]
    public async Task UpsertObservationsAsync_SlotTwiceInOneBatch_KeepsTheLaterValue()
    {
        var batch = Rows.Batch(("a", 0, 1), ("a", 1, 2), ("a", 0, 7), ("a", 0, 9));

        var result = await Store.UpsertObservationsAsync(batch);

        result.Received.Should().Be(4);
        Rows.ToList(await Store.ReadObservationsAsync(new ObservationQuery())).Should().Equal(
            new Observation(new SensorId("a"), Rows.Hour(0), 9), new Observation(new SensorId("a"), Rows.Hour(1), 2));
    }

    [StoreFact]
    public async Task UpsertObservationsAsync_EmptyBatch_WritesNothing()
    {
        var result = await Store.UpsertObservationsAsync(new ObservationBatch());

        result.Should().Be(new IngestResult(0, 0));
        (await Store.CountObservationsAsync()).Should().Be(0);
    }

    [StoreFact]
    public async Task UpsertObservationsAsync_WithProgress_ReportsIncreasingCountsEndingWithEveryRow()
    {
        var batch = Rows.Grid(4, 100, (s, h) => s + h);
        var progress = new RecordingProgress();

        await Store.UpsertObservationsAsync(batch, progress);

        progress.Reports.Should().NotBeEmpty().And.BeInAscendingOrder();
        progress.Reports[^1].Should().Be(batch.Count);
    }

    [StoreFact]
    public async Task CountObservationsAsync_SeveralIngests_CountsDistinctSlots()
    {
        await Store.UpsertObservationsAsync(Rows.Grid(2, 10, (s, h) => h));
        await Store.UpsertObservationsAsync(Rows.Grid(3, 10, (s, h) => h, firstHour: 5));

        (await Store.CountObservationsAsync()).Should().Be((2 * 15) + 10);
    }

    [StoreProperty(MaxTest = 40)]
    public async Task<bool> UpsertObservationsAsync_AnyBatch_StoresTheLastValuePerSlotAndIsIdempotent((byte Sensor, byte Hour, short Value)[] rows)
    {
        var batch = Rows.Batch(rows.Select(r => ($"p{r.Sensor % 5}", (int)(r.Hour % 30), (double)r.Value)).ToArray());

        var first = await Store.UpsertObservationsAsync(batch);
        var second = await Store.UpsertObservationsAsync(batch);
        var expected = Rows.Expected(batch);
        var stored = Rows.ToList(await Store.ReadObservationsAsync(new ObservationQuery(batch.Sensors.ToArray())))
            .Where(o => expected.Any(e => e.SensorId == o.SensorId && e.Time == o.Time));

        return stored.SequenceEqual(expected) && first.Written <= expected.Count && second.Written == 0;
    }
}
