using Npgsql;
using Surgewatch.Core.Calendar;
using Surgewatch.Core.Series;
using Surgewatch.Core.Storage;
using Surgewatch.Storage.Postgres.Connections;
using Surgewatch.Storage.Postgres.Sensors;

namespace Surgewatch.Storage.Postgres.Observations;

/// <summary>
/// The bulk-ingest path, all in the caller's transaction, for the batch's rows with each (sensor, label) once with its
/// last value. When no stored row can share a key with the batch, the rows go by binary COPY straight into
/// <c>readings</c> (one pass, as <c>psql \copy</c> does), under a savepoint. Otherwise, or when that COPY meets a key
/// that another writer committed meanwhile (unique_violation), the savepoint is rolled back and the rows go by binary
/// COPY into a temporary staging table, then are merged into <c>readings</c> by one <c>INSERT … ON CONFLICT</c>. The
/// merge only changes a stored row when its value differs, so on either path the written count is exactly the rows
/// that were new or changed, and re-sending a batch writes nothing: the same semantics as the SQLite store.
/// </summary>
internal static class ReadingCopy
{
    private const string DirectSavepoint = "readings_direct";

    // Rows formatted per write to the COPY stream (about 150 KB).
    private const int ChunkRows = 4096;

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
        var rows = new CopyRows(batch, order, keyOf, options, progress);
        var (written, _) = await WriteAsync(connection, transaction, rows, cancellationToken);
        var entry = new IngestLogEntry(
            options.TimeProvider.GetUtcNow(), batch.Count, written, batch.Sensors.Count, new TimeLabel(order.MinLabel), new TimeLabel(order.MaxLabel));
        await IngestLog.AppendAsync(connection, transaction, entry, cancellationToken);
        return new IngestResult(batch.Count, written);
    }

    /// <summary>Writes the rows into <c>readings</c>; returns the rows new or changed, and the path they took.</summary>
    public static async Task<(long Written, ReadingWritePath Path)> WriteAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, CopyRows rows, CancellationToken cancellationToken)
    {
        if (!await AnyStoredAsync(connection, transaction, rows, cancellationToken)
            && await TryCopyDirectAsync(connection, transaction, rows, cancellationToken))
        {
            return (rows.Order.Count, ReadingWritePath.Direct);
        }

        return (await MergeAsync(connection, transaction, rows, cancellationToken), ReadingWritePath.Merge);
    }

    /// <summary>
    /// Binary COPY straight into <c>readings</c> under a savepoint. False, with the savepoint rolled back, when a key
    /// is already there: one committed by another writer after <see cref="AnyStoredAsync"/> looked, or one the caller
    /// knew of. A concurrent writer of the same key that has not committed yet makes the COPY wait for its outcome.
    /// </summary>
    public static async Task<bool> TryCopyDirectAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CopyRows rows, CancellationToken cancellationToken)
    {
        await transaction.SaveAsync(DirectSavepoint, cancellationToken);
        try
        {
            await CopyAsync(connection, "readings", rows, cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            await transaction.RollbackAsync(DirectSavepoint, cancellationToken);
            return false;
        }

        // Not released: the savepoint ends with the transaction, and releasing it would cost a round trip.
        return true;
    }

    /// <summary>The two-pass path: COPY into a temporary staging table, then one <c>INSERT … ON CONFLICT</c>.</summary>
    public static async Task<long> MergeAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CopyRows rows, CancellationToken cancellationToken)
    {
        await Sql.ExecuteAsync(connection, transaction, """
            CREATE TEMP TABLE readings_staging (sensor bigint NOT NULL, label bigint NOT NULL, value double precision NOT NULL) ON COMMIT DROP
            """, cancellationToken);
        await CopyAsync(connection, "readings_staging", rows, cancellationToken);
        await using var merge = Sql.Command(connection, transaction, Merge);
        long written = await merge.ExecuteNonQueryAsync(cancellationToken);
        await Sql.ExecuteAsync(connection, transaction, "DROP TABLE readings_staging", cancellationToken);
        return written;
    }

    // One index probe per sensor of the batch over its label range: a fresh batch (the bulk load of a new folder) goes
    // the direct way, a re-sent or overlapping one goes straight to the merge without copying its rows twice.
    private static async Task<bool> AnyStoredAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CopyRows rows, CancellationToken cancellationToken)
    {
        await using var command = Sql.Command(connection, transaction, """
            SELECT EXISTS (SELECT 1 FROM readings WHERE sensor = ANY(@keys) AND label BETWEEN @first AND @last)
            """);
        command.Parameters.AddWithValue("keys", rows.KeyOf);
        command.Parameters.AddWithValue("first", rows.Order.MinLabel);
        command.Parameters.AddWithValue("last", rows.Order.MaxLabel);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static async Task CopyAsync(NpgsqlConnection connection, string table, CopyRows rows, CancellationToken cancellationToken)
    {
        var (count, interval, progress) = (rows.Order.Count, rows.Options.ProgressInterval, rows.Progress);
        var buffer = new byte[ReadingBinaryRows.HeaderBytes + (ChunkRows * ReadingBinaryRows.RowBytes)];
        await using var copy = await connection.BeginRawBinaryCopyAsync($"COPY {table} (sensor, label, value) FROM STDIN (FORMAT BINARY)", cancellationToken);
        var completed = false;
        try
        {
            var length = ReadingBinaryRows.WriteHeader(buffer);
            for (var done = 0; done < count;)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var end = (int)Math.Min(count, (long)done + interval);
                for (; done < end; done = Math.Min(end, done + ChunkRows))
                {
                    length += ReadingBinaryRows.WriteRows(buffer.AsSpan(length), rows, done, Math.Min(end, done + ChunkRows));
                    await copy.WriteAsync(buffer.AsMemory(0, length), cancellationToken);
                    length = 0;
                }

                if (done < count)
                {
                    progress?.Report(done);
                }
            }

            // Reported before the COPY completes: a progress callback that throws or cancels still leaves nothing behind.
            progress?.Report(count);
            cancellationToken.ThrowIfCancellationRequested();
            length = ReadingBinaryRows.WriteTrailer(buffer);
            await copy.WriteAsync(buffer.AsMemory(0, length), cancellationToken);
            completed = true;
        }
        finally
        {
            // Disposing a raw COPY stream ends the COPY and keeps its rows, so anything short of the end cancels it first.
            if (!completed)
            {
                await copy.CancelAsync();
            }
        }
    }
}

/// <summary>The rows of one batch to copy, in key order, with what the COPY needs to write and report them.</summary>
internal sealed record CopyRows(ObservationBatch Batch, ReadingOrder Order, long[] KeyOf, PostgresStoreOptions Options, IProgress<long>? Progress);
