using Npgsql;
using NpgsqlTypes;
using Surgewatch.Core.Calendar;
using Surgewatch.Core.Series;
using Surgewatch.Core.Storage;
using Surgewatch.Storage.Postgres.Connections;

namespace Surgewatch.Storage.Postgres.Sensors;

/// <summary>The <c>sensors</c> table: metadata by id, and the integer key that readings and forecasts refer to.</summary>
internal static class SensorTable
{
    /// <summary>
    /// Adds or updates <paramref name="sensors"/> in one statement (one round trip, however many sensors: on a busy
    /// machine each round trip waits for the scheduler). An id given twice keeps its last entry, as one statement per
    /// sensor did; the rows are inserted ordered by id, so that two writers of overlapping lists lock them in one order.
    /// </summary>
    public static async Task UpsertAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<Sensor> sensors, CancellationToken cancellationToken)
    {
        var last = new Dictionary<string, Sensor>(StringComparer.Ordinal);
        foreach (var sensor in sensors)
        {
            ArgumentNullException.ThrowIfNull(sensor, nameof(sensors));
            last[sensor.Id.Value] = sensor;
        }

        if (last.Count == 0)
        {
            return;
        }

        var rows = last.Values;
        await using var command = Sql.Command(connection, transaction, """
            INSERT INTO sensors (id, name, latitude, longitude, kind, step_seconds)
            SELECT * FROM unnest(@ids, @names, @lats, @lons, @kinds, @steps) AS t(id, name, latitude, longitude, kind, step_seconds) ORDER BY id
            ON CONFLICT (id) DO UPDATE SET name = excluded.name, latitude = excluded.latitude, longitude = excluded.longitude,
                kind = excluded.kind, step_seconds = excluded.step_seconds
            """);
        command.Parameters.AddWithValue("ids", rows.Select(s => s.Id.Value).ToArray());
        command.Parameters.AddWithValue("names", rows.Select(s => s.Name).ToArray());
        command.Parameters.AddWithValue("lats", NpgsqlDbType.Array | NpgsqlDbType.Double, rows.Select(s => s.Location?.Latitude).ToArray());
        command.Parameters.AddWithValue("lons", NpgsqlDbType.Array | NpgsqlDbType.Double, rows.Select(s => s.Location?.Longitude).ToArray());
        command.Parameters.AddWithValue("kinds", rows.Select(s => (int)s.Kind).ToArray());
        command.Parameters.AddWithValue("steps", rows.Select(s => SlotCalendar.StepSeconds(s.Step)).ToArray());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public static async Task<IReadOnlyList<Sensor>> ListAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = Sql.Command(connection, null, """
            SELECT id, name, latitude, longitude, kind, step_seconds FROM sensors ORDER BY id COLLATE "C"
            """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var sensors = new List<Sensor>();
        while (await reader.ReadAsync(cancellationToken))
        {
            GeoPoint? location = reader.IsDBNull(2) ? null : new GeoPoint(reader.GetDouble(2), reader.GetDouble(3));
            sensors.Add(new Sensor(
                new SensorId(reader.GetString(0)), reader.GetString(1), location, (SensorKind)reader.GetInt32(4), TimeSpan.FromSeconds(reader.GetInt64(5))));
        }

        return sensors;
    }

    /// <summary>
    /// The key of each of <paramref name="ids"/>, in the same order; ids not yet known are added with the default
    /// metadata of <paramref name="options"/> (the id as name, no location). Keys read or added here are appended to
    /// <paramref name="learned"/>, for the caller to remember once the transaction commits.
    /// </summary>
    public static async Task<long[]> ResolveKeysAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        IReadOnlyList<SensorId> ids,
        PostgresStoreOptions options,
        SensorKeyCache? cache,
        List<KeyValuePair<SensorId, long>>? learned,
        CancellationToken cancellationToken)
    {
        var keys = new long[ids.Count];
        var missing = new List<string>();
        for (var i = 0; i < keys.Length; i++)
        {
            if (cache is null || !cache.TryGet(ids[i], out keys[i]))
            {
                keys[i] = -1;
                missing.Add(ids[i].Value);
            }
        }

        if (missing.Count > 0)
        {
            var found = await AddMissingAsync(connection, transaction, missing, options, cancellationToken);
            for (var i = 0; i < keys.Length; i++)
            {
                if (keys[i] < 0)
                {
                    keys[i] = found[ids[i].Value];
                    learned?.Add(new(ids[i], keys[i]));
                }
            }
        }

        return keys;
    }

    /// <summary>Every known sensor's key and id, ordered by id.</summary>
    public static async Task<List<(long Key, SensorId Id)>> KeysByIdAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = Sql.Command(connection, transaction, """SELECT key, id FROM sensors ORDER BY id COLLATE "C" """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var result = new List<(long, SensorId)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            result.Add((reader.GetInt64(0), new SensorId(reader.GetString(1))));
        }

        return result;
    }

    // One statement adds the unknown ids (another node adding the same id at once is waited for, not duplicated),
    // a second, sent with it in one round trip, reads every key.
    private static async Task<Dictionary<string, long>> AddMissingAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, List<string> ids, PostgresStoreOptions options, CancellationToken cancellationToken)
    {
        var array = ids.ToArray();
        await using var batch = new NpgsqlBatch(connection, transaction);
        var add = new NpgsqlBatchCommand("""
            INSERT INTO sensors (id, name, kind, step_seconds) SELECT i, i, $2, $3 FROM unnest($1::text[]) AS t(i) ORDER BY i
            ON CONFLICT (id) DO NOTHING
            """);
        add.Parameters.Add(new NpgsqlParameter { Value = array });
        add.Parameters.Add(new NpgsqlParameter { Value = (int)options.DefaultSensorKind });
        add.Parameters.Add(new NpgsqlParameter { Value = SlotCalendar.StepSeconds(options.DefaultSensorStep) });
        var find = new NpgsqlBatchCommand("SELECT id, key FROM sensors WHERE id = ANY($1)");
        find.Parameters.Add(new NpgsqlParameter { Value = array });
        batch.BatchCommands.Add(add);
        batch.BatchCommands.Add(find);
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        var found = new Dictionary<string, long>(array.Length, StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            found[reader.GetString(0)] = reader.GetInt64(1);
        }

        return found;
    }
}
