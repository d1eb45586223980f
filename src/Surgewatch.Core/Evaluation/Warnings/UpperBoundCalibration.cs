using Surgewatch.Core.Series;

namespace Surgewatch.Core.Evaluation.Warnings;

/// <summary>
/// Per-sensor relative margins that turn a point forecast into the upper bound of its 90% interval:
/// upper = point × (1 + margin). A margin is the <see cref="WarningEvaluationOptions.UpperQuantile"/> of the relative
/// errors (actual − point) / point seen out of sample on a calibration window (split conformal), one per forecast
/// kind (day-ahead, and each live-rule horizon). Only forecasts of at least half the sensor's threshold count, since
/// only the busy hours can reach it; with fewer than 20 of those, all forecasts above zero count.
/// </summary>
public sealed class UpperBoundCalibration
{
    private const int MinimumSamples = 20;
    private readonly double[][] _margins;

    private UpperBoundCalibration(double[][] margins) => _margins = margins;

    /// <summary>Margins of zero for <paramref name="series"/> series and <paramref name="kinds"/> kinds: the upper bound is the point forecast.</summary>
    public static UpperBoundCalibration None(int series, int kinds)
    {
        var margins = new double[series][];
        for (var s = 0; s < series; s++)
        {
            margins[s] = new double[kinds];
        }

        return new UpperBoundCalibration(margins);
    }

    /// <summary>Calibrates on forecasts already made over a calibration window (see <see cref="ForecastTable.Sweep"/>).</summary>
    public static UpperBoundCalibration FromTable(SeriesPanel panel, ForecastTable table, ReadOnlySpan<double> thresholds, double quantile)
    {
        ArgumentNullException.ThrowIfNull(table);
        var builder = new Builder(panel, thresholds, table.Kinds, quantile);
        for (var k = 0; k < table.Kinds; k++)
        {
            for (var s = 0; s < table.Series; s++)
            {
                for (var t = table.From; t < table.To; t++)
                {
                    var point = table[k, s, t];
                    if (!double.IsNaN(point))
                    {
                        builder.Add(s, 0, t, k, point);
                    }
                }
            }
        }

        return builder.Build();
    }

    /// <summary>The margin for <paramref name="series"/> and forecast kind <paramref name="kind"/> (0 day-ahead, 1.. horizon).</summary>
    public double Margin(int series, int kind) => _margins[series][kind];

    /// <summary>The upper bound for a point forecast.</summary>
    public double Upper(int series, int kind, double point) => point * (1 + _margins[series][kind]);

    internal sealed class Builder(SeriesPanel panel, ReadOnlySpan<double> thresholds, int kinds, double quantile)
    {
        private readonly double[] _thresholds = thresholds.ToArray();
        private readonly List<double>[,] _busy = NewLists(panel.Sensors.Count, kinds);
        private readonly List<double>[,] _all = NewLists(panel.Sensors.Count, kinds);

        public void Add(int series, int issueSlot, int target, int kind, double point)
        {
            var actual = panel.Values(series)[target];
            if (double.IsNaN(actual) || point <= 0 || double.IsNaN(_thresholds[series]))
            {
                return;
            }

            var error = (actual - point) / point;
            _all[series, kind].Add(error);
            if (point >= _thresholds[series] / 2)
            {
                _busy[series, kind].Add(error);
            }
        }

        public UpperBoundCalibration Build()
        {
            var margins = new double[_busy.GetLength(0)][];
            for (var s = 0; s < margins.Length; s++)
            {
                margins[s] = new double[_busy.GetLength(1)];
                for (var k = 0; k < margins[s].Length; k++)
                {
                    var samples = _busy[s, k].Count >= MinimumSamples ? _busy[s, k] : _all[s, k];
                    margins[s][k] = samples.Count == 0 ? 0 : Math.Max(0, SurgeThresholds.Percentile(samples.ToArray(), quantile));
                }
            }

            return new UpperBoundCalibration(margins);
        }

        private static List<double>[,] NewLists(int series, int kinds)
        {
            var lists = new List<double>[series, kinds];
            for (var s = 0; s < series; s++)
            {
                for (var k = 0; k < kinds; k++)
                {
                    lists[s, k] = [];
                }
            }

            return lists;
        }
    }
}
