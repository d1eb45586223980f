using Surgewatch.Core.Series;
using Surgewatch.Core.Storage;
using Surgewatch.Storage.Sqlite.Observations;
using Surgewatch.Storage.Sqlite.Sensors;

namespace Surgewatch.Storage.Sqlite;

public sealed partial class SqliteStore
{
    private readonly SensorKeyCache _sensorKeys = new();

    /// <inheritdoc />
    public Task UpsertSensorsAsync(IReadOnlyList<Sensor> sensors, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sensors);
        return WriteAsync(
            connection =>
            {
                using var transaction = connection.BeginTransaction();
                SensorTable.Upsert(connection, transaction, sensors, cancellationToken);
                transaction.Commit();
                return sensors.Count;
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<Sensor>> ListSensorsAsync(CancellationToken cancellationToken = default) =>
        ReadAsync(connection => SensorTable.List(connection, cancellationToken), cancellationToken);

    /// <inheritdoc />
    /// <remarks>
    /// Rows are written in primary-key order through one reused multi-row statement; a (sensor, label) given twice
    /// in the batch keeps its last value. Progress reports rows processed, every <see cref="SqliteStoreOptions.ProgressInterval"/>
    /// rows and once at the end, before the commit: cancelling from the callback still undoes the whole batch.
    /// Without progress, concurrent calls are group-committed (see <see cref="GroupUpsertAsync"/>).
    /// </remarks>
    public Task<IngestResult> UpsertObservationsAsync(ObservationBatch batch, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return progress is null && batch.Count > 0
            ? GroupUpsertAsync(batch, cancellationToken)
            : WriteAsync(connection => ObservationTable.Upsert(connection, batch, _options, _sensorKeys, progress, cancellationToken), cancellationToken);
    }

    /// <inheritdoc />
    public Task<ObservationBatch> ReadObservationsAsync(ObservationQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return ReadAsync(connection => ObservationTable.Read(connection, query, cancellationToken), cancellationToken);
    }

    /// <inheritdoc />
    public Task<long> CountObservationsAsync(CancellationToken cancellationToken = default) =>
        ReadAsync(ObservationTable.Count, cancellationToken);

    /// <summary>The latest <paramref name="limit"/> ingests, newest first, from the ingest log.</summary>
    public Task<IReadOnlyList<IngestLogEntry>> ReadIngestLogAsync(int limit = 100, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        return ReadAsync(connection => IngestLog.Latest(connection, limit), cancellationToken);
    }
}
