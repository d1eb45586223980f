using Surgewatch.Core.Calendar;
using Surgewatch.Core.Evaluation.Warnings;
using Surgewatch.Core.Forecasting;
using Surgewatch.Core.Series;

namespace Surgewatch.Core.Briefing;

/// <summary>
/// Every series' forecast for one day, by hour: the point forecast summed over the hour's slots and the upper bound of
/// its 90% interval (the day-ahead margin of an <see cref="UpperBoundCalibration"/>), issued after the last slot before
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

    /// <summary>Forecasts <paramref name="date"/> for every series of <paramref name="panel"/> with a forecaster fitted up to <see cref="TrainEnd"/>.</summary>
    /// <param name="panel">The observations.</param>
    /// <param name="forecaster">The forecaster.</param>
    /// <param name="calibration">The upper-bound margins.</param>
    /// <param name="exceedance">The day-ahead exceedance probabilities; null when there was no room to calibrate them.</param>
    /// <param name="thresholds">Each series' surge threshold (NaN: none).</param>
    /// <param name="date">The day.</param>
    public static DayForecast Issue(SeriesPanel panel, IForecaster forecaster, UpperBoundCalibration calibration, ExceedanceCalibration? exceedance, ReadOnlySpan<double> thresholds, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(forecaster);
        ArgumentNullException.ThrowIfNull(calibration);
        var origin = new ForecastOrigin(panel, TrainEnd(panel, date) - 1);
        var dayStart = panel.SlotOf(Calendar.TimeLabel.FromDate(date));
        var perHour = SlotCalendar.StepsPerHour(panel.Step);
        var ahead = (int)(dayStart - origin.Index - 1);
        var point = new double[ahead + (Hours * perHour)];
        var mean = new double[panel.Sensors.Count][];
        var upper = new double[panel.Sensors.Count][];
        var reach = new double[panel.Sensors.Count][];
        for (var s = 0; s < mean.Length; s++)
        {
            forecaster.Predict(origin, s, point);
            (mean[s], upper[s]) = ByHour(point.AsSpan(ahead), perHour, calibration.Margin(s, 0));
            reach[s] = new double[Hours];
            for (var h = 0; h < Hours; h++)
            {
                // The day-ahead kind (0); an hour of sub-hourly slots is judged on its sum, as the threshold's hours are.
                reach[s][h] = exceedance?.Probability(s, 0, mean[s][h], thresholds[s], h) ?? Missing.Value;
            }
        }

        return new DayForecast(date, mean, upper, reach);
    }

    private static (double[] Mean, double[] Upper) ByHour(ReadOnlySpan<double> slots, int perHour, double margin)
    {
        var mean = new double[Hours];
        var upper = new double[Hours];
        for (var h = 0; h < Hours; h++)
        {
            var sum = 0.0;
            foreach (var v in slots.Slice(h * perHour, perHour))
            {
                sum += v;
            }

            mean[h] = sum;
            upper[h] = sum * (1 + margin);
        }

        return (mean, upper);
    }
}
