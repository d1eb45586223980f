using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;

namespace Surgewatch.Benchmarks.Upsert;

/// <summary>One invocation per iteration: every iteration writes into a fresh database prepared by an iteration setup.</summary>
public sealed class MonitoringConfig : ManualConfig
{
    public MonitoringConfig() => AddJob(Job.Default
        .WithStrategy(RunStrategy.Monitoring)
        .WithLaunchCount(1)
        .WithWarmupCount(2)
        .WithIterationCount(10)
        .WithInvocationCount(1)
        .WithUnrollFactor(1));
}
