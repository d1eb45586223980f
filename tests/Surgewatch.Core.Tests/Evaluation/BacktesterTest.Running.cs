using System.Collections.Concurrent;
using Surgewatch.Core.Evaluation;
using Surgewatch.Core.Forecasting;
using Surgewatch.Core.Tests.Forecasting;
using static Surgewatch.Core.Tests.Forecasting.ForecastTestPanels;

namespace Surgewatch.Core.Tests.Evaluation;

public partial class BacktesterTest
{
    [Fact]
    public void Run_Always_NamesDatasetModelProtocolAndTestFrom()
    {
        var result = _backtester.Run("melbourne", Hourly(Ramp(48)), new HistoricalMedianModel(), DayAhead(Day2));

        (result.Dataset, result.Model, result.Protocol, result.TestFrom).Should().Be(("melbourne", "historical-median-4w", "day-ahead", Day2));
    }

    [Fact]
    public void Run_Always_MeasuresFitAndPredictThroughTheTimeProvider()
    {
        var result = Run(Hourly(Ramp(48)), new LastValueModel(), Rolling(Day2, 1));

        result.FitSeconds.Should().Be(1);
        result.PredictSeconds.Should().Be(1);
    }

    [Fact]
    public void Run_ManySeriesOnTwoWorkers_MatchesOneWorker()
    {
        var panel = Hourly([.. Enumerable.Range(0, 9).Select(seed => Noisy(3 * 168, seed))]);
        var options = Rolling(Monday + TimeSpan.FromDays(14), horizon: 30);

        var one = Run(panel, new HistoricalMedianModel(), options with { MaxDegreeOfParallelism = 1 });
        var two = Run(panel, new HistoricalMedianModel(), options with { MaxDegreeOfParallelism = 2 });

        two.Horizons.Should().BeEquivalentTo(one.Horizons, o => o.Using<double>(c => c.Subject.Should().BeApproximately(c.Expectation, 1e-9)).WhenTypeIs<double>());
        two.Overall.N.Should().Be(one.Overall.N).And.BeGreaterThan(0);
    }

    [Fact]
    public void Run_Always_ReportsProgressPerSeriesUpToOne()
    {
        var reports = new ConcurrentBag<double>();
        var panel = Hourly(Ramp(48), Ramp(48), Ramp(48), Ramp(48));

        _backtester.Run("test", panel, new LastValueModel(), Rolling(Day2, 1), new SynchronousProgress(reports.Add));

        reports.Should().HaveCount(4).And.Contain(1.0).And.OnlyContain(p => p > 0 && p <= 1);
    }

    [Fact]
    public void Run_CancelledToken_ThrowsOperationCanceled()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        var run = () => _backtester.Run("test", Hourly(Ramp(48)), new LastValueModel(), Rolling(Day2, 1), cancellationToken: cancellation.Token);

        run.Should().Throw<OperationCanceledException>();
    }

    [Fact]
    public void Run_ModelReadingPastItsOrigin_FailsWithIndexOutOfRange()
    {
        var run = () => Run(Hourly(Ramp(48), Ramp(48)), new LookAheadTest.PeekingModel(), Rolling(Day2, 1));

        run.Should().Throw<IndexOutOfRangeException>();
    }

    [Fact]
    public void Run_TestFromAtOrAfterTheEnd_ThrowsSayingWhereThePanelEnds()
    {
        var run = () => Run(Hourly(Ramp(48)), new LastValueModel(), Rolling(Monday + TimeSpan.FromDays(2), 1));

        run.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*leaves no slot to test*2024-01-02T23:00:00*");
    }

    [Fact]
    public void Run_RollingHorizonBelowOne_Throws()
    {
        var run = () => Run(Hourly(Ramp(48)), new LastValueModel(), Rolling(Day2, 0));

        run.Should().Throw<ArgumentOutOfRangeException>();
    }

    private sealed class SynchronousProgress(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }
}
