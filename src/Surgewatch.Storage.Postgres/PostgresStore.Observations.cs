using Surgewatch.Core.Series;
using Surgewatch.Core.Storage;
using Surgewatch.Storage.Postgres.Observations;
using Surgewatch.Storage.Postgres.Sensors;

namespace Surgewatch.Storage.Postgres;

public sealed partial class PostgresStore
{
    private readonly SensorKeyCache _sensorKeys = new();

    /// <inheritdoc />
    public Task UpsertSensorsAsync(IReadOnlyList<Sensor> sensors, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sensors);
        return InTransactionAsync(
            async (connection, transaction) =>
            {
                await SensorTable.UpsertAsync(connection, transaction, sensors, cancellationToken);
                return sensors.Count;
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<Sensor>> ListSensorsAsync(CancellationToken cancellationToken = default) =>
        UseAsync(connection => SensorTable.ListAsync(connection, cancellationToken), cancellationToken);

    /// <inheritdoc />
    /// <remarks>
    /// One transaction: binary COPY straight into <c>readings</c> when no stored row shares a key with the batch,
    /// otherwise binary COPY into a staging table, then one <c>INSERT … ON CONFLICT</c> (see <see cref="ReadingCopy"/>).
    /// A (sensor, label) given twice in the batch keeps its last value. Progress reports rows copied, every
    /// <see cref="PostgresStoreOptions.ProgressInterval"/> rows and once at the end, before the commit; when a
    /// concurrent writer's keys turn the direct COPY back, the merge's COPY reports from the start again.
    /// </remarks>
    public async Task<IngestResult> UpsertObservationsAsync(ObservationBatch batch, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        cancellationToken.ThrowIfCancellationRequested();
        if (batch.Count == 0)
        {
            progress?.Report(0);
            return new IngestResult(0, 0);
        }

        var learned = new List<KeyValuePair<SensorId, long>>();
        var result = await InTransactionAsync(
            (connection, transaction) => ReadingCopy.UpsertAsync(connection, transaction, batch, _options, _sensorKeys, learned, progress, cancellationToken),
            cancellationToken);
        _sensorKeys.Remember(learned);
        return result;
    }

    /// <inheritdoc />
    public Task<ObservationBatch> ReadObservationsAsync(ObservationQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return UseAsync(connection => ReadingTable.ReadAsync(connection, query, cancellationToken), cancellationToken);
    }

    /// <inheritdoc />
    public Task<long> CountObservationsAsync(CancellationToken cancellationToken = default) =>
        UseAsync(connection => Connections.Sql.ScalarInt64Async(connection, null, "SELECT count(*) FROM readings", cancellationToken), cancellationToken);

    /// <summary>The latest <paramref name="limit"/> ingests, newest first, from the ingest log.</summary>
    public Task<IReadOnlyList<IngestLogEntry>> ReadIngestLogAsync(int limit = 100, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        return UseAsync(connection => IngestLog.LatestAsync(connection, limit, cancellationToken), cancellationToken);
    }
}
