using Npgsql;
using Surgewatch.Core.Calendar;
using Surgewatch.Core.Series;
using Surgewatch.Storage.Postgres.Connections;

namespace Surgewatch.Storage.Postgres.Observations;

/// <summary>Range reads of the <c>readings</c> table, ordered by sensor id then label.</summary>
internal static class ReadingTable
{
    public static async Task<ObservationBatch> ReadAsync(NpgsqlConnection connection, ObservationQuery query, CancellationToken cancellationToken)
    {
        var sensorFilter = query.Sensors is null ? string.Empty : "AND s.id = ANY(@ids)";
        await using var command = Sql.Command(connection, null, $"""
            SELECT s.id, r.label, r.value FROM readings r JOIN sensors s ON s.key = r.sensor
            WHERE r.label >= @from AND r.label < @to {sensorFilter}
            ORDER BY s.id COLLATE "C", r.label
            """);
        command.Parameters.AddWithValue("from", query.From?.Seconds ?? long.MinValue);
        command.Parameters.AddWithValue("to", query.To?.Seconds ?? long.MaxValue);
        if (query.Sensors is { } sensors)
        {
            command.Parameters.AddWithValue("ids", sensors.Select(s => s.Value).ToArray());
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var batch = new ObservationBatch();
        string? current = null;
        var index = -1;
        while (await reader.ReadAsync(cancellationToken))
        {
            var id = reader.GetString(0);
            if (!string.Equals(id, current, StringComparison.Ordinal))
            {
                current = id;
                index = batch.InternSensor(new SensorId(id));
            }

            batch.Add(index, new TimeLabel(reader.GetInt64(1)), reader.GetDouble(2));
        }

        return batch;
    }
}
