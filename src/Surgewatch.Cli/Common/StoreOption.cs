using System.CommandLine;

namespace Surgewatch.Cli.Common;

/// <summary>The --db option: where the embedded store lives.</summary>
internal static class StoreOption
{
    /// <summary>The store file used when --db is not given.</summary>
    public const string DefaultPath = "surgewatch.db";

    public static Option<FileInfo> Create() => new("--db")
    {
        Description = $"The SQLite store file (created if missing). Default: {DefaultPath} in the current folder.",
        DefaultValueFactory = _ => new FileInfo(DefaultPath),
    };
}
