using Npgsql;
using Surgewatch.Core.Alerting;
using Surgewatch.Core.Storage;
using Surgewatch.Storage.Postgres.Connections;

namespace Surgewatch.Storage.Postgres.Alerts;

/// <summary>The append-only <c>alert_events</c> table, which also serves as the audit log of operators' actions.</summary>
internal static class AlertEventTable
{
    public static async Task AppendAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<AlertEvent> events, CancellationToken cancellationToken)
    {
        foreach (var e in events)
        {
            StoreChecks.Check(e);
        }

        await using var command = Sql.Command(connection, transaction, """
            INSERT INTO alert_events (alert_key, rule_id, subject, state, at_utc_ticks, value, actor, note)
            VALUES (@key, @rule, @subject, @state, @at, @value, @actor, @note)
            """);
        foreach (var e in events)
        {
            var p = command.Parameters;
            p.Clear();
            p.AddWithValue("key", e.AlertKey);
            p.AddWithValue("rule", e.RuleId);
            p.AddWithValue("subject", e.Subject);
            p.AddWithValue("state", (int)e.State);
            p.AddWithValue("at", e.At.UtcTicks);
            p.AddWithValue("value", Sql.OfDouble(e.Value));
            p.AddWithValue("actor", Sql.Of(e.Actor));
            p.AddWithValue("note", Sql.Of(e.Note));
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    public static async Task<IReadOnlyList<AlertEvent>> ListAsync(NpgsqlConnection connection, DateTimeOffset since, int limit, CancellationToken cancellationToken)
    {
        await using var command = Sql.Command(connection, null, """
            SELECT alert_key, rule_id, subject, state, at_utc_ticks, value, actor, note FROM alert_events
            WHERE at_utc_ticks >= @since ORDER BY at_utc_ticks, seq LIMIT @limit
            """);
        command.Parameters.AddWithValue("since", since.UtcTicks);
        command.Parameters.AddWithValue("limit", limit);
        await using var r = await command.ExecuteReaderAsync(cancellationToken);
        var events = new List<AlertEvent>();
        while (await r.ReadAsync(cancellationToken))
        {
            events.Add(new AlertEvent(
                r.GetString(0), r.GetString(1), r.GetString(2), (AlertState)r.GetInt32(3), Sql.Instant(r.GetInt64(4)),
                Sql.NullableDouble(r, 5), Sql.NullableString(r, 6), Sql.NullableString(r, 7)));
        }

        return events;
    }
}
