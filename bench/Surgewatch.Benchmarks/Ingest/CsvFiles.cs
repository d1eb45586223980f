using System.IO.Compression;

namespace Surgewatch.Benchmarks.Ingest;

/// <summary>Prepares the plain CSV files that the sqlite3 shell imports (untimed).</summary>
public static class CsvFiles
{
    public static string Decompress(string gz, string work)
    {
        var csv = Path.Combine(work, Path.GetFileNameWithoutExtension(gz));
        using var source = new GZipStream(File.OpenRead(gz), CompressionMode.Decompress);
        using var target = File.Create(csv);
        source.CopyTo(target);
        return csv;
    }

    /// <summary>
    /// A copy of a <c>timestamp,sensor_id,…</c> CSV with its rows in the order of the baseline table's primary key
    /// (sensor_id as an integer where it is one, then timestamp), to show how much of the store's lead is its sort.
    /// </summary>
    public static string SortedByKey(string csv)
    {
        var lines = File.ReadAllLines(csv);
        var rows = lines.Skip(1).Select(line => (Key: Key(line), Line: line)).ToArray();
        Array.Sort(rows, (a, b) => a.Key.CompareTo(b.Key));
        var sorted = Path.ChangeExtension(csv, ".by-key.csv");
        File.WriteAllLines(sorted, rows.Select(r => r.Line).Prepend(lines[0]));
        return sorted;
    }

    private static (int, long, string, string) Key(string line)
    {
        var parts = line.Split(',');
        return long.TryParse(parts[1], out var number) ? (0, number, string.Empty, parts[0]) : (1, 0, parts[1], parts[0]);
    }
}
