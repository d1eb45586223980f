using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;

namespace Surgewatch.Benchmarks.Live;

/// <summary>The per-second benchmarks: one process each, 5 warm-up and 20 measured iterations (about half a second each), with the median.</summary>
public sealed class LiveStepConfig : ManualConfig
{
    public LiveStepConfig()
    {
        AddJob(Job.Default
            .WithLaunchCount(1)
            .WithWarmupCount(5)
            .WithIterationCount(20));
        AddColumn(StatisticColumn.Median);
    }
}
