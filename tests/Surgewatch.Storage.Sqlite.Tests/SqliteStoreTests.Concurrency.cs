using Surgewatch.Core.Series;
using Surgewatch.Storage.Specification.Builders;

namespace Surgewatch.Storage.Sqlite.Tests;

public sealed partial class SqliteStoreTests
{
    [Fact]
    public async Task UpsertObservationsAsync_ConcurrentWritersOnOneStore_AreAllApplied()
    {
        var store = _stores.Open();
        var batches = Enumerable.Range(0, 4).Select(i => Rows.Grid(3, 50, (s, h) => i + s + h, firstHour: i * 50)).ToArray();

        await Task.WhenAll(batches.Select(b => Task.Run(() => store.UpsertObservationsAsync(b))));

        (await store.CountObservationsAsync()).Should().Be(4 * 3 * 50);
    }

    [Fact]
    public async Task UpsertObservationsAsync_TwoStoresOnOneFile_WaitForEachOtherInsteadOfFailing()
    {
        var first = _stores.Open();
        var second = _stores.Open();
        var a = Rows.Grid(4, 500, (s, h) => h);
        var b = Rows.Grid(4, 500, (s, h) => h, firstHour: 500);

        await Task.WhenAll(Task.Run(() => first.UpsertObservationsAsync(a)), Task.Run(() => second.UpsertObservationsAsync(b)));

        (await first.CountObservationsAsync()).Should().Be(4000);
    }

    [Fact]
    public async Task ReadObservationsAsync_WhileAnotherStoreWrites_ReadsACommittedState()
    {
        var writer = _stores.Open();
        var reader = _stores.Open();
        await writer.UpsertObservationsAsync(Rows.Grid(2, 100, (s, h) => h));

        var write = Task.Run(() => writer.UpsertObservationsAsync(Rows.Grid(2, 2000, (s, h) => -h, firstHour: 100)));
        var read = await Task.Run(() => reader.ReadObservationsAsync(new ObservationQuery()));
        await write;

        read.Count.Should().BeOneOf(200, 4200);
    }

    [Fact]
    public async Task UpsertObservationsAsync_ManyConcurrentBatchesOneCancelled_OthersStoredCancelledNot()
    {
        var store = _stores.Open();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        var batches = Enumerable.Range(0, 32).Select(i => Rows.Grid(2, 20, (s, h) => i, firstHour: i * 20)).ToArray();

        var writes = batches.Select((b, i) => Task.Run(() => store.UpsertObservationsAsync(b, cancellationToken: i == 7 ? cancelled.Token : default))).ToArray();
        var outcome = await Task.WhenAll(writes.Select(async w =>
        {
            try
            {
                return (await w).Written;
            }
            catch (OperationCanceledException)
            {
                return -1;
            }
        }));

        outcome.Count(w => w == -1).Should().Be(1);
        outcome.Where(w => w >= 0).Should().AllBeEquivalentTo(40);
        (await store.CountObservationsAsync()).Should().Be(31 * 40);
        var hoursOfCancelled = await store.ReadObservationsAsync(new ObservationQuery(null, Rows.Hour(140), Rows.Hour(160)));
        hoursOfCancelled.Count.Should().Be(0);
    }
}
