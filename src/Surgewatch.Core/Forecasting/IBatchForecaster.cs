namespace Surgewatch.Core.Forecasting;

/// <summary>
/// A forecaster that forecasts every series of a panel from one origin in one batch (for a learner, one call into
/// its prediction routine instead of one per series), which is what refreshing thousands of forecasts needs.
/// </summary>
public interface IBatchForecaster : IForecaster
{
    /// <summary>
    /// Writes the point forecasts of every series from <paramref name="origin"/> into <paramref name="points"/>, series
    /// by series: series s, step h at <c>s × horizon + h − 1</c>; its length must be a multiple of the series count.
    /// </summary>
    void PredictAll(in ForecastOrigin origin, Span<double> points);
}
