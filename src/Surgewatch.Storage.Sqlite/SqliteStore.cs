using Microsoft.Data.Sqlite;
using Surgewatch.Core.Alerting;
using Surgewatch.Core.Forecasting;
using Surgewatch.Core.Series;
using Surgewatch.Core.Storage;
using Surgewatch.Storage.Sqlite.Connections;
using Surgewatch.Storage.Sqlite.Schema;

namespace Surgewatch.Storage.Sqlite;

/// <summary>
/// The embedded default store: one SQLite file in WAL mode holding sensors, readings, forecasts, the alert
/// history and an ingest log. Open one with <see cref="Open"/> (a file) or <see cref="OpenInMemory"/> (tests,
/// demos); opening runs the pending schema migrations and refuses a schema newer than this build knows.
/// Each call uses its own pooled connection, so in a file store reads run concurrently with each other and with a write;
/// writes from this instance are serialised, and writes from other processes wait up to
/// <see cref="SqliteStoreOptions.BusyTimeout"/>. The work inside the async methods is synchronous
/// (SQLite has no async I/O) but honours cancellation.
/// </summary>
public sealed partial class SqliteStore : ISurgewatchStore, IObservationStore, IForecastStore, IAlertStore, IDisposable
{
    private readonly SqliteConnectionFactory _connections;
    private readonly SqliteStoreOptions _options;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private int _disposed;

    private SqliteStore(SqliteConnectionFactory connections, SqliteStoreOptions options)
    {
        _connections = connections;
        _options = options;
        StartCheckpoints();
    }

    /// <summary>The newest schema version this build writes.</summary>
    public static int LatestSchemaVersion => Migrations.Latest;

    /// <summary>The database file's full path, or the in-memory database's name.</summary>
    public string DataSource => _connections.DataSource;

    /// <summary>
    /// Opens the store in the file at <paramref name="path"/>, creating the file (and its folder) when missing and
    /// migrating its schema forward. Throws <see cref="SchemaVersionException"/> when the file was written by a newer
    /// Surgewatch or belongs to another application.
    /// </summary>
    public static SqliteStore Open(string path, SqliteStoreOptions? options = null)
    {
        options ??= SqliteStoreOptions.Default;
        options.Validate();
        return Initialize(SqliteConnectionFactory.ForFile(path, options), options);
    }

    /// <summary>
    /// Opens a shared-cache in-memory store named <paramref name="name"/> (a fresh unique name when null). It lives
    /// until the store is disposed; two stores opened with the same name while both live share it.
    /// </summary>
    public static SqliteStore OpenInMemory(string? name = null, SqliteStoreOptions? options = null)
    {
        options ??= SqliteStoreOptions.Default;
        options.Validate();
        var memoryName = name ?? $"surgewatch-{Guid.NewGuid():N}";
        return Initialize(SqliteConnectionFactory.ForMemory(memoryName, options), options);
    }

    /// <summary>Releases the store's connections and the file.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            StopCheckpoints();

            // A group write in progress finishes first: its connection is closed under the write lock.
            var locked = _writeLock.Wait(TimeSpan.FromSeconds(30));
            CloseGroupConnection();
            if (locked)
            {
                _writeLock.Release();
            }

            _connections.Dispose();
            _writeLock.Dispose();
        }
    }

    private static SqliteStore Initialize(SqliteConnectionFactory connections, SqliteStoreOptions options)
    {
        try
        {
            using var connection = connections.Open();
            if (!connections.IsMemory)
            {
                EnableWriteAheadLog(connection, connections.DataSource);
            }

            SchemaMigrator.Migrate(connection, connections.DataSource, options.TimeProvider);
            return new SqliteStore(connections, options);
        }
        catch
        {
            connections.Dispose();
            throw;
        }
    }

    private static void EnableWriteAheadLog(SqliteConnection connection, string dataSource)
    {
        using var command = Sql.Command(connection, null, "PRAGMA journal_mode = WAL");
        var mode = command.ExecuteScalar() as string;
        if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(
                $"Could not switch '{dataSource}' to write-ahead logging (journal mode is '{mode}'). WAL needs a local file system with shared-memory support; network shares do not qualify.");
        }
    }

    /// <summary>Runs a read on its own connection.</summary>
    private Task<T> ReadAsync<T>(Func<SqliteConnection, T> read, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<T>(cancellationToken);
        }

        try
        {
            ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
            using var connection = _connections.Open();
            return Task.FromResult(read(connection));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<T>(cancellationToken);
        }
        catch (Exception e)
        {
            return Task.FromException<T>(e);
        }
    }

    /// <summary>Runs a write on its own connection, one at a time per store.</summary>
    private async Task<T> WriteAsync<T>(Func<SqliteConnection, T> write, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var connection = _connections.Open();
            return write(connection);
        }
        finally
        {
            _writeLock.Release();
        }
    }
}
