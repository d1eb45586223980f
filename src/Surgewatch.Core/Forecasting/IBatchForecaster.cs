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

    /// <summary>
    /// Writes the point forecasts of the series <paramref name="series"/> alone (what <see cref="PredictAll"/> would
    /// write for them) into <paramref name="points"/>, laid out as for every series; the others' points are left as they are.
    /// </summary>
    void PredictSome(in ForecastOrigin origin, ReadOnlySpan<int> series, Span<double> points);
}
