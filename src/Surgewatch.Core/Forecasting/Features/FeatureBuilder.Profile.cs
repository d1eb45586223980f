using Surgewatch.Core.Series;

namespace Surgewatch.Core.Forecasting.Features;

/// <summary>
/// The profile columns: how the last readings stand against their usual level for that slot of the week (the median
/// of the eight weeks before), and the target's usual level times that ratio. A street that is 30 % busier than
/// usual this hour is, most often, still busier than usual next hour; trees do not multiply, so the product is a column.
/// </summary>
public sealed partial class FeatureBuilder
{
    /// <summary>
    /// Added to both sides of a profile ratio, as a share of the series' scale, so that quiet night hours (a few
    /// counts against a median of a few) do not give wild ratios.
    /// </summary>
    private const double ProfileFloor = 0.05;

    /// <summary>Writes the ratio of the last reading, and of the one before, to their weekly profile, and the target's profile times the first.</summary>
    private void ProfileColumns(int series, int origin, float longMedian, Span<float> columns)
    {
        var floor = ProfileFloor * ScaleAt(series, origin);
        var now = ProfileRatio(series, origin, origin, floor);
        columns[0] = (float)now;
        columns[1] = (float)ProfileRatio(series, origin - 1, origin, floor);
        columns[2] = float.IsNaN(longMedian) || Missing.Is(now) ? float.NaN : (float)(((longMedian + ProfileFloor) * now) - ProfileFloor);
    }

    /// <summary>(reading + floor) ÷ (the median of the same slot over the eight weeks before + floor), as seen from the origin.</summary>
    private double ProfileRatio(int series, int slot, int origin, double floor)
    {
        if (slot - _perWeek < 0)
        {
            return Missing.Value;
        }

        var reading = At(series, slot, origin);
        var median = WeeklyMedian(series, slot - _perWeek, origin);
        return Missing.Is(reading) || Missing.Is(median) ? Missing.Value : (reading + floor) / (median + floor);
    }
}
