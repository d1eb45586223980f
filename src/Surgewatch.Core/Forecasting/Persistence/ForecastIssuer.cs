using Surgewatch.Core.Forecasting.Intervals;
using Surgewatch.Core.Series;

namespace Surgewatch.Core.Forecasting.Persistence;

/// <summary>Issues one <see cref="Forecast"/> per series of a panel from one origin, with intervals when the forecaster gives them.</summary>
public static class ForecastIssuer
{
    /// <summary>
    /// Forecasts <paramref name="horizon"/> steps of every series of <paramref name="origin"/>'s panel. A series whose
    /// forecast is wholly missing (no history) is left out.
    /// </summary>
    public static IReadOnlyList<Forecast> Issue(IForecaster forecaster, in ForecastOrigin origin, int horizon, string model)
    {
        ArgumentNullException.ThrowIfNull(forecaster);
        ArgumentOutOfRangeException.ThrowIfLessThan(horizon, 1);
        var all = new double[origin.Panel.Sensors.Count * horizon];
        BatchPrediction.PredictAll(forecaster, origin, all);
        return Issue(forecaster, origin, horizon, model, all);
    }

    /// <summary>
    /// As <see cref="Issue(IForecaster, in ForecastOrigin, int, string)"/>, from point forecasts already made from that
    /// origin (series s, step h at <c>s × horizon + h − 1</c>), so that a caller who needs the points for something else
    /// (the live surge rule) forecasts once.
    /// </summary>
    public static IReadOnlyList<Forecast> Issue(IForecaster forecaster, in ForecastOrigin origin, int horizon, string model, ReadOnlySpan<double> all)
    {
        ArgumentNullException.ThrowIfNull(forecaster);
        ArgumentOutOfRangeException.ThrowIfLessThan(horizon, 1);
        var panel = origin.Panel;
        if (all.Length != panel.Sensors.Count * horizon)
        {
            throw new ArgumentException($"Give {panel.Sensors.Count} series × {horizon} points, not {all.Length}.", nameof(all));
        }

        var withIntervals = forecaster as IIntervalForecaster;
        var bounds = new double[withIntervals is null ? 0 : 2 * withIntervals.Levels.Count * horizon];
        var forecasts = new List<Forecast>(panel.Sensors.Count);
        for (var s = 0; s < panel.Sensors.Count; s++)
        {
            var point = all.Slice(s * horizon, horizon);
            withIntervals?.PredictIntervals(origin, s, point, bounds);
            var points = new List<ForecastPoint>(horizon);
            for (var h = 1; h <= horizon; h++)
            {
                if (!Missing.Is(point[h - 1]))
                {
                    var intervals = withIntervals is null ? [] : ConformalForecaster.ToIntervals(withIntervals.Levels, bounds, horizon, h);
                    points.Add(new ForecastPoint(origin.LabelAt(origin.Index + h), point[h - 1], intervals));
                }
            }

            if (points.Count > 0)
            {
                forecasts.Add(new Forecast(panel.Sensors[s], model, origin.Label, points));
            }
        }

        return forecasts;
    }
}
