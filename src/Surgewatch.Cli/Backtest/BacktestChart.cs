using Surgewatch.Cli.Charts;
using Surgewatch.Cli.Common;
using Surgewatch.Core.Calendar;
using Surgewatch.Core.Evaluation;
using Surgewatch.Core.Forecasting;
using Surgewatch.Core.Series;

namespace Surgewatch.Cli.Backtest;

/// <summary>Draws actual against forecast, with the forecast's intervals, for one sensor over one week of the test period, its axis in the sensor's unit.</summary>
internal static class BacktestChart
{
    public static string Render(string dataset, SeriesPanel panel, IReadOnlyList<Sensor>? kinds, IForecaster forecaster, BacktestResult result, BacktestOptions options, string? sensor, TimeLabel? weekStart)
    {
        var series = ChooseSeries(panel, sensor, panel.FirstSlotAtOrAfter(options.TestFrom));
        var start = weekStart ?? options.TestFrom;
        var from = panel.FirstSlotAtOrAfter(start);
        var to = Math.Min(from + SlotCalendar.StepsPerWeek(panel.Step), panel.Length);
        if (to - from < 2)
        {
            throw new UserInputException($"--svg-week {start:yyyy-MM-dd}: the data has no week starting there (it ends {panel.End}).");
        }

        var trace = ForecastTracer.Trace(panel, series, forecaster, options, from, to);
        var what = options.Protocol == BacktestProtocol.DayAhead ? "day-ahead forecast" : $"forecast {trace.Horizon} step(s) ahead";
        var kind = kinds?.FirstOrDefault(k => k.Id == panel.Sensors[series])?.Kind ?? SensorKind.PedestrianCount;
        var chart = new LineChart(
            $"{dataset}: sensor {panel.Sensors[series]}, {result.Model}, {what}",
            SensorUnits.AxisTitle(kind, panel.Step),
            trace.Slots,
            [new ChartLine("actual", trace.Actual, "#1f2937"), new ChartLine($"{result.Model} {what}", trace.Forecast, "#ea580c", Dashed: true)],
            [.. trace.Intervals.OrderByDescending(i => i.Level).Select(i => new ChartBand(
                string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{i.Level * 100:0} % interval"), i.Lower, i.Upper, "#ea580c"))]);
        return SvgChartWriter.Render(chart);
    }

    /// <summary>The named sensor, or else the one with the most readings in the test period.</summary>
    private static int ChooseSeries(SeriesPanel panel, string? sensor, int testStart)
    {
        if (sensor is not null)
        {
            var index = SensorId.IsValid(sensor, out _) ? panel.IndexOf(new SensorId(sensor)) : -1;
            return index >= 0 ? index : throw new UserInputException($"--svg-sensor '{sensor}' is not in the data.");
        }

        var best = 0;
        var bestCount = -1;
        for (var s = 0; s < panel.Sensors.Count; s++)
        {
            var count = 0;
            foreach (var v in panel.Values(s)[testStart..])
            {
                count += Missing.Is(v) ? 0 : 1;
            }

            if (count > bestCount)
            {
                (best, bestCount) = (s, count);
            }
        }

        return best;
    }
}
