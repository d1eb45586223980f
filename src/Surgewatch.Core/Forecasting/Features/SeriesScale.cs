using Surgewatch.Core.Series;

namespace Surgewatch.Core.Forecasting.Features;

/// <summary>
/// A series' own scale: the mean of its readings before a training end. Dividing by it lets one global model fit
/// sensors of very different volume.
/// </summary>
public static class SeriesScale
{
    /// <summary>
    /// The scale of every series of <paramref name="panel"/> over slots [0, <paramref name="trainEnd"/>); NaN for a series
    /// without a positive mean. With <paramref name="outageRun"/> above 0, runs of that many zeros or more
    /// (<see cref="OutageMask"/>) are left out, so a sensor's faults do not lower its level.
    /// </summary>
    public static double[] Of(SeriesPanel panel, int trainEnd, int outageRun = 0)
    {
        ArgumentNullException.ThrowIfNull(panel);
        var scales = new double[panel.Sensors.Count];
        for (var s = 0; s < scales.Length; s++)
        {
            var values = panel.Values(s)[..trainEnd];
            var mean = outageRun > 0 ? Mean(OutageMask.Cleaned(values, OutageMask.Of(values, outageRun))) : Mean(values);
            scales[s] = mean > 0 ? mean : Missing.Value;
        }

        return scales;
    }

    /// <summary>The mean of the present values of <paramref name="values"/>, NaN when none is present.</summary>
    public static double Mean(ReadOnlySpan<double> values)
    {
        double sum = 0;
        var n = 0;
        foreach (var v in values)
        {
            if (!Missing.Is(v))
            {
                sum += v;
                n++;
            }
        }

        return n == 0 ? Missing.Value : sum / n;
    }
}
