using Surgewatch.Core.Series;

namespace Surgewatch.Core.Forecasting.Features;

/// <summary>
/// The short-term columns (<see cref="FeatureLayout.RecentNames"/>) for sub-hourly data such as road speeds: the last
/// hour's shape relative to the last reading, yesterday's change over the same interval, the graph neighbours
/// (both directions) relative to the sensor, and the last week's days of the target's kind relative to the origin.
/// </summary>
public sealed partial class FeatureBuilder
{
    /// <summary>
    /// The last present reading at or before <paramref name="origin"/> within the last day, or NaN: the level a
    /// change-from-last label is measured from.
    /// </summary>
    public double LastReading(int series, int origin)
    {
        var history = _panel.Values(series);
        var stop = Math.Max(0, origin - _perDay);
        for (var t = Math.Min(origin, history.Length - 1); t >= stop; t--)
        {
            if (!Missing.Is(history[t]))
            {
                return history[t];
            }
        }

        return Missing.Value;
    }

    private void RecentColumns(int series, int origin, int target, Span<float> columns)
    {
        columns.Fill(float.NaN);
        var history = _panel.Values(series)[..(origin + 1)];
        var inverse = 1.0 / ScaleAt(series, origin);
        var last = LastReading(series, origin);
        if (Missing.Is(last) || double.IsNaN(inverse))
        {
            return;
        }

        var hour = Math.Max(1, _perDay / 24);
        WindowColumns(history, last, inverse, Math.Max(1, hour / 4), columns[..1]);
        WindowColumns(history, last, inverse, Math.Max(1, hour / 2), columns[1..2]);
        WindowColumns(history, last, inverse, hour, columns[2..6]);
        columns[6] = Change(history, origin, 1, last, inverse);
        columns[7] = Change(history, origin, Math.Max(1, hour / 2), last, inverse);
        columns[8] = Change(history, origin, hour, last, inverse);
        var dayOrigin = origin - _perDay;
        var dayTarget = target - _perDay;
        columns[9] = dayOrigin >= 0 && dayTarget <= origin
            ? (float)((history[dayTarget] - history[dayOrigin]) * inverse)
            : float.NaN;
        GraphColumns(series, origin, last * inverse, columns[10..15]);
        SameKindColumns(history, origin, target, last, inverse, columns[15..17]);
    }

    /// <summary>
    /// Over the last week's days of the target's kind (working day, or weekend/holiday): the mean change from the
    /// origin's slot to the target's slot, and the mean reading at the target's slot minus the last reading; each slot
    /// read as the mean of the 5 around it (within the history), scaled. Yesterday alone (day_ago_change_to_target)
    /// misleads on a Monday, whose yesterday is a Sunday; the last working days do not.
    /// </summary>
    private void SameKindColumns(ReadOnlySpan<double> history, int origin, int target, double last, double inverse, Span<float> columns)
    {
        var offDay = IsOffDay(target);
        double change = 0, level = 0;
        int changes = 0, levels = 0;
        for (var d = 1; d <= 7 && origin - (d * _perDay) >= 2; d++)
        {
            var dayTarget = target - (d * _perDay);
            if (IsOffDay(dayTarget) != offDay)
            {
                continue;
            }

            var at = MeanAround(history, dayTarget - 2, dayTarget + 2);
            var from = MeanAround(history, origin - (d * _perDay) - 2, origin - (d * _perDay) + 2);
            AddPresent(at - from, ref change, ref changes);
            AddPresent(at - last, ref level, ref levels);
        }

        columns[0] = changes == 0 ? float.NaN : (float)(change / changes * inverse);
        columns[1] = levels == 0 ? float.NaN : (float)(level / levels * inverse);
    }

    private bool IsOffDay(int slot)
    {
        var label = _panel.LabelAt(slot);
        return label.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday
            || (_holidays is not null && label.Date >= _holidays.First && label.Date <= _holidays.Last && _holidays.IsHoliday(label.Date));
    }

    private static void AddPresent(double value, ref double sum, ref int n)
    {
        if (!double.IsNaN(value))
        {
            sum += value;
            n++;
        }
    }

    /// <summary>The mean of the present readings in slots <paramref name="from"/>..<paramref name="to"/> that lie inside <paramref name="history"/>, or NaN.</summary>
    private static double MeanAround(ReadOnlySpan<double> history, int from, int to)
    {
        var start = Math.Max(0, from);
        var end = Math.Min(to + 1, history.Length);
        return start >= end ? Missing.Value : SeriesScale.Mean(history[start..end]);
    }

    /// <summary>Writes mean − last (and with four columns also min − last, max − last, std) over the last <paramref name="width"/> slots.</summary>
    private static void WindowColumns(ReadOnlySpan<double> history, double last, double inverse, int width, Span<float> columns)
    {
        var window = history[Math.Max(0, history.Length - width)..];
        double sum = 0, squares = 0, min = double.MaxValue, max = double.MinValue;
        var n = 0;
        foreach (var v in window)
        {
            if (!Missing.Is(v))
            {
                sum += v;
                squares += v * v;
                min = Math.Min(min, v);
                max = Math.Max(max, v);
                n++;
            }
        }

        if (n == 0)
        {
            return;
        }

        var mean = sum / n;
        columns[0] = (float)((mean - last) * inverse);
        if (columns.Length == 4)
        {
            columns[1] = (float)((min - last) * inverse);
            columns[2] = (float)((max - last) * inverse);
            columns[3] = (float)(Math.Sqrt(Math.Max(0, (squares / n) - (mean * mean))) * inverse);
        }
    }

    private static float Change(ReadOnlySpan<double> history, int origin, int back, double last, double inverse) =>
        origin - back >= 0 ? (float)((last - history[origin - back]) * inverse) : float.NaN;

    /// <summary>Neighbours' scaled level minus the sensor's, and their change over a quarter hour, for out- then in-neighbours; then the lowest neighbour level minus the sensor's.</summary>
    private void GraphColumns(int series, int origin, double own, Span<float> columns)
    {
        if (_neighbours is null || _upstream is null)
        {
            return;
        }

        var back = Math.Max(1, _perDay / 96);
        var min = double.MaxValue;
        GraphPair(_neighbours, series, origin, back, own, columns[..2], ref min);
        GraphPair(_upstream, series, origin, back, own, columns[2..4], ref min);
        columns[4] = min == double.MaxValue ? float.NaN : (float)(min - own);
    }

    private void GraphPair(SensorNeighbours graph, int series, int origin, int back, double own, Span<float> columns, ref double min)
    {
        var indexes = graph.Of(series);
        var weights = graph.WeightsOf(series);
        double level = 0, change = 0, wLevel = 0, wChange = 0;
        for (var k = 0; k < indexes.Length; k++)
        {
            var n = indexes[k];
            var inverse = 1.0 / _scales[n];
            var history = _panel.Values(n);
            var now = history[origin] * inverse;
            if (!double.IsNaN(now))
            {
                min = Math.Min(min, now);
            }

            Accumulate(now, weights[k], ref level, ref wLevel);
            Accumulate(origin >= back ? now - (history[origin - back] * inverse) : Missing.Value, weights[k], ref change, ref wChange);
        }

        columns[0] = wLevel > 0 ? (float)((level / wLevel) - own) : float.NaN;
        columns[1] = wChange > 0 ? (float)(change / wChange) : float.NaN;
    }
}
