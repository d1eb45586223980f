namespace Surgewatch.Server.ZoneSeries;

/// <summary>One forecast step of a zone's density with its 80% and 95% bands.</summary>
internal readonly record struct ForecastBand(double Mean, double Lo80, double Hi80, double Lo95, double Hi95);

/// <summary>
/// Forecasts a zone's density with intervals from its recent history; pluggable so that a fitted model
/// (the forecasting work's interval models) can replace the built-in baseline.
/// </summary>
internal interface IZoneForecaster
{
    /// <summary>The model's name, shown with the forecast.</summary>
    string Name { get; }

    /// <summary>
    /// Forecasts <paramref name="horizon"/> steps after the end of <paramref name="history"/> (oldest first, one value per
    /// step, NaN for missing; <paramref name="stepsPerDay"/> steps make a day).
    /// </summary>
    ForecastBand[] Forecast(ReadOnlySpan<double> history, int stepsPerDay, int horizon);
}
