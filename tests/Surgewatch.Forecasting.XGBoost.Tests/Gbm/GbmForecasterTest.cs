using Surgewatch.Core.Forecasting;
using Surgewatch.Core.Forecasting.Features;
using Surgewatch.Forecasting.XGBoost.Gbm;

namespace Surgewatch.Forecasting.XGBoost.Tests.Gbm;

[Collection(GbmFits.Collection)]
public class GbmForecasterTest
{
    private static readonly GbmOptions Quick = new() { Rounds = 30, MaxTrainingRows = 10_000 };

    [RequiresXGBoostFact]
    public void PredictAll_OwnTreeEvaluator_EqualsTheRefreshThroughXGBoost()
    {
        var panel = GbmTestData.City();
        var gbm = (GbmForecaster)new GbmModel(options: Quick).Fit(panel, panel.Length);
        var origin = new ForecastOrigin(panel, panel.Length - 1);
        var count = panel.Sensors.Count;
        const int horizon = 24;
        var near = gbm.NearSteps(horizon);
        var features = new float[count * horizon * FeatureLayout.Count];
        var predictions = new float[count * horizon];
        var expected = new double[count * horizon];
        gbm.BuildAll(origin.Index, horizon, near, features);
        gbm.Near![0].Booster.Predict(features.AsSpan(0, count * near * FeatureLayout.Count), FeatureLayout.Count, predictions.AsSpan(0, count * near));
        gbm.Main.Booster.Predict(features.AsSpan(count * near * FeatureLayout.Count), FeatureLayout.Count, predictions.AsSpan(count * near));
        gbm.Descale(origin.Index, near, features, predictions, expected);
        var points = new double[count * horizon];

        gbm.PredictAll(origin, points);

        gbm.Main.Ensemble.Should().NotBeNull(gbm.Main.FallbackReason);
        gbm.Near.Should().ContainSingle("hourly options train one first-hour booster");
        gbm.Near[0].Ensemble.Should().NotBeNull(gbm.Near[0].FallbackReason);
        points.Should().Equal(expected);
    }

}
