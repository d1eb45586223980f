using Npgsql;
using Surgewatch.Core.Calendar;
using Surgewatch.Core.Storage;
using Surgewatch.Storage.Postgres.Connections;

namespace Surgewatch.Storage.Postgres.Observations;

/// <summary>The <c>ingest_log</c> table: one row per non-empty ingest, written in the ingest's transaction.</summary>
internal static class IngestLog
{
    public static async Task AppendAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IngestLogEntry entry, CancellationToken cancellationToken)
    {
        await using var command = Sql.Command(connection, transaction, """
            INSERT INTO ingest_log (at_utc_ticks, received, written, sensors, first_label, last_label)
            VALUES (@at, @received, @written, @sensors, @first, @last)
            """);
        command.Parameters.AddWithValue("at", entry.At.UtcTicks);
        command.Parameters.AddWithValue("received", entry.Received);
        command.Parameters.AddWithValue("written", entry.Written);
        command.Parameters.AddWithValue("sensors", entry.Sensors);
        command.Parameters.AddWithValue("first", entry.FirstLabel.Seconds);
        command.Parameters.AddWithValue("last", entry.LastLabel.Seconds);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The latest <paramref name="limit"/> entries, newest first.</summary>
    public static async Task<IReadOnlyList<IngestLogEntry>> LatestAsync(NpgsqlConnection connection, int limit, CancellationToken cancellationToken)
    {
        await using var command = Sql.Command(connection, null, """
            SELECT at_utc_ticks, received, written, sensors, first_label, last_label FROM ingest_log ORDER BY id DESC LIMIT @limit
            """);
        command.Parameters.AddWithValue("limit", limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new List<IngestLogEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new IngestLogEntry(
                Sql.Instant(reader.GetInt64(0)), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt32(3), new TimeLabel(reader.GetInt64(4)), new TimeLabel(reader.GetInt64(5))));
        }

        return entries;
    }
}
