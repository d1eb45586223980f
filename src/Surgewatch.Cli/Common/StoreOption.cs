using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Surgewatch.Storage.Postgres;
using Surgewatch.Storage.Postgres.Connections;
using Surgewatch.Storage.Sqlite;

namespace Surgewatch.Cli.Common;

/// <summary>
/// The --db option: where the store lives. A <c>postgresql://USER[:PASSWORD]@HOST:PORT/DB</c> address means the
/// PostgreSQL store; anything else is the path of an SQLite file.
/// </summary>
internal static class StoreOption
{
    /// <summary>The store file used when --db is not given.</summary>
    public const string DefaultPath = "surgewatch.db";

    private const string Forms = "an SQLite file, or postgresql://USER[:PASSWORD]@HOST:PORT/DB";

    /// <summary>--db for a command that writes: an SQLite store is created when missing.</summary>
    public static Option<string> Create() => new("--db")
    {
        Description = $"The store: {Forms}. A missing SQLite file is created.",
        DefaultValueFactory = _ => DefaultPath,
    };

    /// <summary>--db for a command that only reads a store: a missing SQLite file is refused by <see cref="OpenExisting"/>, never created.</summary>
    public static Option<string> Existing() => new("--db")
    {
        Description = $"The store to read: {Forms}. An SQLite file must exist (ingest, train or serve make one).",
        DefaultValueFactory = _ => DefaultPath,
    };

    /// <summary>True when <paramref name="db"/> names a PostgreSQL store.</summary>
    public static bool IsPostgres(string db) => PostgresAddress.IsUri(db);

    /// <summary>The store as shown to people: the SQLite file's full path, or the PostgreSQL address without its password.</summary>
    public static string Describe(string db) => IsPostgres(db) ? PostgresAddress.Describe(PostgresAddress.Parse(db)) : Path.GetFullPath(db);

    /// <summary>Opens the store, creating an SQLite file when missing.</summary>
    /// <exception cref="Core.Storage.StoreUnavailableException">A PostgreSQL server that cannot be reached (exit code 2).</exception>
    public static OpenedStore Open(string db)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(db);
        var services = new ServiceCollection();
        if (IsPostgres(db))
        {
            services.AddSurgewatchPostgres(db);
        }
        else
        {
            services.AddSurgewatchSqlite(Path.GetFullPath(db));
        }

        return new OpenedStore(services.BuildServiceProvider(), Describe(db));
    }

    /// <summary>Opens a store that must exist.</summary>
    /// <exception cref="UserInputException">There is no SQLite file at <paramref name="db"/> (exit code 2; nothing is created).</exception>
    public static OpenedStore OpenExisting(string db)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(db);
        if (!IsPostgres(db) && !File.Exists(db))
        {
            throw new UserInputException($"--db {Path.GetFullPath(db)}: no such store; make one with `surgewatch ingest` or give the path of an existing store.");
        }

        return Open(db);
    }
}
