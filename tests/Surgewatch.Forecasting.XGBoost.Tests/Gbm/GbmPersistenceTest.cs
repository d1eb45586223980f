using Surgewatch.Core.Forecasting;
using Surgewatch.Core.Forecasting.Intervals;
using Surgewatch.Core.Forecasting.Persistence;
using Surgewatch.Forecasting.XGBoost.Gbm;

namespace Surgewatch.Forecasting.XGBoost.Tests.Gbm;

// Shares a collection with GbmModelTest: the static fit counter must not move while a load is checked.
[Collection(GbmFits.Collection)]
public class GbmPersistenceTest
{
    private static readonly GbmOptions Quick = new() { Rounds = 30, MaxTrainingRows = 10_000 };

    [RequiresXGBoostFact]
    public void Load_SavedGbm_ForecastsFreshDataWithoutFittingAndAsTheFittedModel()
    {
        var panel = GbmTestData.City();
        var model = new ConformalModel(new GbmModel(options: Quick));
        var fitted = model.Fit(panel, panel.Length);
        var saved = ModelSnapshot.Save(model, fitted, panel, panel.Length, "{}", DateTimeOffset.UnixEpoch);
        var fresh = GbmTestData.City();
        var fits = GbmModel.FitCount;

        var loaded = ModelSnapshot.Load(new ConformalModel(new GbmModel(options: Quick)), saved, fresh);
        var forecasts = ForecastIssuer.Issue(loaded, new ForecastOrigin(fresh, fresh.Length - 1), 24, "gbm");

        GbmModel.FitCount.Should().Be(fits, "loading a saved model must not fit");
        var reference = new double[24];
        fitted.Predict(new ForecastOrigin(panel, panel.Length - 1), 0, reference);
        forecasts[0].Points.Select(p => p.Mean).Should().Equal(reference, "the fresh panel holds the same readings");
        forecasts[0].Points.Should().OnlyContain(p => p.Intervals.Count == 2 && p.Intervals[1].Lower <= p.Mean && p.Mean <= p.Intervals[1].Upper);
    }

    [RequiresXGBoostFact]
    public void PredictAll_EverySeries_EqualsSeriesBySeriesPrediction()
    {
        var panel = GbmTestData.City();
        var forecaster = (IBatchForecaster)new GbmModel(options: Quick).Fit(panel, panel.Length);

        var (batched, single) = GbmTestData.BatchedAndSingle(forecaster, new ForecastOrigin(panel, panel.Length - 1), 24);

        batched.Should().Equal(single);
    }

    [RequiresXGBoostFact]
    public void Load_StateOfTheFormerFormat_RefusesAndAsksToTrainAgain()
    {
        var former = StateFormat.Write(w => w.Write("gbm/3"));

        var act = () => new GbmModel(options: Quick).Load(former, GbmTestData.City());

        act.Should().Throw<ModelStateException>().WithMessage("*'gbm/3'*'gbm/4'*Train the model again*");
    }

    [RequiresXGBoostFact]
    public void Version_NamesTheFormatAndTheLearner()
    {
        new GbmModel().Version.Should().StartWith("gbm/4 xgboost ");
    }

}
