using BenchmarkDotNet.Attributes;
using Surgewatch.Core.Forecasting;
using Surgewatch.Core.Forecasting.Persistence;
using Surgewatch.Core.Live;

namespace Surgewatch.Benchmarks.Live;

/// <summary>
/// The server's per-slot work in Core for 10,000 hourly counters (issue 16; LiveDeployment at the start of each hour):
/// the refresh with intervals (<see cref="ForecastIssuer.Issue(IForecaster, in ForecastOrigin, int, string)"/>: every
/// counter forecast 24 steps by the deployed historical-median-4w with conformal intervals, then the
/// <see cref="Forecast"/> objects the store receives), its prediction stage alone, and <see cref="SurgeMonitor.Issue(Core.Series.SeriesPanel, int, ReadOnlySpan{double}, ReadOnlySpan{double})"/>
/// with precomputed points, timed over a whole day of slots (one of them a midnight issue with the day ahead) and
/// reported per slot. Every iteration is one invocation: the surge monitor must take slots in order, so each
/// iteration starts from a monitor replayed up to the day (as after a deployment).
/// </summary>
[Config(typeof(LiveSlotConfig))]
[MemoryDiagnoser]
[BenchmarkCategory(LiveStepReport.PerSlot)]
public class LiveSlotBenchmarks
{
    private const int CounterCount = 10_000;
    private const int SlotsPerDay = 24;

    private LiveCounters _counters = null!;
    private SurgeMonitor _monitor = null!;
    private double[] _points = [];

    [GlobalSetup]
    public void SetUp()
    {
        _counters = new LiveCounters(CounterCount);
        _points = new double[CounterCount * LiveCounters.Horizon];
    }

    [IterationSetup(Target = nameof(IssueSurge))]
    public void ReplayToTheDay() => _monitor = _counters.Replayed(_counters.FirstIssue - 1);

    /// <summary>Issues the surge monitor for each slot of a day, in order; per slot.</summary>
    [Benchmark(OperationsPerInvoke = SlotsPerDay)]
    public IReadOnlyList<CounterSurge> IssueSurge()
    {
        IReadOnlyList<CounterSurge> latest = [];
        for (var slot = _counters.FirstIssue; slot <= _counters.LastSlot; slot++)
        {
            latest = _counters.Issue(_monitor, slot);
        }

        return latest;
    }

    /// <summary>The point forecasts of every counter, 24 steps ahead, from the last slot with readings.</summary>
    [Benchmark]
    public double[] PredictAll()
    {
        BatchPrediction.PredictAll(_counters.Forecaster, new ForecastOrigin(_counters.Panel, _counters.LastSlot - 1), _points);
        return _points;
    }

    /// <summary>The refresh as LiveDeployment issues it: points, intervals and Forecast objects for every counter.</summary>
    [Benchmark]
    public IReadOnlyList<Forecast> IssueForecasts() =>
        ForecastIssuer.Issue(_counters.Forecaster, new ForecastOrigin(_counters.Panel, _counters.LastSlot - 1), LiveCounters.Horizon, _counters.Model);
}
