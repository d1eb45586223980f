using Surgewatch.Core.Series;

namespace Surgewatch.Core.Forecasting.Features;

/// <summary>The column groups of <see cref="FeatureBuilder"/>: neighbours, holidays and same-slot lags.</summary>
public sealed partial class FeatureBuilder
{
    private void NeighbourColumns(int series, int origin, Span<float> columns)
    {
        columns.Fill(float.NaN);
        if (_neighbours is null)
        {
            return;
        }

        var indexes = _neighbours.Of(series);
        var weights = _neighbours.WeightsOf(series);
        double level = 0, change1 = 0, change3 = 0, wLevel = 0, wChange1 = 0, wChange3 = 0;
        for (var k = 0; k < indexes.Length; k++)
        {
            var n = indexes[k];
            var inverse = 1.0 / _scales[n];
            var history = _panel.Values(n)[..(origin + 1)];
            var now = history[origin] * inverse;
            Accumulate(now, weights[k], ref level, ref wLevel);
            Accumulate(origin >= 1 ? now - (history[origin - 1] * inverse) : Missing.Value, weights[k], ref change1, ref wChange1);
            Accumulate(origin >= 3 ? now - (history[origin - 3] * inverse) : Missing.Value, weights[k], ref change3, ref wChange3);
        }

        columns[0] = wLevel > 0 ? (float)(level / wLevel) : float.NaN;
        columns[1] = wChange1 > 0 ? (float)(change1 / wChange1) : float.NaN;
        columns[2] = wChange3 > 0 ? (float)(change3 / wChange3) : float.NaN;
    }

    private static void Accumulate(double value, double weight, ref double sum, ref double weights)
    {
        if (!double.IsNaN(value))
        {
            sum += value * weight;
            weights += weight;
        }
    }

    private void HolidayColumns(DateOnly date, Span<float> columns)
    {
        if (_holidays is null || date < _holidays.First || date > _holidays.Last)
        {
            columns.Fill(float.NaN);
            return;
        }

        const int far = FeatureLayout.HolidaySearchDays + 1;
        columns[0] = _holidays.IsHoliday(date) ? 1f : 0f;
        columns[1] = _holidays.DaysUntilNextHoliday(date, FeatureLayout.HolidaySearchDays) ?? far;
        columns[2] = _holidays.DaysSincePreviousHoliday(date, FeatureLayout.HolidaySearchDays) ?? far;
    }

    private void LagColumns(int series, int origin, int target, Span<float> columns)
    {
        var inverse = 1.0 / ScaleAt(series, origin);
        var dayLag = LastSameSlot(origin, target, _perDay);
        columns[0] = (float)(At(series, dayLag, origin) * inverse);
        var weekLag = LastSameSlot(origin, target, _perWeek);
        Span<double> weeks = stackalloc double[FeatureLayout.LagWeeks];
        double sum = 0;
        var present = 0;
        for (var k = 0; k < FeatureLayout.LagWeeks; k++)
        {
            var index = weekLag - (k * _perWeek);
            var v = At(series, index, origin) * inverse;
            columns[1 + k] = (float)v;
            if (!Missing.Is(v))
            {
                weeks[present++] = v;
                sum += v;
            }
        }

        columns[5] = present == 0 ? float.NaN : (float)Median(weeks[..present]);
        columns[6] = present == 0 ? float.NaN : (float)(sum / present);
        columns[7] = _holidays is null || weekLag < 0 ? float.NaN : HolidayFlag(_panel.LabelAt(weekLag).Date);
    }

    private float HolidayFlag(DateOnly date) =>
        date < _holidays!.First || date > _holidays.Last ? float.NaN : (_holidays.IsHoliday(date) ? 1f : 0f);

    /// <summary>The last slot at or before <paramref name="origin"/> that lies a whole number of seasons before <paramref name="target"/>.</summary>
    private static int LastSameSlot(int origin, int target, int season)
    {
        var back = (target - origin + season - 1) / season;
        return target - (back * season);
    }

    private static double Median(Span<double> values)
    {
        values.Sort();
        var mid = values.Length / 2;
        return values.Length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }

    /// <summary>Writes level ratios and estimates into <paramref name="columns"/>, whose first eight hold the lag columns.</summary>
    private void EstimateColumns(int series, int origin, Span<float> columns)
    {
        var day = LevelRatio(series, origin, _perDay);
        var week = LevelRatio(series, origin, _perWeek);
        columns[8] = (float)day;
        columns[9] = (float)week;
        columns[10] = (float)(columns[0] * day);
        columns[11] = (float)(columns[1] * week);
        columns[12] = (float)(columns[5] * week);
    }

    /// <summary>The sum of the last three readings over the sum of the same slots one season earlier; NaN when any is missing (or in a known outage) or the earlier sum is 0.</summary>
    private double LevelRatio(int series, int origin, int season)
    {
        var history = _panel.Values(series);
        const int span = 3;
        if (origin - season - span + 1 < 0)
        {
            return Missing.Value;
        }

        double now = 0, then = 0;
        for (var k = 0; k < span; k++)
        {
            now += history[origin - k];
            then += At(series, origin - season - k, origin);
        }

        return then > 0 ? now / then : Missing.Value;
    }

    /// <summary>The median of the same slot of week over the last eight weeks up to the origin, scaled; NaN when none is present.</summary>
    private float LongMedian(int series, int origin, int target)
    {
        var median = WeeklyMedian(series, LastSameSlot(origin, target, _perWeek), origin);
        return (float)(median / ScaleAt(series, origin));
    }

    /// <summary>
    /// The median of the readings at <paramref name="last"/> and the same slot of the <see cref="FeatureLayout.LongMedianWeeks"/> − 1
    /// weeks before it, as seen from <paramref name="origin"/>; NaN when none is present.
    /// </summary>
    private double WeeklyMedian(int series, int last, int origin)
    {
        Span<double> values = stackalloc double[FeatureLayout.LongMedianWeeks];
        var present = 0;
        for (var k = 0; k < FeatureLayout.LongMedianWeeks; k++)
        {
            var v = At(series, last - (k * _perWeek), origin);
            if (!Missing.Is(v))
            {
                values[present++] = v;
            }
        }

        return present == 0 ? Missing.Value : Median(values[..present]);
    }
}
