using Npgsql;
using Surgewatch.Core.Monitoring;
using Surgewatch.Core.Zones;
using Surgewatch.Storage.Postgres.Connections;

namespace Surgewatch.Storage.Postgres.Occupancy;

/// <summary>The <c>zone_densities</c> table: each zone's recent densities as the live loop left them, one row per zone.</summary>
internal static class ZoneDensityTable
{
    public static async Task<int> UpsertAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<ZoneDensities> densities, CancellationToken cancellationToken)
    {
        await using var command = Sql.Command(connection, transaction, """
            INSERT INTO zone_densities (zone_id, last_slot_utc_ticks, densities) VALUES (@zone, @slot, @densities)
            ON CONFLICT (zone_id) DO UPDATE SET last_slot_utc_ticks = excluded.last_slot_utc_ticks, densities = excluded.densities
            """);
        foreach (var zone in densities)
        {
            var p = command.Parameters;
            p.Clear();
            p.AddWithValue("zone", zone.Zone.Value);
            p.AddWithValue("slot", zone.LastSlot.UtcTicks);
            p.AddWithValue("densities", zone.ValueBytes());
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        return densities.Count;
    }

    public static async Task<IReadOnlyList<ZoneDensities>> LoadAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = Sql.Command(connection, null, """
            SELECT zone_id, last_slot_utc_ticks, densities FROM zone_densities ORDER BY zone_id COLLATE "C"
            """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var list = new List<ZoneDensities>();
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(new ZoneDensities(new ZoneId(reader.GetString(0)), Sql.Instant(reader.GetInt64(1)), ZoneDensities.ValuesOf(reader.GetFieldValue<byte[]>(2))));
        }

        return list;
    }
}
