using Surgewatch.Core.Series;

namespace Surgewatch.Core.Evaluation.Warnings;

/// <summary>Each sensor's surge threshold: a high percentile of its readings before the test period.</summary>
public static class SurgeThresholds
{
    /// <summary>
    /// The <paramref name="percentile"/> (such as 0.995) of each series' present readings in slots before
    /// <paramref name="testStart"/> (linear interpolation between order statistics); NaN for a series with fewer
    /// than <paramref name="minimumDays"/> days' worth of present readings, which is then not evaluated.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The percentile is not in (0, 1) or the test start is outside the panel.</exception>
    public static double[] Compute(SeriesPanel panel, int testStart, double percentile = 0.995, int minimumDays = 90)
    {
        ArgumentNullException.ThrowIfNull(panel);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(percentile);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(percentile, 1.0);
        ArgumentOutOfRangeException.ThrowIfNegative(testStart);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(testStart, panel.Length);
        var perDay = Math.Max(1, (int)(TimeSpan.FromDays(1) / panel.Step));
        var thresholds = new double[panel.Sensors.Count];
        var buffer = new double[testStart];
        for (var s = 0; s < thresholds.Length; s++)
        {
            var n = CopyPresent(panel.Values(s)[..testStart], buffer);
            thresholds[s] = n >= minimumDays * perDay ? Percentile(buffer.AsSpan(0, n), percentile) : Missing.Value;
        }

        return thresholds;
    }

    private static int CopyPresent(ReadOnlySpan<double> values, double[] into)
    {
        var n = 0;
        foreach (var v in values)
        {
            if (!double.IsNaN(v))
            {
                into[n++] = v;
            }
        }

        return n;
    }

    /// <summary>The <paramref name="p"/> quantile of <paramref name="values"/> (sorted in place), interpolating linearly.</summary>
    internal static double Percentile(Span<double> values, double p)
    {
        values.Sort();
        var position = p * (values.Length - 1);
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(lower + 1, values.Length - 1);
        return values[lower] + (values[upper] - values[lower]) * (position - lower);
    }
}
