using Surgewatch.Core.Series;

namespace Surgewatch.Core.Forecasting;

/// <summary>
/// A forecasting method, known by a short name such as <c>seasonal-naive-week</c>. Fitting learns from a
/// panel's slots before <c>trainEnd</c>; the fitted <see cref="IForecaster"/> then forecasts from any origin.
/// </summary>
public interface IForecastModel
{
    /// <summary>The name used on the command line and in reports.</summary>
    string Name { get; }

    /// <summary>Fits on the slots of <paramref name="panel"/> before <paramref name="trainEnd"/>.</summary>
    IForecaster Fit(SeriesPanel panel, int trainEnd, CancellationToken cancellationToken = default);
}

/// <summary>A fitted model that forecasts a series ahead from an origin.</summary>
public interface IForecaster
{
    /// <summary>
    /// Writes point forecasts for slots <c>origin.Index + 1 … origin.Index + point.Length</c> of series
    /// <paramref name="series"/> into <paramref name="point"/>. A slot the model cannot forecast (for
    /// lack of history) gets <see cref="Missing.Value"/>.
    /// </summary>
    void Predict(in ForecastOrigin origin, int series, Span<double> point);
}
