using System.Globalization;
using System.Text;
using Surgewatch.Core.Forecasting;
using Surgewatch.Core.Series;

namespace Surgewatch.Cli.Backtest;

/// <summary>
/// Wraps a model so that every forecast the backtest asks for is also kept by target slot, for writing the scored
/// pairs (timestamp, sensor, horizon, actual, forecast) to a CSV for error analysis (<c>--pairs</c>). With a rolling
/// horizon of one step or the day-ahead protocol each target gets exactly one forecast; with longer rolling horizons
/// the last horizon is kept.
/// </summary>
internal sealed class PairRecorder(IForecastModel inner) : IForecastModel
{
    private Recording? _recording;

    public string Name => inner.Name;

    public IForecaster Fit(SeriesPanel panel, int trainEnd, CancellationToken cancellationToken = default)
    {
        var forecaster = inner.Fit(panel, trainEnd, cancellationToken);
        _recording = new Recording(forecaster, panel);
        return _recording;
    }

    /// <summary>
    /// Writes the pairs the backtest scored: target at or after <paramref name="testFrom"/>, actual and forecast present
    /// (and the actual not zero with <paramref name="maskZeros"/>).
    /// </summary>
    public async Task WriteAsync(FileInfo file, int testFrom, bool maskZeros, CancellationToken cancellationToken)
    {
        var recording = _recording ?? throw new InvalidOperationException("Fit the model before writing its pairs.");
        var panel = recording.Panel;
        var text = new StringBuilder("timestamp,sensor_id,horizon,actual,forecast\n");
        for (var s = 0; s < panel.Sensors.Count; s++)
        {
            var actual = panel.Values(s);
            for (var t = testFrom; t < panel.Length; t++)
            {
                var h = recording.Horizons[s][t];
                var forecast = recording.Forecasts[s][t];
                if (h > 0 && !Missing.Is(actual[t]) && !Missing.Is(forecast) && !(maskZeros && actual[t] == 0))
                {
                    text.Append(CultureInfo.InvariantCulture, $"{panel.LabelAt(t)},{panel.Sensors[s]},{h},{actual[t]},{forecast:0.###}\n");
                }
            }
        }

        await File.WriteAllTextAsync(file.FullName, text.ToString(), cancellationToken);
    }

    private sealed class Recording(IForecaster inner, SeriesPanel panel) : IForecaster
    {
        public SeriesPanel Panel => panel;

        public double[][] Forecasts { get; } = Grid<double>(panel);

        public int[][] Horizons { get; } = Grid<int>(panel);

        public void Predict(in ForecastOrigin origin, int series, Span<double> point)
        {
            inner.Predict(origin, series, point);
            for (var h = 1; h <= point.Length && origin.Index + h < panel.Length; h++)
            {
                // Each series is scored by one worker at a time, so its row is written by one thread.
                Forecasts[series][origin.Index + h] = point[h - 1];
                Horizons[series][origin.Index + h] = h;
            }
        }

        private static T[][] Grid<T>(SeriesPanel panel)
        {
            var grid = new T[panel.Sensors.Count][];
            for (var s = 0; s < grid.Length; s++)
            {
                grid[s] = new T[panel.Length];
            }

            return grid;
        }
    }
}
