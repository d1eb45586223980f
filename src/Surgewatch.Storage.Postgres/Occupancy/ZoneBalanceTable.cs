using Npgsql;
using Surgewatch.Core.Occupancy;
using Surgewatch.Core.Zones;
using Surgewatch.Storage.Postgres.Connections;

namespace Surgewatch.Storage.Postgres.Occupancy;

/// <summary>The <c>zone_balances</c> table: each zone's line balance as the live loop left it, one row per zone.</summary>
internal static class ZoneBalanceTable
{
    public static async Task<int> UpsertAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<ZoneBalance> balances, CancellationToken cancellationToken)
    {
        await using var command = Sql.Command(connection, transaction, """
            INSERT INTO zone_balances (zone_id, balance, integrated_utc_ticks, last_crossing_utc_ticks, counted)
            VALUES (@zone, @balance, @integrated, @crossing, @counted)
            ON CONFLICT (zone_id) DO UPDATE SET balance = excluded.balance, integrated_utc_ticks = excluded.integrated_utc_ticks,
                last_crossing_utc_ticks = excluded.last_crossing_utc_ticks, counted = excluded.counted
            """);
        foreach (var (zone, state) in balances)
        {
            var p = command.Parameters;
            p.Clear();
            p.AddWithValue("zone", zone.Value);
            p.AddWithValue("balance", Sql.OfDouble(state.Balance is { } b && double.IsFinite(b) ? b : null));
            p.AddWithValue("integrated", state.IntegratedUntil.UtcTicks);
            p.AddWithValue("crossing", state.LastCrossingAt.UtcTicks);
            p.AddWithValue("counted", state.CountedText());
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        return balances.Count;
    }

    public static async Task<IReadOnlyList<ZoneBalance>> LoadAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = Sql.Command(connection, null, """
            SELECT zone_id, balance, integrated_utc_ticks, last_crossing_utc_ticks, counted FROM zone_balances ORDER BY zone_id COLLATE "C"
            """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var list = new List<ZoneBalance>();
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(new ZoneBalance(new ZoneId(reader.GetString(0)), new LineBalanceState(Sql.NullableDouble(reader, 1), Sql.Instant(reader.GetInt64(2)), Sql.Instant(reader.GetInt64(3)))
            {
                Counted = LineBalanceState.ParseCounted(reader.GetString(4)),
            }));
        }

        return list;
    }
}
