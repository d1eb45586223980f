using System.Text.Json;
using Microsoft.Data.Sqlite;
using Surgewatch.Core.Series;
using Surgewatch.Core.Zones;
using Surgewatch.Storage.Sqlite.Connections;

namespace Surgewatch.Storage.Sqlite.Zones;

internal static class ZoneTable
{
    private const string Columns = "id, name, rings_json, area_m2, width_m, capacity, density_warning, density_alarm, density_critical, flow_warning, flow_alarm, flow_critical, sources_json";

    public static void Upsert(SqliteConnection connection, IReadOnlyList<Zone> zones)
    {
        using var transaction = connection.BeginTransaction();
        using var command = Sql.Command(connection, transaction, $"""
            INSERT OR REPLACE INTO zones ({Columns})
            VALUES ($id, $name, $rings, $area, $width, $capacity, $dw, $da, $dc, $fw, $fa, $fc, $sources)
            """);
        foreach (var zone in zones)
        {
            Bind(command, zone.Validated());
            command.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    public static IReadOnlyList<Zone> List(SqliteConnection connection, ZoneId? only)
    {
        using var command = Sql.Command(connection, null, $"SELECT {Columns} FROM zones {(only is null ? string.Empty : "WHERE id = $id")} ORDER BY id");
        if (only is { } id)
        {
            command.Parameters.AddWithValue("$id", id.Value);
        }

        using var reader = command.ExecuteReader();
        var zones = new List<Zone>();
        while (reader.Read())
        {
            zones.Add(Read(reader));
        }

        return zones;
    }

    public static bool Delete(SqliteConnection connection, ZoneId id)
    {
        using var command = Sql.Command(connection, null, "DELETE FROM zones WHERE id = $id");
        command.Parameters.AddWithValue("$id", id.Value);
        return command.ExecuteNonQuery() > 0;
    }

    private static void Bind(SqliteCommand command, Zone zone)
    {
        var p = command.Parameters;
        p.Clear();
        p.AddWithValue("$id", zone.Id.Value);
        p.AddWithValue("$name", zone.Name);
        p.AddWithValue("$rings", JsonSerializer.Serialize(RingsToArrays(zone.Polygon), StoreJson.Default.Double3));
        p.AddWithValue("$area", zone.AreaSquareMetres);
        p.AddWithValue("$width", zone.WidthMetres is { } w ? w : DBNull.Value);
        p.AddWithValue("$capacity", zone.Capacity is { } c ? c : DBNull.Value);
        var l = zone.Levels;
        p.AddWithValue("$dw", l.DensityWarning);
        p.AddWithValue("$da", l.DensityAlarm);
        p.AddWithValue("$dc", l.DensityCritical);
        p.AddWithValue("$fw", l.FlowWarning);
        p.AddWithValue("$fa", l.FlowAlarm);
        p.AddWithValue("$fc", l.FlowCritical);
        var sources = zone.Sources.Select(s => new StoredSource(s.Sensor.Value, (int)s.Role, s.Factor)).ToArray();
        p.AddWithValue("$sources", JsonSerializer.Serialize(sources, StoreJson.Default.StoredSourceArray));
    }

    private static Zone Read(SqliteDataReader reader)
    {
        var rings = JsonSerializer.Deserialize(reader.GetString(2), StoreJson.Default.Double3) ?? [];
        var polygon = new ZonePolygon(rings.Select(r => (IReadOnlyList<GeoPoint>)r.Select(p => new GeoPoint(p[1], p[0])).ToArray()).ToArray());
        var levels = new ZoneLevels(reader.GetDouble(6), reader.GetDouble(7), reader.GetDouble(8), reader.GetDouble(9), reader.GetDouble(10), reader.GetDouble(11));
        var stored = JsonSerializer.Deserialize(reader.GetString(12), StoreJson.Default.StoredSourceArray) ?? [];
        var sources = stored.Select(s => new ZoneSource(new SensorId(s.Sensor), (ZoneSourceRole)s.Role, s.Factor)).ToArray();
        return new Zone(
            new ZoneId(reader.GetString(0)),
            reader.GetString(1),
            polygon,
            reader.GetDouble(3),
            reader.IsDBNull(4) ? null : reader.GetDouble(4),
            reader.IsDBNull(5) ? null : reader.GetInt32(5),
            levels,
            sources);
    }

    private static double[][][] RingsToArrays(ZonePolygon polygon) =>
        polygon.Rings.Select(r => r.Select(p => new[] { p.Longitude, p.Latitude }).ToArray()).ToArray();
}

/// <summary>A zone source as stored in <c>sources_json</c>.</summary>
internal sealed record StoredSource(string Sensor, int Role, double Factor);
