using Surgewatch.Core.Calendar;
using Surgewatch.Core.Evaluation.Warnings;
using Surgewatch.Core.Forecasting;
using Surgewatch.Core.Forecasting.Intervals;
using Surgewatch.Core.Series;

namespace Surgewatch.Core.Briefing;

/// <summary>
/// Every series' forecast for one day, by hour: the point forecast summed over the hour's slots and the upper bound of
/// its 90% interval (the day-ahead margin of an <see cref="UpperBoundCalibration"/>, or the upper end of a saved model's
/// 80% interval), issued after the last slot before
/// the day (or the last slot of the data, for a day after it).
/// </summary>
/// <param name="Date">The day.</param>
/// <param name="Mean">Per series, 24 hourly point forecasts (NaN where the model could not forecast).</param>
/// <param name="Upper">Per series, 24 hourly 90% upper bounds.</param>
/// <param name="Reach">Per series, 24 hourly probabilities of reaching the series' surge threshold (NaN without one or without calibration).</param>
public sealed record DayForecast(DateOnly Date, double[][] Mean, double[][] Upper, double[][] Reach)
{
    /// <summary>Hours in a day's briefing.</summary>
    public const int Hours = 24;

    /// <summary>The slot after the last one a forecast for <paramref name="date"/> may use: the day's first slot, or the panel's end.</summary>
    public static int TrainEnd(SeriesPanel panel, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(panel);
        var first = panel.SlotOf(Calendar.TimeLabel.FromDate(date));
        if (first <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(date), date, $"The data starts at {panel.Start}; a briefing needs history before the day.");
        }

        return (int)Math.Min(first, panel.Length);
    }

    /// <summary>The level whose central interval's upper end is the 90% upper bound: the upper end of the 80% interval.</summary>
    public const double CentralLevel = 0.8;

    /// <summary>A forecast of nothing: every hour of <paramref name="series"/> series is missing.</summary>
    public static DayForecast Empty(DateOnly date, int series)
    {
        var mean = new double[series][];
        for (var s = 0; s < series; s++)
        {
            mean[s] = new double[Hours];
            Array.Fill(mean[s], Missing.Value);
        }

        return new DayForecast(date, mean, mean, mean);
    }

    /// <summary>Forecasts <paramref name="date"/> for every series of <paramref name="panel"/> with a forecaster fitted up to <see cref="TrainEnd"/>.</summary>
    /// <param name="panel">The observations.</param>
    /// <param name="forecaster">The forecaster.</param>
    /// <param name="calibration">
    /// The upper-bound margins; null to take the upper bound from the forecaster's own <see cref="CentralLevel"/>
    /// interval (a saved model's conformal intervals), or the point forecast when it gives none.
    /// </param>
    /// <param name="exceedance">The day-ahead exceedance probabilities; null when there was no room to calibrate them.</param>
    /// <param name="thresholds">Each series' surge threshold (NaN: none).</param>
    /// <param name="date">The day.</param>
    /// <param name="levels">
    /// On a grid finer than an hour: per series, whether it is a level (its hour is the mean of its slots) or a count
    /// (their sum, the default); each slot is then judged against the threshold, which is a slot's, and an hour's
    /// probability is the highest of its slots'.
    /// </param>
    public static DayForecast Issue(
        SeriesPanel panel, IForecaster forecaster, UpperBoundCalibration? calibration, ExceedanceCalibration? exceedance, ReadOnlySpan<double> thresholds, DateOnly date, IReadOnlyList<bool>? levels = null)
    {
        ArgumentNullException.ThrowIfNull(forecaster);
        var origin = new ForecastOrigin(panel, TrainEnd(panel, date) - 1);
        var dayStart = panel.SlotOf(Calendar.TimeLabel.FromDate(date));
        var perHour = SlotCalendar.StepsPerHour(panel.Step);
        var ahead = (int)(dayStart - origin.Index - 1);
        var point = new double[ahead + (Hours * perHour)];
        var bound = new double[point.Length];
        var intervals = calibration is null ? forecaster as IIntervalForecaster : null;
        var level = intervals is null ? -1 : IndexOf(intervals.Levels, CentralLevel);
        var bounds = new double[level < 0 ? 0 : 2 * intervals!.Levels.Count * point.Length];
        var mean = new double[panel.Sensors.Count][];
        var upper = new double[panel.Sensors.Count][];
        var reach = new double[panel.Sensors.Count][];
        for (var s = 0; s < mean.Length; s++)
        {
            forecaster.Predict(origin, s, point);
            if (level >= 0)
            {
                intervals!.PredictIntervals(origin, s, point, bounds);
            }

            UpperBounds(point, calibration?.Margin(s, 0), level < 0 ? [] : bounds.AsSpan((2 * level + 1) * point.Length, point.Length), bound);
            var isLevel = levels is not null && s < levels.Count && levels[s];
            mean[s] = ByHour(point.AsSpan(ahead), perHour, isLevel);
            upper[s] = ByHour(bound.AsSpan(ahead), perHour, isLevel);
            reach[s] = new double[Hours];
            for (var h = 0; h < Hours; h++)
            {
                // The day-ahead kind (0), slot by slot against the slot's threshold; an hour reaches it when a slot does.
                var highest = Missing.Value;
                for (var k = 0; k < perHour && exceedance is not null; k++)
                {
                    var p = exceedance.Probability(s, 0, point[ahead + (h * perHour) + k], thresholds[s], h);
                    highest = Missing.Is(highest) || p > highest ? p : highest;
                }

                reach[s][h] = highest;
            }
        }

        return new DayForecast(date, mean, upper, reach);
    }

    /// <summary>Each slot's upper bound: the point times the calibrated margin, else the interval's upper end, else the point itself.</summary>
    private static void UpperBounds(ReadOnlySpan<double> point, double? margin, ReadOnlySpan<double> intervalUpper, Span<double> bound)
    {
        for (var i = 0; i < point.Length; i++)
        {
            bound[i] = margin is { } m ? point[i] * (1 + m)
                : intervalUpper.Length > 0 && !Missing.Is(intervalUpper[i]) ? Math.Max(point[i], intervalUpper[i])
                : point[i];
        }
    }

    private static int IndexOf(IReadOnlyList<double> levels, double level)
    {
        for (var k = 0; k < levels.Count; k++)
        {
            if (Math.Abs(levels[k] - level) < 1e-9)
            {
                return k;
            }
        }

        return -1;
    }

    /// <summary>Each hour's total of its slots, or their mean for a level.</summary>
    private static double[] ByHour(ReadOnlySpan<double> slots, int perHour, bool level)
    {
        var sums = new double[Hours];
        for (var h = 0; h < Hours; h++)
        {
            var sum = 0.0;
            foreach (var v in slots.Slice(h * perHour, perHour))
            {
                sum += v;
            }

            sums[h] = level ? sum / perHour : sum;
        }

        return sums;
    }
}
