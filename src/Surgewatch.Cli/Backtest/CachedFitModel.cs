using Surgewatch.Core.Forecasting;
using Surgewatch.Core.Series;

namespace Surgewatch.Cli.Backtest;

/// <summary>
/// Wraps a model so that fitting it twice on the same panel and training window returns the first fit.
/// The backtest fits once (or, with <c>--refit-every</c>, once per segment); the chart then reuses the last fit instead of
/// training the model again.
/// </summary>
internal sealed class CachedFitModel(IForecastModel inner) : IForecastModel
{
    private (SeriesPanel Panel, int TrainEnd, IForecaster Forecaster)? _fit;

    public string Name => inner.Name;

    public IForecaster Fit(SeriesPanel panel, int trainEnd, CancellationToken cancellationToken = default)
    {
        if (_fit is { } f && ReferenceEquals(f.Panel, panel) && f.TrainEnd == trainEnd)
        {
            return f.Forecaster;
        }

        var forecaster = inner.Fit(panel, trainEnd, cancellationToken);
        _fit = (panel, trainEnd, forecaster);
        return forecaster;
    }
}
