namespace Surgewatch.Core.Forecasting.Intervals;

/// <summary>A fitted model that also gives central prediction intervals around its point forecasts.</summary>
public interface IIntervalForecaster : IForecaster
{
    /// <summary>The nominal levels of the intervals, narrowest first (e.g. 0.8 and 0.95).</summary>
    IReadOnlyList<double> Levels { get; }

    /// <summary>
    /// Writes the intervals around <paramref name="point"/> (as written by <see cref="IForecaster.Predict"/> from the same
    /// origin) into <paramref name="bounds"/>, which holds <c>2 × Levels.Count × point.Length</c> values: for level k,
    /// the lower bounds at <c>[(2k) × H, (2k + 1) × H)</c> and the upper bounds at <c>[(2k + 1) × H, (2k + 2) × H)</c>.
    /// A bound that cannot be given (missing point or scale) is <see cref="Series.Missing.Value"/>.
    /// </summary>
    void PredictIntervals(in ForecastOrigin origin, int series, ReadOnlySpan<double> point, Span<double> bounds);
}
