using Surgewatch.Core.Calendar;
using Surgewatch.Core.Forecasting;
using Surgewatch.Core.Series;
using Surgewatch.Storage.Sqlite.Forecasts;

namespace Surgewatch.Storage.Sqlite;

public sealed partial class SqliteStore
{
    /// <inheritdoc />
    /// <remarks>All forecasts are saved in one transaction. A sensor not yet known is added with default metadata.</remarks>
    public Task SaveForecastsAsync(IReadOnlyList<Forecast> forecasts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(forecasts);
        return WriteAsync(
            connection =>
            {
                using var transaction = connection.BeginTransaction();
                ForecastTable.Save(connection, transaction, forecasts, _options, cancellationToken);
                transaction.Commit();
                return forecasts.Count;
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<Forecast?> LatestForecastAsync(SensorId sensor, string model, TimeLabel issuedAtOrBefore, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(model);
        return ReadAsync(connection => ForecastTable.Latest(connection, sensor, model, issuedAtOrBefore), cancellationToken);
    }
}
