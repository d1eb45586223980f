using Surgewatch.Core.Calendar;
using Surgewatch.Core.Evaluation;
using Surgewatch.Core.Forecasting;
using Surgewatch.Core.Series;

namespace Surgewatch.Cli.Backtest;

/// <summary>The actual values of one series over a window, and the forecasts a protocol made for them.</summary>
internal sealed record ForecastTrace(TimeLabel[] Slots, double[] Actual, double[] Forecast, int Horizon);

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
                forecaster.Predict(new ForecastOrigin(panel, origin), series, span);
                forecast[k] = span[h - 1];
            }
        }

        return new ForecastTrace(slots, actual, forecast, options.Protocol == BacktestProtocol.DayAhead ? 0 : options.Horizon);
    }
}
