using System.CommandLine;
using Surgewatch.Storage.Sqlite;

namespace Surgewatch.Cli.Common;

/// <summary>The --db option: where the embedded store lives.</summary>
internal static class StoreOption
{
    /// <summary>The store file used when --db is not given.</summary>
    public const string DefaultPath = "surgewatch.db";

    /// <summary>--db for a command that writes: the store is created when missing.</summary>
    public static Option<FileInfo> Create() => new("--db")
    {
        Description = "The SQLite store file, created if missing.",
        DefaultValueFactory = _ => new FileInfo(DefaultPath),
    };

    /// <summary>--db for a command that only reads a store: a missing one is refused by <see cref="OpenExisting"/>, never created.</summary>
    public static Option<FileInfo> Existing() => new("--db")
    {
        Description = "The SQLite store file to read; it must exist (ingest, train or serve make one).",
        DefaultValueFactory = _ => new FileInfo(DefaultPath),
    };

    /// <summary>Opens a store that must exist.</summary>
    /// <exception cref="UserInputException">There is no file at <paramref name="db"/> (exit code 2; nothing is created).</exception>
    public static SqliteStore OpenExisting(FileInfo db)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!db.Exists)
        {
            throw new UserInputException($"--db {db.FullName}: no such store; make one with `surgewatch ingest` or give the path of an existing store.");
        }

        return SqliteStore.Open(db.FullName);
    }
}
