using Surgewatch.Core.Evaluation.Refitting;
using Surgewatch.Core.Forecasting;
using Surgewatch.Core.Series;

namespace Surgewatch.Cli.Backtest;

/// <summary>
/// The forecasts of a backtest that refits (<c>--refit-every</c>), for its chart: each origin is forecast by the fit in
/// force when its forecast is issued (<see cref="RefitSchedule.SegmentOf"/>), as the backtest scored it. A segment's model
/// is fitted the first time the chart needs it (a week spans one or two segments of a 7-day cadence).
/// </summary>
internal sealed class SegmentForecaster(IForecastModel model, SeriesPanel panel, RefitSchedule schedule, CancellationToken cancellationToken) : IForecaster
{
    private readonly Dictionary<int, IForecaster> _fits = [];

    public void Predict(in ForecastOrigin origin, int series, Span<double> point)
    {
        var segment = schedule.SegmentOf(origin.Index + 1);
        if (!_fits.TryGetValue(segment, out var forecaster))
        {
            forecaster = model.Fit(panel, schedule.Points[segment], cancellationToken);
            _fits[segment] = forecaster;
        }

        forecaster.Predict(origin, series, point);
    }
}
