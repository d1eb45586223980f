using Surgewatch.Tests.Postgres;

namespace Surgewatch.Storage.Postgres.Tests.Server;

/// <summary>Opens stores on databases of their own on <see cref="PostgresServer"/>, and drops them all when disposed.</summary>
public sealed class PostgresDatabases(PostgresServer server) : IDisposable
{
    /// <summary>Small progress steps, so that even small test batches report progress during the COPY.</summary>
    public static readonly PostgresStoreOptions TestOptions = new() { ProgressInterval = 32 };

    private readonly List<(string Database, PostgresStore Store)> _opened = [];

    public PostgresServer Server => server;

    /// <summary>A store on a new database holding the empty schema.</summary>
    public PostgresStore Open(PostgresStoreOptions? options = null)
    {
        var database = server.CreateDatabase();
        var store = PostgresStore.Open(server.ConnectionString(database), options ?? TestOptions);
        _opened.Add((database, store));
        return store;
    }

    public void Dispose()
    {
        foreach (var (database, store) in _opened)
        {
            store.Dispose();
            server.DropDatabase(database);
        }
    }
}
