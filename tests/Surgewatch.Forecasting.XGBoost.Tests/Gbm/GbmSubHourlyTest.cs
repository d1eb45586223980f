using System.Text;
using Surgewatch.Core.Calendar;
using Surgewatch.Core.Evaluation;
using Surgewatch.Core.Forecasting;
using Surgewatch.Core.Series;
using Surgewatch.Forecasting.XGBoost.Gbm;

namespace Surgewatch.Forecasting.XGBoost.Tests.Gbm;

/// <summary>gbm on sub-hourly data (road speeds every 5 minutes): the change-from-last label, the short-term columns and the averaged first-hour boosters.</summary>
[Collection(GbmFits.Collection)]
public class GbmSubHourlyTest
{
    private static readonly TimeSpan FiveMinutes = TimeSpan.FromMinutes(5);

    private static readonly GbmOptions Quick = GbmOptions.ForStep(FiveMinutes) with { Rounds = 40, MaxTrainingRows = 20_000 };

    [Fact]
    public void ForStep_SubHourly_LearnsTheChangeFromLastWithTheShortTermColumns()
    {
        var options = GbmOptions.ForStep(FiveMinutes);

        options.Target.Should().Be(GbmTarget.ChangeFromLast);
        options.RecentFeatures.Should().BeTrue();
        options.Objective.Should().Be("reg:squarederror");
        options.ShortHorizonObjective.Should().Be(GbmOptions.PseudoHuber);
        options.HuberSlope.Should().Be(0.005);
        options.ShortHorizonModels.Should().Be(3);
    }

    [Fact]
    public void ForStep_SubHourly_LooksForNoOutagesAndKeepsOneTargetForBothBoosters()
    {
        GbmOptions.ForStep(FiveMinutes).OutageRun.Should().Be(0);
        GbmOptions.ForStep(FiveMinutes).ShortHorizonTarget.Should().BeNull();
    }

    [Fact]
    public void ToParameters_PseudoHuber_SetsTheSlopeAndStartsFromZero()
    {
        var parameters = (GbmOptions.ForStep(FiveMinutes) with { Objective = GbmOptions.PseudoHuber }).ToParameters();

        parameters["objective"].Should().Be("reg:pseudohubererror");
        parameters["huber_slope"].Should().Be("0.005");
        parameters["base_score"].Should().Be("0");
    }

    [Fact]
    public void ToParameters_SquaredError_LeavesSlopeAndStartToXGBoost()
    {
        var parameters = GbmOptions.ForStep(FiveMinutes).ToParameters();

        parameters["objective"].Should().Be("reg:squarederror");
        parameters.Should().NotContainKey("huber_slope").And.NotContainKey("base_score");
    }

    [RequiresXGBoostFact]
    public void Fit_SubHourly_FirstHourBoosterLearnsPseudoHuberAndDayAheadSquaredError()
    {
        var panel = Speeds();

        var fitted = (GbmForecaster)new GbmModel(options: Quick).Fit(panel, panel.Length - 100);

        fitted.NearBoosters.Should().HaveCount(3);
        fitted.NearBoosters!.Should().OnlyContain(b => Encoding.UTF8.GetString(b.SaveJson()).Contains("\"reg:pseudohubererror\""));
        Encoding.UTF8.GetString(fitted.Booster.SaveJson()).Should().Contain("\"reg:squarederror\"").And.NotContain("pseudohuber");
    }

    [RequiresXGBoostFact]
    public void PredictAll_ThreeFirstHourBoosters_ForecastsTheMeanOfTheirPredictions()
    {
        var panel = Speeds();
        var gbm = (GbmForecaster)new GbmModel(options: Quick).Fit(panel, panel.Length - 100);
        var origin = new ForecastOrigin(panel, panel.Length - 20);
        var count = panel.Sensors.Count;
        const int horizon = 12;
        var columns = gbm.Builder.Columns;
        var features = new float[count * horizon * columns];
        gbm.BuildAll(origin.Index, horizon, horizon, features);
        var mean = new float[count * horizon];
        var one = new float[count * horizon];
        foreach (var booster in gbm.NearBoosters!)
        {
            booster.Predict(features, columns, one);
            for (var r = 0; r < mean.Length; r++)
            {
                mean[r] += one[r] / 3;
            }
        }

        var expected = new double[count * horizon];
        gbm.Descale(origin.Index, horizon, features, mean, expected);
        var last = new double[count * horizon];
        gbm.Descale(origin.Index, horizon, features, one, last);
        var points = new double[count * horizon];

        gbm.PredictAll(origin, points);

        points.Should().Equal(expected, (a, b) => Math.Abs(a - b) < 1e-3);
        points.Zip(last, (a, b) => Math.Abs(a - b)).Max().Should().BeGreaterThan(0.01, "the boosters differ, so their mean is not the last one alone");
    }

    [RequiresXGBoostFact]
    public void Backtest_SpeedsWithDailyDrops_BeatsLastValue()
    {
        var panel = Speeds();
        var options = new BacktestOptions(BacktestProtocol.Rolling, panel.Start + TimeSpan.FromDays(4)) { Horizon = 6 };

        var gbm = Run(panel, new GbmModel(options: Quick), options);
        var last = Run(panel, new LastValueModel(), options);

        gbm.Overall.Mae.Should().BeLessThan(last.Overall.Mae!.Value);
    }

    [RequiresXGBoostFact]
    public void Load_SavedChangeModel_ForecastsAsTheFittedModel()
    {
        var panel = Speeds();
        var model = new GbmModel(options: Quick);
        var fitted = model.Fit(panel, panel.Length - 100);
        var origin = new ForecastOrigin(panel, panel.Length - 20);
        var expected = new double[12];
        fitted.Predict(origin, 1, expected);

        var loaded = model.Load(model.SaveState(fitted), panel);
        var actual = new double[12];
        loaded.Predict(origin, 1, actual);

        actual.Should().Equal(expected);
        actual.Should().OnlyContain(v => v > 0 && v < 80);
    }

    /// <summary>Three road sensors, 5 days of 5-minute speeds near 65 mph, with a slow-down every afternoon that spreads downstream.</summary>
    private static SeriesPanel Speeds()
    {
        const int perDay = 288;
        var random = new Random(7);
        var values = new double[3][];
        for (var s = 0; s < values.Length; s++)
        {
            values[s] = new double[5 * perDay];
            for (var t = 0; t < values[s].Length; t++)
            {
                var slot = (t % perDay) - (200 + (6 * s));
                var drop = slot is >= 0 and < 24 ? 30 * Math.Sin(Math.PI * slot / 24) : 0;
                values[s][t] = 65 - drop + random.NextDouble() * 2;
            }
        }

        SensorId[] ids = [new("a"), new("b"), new("c")];
        return new SeriesPanel(TimeLabel.FromDate(new DateOnly(2025, 1, 6)), FiveMinutes, ids, values);
    }

    private static BacktestResult Run(SeriesPanel panel, IForecastModel model, BacktestOptions options) =>
        new Backtester(TimeProvider.System).Run("speeds", panel, model, options);
}
