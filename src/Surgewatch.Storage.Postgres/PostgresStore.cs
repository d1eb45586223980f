using Npgsql;
using Surgewatch.Core.Alerting;
using Surgewatch.Core.Forecasting;
using Surgewatch.Core.Series;
using Surgewatch.Core.Storage;
using Surgewatch.Storage.Postgres.Connections;
using Surgewatch.Storage.Postgres.Schema;

namespace Surgewatch.Storage.Postgres;

/// <summary>
/// The scale-out store of record: one PostgreSQL database holding sensors, readings, forecasts, models, zones, the
/// alert history and the monitor's state, shared by every node. Open one with <see cref="OpenAsync"/>; opening checks
/// that the server answers, runs the pending schema migrations and refuses a schema newer than this build knows.
/// Each call takes a pooled connection; writes are transactions, so several nodes can write at once. A server that
/// cannot be reached, at open or later, surfaces as <see cref="StoreUnavailableException"/>.
/// </summary>
public sealed partial class PostgresStore : ISurgewatchStore, IObservationStore, IForecastStore, IAlertStore, IDisposable, IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly PostgresStoreOptions _options;
    private int _disposed;

    private PostgresStore(NpgsqlDataSource dataSource, string description, PostgresStoreOptions options)
    {
        _dataSource = dataSource;
        ConnectionString = dataSource.ConnectionString;
        DataSource = description;
        _options = options;
    }

    /// <summary>The newest schema version this build writes.</summary>
    public static int LatestSchemaVersion => Migrations.Latest;

    /// <summary>The database as shown to people: <c>postgresql://USER@HOST:PORT/DB</c>, without the password.</summary>
    public string DataSource { get; }

    /// <summary>The Npgsql connection string, password included (for tests and tools on this machine, never for display).</summary>
    internal string ConnectionString { get; }

    /// <summary>
    /// Opens the store at <paramref name="address"/> (<c>postgresql://USER[:PASSWORD]@HOST:PORT/DB</c> or an Npgsql
    /// connection string) and migrates its schema forward.
    /// </summary>
    /// <exception cref="StoreUnavailableException">The server cannot be reached, refuses the login, or has no such database.</exception>
    /// <exception cref="SchemaVersionException">The database was written by a newer Surgewatch, or belongs to another application.</exception>
    public static async Task<PostgresStore> OpenAsync(string address, PostgresStoreOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= PostgresStoreOptions.Default;
        options.Validate();
        var settings = PostgresAddress.Parse(address);
        var description = PostgresAddress.Describe(settings);
        var dataSource = new NpgsqlDataSourceBuilder(settings.ConnectionString).Build();
        try
        {
            var store = new PostgresStore(dataSource, description, options);
            await store.UseAsync(
                async connection =>
                {
                    await SchemaMigrator.MigrateAsync(connection, description, options.TimeProvider, cancellationToken);
                    return 0;
                },
                cancellationToken);
            return store;
        }
        catch
        {
            await dataSource.DisposeAsync();
            throw;
        }
    }

    /// <summary>Opens the store synchronously (<see cref="OpenAsync"/>), for hosts whose setup is synchronous.</summary>
    public static PostgresStore Open(string address, PostgresStoreOptions? options = null) =>
        OpenAsync(address, options).GetAwaiter().GetResult();

    /// <summary>The schema version the database has.</summary>
    public Task<int> SchemaVersionAsync(CancellationToken cancellationToken = default) =>
        UseAsync(connection => SchemaMigrator.CurrentVersionAsync(connection, cancellationToken), cancellationToken);

    /// <summary>Closes the store's pooled connections.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _dataSource.Dispose();
        }
    }

    /// <inheritdoc cref="Dispose"/>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            await _dataSource.DisposeAsync();
        }
    }

    /// <summary>Runs <paramref name="work"/> on a pooled connection; a lost server becomes <see cref="StoreUnavailableException"/>.</summary>
    private async Task<T> UseAsync<T>(Func<NpgsqlConnection, Task<T>> work, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
            return await work(connection);
        }
        catch (Exception e) when (Unavailable.Is(e, cancellationToken))
        {
            throw Unavailable.Wrap(DataSource, e);
        }
    }

    /// <summary>Runs <paramref name="work"/> in a transaction, committed when it returns and the call is not cancelled.</summary>
    private Task<T> InTransactionAsync<T>(Func<NpgsqlConnection, NpgsqlTransaction, Task<T>> work, CancellationToken cancellationToken) =>
        UseAsync(
            async connection =>
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                var result = await work(connection, transaction);

                // The last chance to cancel: until the commit, nothing of the work is visible.
                cancellationToken.ThrowIfCancellationRequested();
                await transaction.CommitAsync(CancellationToken.None);
                return result;
            },
            cancellationToken);
}
