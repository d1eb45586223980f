using System.Globalization;

namespace Surgewatch.Benchmarks.Ingest;

/// <summary>The timed runs of each case.</summary>
public sealed class ComparisonResults(int rows)
{
    public int Rows { get; } = rows;

    public List<double> Sqlite3 { get; } = [];

    public List<double> Store { get; } = [];

    public List<double> ParseAndStore { get; } = [];

    public List<double> Reingest { get; } = [];

    public void Add(double sqlite3, double store, double parseAndStore, double reingest)
    {
        Sqlite3.Add(sqlite3);
        Store.Add(store);
        ParseAndStore.Add(parseAndStore);
        Reingest.Add(reingest);
    }
}

/// <summary>Prints the comparison as a Markdown table for docs/benchmarks.md.</summary>
public static class ComparisonReport
{
    public static void Print(TextWriter output, ComparisonSettings settings, IObservationLoader loader, string sqliteVersion, ComparisonResults results)
    {
        var baseline = Median(results.Sqlite3);
        output.WriteLine();
        output.WriteLine($"Machine: {MachineInfo.Describe()}");
        output.WriteLine($"sqlite3 shell {sqliteVersion}; store on Microsoft.Data.Sqlite (bundled SQLite), {settings.RowsPerStatement} rows per statement; loader: {loader.Name}");
        output.WriteLine($"{results.Rows:N0} rows, median of {settings.Runs} runs after one warm-up; rows/s = {results.Rows:N0} / median seconds");
        output.WriteLine();
        output.WriteLine("| case | median s | rows/s | vs sqlite3 .import | runs (s) |");
        output.WriteLine("|---|---:|---:|---:|---|");
        Row(output, "(c) sqlite3 `.import --csv --skip 1`, file db, WAL (shell start-up subtracted)", results.Sqlite3, results.Rows, baseline);
        Row(output, "(a) store only: `UpsertObservationsAsync` of the prebuilt batch, fresh file db", results.Store, results.Rows, baseline);
        Row(output, "(b) parse + store: gz CSV → batch → `UpsertObservationsAsync`, fresh file db", results.ParseAndStore, results.Rows, baseline);
        Row(output, "re-ingest of the same batch into (a)'s db (Written = 0)", results.Reingest, results.Rows, baseline);
    }

    private static void Row(TextWriter output, string label, List<double> seconds, int rows, double baseline)
    {
        var median = Median(seconds);
        var runs = string.Join(", ", seconds.Select(s => s.ToString("F3", CultureInfo.InvariantCulture)));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {label} | {median:F3} | {rows / median:N0} | {baseline / median:F2}× | {runs} |"));
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
