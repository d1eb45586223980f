using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;

namespace Surgewatch.Benchmarks.Live;

/// <summary>
/// The per-slot benchmarks: one invocation per iteration (the surge monitor is replayed before each), 3 warm-up and
/// 15 measured, with the median.
/// </summary>
public sealed class LiveSlotConfig : ManualConfig
{
    public LiveSlotConfig()
    {
        AddJob(Job.Default
            .WithStrategy(RunStrategy.Monitoring)
            .WithLaunchCount(1)
            .WithWarmupCount(3)
            .WithIterationCount(15)
            .WithInvocationCount(1)
            .WithUnrollFactor(1));
        AddColumn(StatisticColumn.Median);
    }
}
