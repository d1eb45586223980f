using Surgewatch.Core.Series;
using Surgewatch.Storage.Specification.Builders;

namespace Surgewatch.Storage.Sqlite.Tests;

// The store remembers the keys of committed sensors; a sensor added by a batch that is rolled back must not be
// remembered, and keys added by another store on the same file must be found.
public sealed partial class SqliteStoreTests
{
    [Fact]
    public async Task UpsertObservationsAsync_NewSensorOfAFailedBatch_IsStoredByALaterBatch()
    {
        var store = _stores.Open();
        var batch = Rows.Batch(("fresh", 0, 1), ("fresh", 1, 2));
        var failing = new RecordingProgress(_ => throw new InvalidOperationException("fail after the sensor was added"));
        await FluentActions.Awaiting(() => store.UpsertObservationsAsync(batch, failing)).Should().ThrowAsync<InvalidOperationException>();
        (await store.ListSensorsAsync()).Should().BeEmpty();

        var result = await store.UpsertObservationsAsync(batch);

        result.Written.Should().Be(2);
        (await store.ListSensorsAsync()).Select(s => s.Id.Value).Should().Equal("fresh");
        Rows.ToList(await store.ReadObservationsAsync(new ObservationQuery())).Should().Equal(Rows.Expected(batch));
    }

    [Fact]
    public async Task UpsertObservationsAsync_KnownSensorsAndOnesAddedByAnotherStore_StoredUnderTheirOwnIds()
    {
        var first = _stores.Open();
        var second = _stores.Open();
        var a = Rows.Grid(3, 10, (s, h) => (s * 100) + h);
        var b = Rows.Grid(4, 10, (s, h) => -((s * 100) + h), firstHour: 10);
        var c = Rows.Grid(4, 10, (s, h) => (s * 1000) + h, firstHour: 20);

        await first.UpsertObservationsAsync(a);
        await second.UpsertObservationsAsync(b);
        await first.UpsertObservationsAsync(c);

        Rows.ToList(await _stores.Open().ReadObservationsAsync(new ObservationQuery())).Should().Equal(Rows.Expected(a, b, c));
        (await first.ListSensorsAsync()).Should().HaveCount(4);
    }

    [Fact]
    public async Task UpsertObservationsAsync_ConcurrentBatchesWithNewSensorsOneCancelled_OnlyItsSensorIsMissing()
    {
        var store = _stores.Open();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        var batches = Enumerable.Range(0, 16).Select(i => Rows.Batch(($"n{i:D2}", 0, i), ("shared", i, i))).ToArray();

        var writes = batches.Select((b, i) => Task.Run(() => store.UpsertObservationsAsync(b, cancellationToken: i == 5 ? cancelled.Token : default))).ToArray();
        await FluentActions.Awaiting(() => Task.WhenAll(writes)).Should().ThrowAsync<OperationCanceledException>();
        var again = await store.UpsertObservationsAsync(Rows.Batch(("n05", 1, 5), ("n06", 1, 6)));

        again.Written.Should().Be(2);
        var ids = (await store.ListSensorsAsync()).Select(s => s.Id.Value).ToList();
        ids.Should().HaveCount(17).And.Contain(["n05", "n06", "shared"]);
        (await store.CountObservationsAsync()).Should().Be((15 * 2) + 2);
    }
}
