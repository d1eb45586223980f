using Npgsql;
using Surgewatch.Core.Storage;
using Surgewatch.Storage.Postgres.Tests.Server;
using Surgewatch.Storage.Specification.Builders;
using Surgewatch.Storage.Specification.Requirements;
using Surgewatch.Tests.Postgres;

namespace Surgewatch.Storage.Postgres.Tests;

[Collection(PostgresCollection.Name)]
public sealed class PostgresStoreTests(PostgresServer server) : IDisposable
{
    private readonly PostgresDatabases _databases = new(server);

    [StoreFact]
    public async Task OpenAsync_NewDatabase_MigratesToTheLatestVersion()
    {
        var database = server.CreateEmptyDatabase();
        try
        {
            await using var store = await PostgresStore.OpenAsync(server.Uri(database));

            (await store.SchemaVersionAsync()).Should().Be(PostgresStore.LatestSchemaVersion);
            store.DataSource.Should().Be($"postgresql://surgewatch@127.0.0.1:{server.Port}/{database}");
        }
        finally
        {
            server.DropDatabase(database);
        }
    }

    [StoreFact]
    public async Task OpenAsync_TwiceOnOneDatabase_SecondKeepsTheData()
    {
        var first = _databases.Open();
        await first.UpsertObservationsAsync(Rows.Grid(2, 3, (s, h) => h));
        var database = new NpgsqlConnectionStringBuilder(first.ConnectionString).Database!;

        await using var second = await PostgresStore.OpenAsync(server.Uri(database));

        (await second.CountObservationsAsync()).Should().Be(6);
    }

    [StoreFact]
    public async Task OpenAsync_SchemaNewerThanThisBuild_RefusesWithSchemaVersionException()
    {
        var store = _databases.Open();
        await Execute(store, "INSERT INTO schema_version VALUES (99, 'from the future', 0)");

        var act = () => PostgresStore.OpenAsync(store.ConnectionString);

        (await act.Should().ThrowAsync<SchemaVersionException>()).Which.FoundVersion.Should().Be(99);
    }

    [StoreFact]
    public async Task OpenAsync_DatabaseOfAnotherApplication_RefusesAndWritesNothing()
    {
        var database = server.CreateEmptyDatabase();
        try
        {
            await using (var connection = new NpgsqlConnection(server.ConnectionString(database)))
            {
                await connection.OpenAsync();
                await new NpgsqlCommand("CREATE TABLE invoices (id int)", connection).ExecuteNonQueryAsync();
            }

            var act = () => PostgresStore.OpenAsync(server.Uri(database));

            (await act.Should().ThrowAsync<SchemaVersionException>()).WithMessage("*not a Surgewatch store*");
        }
        finally
        {
            server.DropDatabase(database);
        }
    }

    [StoreFact]
    public async Task UpsertObservationsAsync_RowsFromOneBatch_AreLoggedOnceInTheIngestLog()
    {
        var store = _databases.Open();

        await store.UpsertObservationsAsync(Rows.Grid(3, 4, (s, h) => h));
        var log = await store.ReadIngestLogAsync();

        log.Should().ContainSingle().Which.Should().Match<IngestLogEntry>(e => e.Received == 12 && e.Written == 12 && e.Sensors == 3);
    }

    [StoreFact]
    public async Task UpsertObservationsAsync_ConcurrentBatchesOfNewSensors_AllLand()
    {
        var store = _databases.Open();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(i => store.UpsertObservationsAsync(Rows.Grid(5, 10, (s, h) => i + h, firstHour: i * 10))));

        (await store.CountObservationsAsync()).Should().Be(8 * 5 * 10);
        (await store.ListSensorsAsync()).Should().HaveCount(5);
    }

    [Fact]
    public async Task OpenAsync_NoServerAtTheAddress_ThrowsStoreUnavailableWithoutThePassword()
    {
        var act = () => PostgresStore.OpenAsync("postgresql://someone:secret@127.0.0.1:1/surgewatch");

        var thrown = (await act.Should().ThrowAsync<StoreUnavailableException>()).Which;
        thrown.Message.Should().StartWith("Cannot reach the PostgreSQL store postgresql://someone@127.0.0.1:1/surgewatch").And.NotContain("secret");
    }

    public void Dispose() => _databases.Dispose();

    private static async Task Execute(PostgresStore store, string sql)
    {
        await using var connection = new NpgsqlConnection(store.ConnectionString);
        await connection.OpenAsync();
        await new NpgsqlCommand(sql, connection).ExecuteNonQueryAsync();
    }
}
