using Surgewatch.Core.Calendar;
using Surgewatch.Core.Series;

namespace Surgewatch.Core.Forecasting.Intervals;

/// <summary>
/// Gathers out-of-sample residuals: a forecaster fitted before slot <c>calibrationStart</c> forecasts every series from
/// origins in [calibrationStart − 1, trainEnd − 2] (thinned evenly to stay under a budget), and each forecast whose
/// target lies in [calibrationStart, trainEnd) with a present reading gives one scaled residual for its horizon.
/// </summary>
internal static class ConformalCalibrator
{
    public static ConformalCalibration Calibrate(
        SeriesPanel panel, IForecaster forecaster, IntervalScale scale, int calibrationStart, int trainEnd, ConformalOptions options, CancellationToken cancellationToken)
    {
        var horizons = SlotCalendar.StepsPerDay(panel.Step);
        var firstOrigin = Math.Max(0, calibrationStart - 1);
        var origins = Math.Max(0, trainEnd - 1 - firstOrigin);
        var work = (long)origins * panel.Sensors.Count * horizons;
        var stride = (int)Math.Max(1, (work + options.MaxResiduals - 1) / options.MaxResiduals);
        if (stride > 1 && stride % horizons == 0)
        {
            // A stride of whole days would calibrate from one slot of the day only.
            stride++;
        }

        var residuals = NewLists(horizons);

        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism, CancellationToken = cancellationToken };
        Parallel.For(
            0,
            panel.Sensors.Count,
            parallel,
            () => NewLists(horizons),
            (series, _, local) =>
            {
                Gather(panel, forecaster, scale, series, firstOrigin, stride, calibrationStart, trainEnd, local);
                return local;
            },
            local => Merge(residuals, local));
        var byHour = (trainEnd - calibrationStart) * panel.Step >= options.MinWindowByHour;
        return ConformalCalibration.FromResiduals(options.Levels, residuals, byHour);
    }

    private static void Gather(
        SeriesPanel panel, IForecaster forecaster, IntervalScale scale, int series, int firstOrigin, int stride, int calibrationStart, int trainEnd, List<float>[] into)
    {
        var actual = panel.Values(series);
        var sensor = panel.Sensors[series];
        var horizons = into.Length / ConformalCalibration.HourBuckets;
        var point = new double[horizons];
        for (var t = firstOrigin; t <= trainEnd - 2; t += stride)
        {
            forecaster.Predict(new ForecastOrigin(panel, t), series, point);
            var first = Math.Max(1, calibrationStart - t);
            var last = Math.Min(horizons, trainEnd - 1 - t);
            for (var h = first; h <= last; h++)
            {
                var y = actual[t + h];
                var target = panel.LabelAt(t + h);
                var s = scale.At(sensor, target, panel.Step);
                if (!Missing.Is(y) && !Missing.Is(point[h - 1]) && !Missing.Is(s))
                {
                    into[((h - 1) * ConformalCalibration.HourBuckets) + (target.SecondOfDay / 3600)].Add((float)((y - point[h - 1]) / s));
                }
            }
        }
    }

    private static List<float>[] NewLists(int horizons)
    {
        var lists = new List<float>[horizons * ConformalCalibration.HourBuckets];
        for (var h = 0; h < lists.Length; h++)
        {
            lists[h] = [];
        }

        return lists;
    }

    private static void Merge(List<float>[] totals, List<float>[] part)
    {
        lock (totals)
        {
            for (var h = 0; h < totals.Length; h++)
            {
                totals[h].AddRange(part[h]);
            }
        }
    }
}
