using Npgsql;
using Surgewatch.Core.Series;
using Surgewatch.Core.Storage;
using Surgewatch.Storage.Postgres.Observations;
using Surgewatch.Storage.Postgres.Sensors;
using Surgewatch.Storage.Postgres.Tests.Server;
using Surgewatch.Storage.Specification.Builders;
using Surgewatch.Storage.Specification.Requirements;
using Surgewatch.Tests.Postgres;

namespace Surgewatch.Storage.Postgres.Tests.Observations;

/// <summary>The two ways a batch reaches <c>readings</c>: the direct COPY and the staging + merge fallback.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ReadingCopyTests(PostgresServer server) : IDisposable
{
    private readonly PostgresDatabases _databases = new(server);

    [StoreFact]
    public async Task WriteAsync_FreshBatch_CopiesStraightIntoReadings()
    {
        var store = _databases.Open();
        var batch = Rows.Grid(3, 4, (s, h) => s + h);

        var (written, path) = await WriteInOneTransactionAsync(store, batch);

        path.Should().Be(ReadingWritePath.Direct);
        written.Should().Be(12);
        Rows.ToList(await store.ReadObservationsAsync(new ObservationQuery())).Should().Equal(Rows.Expected(batch));
    }

    [StoreFact]
    public async Task WriteAsync_BatchWithASlotTwice_CopiesTheLastValueOnce()
    {
        var store = _databases.Open();
        var batch = Rows.Batch(("a", 0, 1), ("a", 1, 2), ("a", 0, 3));

        var (written, path) = await WriteInOneTransactionAsync(store, batch);

        path.Should().Be(ReadingWritePath.Direct);
        written.Should().Be(2);
        Rows.ToList(await store.ReadObservationsAsync(new ObservationQuery())).Should().Equal(Rows.Expected(batch));
    }

    [StoreFact]
    public async Task WriteAsync_BatchOverlappingStoredRows_MergesAndCountsOnlyNewOrChangedRows()
    {
        var store = _databases.Open();
        var first = Rows.Grid(2, 4, (s, h) => h);
        await store.UpsertObservationsAsync(first);
        var second = Rows.Grid(2, 4, (s, h) => h == 3 ? 99 : h, firstHour: 2); // hour 2 unchanged, 3 changed, 4 and 5 new

        var (written, path) = await WriteInOneTransactionAsync(store, second);

        path.Should().Be(ReadingWritePath.Merge);
        written.Should().Be(2 + 2 + 2);
        Rows.ToList(await store.ReadObservationsAsync(new ObservationQuery())).Should().Equal(Rows.Expected(first, second));
    }

    [StoreFact]
    public async Task TryCopyDirectAsync_KeyAlreadyStored_RollsBackToTheSavepointAndTheMergeGivesTheSameResult()
    {
        var store = _databases.Open();
        var first = Rows.Batch(("s00", 0, 5));
        await store.UpsertObservationsAsync(first);
        var second = Rows.Grid(5, 3_000, (s, h) => s + h); // its first row in key order is the stored one; many COPY writes follow it

        await using var connection = await OpenAsync(store);
        await using var transaction = await connection.BeginTransactionAsync();
        using var order = await OrderAsync(connection, transaction, second);
        var copied = await ReadingCopy.TryCopyDirectAsync(connection, transaction, order.Rows, CancellationToken.None);
        var written = await ReadingCopy.MergeAsync(connection, transaction, order.Rows, CancellationToken.None);
        await transaction.CommitAsync();

        copied.Should().BeFalse();
        written.Should().Be(15_000);
        Rows.ToList(await store.ReadObservationsAsync(new ObservationQuery())).Should().Equal(Rows.Expected(first, second));
    }

    [StoreFact]
    public async Task UpsertObservationsAsync_AnotherWriterCommitsTheSameKeyDuringTheCopy_FallsBackToTheMergeAndLosesNothing()
    {
        var store = _databases.Open();
        await store.UpsertObservationsAsync(Rows.Batch(("a", 100, 0))); // the sensor exists; its readings are elsewhere
        await using var other = await OpenAsync(store);
        await using var otherTransaction = await other.BeginTransactionAsync();
        await new NpgsqlCommand(
            "INSERT INTO readings (sensor, label, value) SELECT key, @label, 42 FROM sensors WHERE id = 'a'", other, otherTransaction)
        { Parameters = { new("label", Rows.Hour(1).Seconds) } }.ExecuteNonQueryAsync();

        // The other writer's row is not visible yet, so the batch takes the direct COPY, which waits on its key.
        var upsert = store.UpsertObservationsAsync(Rows.Batch(("a", 0, 1), ("a", 1, 2), ("a", 2, 3)));
        await WaitUntilAnotherSessionWaitsOnALockAsync(other);
        await otherTransaction.CommitAsync();
        var result = await upsert;

        result.Written.Should().Be(3);
        Rows.ToList(await store.ReadObservationsAsync(new ObservationQuery())).Should().Equal(
            Rows.Expected(Rows.Batch(("a", 0, 1), ("a", 1, 2), ("a", 2, 3), ("a", 100, 0))));
    }

    public void Dispose() => _databases.Dispose();

    private static async Task<(long Written, ReadingWritePath Path)> WriteInOneTransactionAsync(PostgresStore store, ObservationBatch batch)
    {
        await using var connection = await OpenAsync(store);
        await using var transaction = await connection.BeginTransactionAsync();
        using var order = await OrderAsync(connection, transaction, batch);
        var outcome = await ReadingCopy.WriteAsync(connection, transaction, order.Rows, CancellationToken.None);
        await transaction.CommitAsync();
        return outcome;
    }

    private static async Task<OrderedRows> OrderAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, ObservationBatch batch)
    {
        var options = PostgresDatabases.TestOptions;
        var keyOf = await SensorTable.ResolveKeysAsync(connection, transaction, batch.Sensors, options, null, null, CancellationToken.None);
        var order = ReadingOrder.Create(batch.SensorIndexes, batch.TimeSeconds, keyOf);
        return new OrderedRows(order, new CopyRows(batch, order, keyOf, options, null));
    }

    private static async Task<NpgsqlConnection> OpenAsync(PostgresStore store)
    {
        var connection = new NpgsqlConnection(store.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    private static async Task WaitUntilAnotherSessionWaitsOnALockAsync(NpgsqlConnection other)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var probe = new NpgsqlConnection(other.ConnectionString);
        await probe.OpenAsync(timeout.Token);
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'", probe);
        while ((long)(await command.ExecuteScalarAsync(timeout.Token))! == 0)
        {
            await Task.Delay(20, timeout.Token);
        }
    }

    private sealed record OrderedRows(ReadingOrder Order, CopyRows Rows) : IDisposable
    {
        public void Dispose() => Order.Dispose();
    }
}
