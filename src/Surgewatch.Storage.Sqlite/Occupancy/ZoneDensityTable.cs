using Microsoft.Data.Sqlite;
using Surgewatch.Core.Monitoring;
using Surgewatch.Core.Zones;
using Surgewatch.Storage.Sqlite.Connections;

namespace Surgewatch.Storage.Sqlite.Occupancy;

/// <summary>The <c>zone_densities</c> table: each zone's recent densities as the live loop left them, one row per zone.</summary>
internal static class ZoneDensityTable
{
    public static int Upsert(SqliteConnection connection, IReadOnlyList<ZoneDensities> densities, CancellationToken cancellationToken)
    {
        using var transaction = connection.BeginTransaction();
        using var command = Sql.Command(connection, transaction, """
            INSERT INTO zone_densities (zone_id, last_slot_utc_ticks, densities) VALUES ($zone, $slot, $densities)
            ON CONFLICT (zone_id) DO UPDATE SET last_slot_utc_ticks = excluded.last_slot_utc_ticks, densities = excluded.densities
            """);
        foreach (var zone in densities)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var p = command.Parameters;
            p.Clear();
            p.AddWithValue("$zone", zone.Zone.Value);
            p.AddWithValue("$slot", zone.LastSlot.UtcTicks);
            p.AddWithValue("$densities", zone.ValueBytes());
            command.ExecuteNonQuery();
        }

        transaction.Commit();
        return densities.Count;
    }

    public static IReadOnlyList<ZoneDensities> Load(SqliteConnection connection, CancellationToken cancellationToken)
    {
        using var command = Sql.Command(connection, null, "SELECT zone_id, last_slot_utc_ticks, densities FROM zone_densities ORDER BY zone_id");
        using var reader = command.ExecuteReader();
        var list = new List<ZoneDensities>();
        while (reader.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            list.Add(new ZoneDensities(new ZoneId(reader.GetString(0)), Db.Instant(reader.GetInt64(1)), ZoneDensities.ValuesOf((byte[])reader.GetValue(2))));
        }

        return list;
    }
}
