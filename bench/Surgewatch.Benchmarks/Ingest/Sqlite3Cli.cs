using System.Diagnostics;

namespace Surgewatch.Benchmarks.Ingest;

/// <summary>
/// The baseline: the <c>sqlite3</c> command-line shell's <c>.import --csv --skip 1</c> of the decompressed CSV into
/// a WAL table with the store's primary key and the store's per-connection pragmas.
/// </summary>
public sealed class Sqlite3Cli(string executable)
{
    /// <summary>The pragmas the store sets on each connection, set here too so both sides run alike.</summary>
    public static readonly string[] Pragmas = ["PRAGMA synchronous=NORMAL", "PRAGMA cache_size=-65536", "PRAGMA temp_store=MEMORY"];

    public const string Schema =
        "CREATE TABLE readings (timestamp TEXT NOT NULL, sensor_id INTEGER NOT NULL, count REAL NOT NULL, PRIMARY KEY (sensor_id, timestamp)) WITHOUT ROWID";

    public string Version() => Run(":memory:", "SELECT sqlite_version()").Output.Trim();

    /// <summary>Creates <paramref name="database"/> with WAL and the readings table.</summary>
    public void Create(string database) => Run(database, "PRAGMA journal_mode=WAL", Schema);

    /// <summary>Seconds the shell takes to start, set its pragmas and exit, to subtract from the import's time.</summary>
    public double StartupSeconds(string database) => Timed(database, "SELECT 1");

    /// <summary>Seconds one <c>.import</c> takes, the shell included.</summary>
    public double ImportSeconds(string database, string csv) => Timed(database, $".import --csv --skip 1 {csv} readings");

    public long Count(string database) => long.Parse(Run(database, "SELECT count(*) FROM readings").Output.Trim(), System.Globalization.CultureInfo.InvariantCulture);

    private double Timed(string database, string command)
    {
        var stopwatch = Stopwatch.StartNew();
        Run(database, command);
        return stopwatch.Elapsed.TotalSeconds;
    }

    private (string Output, int ExitCode) Run(string database, params string[] commands)
    {
        var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-bail");
        foreach (var pragma in Pragmas)
        {
            start.ArgumentList.Add("-cmd");
            start.ArgumentList.Add(pragma);
        }

        start.ArgumentList.Add(database);
        foreach (var command in commands)
        {
            start.ArgumentList.Add(command);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start '{executable}'.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0 || error.Length > 0)
        {
            throw new InvalidOperationException($"'{executable}' failed with exit code {process.ExitCode}: {error}");
        }

        return (output.Result, process.ExitCode);
    }
}
