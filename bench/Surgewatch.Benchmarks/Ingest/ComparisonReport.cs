using System.Globalization;

namespace Surgewatch.Benchmarks.Ingest;

/// <summary>The timed runs of each case, in the order the cases were first added; the first case is the baseline.</summary>
public sealed class ComparisonResults(int rows)
{
    private readonly List<(string Label, List<double> Seconds)> _cases = [];

    public int Rows { get; } = rows;

    public IReadOnlyList<(string Label, List<double> Seconds)> Cases => _cases;

    public void Add(string label, double seconds)
    {
        var index = _cases.FindIndex(c => c.Label == label);
        if (index < 0)
        {
            _cases.Add((label, []));
            index = _cases.Count - 1;
        }

        _cases[index].Seconds.Add(seconds);
    }
}

/// <summary>Prints the comparison as a Markdown table for docs/benchmarks.md.</summary>
public static class ComparisonReport
{
    public static void Print(TextWriter output, ComparisonSettings settings, IObservationLoader loader, string sqliteVersion, ComparisonResults results)
    {
        var baseline = Median(results.Cases[0].Seconds);
        output.WriteLine();
        output.WriteLine($"Machine: {MachineInfo.Describe()}; load average at the end {MachineInfo.LoadAverage()}");
        output.WriteLine($"sqlite3 shell {sqliteVersion}; store on Microsoft.Data.Sqlite with its bundled SQLite {BundledSqliteVersion()}, {settings.RowsPerStatement} rows per statement; loader: {loader.Name}");
        output.WriteLine($"{results.Rows:N0} rows, median of {settings.Runs} runs after one warm-up; rows/s = {results.Rows:N0} / median seconds");
        output.WriteLine();
        output.WriteLine($"| case | median s | rows/s | vs {results.Cases[0].Label[..3]} | runs (s) |");
        output.WriteLine("|---|---:|---:|---:|---|");
        foreach (var (label, seconds) in results.Cases)
        {
            var median = Median(seconds);
            var runs = string.Join(", ", seconds.Select(s => s.ToString("F3", CultureInfo.InvariantCulture)));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {label} | {median:F3} | {results.Rows / median:N0} | {baseline / median:F2}× | {runs} |"));
        }
    }

    private static string BundledSqliteVersion()
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT sqlite_version()";
        return (string)command.ExecuteScalar()!;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
