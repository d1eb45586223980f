using Surgewatch.Core.Forecasting;
using Surgewatch.Core.Series;
using Surgewatch.Testing.SyntheticCity;

namespace Surgewatch.Forecasting.XGBoost.Tests.Gbm;

/// <summary>What several gbm test classes share: the small synthetic city and the batched-against-single forecast check.</summary>
internal static class GbmTestData
{
    /// <summary>The small synthetic city (12 sensors, 16 weeks, hourly) as a panel.</summary>
    public static SeriesPanel City()
    {
        var city = SyntheticCity.Create(SyntheticCityOptions.Small);
        return SeriesPanel.FromBatch(city.GenerateObservations(), city.Options.Step);
    }

    /// <summary>
    /// The forecasts of every series of <paramref name="origin"/>'s panel for <paramref name="horizon"/> steps, once in one
    /// <see cref="IBatchForecaster.PredictAll"/> call and once series by series.
    /// </summary>
    public static (double[] Batched, double[] Single) BatchedAndSingle(IBatchForecaster forecaster, ForecastOrigin origin, int horizon)
    {
        var count = origin.Panel.Sensors.Count;
        var batched = new double[count * horizon];
        var single = new double[count * horizon];
        forecaster.PredictAll(origin, batched);
        for (var s = 0; s < count; s++)
        {
            forecaster.Predict(origin, s, single.AsSpan(s * horizon, horizon));
        }

        return (batched, single);
    }
}
