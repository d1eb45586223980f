using Surgewatch.Core.Forecasting;
using Surgewatch.Core.Forecasting.Intervals;
using Surgewatch.Core.Series;

namespace Surgewatch.Core.Evaluation;

/// <summary>
/// One worker's state in a backtest: a forecast buffer and per-horizon sums, reused for every series and
/// origin the worker scores, so that scoring allocates nothing per origin.
/// </summary>
internal sealed class SeriesScorer
{
    private const int CancellationCheckMask = 1023;
    private readonly double[] _forecast;
    private readonly double[] _bounds;

    /// <summary>Creates a worker for forecasts of <paramref name="horizon"/> steps; with <paramref name="levels"/>, it also counts interval coverage.</summary>
    public SeriesScorer(int horizon, IReadOnlyList<double>? levels = null)
    {
        _forecast = new double[horizon];
        Sums = new MetricAccumulator[horizon];
        Coverage = levels is null ? null : new CoverageCounts(horizon, levels);
        _bounds = levels is null ? [] : new double[2 * levels.Count * horizon];
    }

    /// <summary>The sums per horizon; element h − 1 holds horizon h.</summary>
    public MetricAccumulator[] Sums { get; }

    /// <summary>The interval coverage counts, when the forecaster gives intervals.</summary>
    public CoverageCounts? Coverage { get; }

    /// <summary>Forecasts series <paramref name="series"/> from every origin of <paramref name="schedule"/> and adds the scored pairs to <see cref="Sums"/>.</summary>
    public void Score(SeriesPanel panel, IForecaster forecaster, int series, in OriginSchedule schedule, bool maskZeroActuals, CancellationToken cancellationToken)
    {
        var actual = panel.Values(series);
        var forecast = _forecast.AsSpan();
        var t = schedule.First;
        for (var i = 0; i < schedule.Count; i++, t += schedule.Stride)
        {
            if ((i & CancellationCheckMask) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var origin = new ForecastOrigin(panel, t);
            forecaster.Predict(origin, series, forecast);
            var intervals = Coverage is not null && forecaster is IIntervalForecaster;
            if (intervals)
            {
                ((IIntervalForecaster)forecaster).PredictIntervals(origin, series, forecast, _bounds);
            }

            var first = Math.Max(1, schedule.FirstTarget - t);
            var last = Math.Min(schedule.Horizon, actual.Length - 1 - t);
            for (var h = first; h <= last; h++)
            {
                if (Sums[h - 1].Add(actual[t + h], forecast[h - 1], maskZeroActuals) && intervals)
                {
                    Coverage!.Count(h, actual[t + h], _bounds, schedule.Horizon);
                }
            }
        }
    }
}
