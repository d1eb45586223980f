using Microsoft.Data.Sqlite;
using Surgewatch.Core.Storage;
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

    public static long Revision(SqliteConnection connection)
    {
        using var command = Sql.Command(connection, null, "SELECT revision FROM zone_revision");
        return (long)command.ExecuteScalar()!;
    }

    private static void Bind(SqliteCommand command, Zone zone)
    {
        var p = command.Parameters;
        p.Clear();
        p.AddWithValue("$id", zone.Id.Value);
        p.AddWithValue("$name", zone.Name);
        p.AddWithValue("$rings", ZoneDocuments.PolygonJson(zone.Polygon));
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
        p.AddWithValue("$sources", ZoneDocuments.SourcesJson(zone.Sources));
    }

    private static Zone Read(SqliteDataReader reader)
    {
        var polygon = ZoneDocuments.Polygon(reader.GetString(2));
        var levels = new ZoneLevels(reader.GetDouble(6), reader.GetDouble(7), reader.GetDouble(8), reader.GetDouble(9), reader.GetDouble(10), reader.GetDouble(11));
        var sources = ZoneDocuments.Sources(reader.GetString(12));
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
}
