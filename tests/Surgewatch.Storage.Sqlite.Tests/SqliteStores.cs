using Surgewatch.Storage.Sqlite;

namespace Surgewatch.Storage.Sqlite.Tests;

/// <summary>Opens SQLite stores in a temporary folder and removes them all when disposed.</summary>
public sealed class SqliteStores : IDisposable
{
    /// <summary>Small statements and frequent progress reports, so that even small test batches span several statements.</summary>
    public static readonly SqliteStoreOptions TestOptions = new() { RowsPerStatement = 16, ProgressInterval = 32, CacheSizeKiB = 1024 };

    private readonly List<SqliteStore> _opened = [];

    public SqliteStores()
    {
        Folder = Path.Combine(Path.GetTempPath(), "surgewatch-store-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
    }

    public string Folder { get; }

    public string DefaultPath => Path.Combine(Folder, "store.db");

    public SqliteStore Open(string? path = null, SqliteStoreOptions? options = null)
    {
        var store = SqliteStore.Open(path ?? DefaultPath, options ?? TestOptions);
        _opened.Add(store);
        return store;
    }

    public void Dispose()
    {
        foreach (var store in _opened)
        {
            store.Dispose();
        }

        Directory.Delete(Folder, recursive: true);
    }
}
