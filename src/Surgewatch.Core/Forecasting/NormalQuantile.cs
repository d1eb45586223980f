namespace Surgewatch.Core.Forecasting;

/// <summary>The standard normal quantile, by the Abramowitz and Stegun 26.2.23 rational approximation (absolute error below 4.5e-4).</summary>
internal static class NormalQuantile
{
    /// <summary>The z with P(Z ≤ z) = <paramref name="p"/>, for 0 &lt; p &lt; 1.</summary>
    public static double Of(double p)
    {
        if (!(p > 0 && p < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "A probability strictly between 0 and 1 is needed, such as 0.95.");
        }

        return p < 0.5 ? -Tail(p) : Tail(1 - p);
    }

    // For a tail probability q ≤ 0.5, the z with P(Z > z) = q.
    private static double Tail(double q)
    {
        var t = Math.Sqrt(-2 * Math.Log(q));
        var numerator = 2.515517 + t * (0.802853 + t * 0.010328);
        var denominator = 1 + t * (1.432788 + t * (0.189269 + t * 0.001308));
        return t - numerator / denominator;
    }
}
