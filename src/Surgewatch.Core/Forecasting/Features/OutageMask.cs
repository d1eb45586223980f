using Surgewatch.Core.Series;

namespace Surgewatch.Core.Forecasting.Features;

/// <summary>
/// Finds outages in count data: runs of at least a given number of consecutive zeros. Counts of an hour are rarely 0
/// for hours on end at a working sensor, so such a run is a sensor fault, not a quiet street; a model should neither
/// learn to forecast it nor read it as the sensor's recent level.
/// </summary>
public static class OutageMask
{
    /// <summary>
    /// The slots of <paramref name="values"/> that lie in a run of at least <paramref name="minRun"/> zeros (a missing
    /// slot ends a run). Whether a slot is flagged depends on the readings after it only up to <paramref name="minRun"/>
    /// − 1 slots: once those are known, so is the flag.
    /// </summary>
    public static bool[] Of(ReadOnlySpan<double> values, int minRun)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minRun, 1);
        var mask = new bool[values.Length];
        var start = -1;
        for (var i = 0; i <= values.Length; i++)
        {
            var zero = i < values.Length && values[i] == 0;
            if (zero && start < 0)
            {
                start = i;
            }
            else if (!zero && start >= 0)
            {
                if (i - start >= minRun)
                {
                    mask.AsSpan(start, i - start).Fill(true);
                }

                start = -1;
            }
        }

        return mask;
    }

    /// <summary>For each flagged slot of <paramref name="mask"/>, the index of the last slot of its run (−1 for unflagged slots).</summary>
    public static int[] RunEnds(bool[] mask)
    {
        ArgumentNullException.ThrowIfNull(mask);
        var ends = new int[mask.Length];
        var end = -1;
        for (var i = mask.Length - 1; i >= 0; i--)
        {
            end = mask[i] ? (end < 0 ? i : end) : -1;
            ends[i] = end;
        }

        return ends;
    }

    /// <summary>A copy of <paramref name="values"/> with every slot flagged by <paramref name="mask"/> set missing.</summary>
    public static double[] Cleaned(ReadOnlySpan<double> values, bool[] mask)
    {
        ArgumentNullException.ThrowIfNull(mask);
        var clean = values.ToArray();
        for (var i = 0; i < clean.Length; i++)
        {
            if (mask[i])
            {
                clean[i] = Missing.Value;
            }
        }

        return clean;
    }
}
