using Surgewatch.Core.Calendar;
using Surgewatch.Core.Evaluation;
using Surgewatch.Core.Forecasting;
using Surgewatch.Core.Series;
using Surgewatch.Forecasting.XGBoost.Gbm;

namespace Surgewatch.Forecasting.XGBoost.Tests.Gbm;

[Collection(GbmFits.Collection)]
public class GbmModelTest
{
    private static readonly GbmOptions Quick = new() { Rounds = 60, MaxTrainingRows = 20_000 };

    [Fact]
    public void Name_IsGbm() => new GbmModel().Name.Should().Be("gbm");

    [RequiresXGBoostFact]
    public void Backtest_SyntheticCityRolling_BeatsSeasonalNaiveWeek()
    {
        var panel = GbmTestData.City();
        var options = new BacktestOptions(BacktestProtocol.Rolling, TestFrom(panel)) { Horizon = 3 };

        var gbm = Run(panel, new GbmModel(options: Quick), options);
        var naive = Run(panel, new SeasonalNaiveModel(SeasonalPeriod.Week), options);

        gbm.Overall.Wape.Should().BeLessThan(naive.Overall.Wape!.Value);
    }

    [RequiresXGBoostFact]
    public void Backtest_SyntheticCityDayAhead_BeatsSeasonalNaiveWeek()
    {
        var panel = GbmTestData.City();
        var options = new BacktestOptions(BacktestProtocol.DayAhead, TestFrom(panel));

        var gbm = Run(panel, new GbmModel(options: Quick), options);
        var naive = Run(panel, new SeasonalNaiveModel(SeasonalPeriod.Week), options);

        gbm.Overall.Wape.Should().BeLessThan(naive.Overall.Wape!.Value);
        gbm.Overall.N.Should().BeGreaterThan(0);
    }

    [RequiresXGBoostFact]
    public void Predict_AnotherPanel_Throws()
    {
        var panel = GbmTestData.City();
        var forecaster = new GbmModel(options: Quick).Fit(panel, panel.Length / 2);
        var other = GbmTestData.City();

        var predict = () => forecaster.Predict(new ForecastOrigin(other, 10), 0, new double[2]);

        predict.Should().Throw<InvalidOperationException>().WithMessage("*fitted on another panel*");
    }

    [RequiresXGBoostFact]
    public void Fit_NoReadingsBeforeTrainEnd_ThrowsAnActionableError()
    {
        var values = new double[200];
        Array.Fill(values, Missing.Value);
        var panel = new SeriesPanel(TimeLabel.FromDate(new DateOnly(2025, 1, 6)), TimeSpan.FromHours(1), [new SensorId("a")], [values]);

        var fit = () => new GbmModel(options: Quick).Fit(panel, 100);

        fit.Should().Throw<InvalidOperationException>().WithMessage("*longer training period*");
    }


    private static TimeLabel TestFrom(SeriesPanel panel) => panel.Start + TimeSpan.FromDays(12 * 7);

    private static BacktestResult Run(SeriesPanel panel, IForecastModel model, BacktestOptions options) =>
        new Backtester(TimeProvider.System).Run("synthetic", panel, model, options);
}
