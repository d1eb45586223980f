using System.Text.Json;
using System.Text.Json.Serialization;
using Npgsql;
using Surgewatch.Core.Series;
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
        var rings = zone.Polygon.Rings.Select(r => r.Select(q => new[] { q.Longitude, q.Latitude }).ToArray()).ToArray();
        p.AddWithValue("rings", JsonSerializer.Serialize(rings, ZoneJson.Default.Double3));
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
        var sources = zone.Sources.Select(s => new ZoneSourceDocument(s.Sensor.Value, (int)s.Role, s.Factor)).ToArray();
        p.AddWithValue("sources", JsonSerializer.Serialize(sources, ZoneJson.Default.ZoneSourceDocumentArray));
    }

    private static Zone Read(NpgsqlDataReader reader)
    {
        var rings = JsonSerializer.Deserialize(reader.GetString(2), ZoneJson.Default.Double3) ?? [];
        var polygon = new ZonePolygon(rings.Select(r => (IReadOnlyList<GeoPoint>)r.Select(q => new GeoPoint(q[1], q[0])).ToArray()).ToArray());
        var levels = new ZoneLevels(reader.GetDouble(6), reader.GetDouble(7), reader.GetDouble(8), reader.GetDouble(9), reader.GetDouble(10), reader.GetDouble(11));
        var stored = JsonSerializer.Deserialize(reader.GetString(12), ZoneJson.Default.ZoneSourceDocumentArray) ?? [];
        var sources = stored.Select(s => new ZoneSource(new SensorId(s.Sensor), (ZoneSourceRole)s.Role, s.Factor)).ToArray();
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

/// <summary>A zone source as stored in <c>sources_json</c>.</summary>
internal sealed record ZoneSourceDocument(string Sensor, int Role, double Factor);

/// <summary>Source-generated JSON for the zone documents.</summary>
[JsonSerializable(typeof(double[][][]), TypeInfoPropertyName = "Double3")]
[JsonSerializable(typeof(ZoneSourceDocument[]), TypeInfoPropertyName = "ZoneSourceDocumentArray")]
internal sealed partial class ZoneJson : JsonSerializerContext;
