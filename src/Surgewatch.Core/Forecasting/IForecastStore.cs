using Surgewatch.Core.Calendar;
using Surgewatch.Core.Series;

namespace Surgewatch.Core.Forecasting;

/// <summary>The port through which forecasts are kept and read back.</summary>
public interface IForecastStore
{
    /// <summary>Saves forecasts; a forecast with the same sensor, model and issue time replaces the earlier one.</summary>
    Task SaveForecastsAsync(IReadOnlyList<Forecast> forecasts, CancellationToken cancellationToken = default);

    /// <summary>The latest forecast of <paramref name="sensor"/> by <paramref name="model"/> issued at or before <paramref name="issuedAtOrBefore"/>, or null.</summary>
    Task<Forecast?> LatestForecastAsync(SensorId sensor, string model, TimeLabel issuedAtOrBefore, CancellationToken cancellationToken = default);
}
