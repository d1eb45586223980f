using System.Diagnostics;
using System.IO.Compression;
using Surgewatch.Core.Series;
using Surgewatch.Storage.Sqlite;

namespace Surgewatch.Benchmarks.Ingest;

/// <summary>
/// Bulk ingest of one real file, side by side in one process and run: (a) the store's upsert of a prebuilt batch,
/// (b) parse + upsert, (c) the sqlite3 shell's <c>.import</c> of the decompressed CSV. Every case writes a fresh
/// file database; each figure is the median of several runs after one warm-up run.
/// </summary>
public static class IngestComparison
{
    public const string Command = "ingest-vs-sqlite3";

    public static async Task<int> RunAsync(IReadOnlyList<string> args, IObservationLoader? loader = null)
    {
        var settings = ComparisonSettings.Parse(args);
        loader ??= new BenchOnlyLongCsvGzLoader();
        Directory.CreateDirectory(settings.Work);
        var csv = Decompress(settings.Data, settings.Work);
        var sqlite3 = new Sqlite3Cli(settings.Sqlite3);
        var batch = loader.Load(settings.Data);
        var options = SqliteStoreOptions.Default with { RowsPerStatement = settings.RowsPerStatement };
        var results = new ComparisonResults(batch.Count);
        Console.WriteLine($"{batch.Count:N0} rows, {batch.Sensors.Count} sensors from {settings.Data}; warm-up run, then {settings.Runs} timed runs ...");
        for (var run = 0; run <= settings.Runs; run++)
        {
            var sqlite3Seconds = TimeSqlite3(sqlite3, csv, settings.Work, batch.Count);
            var (store, reingest) = await TimeStoreAsync(batch, settings.Work, options);
            var parseAndStore = await TimeParseAndStoreAsync(loader, settings, options);
            if (run > 0)
            {
                results.Add(sqlite3Seconds, store, parseAndStore, reingest);
            }
        }

        ComparisonReport.Print(Console.Out, settings, loader, sqlite3.Version(), results);
        File.Delete(csv);
        return 0;
    }

    private static string Decompress(string gz, string work)
    {
        var csv = Path.Combine(work, Path.GetFileNameWithoutExtension(gz));
        using var source = new GZipStream(File.OpenRead(gz), CompressionMode.Decompress);
        using var target = File.Create(csv);
        source.CopyTo(target);
        return csv;
    }

    private static double TimeSqlite3(Sqlite3Cli sqlite3, string csv, string work, int expectedRows)
    {
        var database = FreshPath(work, "sqlite3-import.db");
        sqlite3.Create(database);
        var startup = sqlite3.StartupSeconds(database);
        var seconds = sqlite3.ImportSeconds(database, csv) - startup;
        Check(sqlite3.Count(database), expectedRows, "sqlite3 .import");
        return seconds;
    }

    private static async Task<(double Store, double Reingest)> TimeStoreAsync(ObservationBatch batch, string work, SqliteStoreOptions options)
    {
        using var store = SqliteStore.Open(FreshPath(work, "store-only.db"), options);
        Collect();
        var stopwatch = Stopwatch.StartNew();
        var first = await store.UpsertObservationsAsync(batch);
        var seconds = stopwatch.Elapsed.TotalSeconds;
        Check(first.Written, batch.Count, "store-only upsert");
        Collect();
        stopwatch.Restart();
        var again = await store.UpsertObservationsAsync(batch);
        var reingest = stopwatch.Elapsed.TotalSeconds;
        Check(again.Written, 0, "re-ingest");
        return (seconds, reingest);
    }

    private static async Task<double> TimeParseAndStoreAsync(IObservationLoader loader, ComparisonSettings settings, SqliteStoreOptions options)
    {
        using var store = SqliteStore.Open(FreshPath(settings.Work, "parse-and-store.db"), options);
        Collect();
        var stopwatch = Stopwatch.StartNew();
        var batch = loader.Load(settings.Data);
        var result = await store.UpsertObservationsAsync(batch);
        var seconds = stopwatch.Elapsed.TotalSeconds;
        Check(result.Written, batch.Count, "parse + store");
        return seconds;
    }

    private static string FreshPath(string work, string name)
    {
        var path = Path.Combine(work, name);
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(file);
        }

        return path;
    }

    private static void Check(long actual, long expected, string what)
    {
        if (actual != expected)
        {
            throw new InvalidOperationException($"{what}: expected {expected:N0} rows, got {actual:N0}.");
        }
    }

    private static void Collect()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }
}
