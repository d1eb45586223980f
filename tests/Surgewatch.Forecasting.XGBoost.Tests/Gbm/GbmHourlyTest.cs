using System.Text;
using Surgewatch.Core.Evaluation;
using Surgewatch.Core.Forecasting;
using Surgewatch.Core.Series;
using Surgewatch.Forecasting.XGBoost.Gbm;

namespace Surgewatch.Forecasting.XGBoost.Tests.Gbm;

/// <summary>gbm on hourly counts: the first-hour booster learns the change from the profile estimate with a pseudo-Huber loss.</summary>
[Collection(GbmFits.Collection)]
public class GbmHourlyTest
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    private static readonly GbmOptions Quick = GbmOptions.ForStep(Hour) with { Rounds = 40, MaxTrainingRows = 20_000, ShortHorizonRows = 10_000 };

    [Fact]
    public void ForStep_Hourly_FirstHourLearnsTheProfileChangeWithPseudoHuber()
    {
        var options = GbmOptions.ForStep(Hour);

        options.Target.Should().Be(GbmTarget.Level);
        options.Objective.Should().Be("reg:squarederror");
        options.ShortHorizonTarget.Should().Be(GbmTarget.ChangeFromProfile);
        options.ShortHorizonObjective.Should().Be(GbmOptions.PseudoHuber);
        options.ShortHorizonModels.Should().Be(3, "three first-hour boosters are averaged");
        (options.ShortHorizonModels * options.ShortHorizonRows).Should().BeGreaterThan(options.MaxTrainingRows);
        options.OutageRun.Should().Be(GbmOptions.HourlyOutageRun);
        options.RecentFeatures.Should().BeFalse();
    }

    [RequiresXGBoostFact]
    public void Fit_Hourly_FirstHourBoosterLearnsTheProfileChangeAndDayAheadTheLevel()
    {
        var panel = GbmTestData.City();

        var fitted = (GbmForecaster)new GbmModel(options: Quick).Fit(panel, panel.Length - 24);

        fitted.Target.Should().Be(GbmTarget.Level);
        fitted.NearTarget.Should().Be(GbmTarget.ChangeFromProfile);
        Encoding.UTF8.GetString(fitted.NearBoosters![0].SaveJson()).Should().Contain("\"reg:pseudohubererror\"");
        Encoding.UTF8.GetString(fitted.Booster.SaveJson()).Should().Contain("\"reg:squarederror\"");
        fitted.Main.Ensemble.Should().NotBeNull("the own tree evaluator must serve refreshes: {0}", fitted.Main.FallbackReason);
        fitted.Near![0].Ensemble.Should().NotBeNull("the own tree evaluator must serve refreshes: {0}", fitted.Near[0].FallbackReason);
    }

    [RequiresXGBoostFact]
    public void Load_SavedProfileModel_ForecastsAsTheFittedModel()
    {
        var panel = GbmTestData.City();
        var model = new GbmModel(options: Quick);
        var fitted = model.Fit(panel, panel.Length - 24);
        var origin = new ForecastOrigin(panel, panel.Length - 10);
        var expected = new double[24];
        fitted.Predict(origin, 2, expected);

        var loaded = (GbmForecaster)model.Load(model.SaveState(fitted), panel);
        var actual = new double[24];
        loaded.Predict(origin, 2, actual);

        loaded.NearTarget.Should().Be(GbmTarget.ChangeFromProfile);
        actual.Should().Equal(expected);
    }

    [RequiresXGBoostFact]
    public void PredictAll_ProfileModel_EqualsSeriesBySeriesPrediction()
    {
        var panel = GbmTestData.City();
        var forecaster = (IBatchForecaster)new GbmModel(options: Quick).Fit(panel, panel.Length);

        var (batched, single) = GbmTestData.BatchedAndSingle(forecaster, new ForecastOrigin(panel, panel.Length - 1), 24);

        batched.Should().Equal(single);
    }

    [RequiresXGBoostFact]
    public void PredictSome_SomeSeries_WritesWhatPredictAllWritesForThemAndLeavesTheOthers()
    {
        var panel = GbmTestData.City();
        var forecaster = (IBatchForecaster)new GbmModel(options: Quick).Fit(panel, panel.Length);
        var origin = new ForecastOrigin(panel, panel.Length - 1);
        var (all, _) = GbmTestData.BatchedAndSingle(forecaster, origin, 24);
        int[] series = [1, 4, 5, 10];
        var some = new double[all.Length];
        Array.Fill(some, -1);

        forecaster.PredictSome(origin, series, some);

        for (var s = 0; s < panel.Sensors.Count; s++)
        {
            var expected = series.Contains(s) ? all.AsSpan(s * 24, 24).ToArray() : Enumerable.Repeat(-1.0, 24).ToArray();
            some.AsSpan(s * 24, 24).ToArray().Should().Equal(expected, $"series {s}");
        }
    }

    [RequiresXGBoostFact]
    public void Predict_SensorReadZeroForADay_ForecastsZeroUntilItReadsAgain()
    {
        var panel = GbmTestData.City();
        var origin = panel.Length - 1;
        var dead = WithZeros(panel, series: 2, from: origin - 23, count: 24);
        var almost = WithZeros(panel, series: 2, from: origin - 22, count: 23);
        var model = new GbmModel(options: Quick);

        var (batched, single) = GbmTestData.BatchedAndSingle((IBatchForecaster)model.Fit(dead, dead.Length - 48), new ForecastOrigin(dead, origin), 24);
        var early = new double[24];
        model.Fit(almost, almost.Length - 48).Predict(new ForecastOrigin(almost, origin), 2, early);

        single.AsSpan(2 * 24, 24).ToArray().Should().OnlyContain(v => v == 0, "a whole day of zeros says the counter is down");
        batched.Should().Equal(single);
        single.AsSpan(3 * 24, 24).ToArray().Should().Contain(v => v > 0, "the other sensors are forecast as before");
        early.Should().Contain(v => v > 0, "23 zero hours are not yet a dead sensor");
    }

    private static SeriesPanel WithZeros(SeriesPanel panel, int series, int from, int count)
    {
        var values = new double[panel.Sensors.Count][];
        for (var s = 0; s < values.Length; s++)
        {
            values[s] = panel.Values(s).ToArray();
        }

        Array.Fill(values[series], 0.0, from, count);
        return new SeriesPanel(panel.Start, panel.Step, panel.Sensors, values);
    }

    [RequiresXGBoostFact]
    public void Backtest_SyntheticCityRolling_BeatsSeasonalNaiveWeek()
    {
        var panel = GbmTestData.City();
        var options = new BacktestOptions(BacktestProtocol.Rolling, panel.Start + TimeSpan.FromDays(12 * 7)) { Horizon = 1 };

        var gbm = Run(panel, new GbmModel(options: Quick), options);
        var naive = Run(panel, new SeasonalNaiveModel(SeasonalPeriod.Week), options);

        gbm.Overall.Wape.Should().BeLessThan(naive.Overall.Wape!.Value);
    }


    private static BacktestResult Run(SeriesPanel panel, IForecastModel model, BacktestOptions options) =>
        new Backtester(TimeProvider.System).Run("synthetic", panel, model, options);
}
