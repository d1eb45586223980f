using System.Collections.Concurrent;
using Surgewatch.Core.Evaluation;
using Surgewatch.Core.Evaluation.Refitting;
using Surgewatch.Core.Forecasting;
using Surgewatch.Core.Series;
using Surgewatch.Core.Tests.Evaluation.Refitting;
using static Surgewatch.Core.Tests.Forecasting.ForecastTestPanels;

namespace Surgewatch.Core.Tests.Evaluation;

public partial class BacktesterTest
{
    private static readonly TimeSpan OneDay = TimeSpan.FromDays(1);

    [Fact]
    public void Run_RefitEveryDay_FitsOncePerSegmentAtItsRefitPoint()
    {
        var model = new TrainingMeanModel();

        var result = Run(Hourly(Noisy(6 * 24, seed: 3)), model, Rolling(Day2, horizon: 1) with { RefitEvery = OneDay });

        model.TrainEnds.Should().Equal(24, 48, 72, 96, 120);
        result.Fits.Should().Be(5);
        result.RefitEvery.Should().Be(OneDay);
    }

    [Fact]
    public void Run_RefitEveryDay_EachForecastComesFromTheFitInForceWhenItIsIssued()
    {
        var panel = Hourly(Noisy(6 * 24, seed: 3));
        var log = new ForecastLog(new TrainingMeanModel());

        Run(panel, log, Rolling(Day2, horizon: 2) with { RefitEvery = OneDay });

        var schedule = RefitSchedule.Every(24, panel.Length, 24);
        log.Forecasts.Should().HaveCount(panel.Length - 1 - 22, "origins 22 … the second-to-last slot");
        foreach (var (origin, forecast) in log.Forecasts)
        {
            var point = schedule.Points[schedule.SegmentOf(origin + 1)];
            forecast.Should().Be(TrainingMeanModel.MeanBefore(panel, 0, point), $"origin {origin} issues at {origin + 1}, after the refit at {point}");
        }
    }

    [Fact]
    public void Run_ValueChangedAfterARefitPoint_ChangesNoForecastIssuedBeforeTheNextRefit()
    {
        // Refit points 24, 48, 72, 96, 120; slot 80 lies in the segment that starts at 72.
        var values = Noisy(6 * 24, seed: 3);
        var changed = (double[])values.Clone();
        changed[80] = 5000;
        var before = new ForecastLog(new TrainingMeanModel());
        var after = new ForecastLog(new TrainingMeanModel());

        Run(Hourly(values), before, Rolling(Day2, horizon: 1) with { RefitEvery = OneDay });
        Run(Hourly(changed), after, Rolling(Day2, horizon: 1) with { RefitEvery = OneDay });

        foreach (var (origin, forecast) in before.Forecasts)
        {
            if (origin + 1 < 96)
            {
                after.Forecasts[origin].Should().Be(forecast, $"origin {origin} issues before the refit that first sees slot 80");
            }
            else
            {
                after.Forecasts[origin].Should().BeGreaterThan(forecast, $"origin {origin} issues from the fit at 96 or later, trained on slot 80");
            }
        }
    }

    [Fact]
    public void Run_NoRefitInterval_FitsOnceLikeAnIntervalLongerThanTheTest()
    {
        var panel = Hourly(Noisy(6 * 24, seed: 5), Noisy(6 * 24, seed: 6));
        var once = new TrainingMeanModel();
        var longer = new TrainingMeanModel();

        var a = Run(panel, once, Rolling(Day2, horizon: 3));
        var b = Run(panel, longer, Rolling(Day2, horizon: 3) with { RefitEvery = TimeSpan.FromDays(30) });

        once.TrainEnds.Should().Equal(24).And.Equal(longer.TrainEnds);
        (a.Fits, a.RefitEvery).Should().Be((1, null));
        // Series are scored in parallel with per-thread sums, merged in whatever order the threads end: equal to the last digits.
        b.Horizons.Should().BeEquivalentTo(a.Horizons, o => o.Using<double>(c => c.Subject.Should().BeApproximately(c.Expectation, 1e-9)).WhenTypeIs<double>());
        b.Overall.Should().BeEquivalentTo(a.Overall, o => o.Using<double>(c => c.Subject.Should().BeApproximately(c.Expectation, 1e-9)).WhenTypeIs<double>());
    }

    [Fact]
    public void Run_ModelThatLearnsNothingRefittedDaily_ScoresAsOneFit()
    {
        var panel = Hourly(Noisy(6 * 24, seed: 7), Noisy(6 * 24, seed: 8));

        var once = Run(panel, new LastValueModel(), Rolling(Day2, horizon: 3));
        var daily = Run(panel, new LastValueModel(), Rolling(Day2, horizon: 3) with { RefitEvery = OneDay });

        daily.Fits.Should().Be(5);
        daily.Horizons.Should().BeEquivalentTo(once.Horizons, o => o.Using<double>(c => c.Subject.Should().BeApproximately(c.Expectation, 1e-9)).WhenTypeIs<double>());
    }

    [Fact]
    public void Run_DayAheadRefitEveryTwelveHours_FitsOnlyTheSegmentsThatIssueAForecast()
    {
        var model = new TrainingMeanModel();

        var result = Run(Hourly(Ramp(4 * 24)), model, DayAhead(Day2) with { RefitEvery = TimeSpan.FromHours(12) });

        model.TrainEnds.Should().Equal(24, 48, 72);
        result.Fits.Should().Be(3);
        result.Overall.N.Should().Be(3 * 24);
    }

    [Fact]
    public void Run_RefitIntervalNotAWholeNumberOfSteps_Throws()
    {
        var run = () => Run(Hourly(Ramp(48)), new LastValueModel(), Rolling(Day2, horizon: 1) with { RefitEvery = TimeSpan.FromMinutes(90) });

        run.Should().Throw<ArgumentException>().WithMessage("*whole number*");
    }

    /// <summary>Wraps a model and keeps the one-step forecast of series 0 from every origin.</summary>
    private sealed class ForecastLog(IForecastModel inner) : IForecastModel
    {
        public string Name => inner.Name;

        public ConcurrentDictionary<int, double> Forecasts { get; } = new();

        public IForecaster Fit(SeriesPanel panel, int trainEnd, CancellationToken cancellationToken = default) =>
            new Logging(inner.Fit(panel, trainEnd, cancellationToken), Forecasts);

        private sealed class Logging(IForecaster inner, ConcurrentDictionary<int, double> log) : IForecaster
        {
            public void Predict(in ForecastOrigin origin, int series, Span<double> point)
            {
                inner.Predict(origin, series, point);
                if (series == 0 && !log.TryAdd(origin.Index, point[0]))
                {
                    throw new InvalidOperationException($"Origin {origin.Index} was forecast twice.");
                }
            }
        }
    }
}
