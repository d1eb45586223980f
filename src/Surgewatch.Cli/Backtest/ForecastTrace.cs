using Surgewatch.Core.Calendar;
using Surgewatch.Core.Evaluation;
using Surgewatch.Core.Forecasting;
using Surgewatch.Core.Forecasting.Intervals;
using Surgewatch.Core.Series;

namespace Surgewatch.Cli.Backtest;

/// <summary>The actual values of one series over a window, and the forecasts a protocol made for them, with their intervals.</summary>
/// <param name="Intervals">One per interval level of the forecaster, narrowest first (none without intervals).</param>
internal sealed record ForecastTrace(TimeLabel[] Slots, double[] Actual, double[] Forecast, int Horizon, IReadOnlyList<TraceInterval> Intervals);

/// <summary>The bounds of one nominal level along a trace (missing where the forecaster gave none).</summary>
internal sealed record TraceInterval(double Level, double[] Lower, double[] Upper);

/// <summary>Replays a protocol's forecasts for one series over a window, for charts.</summary>
internal static class ForecastTracer
{
    /// <summary>
    /// For each slot j in [<paramref name="from"/>, <paramref name="to"/>), the forecast of j that the protocol
    /// made: issued at j − horizon when rolling, or at the end of the previous day when day-ahead.
    /// </summary>
    public static ForecastTrace Trace(SeriesPanel panel, int series, IForecaster forecaster, BacktestOptions options, int from, int to)
    {
        var length = to - from;
        var slots = new TimeLabel[length];
        var actual = new double[length];
        var forecast = new double[length];
        var stepsPerDay = SlotCalendar.StepsPerDay(panel.Step);
        var buffer = new double[Math.Max(options.Horizon, stepsPerDay)];
        var values = panel.Values(series);
        var withIntervals = forecaster as IIntervalForecaster;
        var levels = withIntervals?.Levels ?? [];
        var intervals = levels.Select(l => new TraceInterval(l, Filled(length), Filled(length))).ToArray();
        var bounds = new double[2 * levels.Count * buffer.Length];
        for (var k = 0; k < length; k++)
        {
            var j = from + k;
            slots[k] = panel.LabelAt(j);
            actual[k] = j < panel.Length ? values[j] : Missing.Value;
            var h = options.Protocol == BacktestProtocol.DayAhead
                ? SlotCalendar.SlotOfDay(slots[k], panel.Step) + 1
                : options.Horizon;
            var origin = j - h;
            forecast[k] = Missing.Value;
            if (origin >= 0 && origin < panel.Length)
            {
                var span = buffer.AsSpan(0, h);
                var at = new ForecastOrigin(panel, origin);
                forecaster.Predict(at, series, span);
                forecast[k] = span[h - 1];
                if (withIntervals is not null && levels.Count > 0)
                {
                    var written = bounds.AsSpan(0, 2 * levels.Count * h);
                    withIntervals.PredictIntervals(at, series, span, written);
                    for (var l = 0; l < levels.Count; l++)
                    {
                        intervals[l].Lower[k] = written[(2 * l * h) + h - 1];
                        intervals[l].Upper[k] = written[((2 * l) + 1) * h + h - 1];
                    }
                }
            }
        }

        return new ForecastTrace(slots, actual, forecast, options.Protocol == BacktestProtocol.DayAhead ? 0 : options.Horizon, intervals);
    }

    private static double[] Filled(int length)
    {
        var values = new double[length];
        Array.Fill(values, Missing.Value);
        return values;
    }
}
