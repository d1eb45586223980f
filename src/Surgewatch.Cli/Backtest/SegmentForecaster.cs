using Surgewatch.Core.Evaluation.Refitting;
using Surgewatch.Core.Forecasting;
using Surgewatch.Core.Forecasting.Intervals;
using Surgewatch.Core.Series;

namespace Surgewatch.Cli.Backtest;

/// <summary>
/// The forecasts of a backtest that refits (<c>--refit-every</c>), for its chart: each origin is forecast by the fit in
/// force when its forecast is issued (<see cref="RefitSchedule.SegmentOf"/>), as the backtest scored it. A segment's model
/// is fitted the first time the chart needs it (a week spans one or two segments of a 7-day cadence). Its intervals are
/// those of the same fit; a model without intervals gives none (<see cref="Levels"/> is empty).
/// </summary>
internal sealed class SegmentForecaster(IForecastModel model, SeriesPanel panel, RefitSchedule schedule, CancellationToken cancellationToken) : IIntervalForecaster
{
    private readonly Dictionary<int, IForecaster> _fits = [];

    public IReadOnlyList<double> Levels => FitOf(schedule.SegmentOf(schedule.Points[0] + 1)) is IIntervalForecaster first ? first.Levels : [];

    public void Predict(in ForecastOrigin origin, int series, Span<double> point) => FitOf(schedule.SegmentOf(origin.Index + 1)).Predict(origin, series, point);

    public void PredictIntervals(in ForecastOrigin origin, int series, ReadOnlySpan<double> point, Span<double> bounds)
    {
        if (FitOf(schedule.SegmentOf(origin.Index + 1)) is IIntervalForecaster fit)
        {
            fit.PredictIntervals(origin, series, point, bounds);
        }
        else
        {
            bounds.Fill(Missing.Value);
        }
    }

    private IForecaster FitOf(int segment)
    {
        if (!_fits.TryGetValue(segment, out var forecaster))
        {
            forecaster = model.Fit(panel, schedule.Points[segment], cancellationToken);
            _fits[segment] = forecaster;
        }

        return forecaster;
    }
}
