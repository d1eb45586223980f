namespace Surgewatch.Core.Forecasting;

/// <summary>The median of a handful of readings, sorted in place without allocating.</summary>
internal static class SlotMedian
{
    /// <summary>
    /// Sorts <paramref name="values"/> and returns their median; for an even count, the mean of the two middle
    /// values. <paramref name="values"/> must be non-empty and hold no missing markers.
    /// </summary>
    public static double Of(Span<double> values)
    {
        if (values.IsEmpty)
        {
            throw new ArgumentException("The median of no values is undefined.", nameof(values));
        }

        values.Sort();
        var mid = values.Length / 2;
        return values.Length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }
}
