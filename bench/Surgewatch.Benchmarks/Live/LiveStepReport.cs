using System.Globalization;
using BenchmarkDotNet.Reports;

namespace Surgewatch.Benchmarks.Live;

/// <summary>
/// Adds up the live benchmarks' medians into the figure issue 16 sets a target for: the Core work per second of wall
/// time at real-time speed, the per-second work plus the per-slot work spread over the hour between hourly slots.
/// </summary>
internal static class LiveStepReport
{
    public const string PerSecond = "live-second";
    public const string PerSlot = "live-slot";

    /// <summary>Target of issue 16: milliseconds of Core work per second of wall time.</summary>
    public const double TargetMilliseconds = 50;

    /// <summary>The refresh target of issue 3: seconds for 10,000 series × 24 steps.</summary>
    public const double RefreshTargetSeconds = 1;

    private const double SecondsPerSlot = 3600;

    /// <summary>Prints the amortised cost when the summaries hold the benchmarks it needs; otherwise nothing.</summary>
    public static void Print(IEnumerable<Summary> summaries)
    {
        var medians = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var report in summaries.SelectMany(s => s.Reports))
        {
            var descriptor = report.BenchmarkCase.Descriptor;
            if (report.ResultStatistics is { } statistics && (descriptor.HasCategory(PerSecond) || descriptor.HasCategory(PerSlot)))
            {
                medians[descriptor.WorkloadMethod.Name] = statistics.Median / 1e6;
            }
        }

        if (!medians.TryGetValue(nameof(LiveStepBenchmarks.LiveSecond), out var second)
            || !medians.TryGetValue(nameof(LiveSlotBenchmarks.IssueForecasts), out var refresh)
            || !medians.TryGetValue(nameof(LiveSlotBenchmarks.IssueSurge), out var issue))
        {
            return;
        }

        var parts = string.Join(" + ", new[] { nameof(LiveStepBenchmarks.FuseZones), nameof(LiveStepBenchmarks.StepZones), nameof(LiveStepBenchmarks.EvaluateCounters) }
            .Where(medians.ContainsKey).Select(name => $"{name} {Ms(medians[name])}"));
        var amortised = second + ((refresh + issue) / SecondsPerSlot);
        Console.WriteLine();
        Console.WriteLine("Live step (issue 16), from the medians:");
        Console.WriteLine($"  per second: LiveSecond {Ms(second)} ms (parts: {parts} ms)");
        Console.WriteLine($"  per hourly slot: IssueForecasts {Ms(refresh)} + IssueSurge {Ms(issue)} = {Ms(refresh + issue)} ms, {Ms((refresh + issue) / SecondsPerSlot)} ms a second");
        Console.WriteLine($"  amortised: {Ms(amortised)} ms per second of wall time; target ≤ {TargetMilliseconds} ms: {(amortised <= TargetMilliseconds ? "met" : "NOT met")}");
        Console.WriteLine($"  refresh of 10,000 series × 24 steps with intervals: {Ms(refresh)} ms; target ≤ {RefreshTargetSeconds} s: {(refresh <= RefreshTargetSeconds * 1000 ? "met" : "NOT met")}");
    }

    private static bool HasCategory(this BenchmarkDotNet.Running.Descriptor descriptor, string category) =>
        descriptor.Categories.Contains(category, StringComparer.Ordinal);

    private static string Ms(double milliseconds) => milliseconds.ToString(milliseconds < 10 ? "0.000" : "0.0", CultureInfo.InvariantCulture);
}
