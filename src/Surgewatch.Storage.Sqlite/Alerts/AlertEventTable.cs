using Microsoft.Data.Sqlite;
using Surgewatch.Core.Alerting;
using Surgewatch.Core.Storage;
using Surgewatch.Storage.Sqlite.Connections;

namespace Surgewatch.Storage.Sqlite.Alerts;

/// <summary>The append-only <c>alert_events</c> table, which also serves as the audit log of operators' actions.</summary>
internal static class AlertEventTable
{
    public static void Append(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<AlertEvent> events, CancellationToken cancellationToken)
    {
        using var command = Sql.Command(connection, transaction, """
            INSERT INTO alert_events (alert_key, rule_id, subject, state, at_utc_ticks, value, actor, note)
            VALUES ($key, $rule, $subject, $state, $at, $value, $actor, $note)
            """);
        foreach (var e in events)
        {
            StoreChecks.Check(e);
            cancellationToken.ThrowIfCancellationRequested();
            command.Parameters.Clear();
            command.Parameters.AddWithValue("$key", e.AlertKey);
            command.Parameters.AddWithValue("$rule", e.RuleId);
            command.Parameters.AddWithValue("$subject", e.Subject);
            command.Parameters.AddWithValue("$state", (int)e.State);
            command.Parameters.AddWithValue("$at", e.At.UtcTicks);
            command.Parameters.AddWithValue("$value", e.Value is { } v && !double.IsNaN(v) ? v : DBNull.Value);
            command.Parameters.AddWithValue("$actor", (object?)e.Actor ?? DBNull.Value);
            command.Parameters.AddWithValue("$note", (object?)e.Note ?? DBNull.Value);
            command.ExecuteNonQuery();
        }
    }

    public static IReadOnlyList<AlertEvent> List(SqliteConnection connection, DateTimeOffset since, int limit, CancellationToken cancellationToken)
    {
        using var command = Sql.Command(connection, null, """
            SELECT alert_key, rule_id, subject, state, at_utc_ticks, value, actor, note FROM alert_events
            WHERE at_utc_ticks >= $since ORDER BY at_utc_ticks, seq LIMIT $limit
            """);
        command.Parameters.AddWithValue("$since", since.UtcTicks);
        command.Parameters.AddWithValue("$limit", limit);
        using var reader = command.ExecuteReader();
        var events = new List<AlertEvent>();
        while (reader.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            events.Add(new AlertEvent(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetString(2),
                (AlertState)reader.GetInt32(3),
                new DateTimeOffset(reader.GetInt64(4), TimeSpan.Zero),
                reader.IsDBNull(5) ? null : reader.GetDouble(5),
                reader.IsDBNull(6) ? null : reader.GetString(6),
                reader.IsDBNull(7) ? null : reader.GetString(7)));
        }

        return events;
    }
}
