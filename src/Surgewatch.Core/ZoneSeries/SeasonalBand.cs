using Surgewatch.Core.Series;

namespace Surgewatch.Core.ZoneSeries;

/// <summary>One forecast step of a zone's density with its 80% and 95% bands.</summary>
/// <param name="Mean">The point forecast.</param>
/// <param name="Lo80">The lower bound of the 80% band.</param>
/// <param name="Hi80">The upper bound of the 80% band.</param>
/// <param name="Lo95">The lower bound of the 95% band.</param>
/// <param name="Hi95">The upper bound of the 95% band.</param>
public readonly record struct ForecastBand(double Mean, double Lo80, double Hi80, double Lo95, double Hi95);

/// <summary>
/// The fallback zone forecast, used only until a model is deployed (and measured against the deployed model's zone
/// forecast by <c>zone-forecasts</c> in bench/Surgewatch.Benchmarks): the same step a day earlier, plus the present's departure from it fading with a half-life
/// of about two hours; bands from the empirical quantiles of the seasonal-naive residuals of the last days, narrowed
/// for the first steps (where the level correction holds), always holding the mean, the 95% band holding the 80% one,
/// and never below zero.
/// </summary>
public static class SeasonalBand
{
    /// <summary>The name the fallback is shown under.</summary>
    public const string Name = "seasonal-naive-day+residual-quantiles";

    private const double Decay = 0.97;
    private const int FullWidthSteps = 24;

    /// <summary>
    /// Forecasts <paramref name="horizon"/> steps after the end of <paramref name="history"/> (oldest first, one value per
    /// step, <see cref="Missing"/> where none; <paramref name="stepsPerDay"/> steps make a day); all missing without any history.
    /// </summary>
    public static ForecastBand[] Forecast(ReadOnlySpan<double> history, int stepsPerDay, int horizon)
    {
        var bands = new ForecastBand[horizon];
        var n = history.Length;
        var last = LastObserved(history, out var lastIndex);
        if (lastIndex < 0)
        {
            Array.Fill(bands, new ForecastBand(Missing.Value, Missing.Value, Missing.Value, Missing.Value, Missing.Value));
            return bands;
        }

        var seasonalAtLast = lastIndex - stepsPerDay >= 0 ? history[lastIndex - stepsPerDay] : Missing.Value;
        var departure = Missing.Is(seasonalAtLast) ? 0 : last - seasonalAtLast;
        var q = ResidualQuantiles(history, stepsPerDay);
        for (var h = 0; h < horizon; h++)
        {
            var back = n + h - stepsPerDay;
            var seasonal = back >= 0 && back < n && !Missing.Is(history[back]) ? history[back] : last - departure;
            var mean = Math.Max(0, seasonal + (departure * Math.Pow(Decay, n + h - lastIndex)));
            var width = Math.Sqrt(Math.Min(1.0, (h + 1.0) / FullWidthSteps));
            var lo80 = Floor(Math.Min(mean, mean + (q[1] * width)));
            var hi80 = Math.Max(mean, mean + (q[2] * width));
            bands[h] = new ForecastBand(mean, lo80, hi80, Floor(Math.Min(lo80, mean + (q[0] * width))), Math.Max(hi80, mean + (q[3] * width)));
        }

        return bands;
    }

    private static double Floor(double value) => Math.Max(0, value);

    private static double LastObserved(ReadOnlySpan<double> history, out int index)
    {
        for (index = history.Length - 1; index >= 0; index--)
        {
            if (!Missing.Is(history[index]))
            {
                return history[index];
            }
        }

        return Missing.Value;
    }

    // Quantiles 2.5%, 10%, 90%, 97.5% of x[t] - x[t - day] over the last two days; a small symmetric band without them.
    private static double[] ResidualQuantiles(ReadOnlySpan<double> history, int stepsPerDay)
    {
        var residuals = new List<double>(2 * stepsPerDay);
        for (var t = Math.Max(stepsPerDay, history.Length - (2 * stepsPerDay)); t < history.Length; t++)
        {
            if (!Missing.Is(history[t]) && !Missing.Is(history[t - stepsPerDay]))
            {
                residuals.Add(history[t] - history[t - stepsPerDay]);
            }
        }

        if (residuals.Count < 10)
        {
            return [-0.5, -0.3, 0.3, 0.5];
        }

        residuals.Sort();
        return [At(residuals, 0.025), At(residuals, 0.10), At(residuals, 0.90), At(residuals, 0.975)];
    }

    private static double At(List<double> sorted, double p) => sorted[(int)Math.Clamp(Math.Round(p * (sorted.Count - 1)), 0, sorted.Count - 1)];
}
