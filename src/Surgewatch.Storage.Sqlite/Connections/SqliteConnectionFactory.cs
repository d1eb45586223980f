using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Surgewatch.Storage.Sqlite.Connections;

/// <summary>
/// Opens pooled connections to one database, each with the store's per-connection pragmas. An in-memory
/// database lives only while a connection to it is open, so the factory keeps one open until disposed.
/// </summary>
internal sealed class SqliteConnectionFactory : IDisposable
{
    private readonly string _connectionString;
    private readonly string _pragmas;
    private readonly SqliteConnection? _keepAlive;

    private SqliteConnectionFactory(string dataSource, bool isMemory, SqliteStoreOptions options)
    {
        DataSource = dataSource;
        IsMemory = isMemory;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = dataSource,
            Mode = isMemory ? SqliteOpenMode.Memory : SqliteOpenMode.ReadWriteCreate,
            Cache = isMemory ? SqliteCacheMode.Shared : SqliteCacheMode.Private,
            Pooling = true,
            ForeignKeys = true,
            DefaultTimeout = (int)Math.Ceiling(options.BusyTimeout.TotalSeconds),
        }.ToString();
        var synchronous = options.Durability == SqliteDurability.Full ? "FULL" : "NORMAL";
        _pragmas = string.Create(
            CultureInfo.InvariantCulture,
            $"PRAGMA synchronous = {synchronous}; PRAGMA cache_size = -{options.CacheSizeKiB}; PRAGMA temp_store = MEMORY; PRAGMA busy_timeout = {(long)options.BusyTimeout.TotalMilliseconds}; PRAGMA wal_autocheckpoint = {options.CheckpointPages};");
        if (isMemory)
        {
            _keepAlive = new SqliteConnection(_connectionString);
            _keepAlive.Open();
        }
    }

    /// <summary>The file path, or the name of the in-memory database.</summary>
    public string DataSource { get; }

    /// <summary>True for a shared-cache in-memory database.</summary>
    public bool IsMemory { get; }

    public static SqliteConnectionFactory ForFile(string path, SqliteStoreOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var fullPath = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(fullPath);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        return new SqliteConnectionFactory(fullPath, isMemory: false, options);
    }

    public static SqliteConnectionFactory ForMemory(string name, SqliteStoreOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return new SqliteConnectionFactory(name, isMemory: true, options);
    }

    /// <summary>Opens a connection with the store's pragmas applied. The caller disposes it.</summary>
    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            connection.Open();
            Sql.Execute(connection, null, _pragmas);
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Closes the pooled connections so that the file is released.</summary>
    public void Dispose()
    {
        using var probe = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(probe);
        _keepAlive?.Dispose();
    }
}
