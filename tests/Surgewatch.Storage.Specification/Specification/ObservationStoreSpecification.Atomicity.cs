using Surgewatch.Core.Series;
using Surgewatch.Storage.Specification.Builders;
using Surgewatch.Storage.Specification.Requirements;

namespace Surgewatch.Storage.Specification;

// A batch is written all or nothing. An adapter must report progress at least once before it commits, so that
// a failure or a cancellation raised from the progress callback lands while the batch is still undone.
public abstract partial class ObservationStoreSpecification
{
    [StoreFact]
    public async Task UpsertObservationsAsync_CancelledDuringTheBatch_StoresNothingOfIt()
    {
        var (before, sensorsBefore) = await SeedAsync();
        using var cancellation = new CancellationTokenSource();
        var progress = new RecordingProgress(_ => cancellation.Cancel());

        var act = () => Store.UpsertObservationsAsync(ChangingBatch(), progress, cancellation.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
        progress.Reports.Should().NotBeEmpty();
        await ShouldBeUnchangedAsync(before, sensorsBefore);
    }

    [StoreFact]
    public async Task UpsertObservationsAsync_FailureDuringTheBatch_StoresNothingOfItAndRethrows()
    {
        var (before, sensorsBefore) = await SeedAsync();
        var progress = new RecordingProgress(_ => throw new InvalidOperationException("disk on fire"));

        var act = () => Store.UpsertObservationsAsync(ChangingBatch(), progress);

        await act.Should().ThrowAsync<InvalidOperationException>().WithMessage("disk on fire");
        await ShouldBeUnchangedAsync(before, sensorsBefore);
    }

    [StoreFact]
    public async Task UpsertObservationsAsync_AlreadyCancelled_StoresNothing()
    {
        var (before, sensorsBefore) = await SeedAsync();

        var act = () => Store.UpsertObservationsAsync(ChangingBatch(), cancellationToken: new CancellationToken(canceled: true));

        await act.Should().ThrowAsync<OperationCanceledException>();
        await ShouldBeUnchangedAsync(before, sensorsBefore);
    }

    [StoreFact]
    public async Task UpsertObservationsAsync_AfterAFailedBatch_StillAcceptsTheSameBatch()
    {
        await SeedAsync();
        var failing = new RecordingProgress(_ => throw new InvalidOperationException("once"));
        await FluentActions.Awaiting(() => Store.UpsertObservationsAsync(ChangingBatch(), failing)).Should().ThrowAsync<InvalidOperationException>();

        var result = await Store.UpsertObservationsAsync(ChangingBatch());

        result.Written.Should().BeGreaterThan(0);
        (await Store.ListSensorsAsync()).Select(s => s.Id.Value).Should().Contain("zz-new");
    }

    private async Task<(List<Observation> Rows, List<Sensor> Sensors)> SeedAsync()
    {
        await Store.UpsertObservationsAsync(Rows.Grid(3, 100, (s, h) => h));
        return (Rows.ToList(await Store.ReadObservationsAsync(new ObservationQuery())), (await Store.ListSensorsAsync()).ToList());
    }

    /// <summary>Changes every seeded value, adds rows for known sensors and a sensor the store does not know yet.</summary>
    private static ObservationBatch ChangingBatch()
    {
        var batch = Rows.Grid(3, 150, (s, h) => -1 - h);
        var newcomer = batch.InternSensor(new SensorId("zz-new"));
        batch.Add(newcomer, Rows.Hour(0), 42);
        return batch;
    }

    private async Task ShouldBeUnchangedAsync(List<Observation> rows, List<Sensor> sensors)
    {
        Rows.ToList(await Store.ReadObservationsAsync(new ObservationQuery())).Should().Equal(rows);
        (await Store.ListSensorsAsync()).Should().Equal(sensors);
        (await Store.CountObservationsAsync()).Should().Be(rows.Count);
    }
}
