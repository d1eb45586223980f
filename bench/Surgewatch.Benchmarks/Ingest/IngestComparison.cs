using System.Diagnostics;
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

    private const string Sqlite3Label = "(c) sqlite3 `.import --csv --skip 1`, file db, WAL (shell start-up subtracted)";
    private const string Sqlite3SortedLabel = "(c') the same `.import` of the CSV pre-sorted by primary key (sort not timed)";
    private const string StoreLabel = "(a) store only: `UpsertObservationsAsync` of the prebuilt batch, fresh file db";
    private const string ParseAndStoreLabel = "(b) parse + store: gz CSV → batch → `UpsertObservationsAsync`, fresh file db";
    private const string ReingestLabel = "re-ingest of the same batch into (a)'s db (Written = 0)";

    public static async Task<int> RunAsync(IReadOnlyList<string> args, IObservationLoader? loader = null)
    {
        var settings = ComparisonSettings.Parse(args);
        loader ??= new LongCsvReaderLoader();
        Directory.CreateDirectory(settings.Work);
        var csv = CsvFiles.Decompress(settings.Data, settings.Work);
        var sortedCsv = CsvFiles.SortedByKey(csv);
        var sqlite3 = new Sqlite3Cli(settings.Sqlite3);
        var batch = loader.Load(settings.Data);
        var options = SqliteStoreOptions.Default with { RowsPerStatement = settings.RowsPerStatement };
        var results = new ComparisonResults(batch.Count);
        Console.WriteLine($"{batch.Count:N0} rows, {batch.Sensors.Count} sensors from {settings.Data}; load average {MachineInfo.LoadAverage()}; warm-up run, then {settings.Runs} timed runs ...");
        for (var run = 0; run <= settings.Runs; run++)
        {
            var sqlite3Seconds = TimeSqlite3(sqlite3, csv, settings.Work, batch.Count);
            var (store, reingest) = await TimeStoreAsync(batch, settings.Work, options);
            var parseAndStore = await TimeParseAndStoreAsync(loader, settings, options);
            var sqlite3SortedSeconds = TimeSqlite3(sqlite3, sortedCsv, settings.Work, batch.Count);
            if (run > 0)
            {
                results.Add(Sqlite3Label, sqlite3Seconds);
                results.Add(StoreLabel, store);
                results.Add(ParseAndStoreLabel, parseAndStore);
                results.Add(ReingestLabel, reingest);
                results.Add(Sqlite3SortedLabel, sqlite3SortedSeconds);
            }
        }

        ComparisonReport.Print(Console.Out, settings, loader, sqlite3.Version(), results);
        File.Delete(csv);
        File.Delete(sortedCsv);
        return 0;
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
