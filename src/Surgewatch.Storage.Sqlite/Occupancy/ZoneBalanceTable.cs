using Microsoft.Data.Sqlite;
using Surgewatch.Core.Occupancy;
using Surgewatch.Core.Zones;
using Surgewatch.Storage.Sqlite.Connections;

namespace Surgewatch.Storage.Sqlite.Occupancy;

/// <summary>The <c>zone_balances</c> table: each zone's line balance as the live loop left it, one row per zone.</summary>
internal static class ZoneBalanceTable
{
    public static int Upsert(SqliteConnection connection, IReadOnlyList<ZoneBalance> balances, CancellationToken cancellationToken)
    {
        using var transaction = connection.BeginTransaction();
        using var command = Sql.Command(connection, transaction, """
            INSERT INTO zone_balances (zone_id, balance, integrated_utc_ticks, last_crossing_utc_ticks, counted)
            VALUES ($zone, $balance, $integrated, $crossing, $counted)
            ON CONFLICT (zone_id) DO UPDATE SET balance = excluded.balance, integrated_utc_ticks = excluded.integrated_utc_ticks,
                last_crossing_utc_ticks = excluded.last_crossing_utc_ticks, counted = excluded.counted
            """);
        foreach (var (zone, state) in balances)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var p = command.Parameters;
            p.Clear();
            p.AddWithValue("$zone", zone.Value);
            p.AddWithValue("$balance", Db.Of(state.Balance is { } b && double.IsFinite(b) ? b : (double?)null));
            p.AddWithValue("$integrated", state.IntegratedUntil.UtcTicks);
            p.AddWithValue("$crossing", state.LastCrossingAt.UtcTicks);
            p.AddWithValue("$counted", state.CountedText());
            command.ExecuteNonQuery();
        }

        transaction.Commit();
        return balances.Count;
    }

    public static IReadOnlyList<ZoneBalance> Load(SqliteConnection connection, CancellationToken cancellationToken)
    {
        using var command = Sql.Command(connection, null, "SELECT zone_id, balance, integrated_utc_ticks, last_crossing_utc_ticks, counted FROM zone_balances ORDER BY zone_id");
        using var reader = command.ExecuteReader();
        var list = new List<ZoneBalance>();
        while (reader.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var balance = reader.IsDBNull(1) ? (double?)null : reader.GetDouble(1);
            list.Add(new ZoneBalance(new ZoneId(reader.GetString(0)), new LineBalanceState(balance, Db.Instant(reader.GetInt64(2)), Db.Instant(reader.GetInt64(3)))
            {
                Counted = LineBalanceState.ParseCounted(reader.GetString(4)),
            }));
        }

        return list;
    }
}
