using System.Globalization;
using Surgewatch.Storage.Sqlite;

namespace Surgewatch.Benchmarks.Ingest;

/// <summary>The options of the <c>ingest-vs-sqlite3</c> command.</summary>
public sealed record ComparisonSettings(string Data, int Runs, string Sqlite3, string Work, int RowsPerStatement)
{
    public const string Usage =
        "ingest-vs-sqlite3 [--data counts.csv.gz] [--runs 5] [--sqlite3 sqlite3] [--work /tmp/surgewatch-bench] [--rows-per-statement 256]";

    public static ComparisonSettings Parse(IReadOnlyList<string> args)
    {
        var settings = new ComparisonSettings(
            "/work/shared/data/pedestrians/melbourne/counts.csv.gz",
            5,
            "sqlite3",
            Path.Combine(Path.GetTempPath(), "surgewatch-bench"),
            SqliteStoreOptions.Default.RowsPerStatement);
        for (var i = 0; i < args.Count; i += 2)
        {
            var value = i + 1 < args.Count ? args[i + 1] : throw new ArgumentException($"'{args[i]}' needs a value. Usage: {Usage}");
            settings = args[i] switch
            {
                "--data" => settings with { Data = value },
                "--runs" => settings with { Runs = int.Parse(value, CultureInfo.InvariantCulture) },
                "--sqlite3" => settings with { Sqlite3 = value },
                "--work" => settings with { Work = value },
                "--rows-per-statement" => settings with { RowsPerStatement = int.Parse(value, CultureInfo.InvariantCulture) },
                _ => throw new ArgumentException($"Unknown option '{args[i]}'. Usage: {Usage}"),
            };
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(settings.Runs, 1, "--runs");
        return File.Exists(settings.Data) ? settings : throw new FileNotFoundException($"No data file at '{settings.Data}'. Pass --data.", settings.Data);
    }
}
