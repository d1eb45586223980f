using Microsoft.Data.Sqlite;
using Surgewatch.Core.Alerting;
using Surgewatch.Core.Forecasting;
using Surgewatch.Core.Series;
using Surgewatch.Core.Storage;
using Surgewatch.Storage.Specification.Builders;
using Surgewatch.Storage.Sqlite;

namespace Surgewatch.Storage.Sqlite.Tests;

/// <summary>What the SQLite adapter does beyond the shared specification: files, schema, pragmas, options.</summary>
public sealed partial class SqliteStoreTests : IDisposable
{
    private readonly SqliteStores _stores = new();

    public void Dispose() => _stores.Dispose();

    [Fact]
    public async Task Open_FileWrittenBefore_KeepsEverything()
    {
        var batch = Rows.Grid(3, 50, (s, h) => s + h);
        var forecast = new Forecast(new SensorId("s01"), "m", Rows.Hour(49), [new ForecastPoint(Rows.Hour(50), 51, [new PredictionInterval(0.8, 40, 60)])]);
        var alert = new AlertEvent("k", "r", "s01", AlertState.Firing, new DateTimeOffset(2024, 3, 2, 0, 0, 0, TimeSpan.Zero));
        using (var first = SqliteStore.Open(_stores.DefaultPath, SqliteStores.TestOptions))
        {
            await first.UpsertObservationsAsync(batch);
            await first.SaveForecastsAsync([forecast]);
            await first.AppendAlertEventsAsync([alert]);
        }

        var reopened = _stores.Open();

        Rows.ToList(await reopened.ReadObservationsAsync(new ObservationQuery())).Should().Equal(Rows.Expected(batch));
        (await reopened.LatestForecastAsync(forecast.SensorId, "m", Rows.Hour(49))).Should().BeEquivalentTo(forecast);
        (await reopened.ListAlertEventsAsync(DateTimeOffset.MinValue, 10)).Should().Equal(alert);
        (await reopened.UpsertObservationsAsync(batch)).Written.Should().Be(0);
    }

    [Fact]
    public void Open_NewFile_UsesWriteAheadLogAndRecordsTheLatestSchemaVersion()
    {
        _stores.Open().Dispose();

        using var connection = RawConnection(_stores.DefaultPath);

        Scalar(connection, "PRAGMA journal_mode").Should().Be("wal");
        Scalar(connection, "SELECT max(version) FROM schema_version").Should().Be((long)SqliteStore.LatestSchemaVersion);
        Scalar(connection, "PRAGMA application_id").Should().Be(0x53574348L);
    }

    [Fact]
    public void Open_MissingFolder_CreatesIt()
    {
        var path = Path.Combine(_stores.Folder, "nested", "deeper", "store.db");

        _stores.Open(path);

        File.Exists(path).Should().BeTrue();
    }

    [Fact]
    public void Open_SchemaNewerThanThisBuild_ThrowsSchemaVersionException()
    {
        _stores.Open().Dispose();
        using (var connection = RawConnection(_stores.DefaultPath))
        {
            Scalar(connection, "INSERT INTO schema_version VALUES (999, 'from the future', 0) RETURNING version");
        }

        var act = () => SqliteStore.Open(_stores.DefaultPath, SqliteStores.TestOptions);

        act.Should().Throw<SchemaVersionException>()
            .Where(e => e.FoundVersion == 999 && e.KnownVersion == SqliteStore.LatestSchemaVersion)
            .WithMessage("*schema version 999*upgrade Surgewatch*");
    }

    [Fact]
    public void Open_DatabaseOfAnotherApplication_ThrowsSchemaVersionException()
    {
        var path = Path.Combine(_stores.Folder, "other.db");
        using (var connection = RawConnection(path))
        {
            Scalar(connection, "CREATE TABLE invoices (id INTEGER PRIMARY KEY)");
        }

        var act = () => SqliteStore.Open(path, SqliteStores.TestOptions);

        act.Should().Throw<SchemaVersionException>().WithMessage("*not a Surgewatch store*");
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(SqliteStoreOptions.MaxRowsPerStatement + 1, 1)]
    [InlineData(16, 0)]
    public void Open_OptionsOutOfRange_ThrowsNamingTheSetting(int rowsPerStatement, int progressInterval)
    {
        var options = new SqliteStoreOptions { RowsPerStatement = rowsPerStatement, ProgressInterval = progressInterval };

        var act = () => SqliteStore.Open(_stores.DefaultPath, options);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public async Task OpenInMemory_SameNameTwice_SharesOneDatabaseUntilDisposed()
    {
        var name = $"spec-{Guid.NewGuid():N}";
        using (var first = SqliteStore.OpenInMemory(name))
        {
            using var second = SqliteStore.OpenInMemory(name);
            await first.UpsertObservationsAsync(Rows.Grid(2, 5, (s, h) => h));

            (await second.CountObservationsAsync()).Should().Be(10);
        }

        using var later = SqliteStore.OpenInMemory(name);
        (await later.CountObservationsAsync()).Should().Be(0);
    }

    [Fact]
    public async Task Dispose_ThenUse_ThrowsObjectDisposedException()
    {
        var store = _stores.Open();
        store.Dispose();

        await FluentActions.Awaiting(() => store.CountObservationsAsync()).Should().ThrowAsync<ObjectDisposedException>();
        await FluentActions.Awaiting(() => store.UpsertObservationsAsync(Rows.Batch(("a", 0, 1)))).Should().ThrowAsync<ObjectDisposedException>();
    }

    internal static SqliteConnection RawConnection(string path)
    {
        var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        return connection;
    }

    internal static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
