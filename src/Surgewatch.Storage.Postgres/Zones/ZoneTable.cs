using Npgsql;
using Surgewatch.Core.Storage;
using Surgewatch.Core.Zones;
using Surgewatch.Storage.Postgres.Connections;

namespace Surgewatch.Storage.Postgres.Zones;

/// <summary>The <c>zones</c> table: levels as columns; the outline (GeoJSON order, lon/lat) and the sources as small JSON documents.</summary>
internal static class ZoneTable
{
    private const string Columns = "id, name, rings_json, area_m2, width_m, capacity, density_warning, density_alarm, density_critical, flow_warning, flow_alarm, flow_critical, sources_json";

    public static async Task UpsertAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<Zone> zones, CancellationToken cancellationToken)
    {
        await using var command = Sql.Command(connection, transaction, $"""
            INSERT INTO zones ({Columns}) VALUES (@id, @name, @rings, @area, @width, @capacity, @dw, @da, @dc, @fw, @fa, @fc, @sources)
            ON CONFLICT (id) DO UPDATE SET name = excluded.name, rings_json = excluded.rings_json, area_m2 = excluded.area_m2,
                width_m = excluded.width_m, capacity = excluded.capacity, density_warning = excluded.density_warning,
                density_alarm = excluded.density_alarm, density_critical = excluded.density_critical, flow_warning = excluded.flow_warning,
                flow_alarm = excluded.flow_alarm, flow_critical = excluded.flow_critical, sources_json = excluded.sources_json
            """);
        foreach (var zone in zones)
        {
            Bind(command, zone.Validated());
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    public static async Task<IReadOnlyList<Zone>> ListAsync(NpgsqlConnection connection, ZoneId? only, CancellationToken cancellationToken)
    {
        await using var command = Sql.Command(
            connection, null, $"""SELECT {Columns} FROM zones {(only is null ? string.Empty : "WHERE id = @id")} ORDER BY id COLLATE "C" """);
        if (only is { } id)
        {
            command.Parameters.AddWithValue("id", id.Value);
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var zones = new List<Zone>();
        while (await reader.ReadAsync(cancellationToken))
        {
            zones.Add(Read(reader));
        }

        return zones;
    }

    public static async Task<bool> DeleteAsync(NpgsqlConnection connection, ZoneId id, CancellationToken cancellationToken)
    {
        await using var command = Sql.Command(connection, null, "DELETE FROM zones WHERE id = @id");
        command.Parameters.AddWithValue("id", id.Value);
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    private static void Bind(NpgsqlCommand command, Zone zone)
    {
        var p = command.Parameters;
        p.Clear();
        p.AddWithValue("id", zone.Id.Value);
        p.AddWithValue("name", zone.Name);
        p.AddWithValue("rings", ZoneDocuments.PolygonJson(zone.Polygon));
        p.AddWithValue("area", zone.AreaSquareMetres);
        p.AddWithValue("width", NpgsqlTypes.NpgsqlDbType.Double, Sql.Of(zone.WidthMetres));
        p.AddWithValue("capacity", NpgsqlTypes.NpgsqlDbType.Integer, Sql.Of(zone.Capacity));
        var l = zone.Levels;
        p.AddWithValue("dw", l.DensityWarning);
        p.AddWithValue("da", l.DensityAlarm);
        p.AddWithValue("dc", l.DensityCritical);
        p.AddWithValue("fw", l.FlowWarning);
        p.AddWithValue("fa", l.FlowAlarm);
        p.AddWithValue("fc", l.FlowCritical);
        p.AddWithValue("sources", ZoneDocuments.SourcesJson(zone.Sources));
    }

    private static Zone Read(NpgsqlDataReader reader)
    {
        var polygon = ZoneDocuments.Polygon(reader.GetString(2));
        var levels = new ZoneLevels(reader.GetDouble(6), reader.GetDouble(7), reader.GetDouble(8), reader.GetDouble(9), reader.GetDouble(10), reader.GetDouble(11));
        var sources = ZoneDocuments.Sources(reader.GetString(12));
        return new Zone(
            new ZoneId(reader.GetString(0)),
            reader.GetString(1),
            polygon,
            reader.GetDouble(3),
            Sql.NullableDouble(reader, 4),
            reader.IsDBNull(5) ? null : reader.GetInt32(5),
            levels,
            sources);
    }
}
