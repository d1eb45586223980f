using Microsoft.Data.Sqlite;
using Surgewatch.Core.Calendar;
using Surgewatch.Core.Series;
using Surgewatch.Core.Storage;
using Surgewatch.Storage.Sqlite.Connections;

namespace Surgewatch.Storage.Sqlite.Sensors;

/// <summary>The <c>sensors</c> table: metadata by id, and the integer key that readings and forecasts refer to.</summary>
internal static class SensorTable
{
    public static void Upsert(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<Sensor> sensors, CancellationToken cancellationToken)
    {
        using var command = Sql.Command(connection, transaction, """
            INSERT INTO sensors (id, name, latitude, longitude, kind, step_seconds) VALUES ($id, $name, $lat, $lon, $kind, $step)
            ON CONFLICT (id) DO UPDATE SET name = excluded.name, latitude = excluded.latitude, longitude = excluded.longitude,
                kind = excluded.kind, step_seconds = excluded.step_seconds
            """);
        var id = command.Parameters.Add("$id", SqliteType.Text);
        var name = command.Parameters.Add("$name", SqliteType.Text);
        var lat = command.Parameters.Add("$lat", SqliteType.Real);
        var lon = command.Parameters.Add("$lon", SqliteType.Real);
        var kind = command.Parameters.Add("$kind", SqliteType.Integer);
        var step = command.Parameters.Add("$step", SqliteType.Integer);
        foreach (var sensor in sensors)
        {
            ArgumentNullException.ThrowIfNull(sensor, nameof(sensors));
            cancellationToken.ThrowIfCancellationRequested();
            id.Value = sensor.Id.Value;
            name.Value = sensor.Name;
            lat.Value = sensor.Location is { } p ? p.Latitude : DBNull.Value;
            lon.Value = sensor.Location is { } q ? q.Longitude : DBNull.Value;
            kind.Value = (int)sensor.Kind;
            step.Value = SlotCalendar.StepSeconds(sensor.Step);
            command.ExecuteNonQuery();
        }
    }

    public static IReadOnlyList<Sensor> List(SqliteConnection connection, CancellationToken cancellationToken)
    {
        using var command = Sql.Command(connection, null, "SELECT id, name, latitude, longitude, kind, step_seconds FROM sensors ORDER BY id");
        using var reader = command.ExecuteReader();
        var sensors = new List<Sensor>();
        while (reader.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            GeoPoint? location = reader.IsDBNull(2) ? null : new GeoPoint(reader.GetDouble(2), reader.GetDouble(3));
            sensors.Add(new Sensor(
                new SensorId(reader.GetString(0)),
                reader.GetString(1),
                location,
                (SensorKind)reader.GetInt32(4),
                TimeSpan.FromSeconds(reader.GetInt64(5))));
        }

        return sensors;
    }

    /// <summary>
    /// The key of each of <paramref name="ids"/>, in the same order; ids not yet known are added with the default
    /// metadata of <paramref name="options"/> (the id as name, no location).
    /// </summary>
    public static long[] ResolveKeys(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<SensorId> ids, SqliteStoreOptions options) =>
        ResolveKeys(connection, transaction, ids, options, null, null);

    /// <summary>
    /// As <see cref="ResolveKeys(SqliteConnection, SqliteTransaction, IReadOnlyList{SensorId}, SqliteStoreOptions)"/>,
    /// first asking <paramref name="cache"/>; every key read or added here is appended to <paramref name="learned"/>,
    /// for the caller to remember once the transaction commits.
    /// </summary>
    public static long[] ResolveKeys(
        SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<SensorId> ids, SqliteStoreOptions options, SensorKeyCache? cache, List<KeyValuePair<SensorId, long>>? learned)
    {
        var keys = new long[ids.Count];
        var missing = 0;
        for (var i = 0; i < keys.Length; i++)
        {
            if (cache is not null && cache.TryGet(ids[i], out keys[i]))
            {
                continue;
            }

            keys[i] = -1;
            missing++;
        }

        if (missing > 0)
        {
            QueryOrAdd(connection, transaction, ids, options, keys, learned);
        }

        return keys;
    }

    /// <summary>Fills every key still -1: the sensor's stored key, or the key of a row added for it now.</summary>
    private static void QueryOrAdd(
        SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<SensorId> ids, SqliteStoreOptions options, long[] keys, List<KeyValuePair<SensorId, long>>? learned)
    {
        using var find = Sql.Command(connection, transaction, "SELECT key FROM sensors WHERE id = $id");
        var findId = find.Parameters.Add("$id", SqliteType.Text);
        using var add = Sql.Command(connection, transaction, "INSERT INTO sensors (id, name, kind, step_seconds) VALUES ($id, $id, $kind, $step) RETURNING key");
        var addId = add.Parameters.Add("$id", SqliteType.Text);
        add.Parameters.AddWithValue("$kind", (int)options.DefaultSensorKind);
        add.Parameters.AddWithValue("$step", SlotCalendar.StepSeconds(options.DefaultSensorStep));
        for (var i = 0; i < keys.Length; i++)
        {
            if (keys[i] >= 0)
            {
                continue;
            }

            findId.Value = ids[i].Value;
            if (find.ExecuteScalar() is long key)
            {
                keys[i] = key;
            }
            else
            {
                addId.Value = ids[i].Value;
                keys[i] = (long)add.ExecuteScalar()!;
            }

            learned?.Add(new(ids[i], keys[i]));
        }
    }

    /// <summary>Every known sensor's key and id, ordered by id.</summary>
    public static List<(long Key, SensorId Id)> KeysById(SqliteConnection connection, SqliteTransaction? transaction)
    {
        using var command = Sql.Command(connection, transaction, "SELECT key, id FROM sensors ORDER BY id");
        using var reader = command.ExecuteReader();
        var result = new List<(long, SensorId)>();
        while (reader.Read())
        {
            result.Add((reader.GetInt64(0), new SensorId(reader.GetString(1))));
        }

        return result;
    }
}
