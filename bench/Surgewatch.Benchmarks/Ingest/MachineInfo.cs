namespace Surgewatch.Benchmarks.Ingest;

/// <summary>What the figures were measured on, read from /proc where there is one.</summary>
public static class MachineInfo
{
    public static string Describe()
    {
        var cpu = FirstValue("/proc/cpuinfo", "model name") ?? "unknown CPU";
        var memory = FirstValue("/proc/meminfo", "MemTotal") is { } kib && long.TryParse(kib.Split(' ')[0], out var k)
            ? $"{k / 1024.0 / 1024.0:F1} GiB"
            : "unknown";
        return $"{Environment.ProcessorCount} logical CPUs (nproc), {cpu}, {memory} RAM, {Environment.OSVersion}, .NET {Environment.Version}";
    }

    /// <summary>The 1-, 5- and 15-minute load averages, to show how busy a shared machine was.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static string? FirstValue(string file, string key)
    {
        if (!File.Exists(file))
        {
            return null;
        }

        foreach (var line in File.ReadLines(file))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && line[..colon].Trim() == key)
            {
                return line[(colon + 1)..].Trim();
            }
        }

        return null;
    }
}
