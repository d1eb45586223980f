using Surgewatch.Core.Calendar;
using Surgewatch.Core.Evaluation;
using Surgewatch.Core.Forecasting;
using Surgewatch.Core.Series;
using static Surgewatch.Core.Tests.Forecasting.ForecastTestPanels;

namespace Surgewatch.Core.Tests.Evaluation;

public partial class BacktesterTest
{
    private static readonly TimeLabel Day2 = Monday + TimeSpan.FromDays(1);
    private readonly Backtester _backtester = new(new SteppingTimeProvider(TimeSpan.FromSeconds(1)));

    [Fact]
    public void Run_Rolling_ScoresEveryTargetFromTestFromAtEveryHorizon()
    {
        // Last-value from origin j − h forecasts j − h for target j: the error at horizon h is h.
        var result = Run(Hourly(Ramp(48)), new LastValueModel(), Rolling(Day2, horizon: 3));

        result.Horizons.Select(m => (m.H, m.N, m.Mae)).Should().Equal((1, 24L, 1.0), (2, 24L, 2.0), (3, 24L, 3.0));
        result.Overall.N.Should().Be(72);
        result.Overall.Mae.Should().Be(2);
    }

    [Fact]
    public void Run_Rolling_UpToPoolsTheSquaredErrorsOfStepsOneToH()
    {
        // Errors 1, 2, 3 at h = 1, 2, 3 on 24 targets each: pooled RMSE up to h is √(mean of 1², …, h²), not a mean of RMSEs.
        var result = Run(Hourly(Ramp(48)), new LastValueModel(), Rolling(Day2, horizon: 3));

        result.UpTo.Select(m => (m.H, m.N)).Should().Equal((1, 24L), (2, 48L), (3, 72L));
        result.UpTo.Select(m => m.Mae).Should().Equal(1.0, 1.5, 2.0);
        result.UpTo[1].Rmse.Should().BeApproximately(Math.Sqrt(2.5), 1e-12);
        result.UpTo[2].Rmse.Should().BeApproximately(Math.Sqrt(14 / 3.0), 1e-12);
        result.UpTo[2].Rmse.Should().Be(result.Overall.Rmse);
    }

    [Fact]
    public void Run_Rolling_FirstTargetIsTheTestFromSlot()
    {
        var values = Ramp(48);
        values[24] = 1000;

        // Target 24 (from origin 23) is off by 977, target 25 by 975, the other 22 targets by 1.
        var result = Run(Hourly(values), new LastValueModel(), Rolling(Day2, horizon: 1));

        result.Horizons[0].N.Should().Be(24);
        result.Horizons[0].Mae.Should().BeApproximately((977 + 975 + 22) / 24.0, 1e-9);
    }

    [Fact]
    public void Run_Rolling_MissingActualsAndForecastsAreNotPairs()
    {
        var values = Ramp(48);
        values[5] = NaN;
        values[30] = NaN;
        values[40] = NaN;

        // Slots 30 and 40 are missing actuals; slot 5 leaves target 29 without a forecast. 24 − 3 pairs per horizon.
        var result = Run(Hourly(values), new SeasonalNaiveModel(SeasonalPeriod.Day), Rolling(Day2, horizon: 2));

        result.Horizons.Select(m => m.N).Should().Equal(21, 21);
    }

    [Fact]
    public void Run_MaskZeroActuals_DropsPairsWhoseActualIsZero()
    {
        var values = Ramp(48);
        values[30] = 0;
        var options = Rolling(Day2, horizon: 1);

        Run(Hourly(values), new LastValueModel(), options).Overall.N.Should().Be(24);
        Run(Hourly(values), new LastValueModel(), options with { MaskZeroActuals = true }).Overall.N.Should().Be(23);
    }

    [Fact]
    public void Run_DayAheadOnTwoDays_OneOriginAtTheLastSlotOfDayOneForecastingEverySlotOfDayTwo()
    {
        var result = Run(Hourly(Ramp(48)), new LastValueModel(), DayAhead(Day2));

        result.Horizons.Should().HaveCount(24);
        result.Horizons.Should().OnlyContain(m => m.N == 1 && m.Mae == m.H, "origin slot 23 forecasts 23 for slot 23 + h");
    }

    [Fact]
    public void Run_DayAheadOnThreeDays_OneOriginPerTestDay()
    {
        var result = Run(Hourly(Ramp(72)), new SeasonalNaiveModel(SeasonalPeriod.Day), DayAhead(Day2));

        result.Horizons.Should().OnlyContain(m => m.N == 2 && m.Mae == 24);
        result.Overall.N.Should().Be(48);
    }

    [Fact]
    public void Run_DayAheadFromThePanelsFirstDay_SkipsTheDayWithoutAnOrigin()
    {
        var result = Run(Hourly(Ramp(72)), new LastValueModel(), DayAhead(Monday));

        result.Overall.N.Should().Be(48);
    }

    [Fact]
    public void Run_DayAheadFromMidday_ScoresOnlySlotsFromTestFrom()
    {
        var result = Run(Hourly(Ramp(48)), new LastValueModel(), DayAhead(Day2 + TimeSpan.FromHours(6)));

        result.Horizons.Select(m => m.N).Should().Equal([.. Enumerable.Repeat(0L, 6), .. Enumerable.Repeat(1L, 18)]);
    }

    [Fact]
    public void Run_DayAheadFiveMinuteGrid_Has288Horizons()
    {
        var result = Run(Of(Sensor.FiveMinutes, Ramp(2 * 288)), new LastValueModel(), DayAhead(Day2));

        result.Horizons.Should().HaveCount(288).And.OnlyContain(m => m.N == 1);
    }

    [Fact]
    public void Run_Always_FitsOnTheSlotsBeforeTestFrom()
    {
        var model = new RecordingModel();

        Run(Hourly(Ramp(48)), model, Rolling(Day2 + TimeSpan.FromHours(3), horizon: 2));

        model.TrainEnd.Should().Be(27);
    }

    private BacktestResult Run(SeriesPanel panel, IForecastModel model, BacktestOptions options) =>
        _backtester.Run("test", panel, model, options);

    private static BacktestOptions Rolling(TimeLabel testFrom, int horizon) => new(BacktestProtocol.Rolling, testFrom) { Horizon = horizon };

    private static BacktestOptions DayAhead(TimeLabel testFrom) => new(BacktestProtocol.DayAhead, testFrom);

    /// <summary>A last-value model that remembers where it was told training ends.</summary>
    private sealed class RecordingModel : IForecastModel
    {
        public string Name => "recording";

        public int TrainEnd { get; private set; } = -1;

        public IForecaster Fit(SeriesPanel panel, int trainEnd, CancellationToken cancellationToken = default)
        {
            TrainEnd = trainEnd;
            return new LastValueModel().Fit(panel, trainEnd, cancellationToken);
        }
    }
}
