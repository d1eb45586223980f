using System.Globalization;
using System.Text;
using Surgewatch.Core.Forecasting;
using Surgewatch.Core.Series;

namespace Surgewatch.Cli.Backtest;

/// <summary>
/// Wraps a model so that every forecast the backtest asks for is also kept, for writing the scored pairs
/// (timestamp, sensor, horizon, actual, forecast) to a CSV for error analysis (<c>--pairs</c>): one line per target
/// and horizon, so a rolling backtest over H steps writes each target H times (once per step ahead) and the lines
/// are exactly the pairs that the metrics counted.
/// </summary>
internal sealed class PairRecorder(IForecastModel inner) : IForecastModel
{
    private Recording? _recording;

    public string Name => inner.Name;

    public IForecaster Fit(SeriesPanel panel, int trainEnd, CancellationToken cancellationToken = default)
    {
        var forecaster = inner.Fit(panel, trainEnd, cancellationToken);
        // A backtest that refits (--refit-every) fits once per segment: every fit on the panel adds to the same pairs.
        _recording = _recording is { } last && ReferenceEquals(last.Panel, panel)
            ? new Recording(forecaster, panel, last.Kept)
            : new Recording(forecaster, panel, NewLists(panel.Sensors.Count));
        return _recording;
    }

    private static List<(int Target, int H, double Forecast)>[] NewLists(int series) =>
        [.. Enumerable.Range(0, series).Select(_ => new List<(int Target, int H, double Forecast)>())];

    /// <summary>
    /// Writes the pairs the backtest scored: target at or after <paramref name="testFrom"/>, actual and forecast present
    /// (and the actual not zero with <paramref name="maskZeros"/>), series by series, by target, then by horizon.
    /// </summary>
    public async Task WriteAsync(FileInfo file, int testFrom, bool maskZeros, CancellationToken cancellationToken)
    {
        var recording = _recording ?? throw new InvalidOperationException("Fit the model before writing its pairs.");
        var panel = recording.Panel;
        var text = new StringBuilder("timestamp,sensor_id,horizon,actual,forecast\n");
        for (var s = 0; s < panel.Sensors.Count; s++)
        {
            var actual = panel.Values(s);
            var kept = recording.Kept[s];
            kept.Sort((a, b) => a.Target != b.Target ? a.Target.CompareTo(b.Target) : a.H.CompareTo(b.H));
            foreach (var (t, h, forecast) in kept)
            {
                if (t >= testFrom && !Missing.Is(actual[t]) && !Missing.Is(forecast) && !(maskZeros && actual[t] == 0))
                {
                    text.Append(CultureInfo.InvariantCulture, $"{panel.LabelAt(t)},{panel.Sensors[s]},{h},{actual[t]},{forecast:0.###}\n");
                }
            }
        }

        await File.WriteAllTextAsync(file.FullName, text.ToString(), cancellationToken);
    }

    private sealed class Recording(IForecaster inner, SeriesPanel panel, List<(int Target, int H, double Forecast)>[] kept) : IForecaster
    {
        public SeriesPanel Panel => panel;

        /// <summary>Per series, every forecast made: (target slot, steps ahead, forecast).</summary>
        public List<(int Target, int H, double Forecast)>[] Kept => kept;

        public void Predict(in ForecastOrigin origin, int series, Span<double> point)
        {
            inner.Predict(origin, series, point);
            var kept = Kept[series];
            for (var h = 1; h <= point.Length && origin.Index + h < panel.Length; h++)
            {
                // Each series is scored by one worker at a time, so its list is written by one thread.
                kept.Add((origin.Index + h, h, point[h - 1]));
            }
        }
    }
}
