using Surgewatch.Core.Calendar;
using Surgewatch.Core.Forecasting;
using Surgewatch.Core.Series;
using Surgewatch.Storage.Postgres.Forecasts;

namespace Surgewatch.Storage.Postgres;

public sealed partial class PostgresStore
{
    /// <inheritdoc />
    /// <remarks>All forecasts are saved in one transaction. A sensor not yet known is added with default metadata.</remarks>
    public Task SaveForecastsAsync(IReadOnlyList<Forecast> forecasts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(forecasts);
        return InTransactionAsync(
            async (connection, transaction) =>
            {
                await ForecastTable.SaveAsync(connection, transaction, forecasts, _options, cancellationToken);
                return forecasts.Count;
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<Forecast?> LatestForecastAsync(SensorId sensor, string model, TimeLabel issuedAtOrBefore, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(model);
        return UseAsync(connection => ForecastTable.LatestAsync(connection, sensor, model, issuedAtOrBefore, cancellationToken), cancellationToken);
    }
}
