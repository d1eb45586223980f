namespace Surgewatch.Core.Evaluation;

/// <summary>
/// Masked point-forecast errors over a set of (forecast, actual) pairs. WAPE and MAPE are fractions (0.2 = 20 %).
/// A metric is null when it is undefined: all of them with no pairs, WAPE when every actual is zero, MAPE when
/// no actual is nonzero.
/// </summary>
/// <param name="Mae">Mean absolute error.</param>
/// <param name="Rmse">Root mean squared error.</param>
/// <param name="Wape">Σ |error| / Σ |actual|.</param>
/// <param name="Mape">Mean of |error| / |actual| over pairs with a nonzero actual.</param>
/// <param name="N">The number of pairs counted.</param>
public sealed record ErrorMetrics(double? Mae, double? Rmse, double? Wape, double? Mape, long N)
{
    /// <summary>The empirical coverage of the forecaster's prediction intervals, one per level; null when it gives none.</summary>
    public IReadOnlyList<IntervalCoverage>? Coverage { get; init; }
}

/// <summary>The errors of the forecasts made <paramref name="H"/> steps ahead.</summary>
/// <param name="H">Steps ahead of the origin, from 1.</param>
/// <param name="Mae">Mean absolute error.</param>
/// <param name="Rmse">Root mean squared error.</param>
/// <param name="Wape">Σ |error| / Σ |actual|.</param>
/// <param name="Mape">Mean of |error| / |actual| over pairs with a nonzero actual.</param>
/// <param name="N">The number of pairs counted.</param>
public sealed record HorizonMetrics(int H, double? Mae, double? Rmse, double? Wape, double? Mape, long N)
{
    /// <summary>The empirical coverage of the forecaster's prediction intervals at this horizon, one per level; null when it gives none.</summary>
    public IReadOnlyList<IntervalCoverage>? Coverage { get; init; }

    /// <summary>Labels <paramref name="metrics"/> with horizon <paramref name="h"/>.</summary>
    public static HorizonMetrics From(int h, ErrorMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        return new(h, metrics.Mae, metrics.Rmse, metrics.Wape, metrics.Mape, metrics.N);
    }
}
