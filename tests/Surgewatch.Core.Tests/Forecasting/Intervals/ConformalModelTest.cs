using Surgewatch.Core.Evaluation;
using Surgewatch.Core.Forecasting;
using Surgewatch.Core.Forecasting.Intervals;
using Surgewatch.Core.Series;
using Surgewatch.Core.Tests.Evaluation;
using static Surgewatch.Core.Tests.Forecasting.ForecastTestPanels;

namespace Surgewatch.Core.Tests.Forecasting.Intervals;

public class ConformalModelTest
{
    private readonly Backtester _backtester = new(new SteppingTimeProvider(TimeSpan.FromSeconds(1)));

    [Theory]
    [InlineData(BacktestProtocol.Rolling)]
    [InlineData(BacktestProtocol.DayAhead)]
    public void Fit_StationaryNoise_CoversNearTheNominalLevels(BacktestProtocol protocol)
    {
        var panel = IntervalTestPanels.Noisy(160, seed: 7, 10, 100, 1000);
        var options = new BacktestOptions(protocol, Monday + TimeSpan.FromDays(130)) { Horizon = 3 };

        var result = _backtester.Run("noise", panel, new ConformalModel(new SeasonalNaiveModel(SeasonalPeriod.Day)), options);

        IntervalCoverage.Of(result.Overall.Coverage, 0.8).Should().BeInRange(0.77, 0.83);
        IntervalCoverage.Of(result.Overall.Coverage, 0.95).Should().BeInRange(0.93, 0.97);
        result.Horizons.Should().OnlyContain(h => h.Coverage != null);
    }

    [Fact]
    public void PredictIntervals_BusyAndQuietSensors_GetProportionateBands()
    {
        var panel = IntervalTestPanels.Noisy(60, seed: 3, 10, 1000);
        var forecaster = (IIntervalForecaster)new ConformalModel(new SeasonalNaiveModel(SeasonalPeriod.Day)).Fit(panel, panel.Length);
        var origin = new ForecastOrigin(panel, panel.Length - 1);

        var quiet = Width(forecaster, origin, 0);
        var busy = Width(forecaster, origin, 1);

        (busy / quiet).Should().BeApproximately(100, 15);
    }

    [Fact]
    public void PredictIntervals_Always_NestsTheNarrowLevelInsideTheWideOneAroundThePoint()
    {
        var panel = IntervalTestPanels.Noisy(60, seed: 5, 50);
        var forecaster = (IIntervalForecaster)new ConformalModel(new LastValueModel()).Fit(panel, panel.Length);
        var point = new double[4];
        var bounds = new double[16];
        var origin = new ForecastOrigin(panel, panel.Length - 1);

        forecaster.Predict(origin, 0, point);
        forecaster.PredictIntervals(origin, 0, point, bounds);

        for (var h = 0; h < 4; h++)
        {
            bounds[8 + h].Should().BeLessThanOrEqualTo(bounds[h]).And.BeGreaterThanOrEqualTo(0);
            bounds[h].Should().BeLessThanOrEqualTo(point[h]);
            bounds[4 + h].Should().BeGreaterThanOrEqualTo(point[h]).And.BeLessThanOrEqualTo(bounds[12 + h]);
        }
    }

    [Theory]
    [InlineData(true, 2)]
    [InlineData(false, 1)]
    public void Fit_Refit_FitsBeforeTheCalibrationWindowThenOnTheWholeWindow(bool refit, int fits)
    {
        var panel = IntervalTestPanels.Noisy(50, seed: 1, 10);
        var inner = new CountingModel();
        var model = new ConformalModel(inner, new ConformalOptions { Refit = refit });

        model.Fit(panel, 40 * 24);

        inner.TrainEnds.Should().HaveCount(fits);
        inner.TrainEnds[0].Should().Be(model.CalibrationStart(panel, 40 * 24)).And.Be(32 * 24, "a fifth of 40 days is held out");
    }

    [Fact]
    public void Run_ModelWithoutIntervals_ReportsNoCoverage()
    {
        var panel = IntervalTestPanels.Noisy(10, seed: 1, 10);

        var result = _backtester.Run("x", panel, new LastValueModel(), new BacktestOptions(BacktestProtocol.Rolling, Monday + TimeSpan.FromDays(8)));

        result.Overall.Coverage.Should().BeNull();
        result.Horizons[0].Coverage.Should().BeNull();
    }

    private static double Width(IIntervalForecaster forecaster, ForecastOrigin origin, int series)
    {
        var point = new double[24];
        var bounds = new double[96];
        forecaster.Predict(origin, series, point);
        forecaster.PredictIntervals(origin, series, point, bounds);
        double width = 0;
        for (var h = 0; h < 24; h++)
        {
            width += bounds[72 + h] - bounds[48 + h];
        }

        return width;
    }

    private sealed class CountingModel : IForecastModel
    {
        public List<int> TrainEnds { get; } = [];

        public string Name => "counting";

        public IForecaster Fit(SeriesPanel panel, int trainEnd, CancellationToken cancellationToken = default)
        {
            TrainEnds.Add(trainEnd);
            return new LastValueModel().Fit(panel, trainEnd, cancellationToken);
        }
    }
}
