using Microsoft.Data.Sqlite;
using Surgewatch.Core.Calendar;
using Surgewatch.Core.Series;
using Surgewatch.Core.Storage;
using Surgewatch.Storage.Sqlite.Connections;
using Surgewatch.Storage.Sqlite.Sensors;

namespace Surgewatch.Storage.Sqlite.Observations;

/// <summary>The <c>readings</c> table: atomic, idempotent batch upserts and ordered range reads.</summary>
internal static class ObservationTable
{
    public static IngestResult Upsert(SqliteConnection connection, ObservationBatch batch, SqliteStoreOptions options, SensorKeyCache sensorKeys, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            progress?.Report(0);
            return new IngestResult(0, 0);
        }

        var learned = new List<KeyValuePair<SensorId, long>>();
        using var transaction = connection.BeginTransaction();
        var result = UpsertWithin(connection, transaction, batch, options, sensorKeys, learned, null, progress, cancellationToken);

        // The last chance to cancel: until the commit, nothing of the batch is visible.
        cancellationToken.ThrowIfCancellationRequested();
        transaction.Commit();
        sensorKeys.Remember(learned);
        return result;
    }

    /// <summary>
    /// Writes a non-empty batch, the sensors it names that are not yet stored, and its ingest-log entry inside
    /// <paramref name="transaction"/>, which the caller commits: a batch that fails anywhere leaves nothing behind
    /// once the transaction (or the caller's savepoint) is rolled back. Sensor keys read or added are appended to
    /// <paramref name="learned"/>, for the caller to remember in <paramref name="sensorKeys"/> after the commit.
    /// </summary>
    public static IngestResult UpsertWithin(
        SqliteConnection connection,
        SqliteTransaction transaction,
        ObservationBatch batch,
        SqliteStoreOptions options,
        SensorKeyCache sensorKeys,
        List<KeyValuePair<SensorId, long>> learned,
        UpsertStatements? statements,
        IProgress<long>? progress,
        CancellationToken cancellationToken)
    {
        var keyOf = SensorTable.ResolveKeys(connection, transaction, batch.Sensors, options, sensorKeys, learned);
        using var order = ReadingOrder.Create(batch.SensorIndexes, batch.TimeSeconds, keyOf);
        var written = ReadingWriter.Write(connection, batch, order, keyOf, options, statements, progress, cancellationToken);
        var entry = new IngestLogEntry(
            options.TimeProvider.GetUtcNow(), batch.Count, written, batch.Sensors.Count, new TimeLabel(order.MinLabel), new TimeLabel(order.MaxLabel));
        IngestLog.Append(connection, transaction, entry);
        return new IngestResult(batch.Count, written);
    }

    public static ObservationBatch Read(SqliteConnection connection, ObservationQuery query, CancellationToken cancellationToken)
    {
        using var transaction = connection.BeginTransaction(deferred: true);
        var wanted = query.Sensors is null ? null : new HashSet<SensorId>(query.Sensors);
        using var command = Sql.Command(connection, transaction, """
            SELECT label, value FROM readings WHERE sensor = $sensor AND label >= $from AND label < $to ORDER BY label
            """);
        var sensor = command.Parameters.Add("$sensor", SqliteType.Integer);
        command.Parameters.AddWithValue("$from", query.From?.Seconds ?? long.MinValue);
        command.Parameters.AddWithValue("$to", query.To?.Seconds ?? long.MaxValue);
        var batch = new ObservationBatch();
        foreach (var (key, id) in SensorTable.KeysById(connection, transaction))
        {
            if (wanted is null || wanted.Contains(id))
            {
                sensor.Value = key;
                ReadSensor(command, id, batch, cancellationToken);
            }
        }

        return batch;
    }

    public static long Count(SqliteConnection connection) => Sql.ScalarInt64(connection, null, "SELECT count(*) FROM readings");

    private static void ReadSensor(SqliteCommand command, SensorId id, ObservationBatch batch, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var reader = command.ExecuteReader();
        var index = -1;
        while (reader.Read())
        {
            if (index < 0)
            {
                index = batch.InternSensor(id);
            }

            batch.Add(index, new TimeLabel(reader.GetInt64(0)), reader.GetDouble(1));
            if ((batch.Count & 0xFFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
        }
    }
}
