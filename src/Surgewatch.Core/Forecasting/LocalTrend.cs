namespace Surgewatch.Core.Forecasting;

/// <summary>
/// A straight line fitted by least squares to the recent, equally spaced samples of one series (say the last 30–60
/// one-minute density readings), projected a few steps ahead with a residual-based prediction interval. Meant for
/// short horizons on ramps, such as a zone filling up before an event; it knows nothing of daily patterns.
/// </summary>
/// <remarks>
/// The interval is the ordinary least-squares prediction interval with a normal quantile:
/// ŷ ± z·s·√(1 + 1/n + (x₀ − x̄)²/Sxx), where s is the residual standard deviation. Missing samples (NaN) are skipped.
/// </remarks>
/// <param name="Intercept">The fitted value at the window's first sample.</param>
/// <param name="Slope">Change per step.</param>
/// <param name="ResidualSd">Residual standard deviation, with n − 2 degrees of freedom.</param>
/// <param name="Count">How many samples were present.</param>
/// <param name="MeanX">Mean position of the present samples.</param>
/// <param name="Sxx">Sum of squared deviations of the present positions.</param>
/// <param name="Length">Window length; position <c>Length − 1</c> is the latest sample.</param>
public readonly record struct LocalTrend(double Intercept, double Slope, double ResidualSd, int Count, double MeanX, double Sxx, int Length)
{
    /// <summary>The fewest present samples a fit needs.</summary>
    public const int MinimumCount = 20;

    /// <summary>Fits the trend to <paramref name="recent"/>, oldest first; null when fewer than <see cref="MinimumCount"/> samples are present.</summary>
    public static LocalTrend? Fit(ReadOnlySpan<double> recent)
    {
        var (n, meanX, meanY) = Means(recent);
        if (n < MinimumCount)
        {
            return null;
        }

        double sxx = 0, sxy = 0;
        for (var i = 0; i < recent.Length; i++)
        {
            if (!double.IsNaN(recent[i]))
            {
                sxx += (i - meanX) * (i - meanX);
                sxy += (i - meanX) * (recent[i] - meanY);
            }
        }

        var slope = sxy / sxx;
        var intercept = meanY - slope * meanX;
        var sd = StandardError(recent, intercept, slope, n);
        return new LocalTrend(intercept, slope, sd, n, meanX, sxx, recent.Length);
    }

    /// <summary>The projection <paramref name="stepsAhead"/> steps after the latest sample, with a central interval at <paramref name="level"/>.</summary>
    public PredictionInterval Project(int stepsAhead, double level = 0.9)
    {
        var x = Length - 1 + stepsAhead;
        var point = Intercept + Slope * x;
        var halfWidth = NormalQuantile.Of((1 + level) / 2) * ResidualSd * Math.Sqrt(1 + 1.0 / Count + (x - MeanX) * (x - MeanX) / Sxx);
        return new PredictionInterval(level, point - halfWidth, point + halfWidth);
    }

    /// <summary>
    /// The highest upper bound over 1 to <paramref name="horizonSteps"/> steps ahead. The bound is convex in the step,
    /// so its maximum lies at one of the two ends.
    /// </summary>
    public double MaxUpper(int horizonSteps, double level = 0.9) =>
        Math.Max(Project(1, level).Upper, Project(Math.Max(1, horizonSteps), level).Upper);

    private static (int N, double MeanX, double MeanY) Means(ReadOnlySpan<double> recent)
    {
        int n = 0;
        double sumX = 0, sumY = 0;
        for (var i = 0; i < recent.Length; i++)
        {
            if (!double.IsNaN(recent[i]))
            {
                n++;
                sumX += i;
                sumY += recent[i];
            }
        }

        return n == 0 ? (0, 0, 0) : (n, sumX / n, sumY / n);
    }

    private static double StandardError(ReadOnlySpan<double> recent, double intercept, double slope, int n)
    {
        double sse = 0;
        for (var i = 0; i < recent.Length; i++)
        {
            if (!double.IsNaN(recent[i]))
            {
                var residual = recent[i] - (intercept + slope * i);
                sse += residual * residual;
            }
        }

        return Math.Sqrt(sse / (n - 2));
    }
}
