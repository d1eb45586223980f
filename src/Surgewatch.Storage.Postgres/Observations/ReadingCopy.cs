using Npgsql;
using NpgsqlTypes;
using Surgewatch.Core.Calendar;
using Surgewatch.Core.Series;
using Surgewatch.Core.Storage;
using Surgewatch.Storage.Postgres.Connections;
using Surgewatch.Storage.Postgres.Sensors;

namespace Surgewatch.Storage.Postgres.Observations;

/// <summary>
/// The bulk-ingest path: the batch's rows, each (sensor, label) once with its last value, are sent by binary COPY into
/// a temporary staging table, then merged into <c>readings</c> by one <c>INSERT … ON CONFLICT</c>, all in the caller's
/// transaction. The merge only changes a stored row when its value differs, so its row count is exactly the rows that
/// were new or changed, and re-sending a batch writes nothing: the same semantics as the SQLite store.
/// </summary>
internal static class ReadingCopy
{
    private const string Merge = """
        INSERT INTO readings (sensor, label, value) SELECT sensor, label, value FROM readings_staging
        ON CONFLICT (sensor, label) DO UPDATE SET value = excluded.value WHERE readings.value IS DISTINCT FROM excluded.value
        """;

    /// <summary>Writes a non-empty batch, the sensors it names that are not yet stored, and its ingest-log entry.</summary>
    public static async Task<IngestResult> UpsertAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        ObservationBatch batch,
        PostgresStoreOptions options,
        SensorKeyCache sensorKeys,
        List<KeyValuePair<SensorId, long>> learned,
        IProgress<long>? progress,
        CancellationToken cancellationToken)
    {
        var keyOf = await SensorTable.ResolveKeysAsync(connection, transaction, batch.Sensors, options, sensorKeys, learned, cancellationToken);
        using var order = ReadingOrder.Create(batch.SensorIndexes, batch.TimeSeconds, keyOf);
        await Sql.ExecuteAsync(connection, transaction, """
            CREATE TEMP TABLE readings_staging (sensor bigint NOT NULL, label bigint NOT NULL, value double precision NOT NULL) ON COMMIT DROP
            """, cancellationToken);
        await CopyAsync(connection, batch, order, keyOf, options, progress, cancellationToken);
        await using var merge = Sql.Command(connection, transaction, Merge);
        long written = await merge.ExecuteNonQueryAsync(cancellationToken);
        await Sql.ExecuteAsync(connection, transaction, "DROP TABLE readings_staging", cancellationToken);
        var entry = new IngestLogEntry(
            options.TimeProvider.GetUtcNow(), batch.Count, written, batch.Sensors.Count, new TimeLabel(order.MinLabel), new TimeLabel(order.MaxLabel));
        await IngestLog.AppendAsync(connection, transaction, entry, cancellationToken);
        return new IngestResult(batch.Count, written);
    }

    private static async Task CopyAsync(
        NpgsqlConnection connection, ObservationBatch batch, ReadingOrder order, long[] keyOf, PostgresStoreOptions options, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        await using var importer = await connection.BeginBinaryImportAsync(
            "COPY readings_staging (sensor, label, value) FROM STDIN (FORMAT BINARY)", cancellationToken);
        for (var done = 0; done < order.Count;)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var end = (int)Math.Min(order.Count, (long)done + options.ProgressInterval);
            WriteRows(importer, batch, order, keyOf, done, end);
            done = end;
            if (done < order.Count)
            {
                progress?.Report(done);
            }
        }

        // Reported before the COPY completes: a progress callback that throws or cancels still leaves nothing behind.
        progress?.Report(order.Count);
        cancellationToken.ThrowIfCancellationRequested();
        await importer.CompleteAsync(cancellationToken);
    }

    // Synchronous on purpose: the importer buffers rows and only blocks when its buffer goes out, and the spans of
    // the batch cannot live across an await.
    private static void WriteRows(NpgsqlBinaryImporter importer, ObservationBatch batch, ReadingOrder order, long[] keyOf, int from, int to)
    {
        var rows = order.Rows;
        var sensorOf = batch.SensorIndexes;
        var labels = batch.TimeSeconds;
        var values = batch.Values;
        for (var i = from; i < to; i++)
        {
            var row = rows[i];
            importer.StartRow();
            importer.Write(keyOf[sensorOf[row]], NpgsqlDbType.Bigint);
            importer.Write(labels[row], NpgsqlDbType.Bigint);
            importer.Write(values[row], NpgsqlDbType.Double);
        }
    }
}
