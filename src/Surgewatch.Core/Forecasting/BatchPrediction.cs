namespace Surgewatch.Core.Forecasting;

/// <summary>Forecasts every series of a panel from one origin: in one batch when the forecaster can, else series by series.</summary>
public static class BatchPrediction
{
    /// <summary>Writes series s, step h at <c>s × horizon + h − 1</c> of <paramref name="points"/> (see <see cref="IBatchForecaster.PredictAll"/>).</summary>
    public static void PredictAll(IForecaster forecaster, in ForecastOrigin origin, Span<double> points)
    {
        ArgumentNullException.ThrowIfNull(forecaster);
        if (forecaster is IBatchForecaster batch)
        {
            batch.PredictAll(origin, points);
            return;
        }

        var count = origin.Panel.Sensors.Count;
        if (count == 0 || points.Length % count != 0)
        {
            throw new ArgumentException($"Give {count} series × horizon points, not {points.Length}.", nameof(points));
        }

        var horizon = points.Length / count;
        for (var s = 0; s < count; s++)
        {
            forecaster.Predict(origin, s, points.Slice(s * horizon, horizon));
        }
    }
}
