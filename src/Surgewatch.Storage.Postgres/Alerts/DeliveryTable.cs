using Npgsql;
using Surgewatch.Core.Alerting;
using Surgewatch.Storage.Postgres.Connections;

namespace Surgewatch.Storage.Postgres.Alerts;

/// <summary>The append-only <c>notification_deliveries</c> table: the notification ledger.</summary>
internal static class DeliveryTable
{
    private const string Columns = """
        alert_key, rule_id, subject, contact, kind, reason, planned_utc_ticks, value, channel, at_utc_ticks, delivered, attempts, error, delivery_id
        """;

    public static async Task AppendAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<NotificationDelivery> deliveries, CancellationToken cancellationToken)
    {
        await using var command = Sql.Command(connection, transaction, $"""
            INSERT INTO notification_deliveries ({Columns})
            VALUES (@key, @rule, @subject, @contact, @kind, @reason, @planned, @value, @channel, @at, @delivered, @attempts, @error, @id)
            """);
        foreach (var d in deliveries)
        {
            ArgumentNullException.ThrowIfNull(d);
            var n = d.Notification;
            var p = command.Parameters;
            p.Clear();
            p.AddWithValue("key", n.AlertKey);
            p.AddWithValue("rule", n.RuleId);
            p.AddWithValue("subject", n.Subject);
            p.AddWithValue("contact", n.Contact);
            p.AddWithValue("kind", (int)n.Kind);
            p.AddWithValue("reason", (int)n.Reason);
            p.AddWithValue("planned", n.At.UtcTicks);
            p.AddWithValue("value", Sql.OfDouble(n.Value));
            p.AddWithValue("channel", d.Channel);
            p.AddWithValue("at", d.At.UtcTicks);
            p.AddWithValue("delivered", d.Delivered);
            p.AddWithValue("attempts", d.Attempts);
            p.AddWithValue("error", Sql.Of(d.Error));
            p.AddWithValue("id", n.DeliveryId);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    public static async Task<IReadOnlyList<NotificationDelivery>> ListAsync(NpgsqlConnection connection, DateTimeOffset since, int limit, CancellationToken cancellationToken)
    {
        await using var command = Sql.Command(connection, null, $"""
            SELECT {Columns} FROM notification_deliveries WHERE at_utc_ticks >= @since ORDER BY at_utc_ticks, seq LIMIT @limit
            """);
        command.Parameters.AddWithValue("since", since.UtcTicks);
        command.Parameters.AddWithValue("limit", limit);
        await using var r = await command.ExecuteReaderAsync(cancellationToken);
        var list = new List<NotificationDelivery>();
        while (await r.ReadAsync(cancellationToken))
        {
            var n = new Notification(
                r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), (NotificationKind)r.GetInt32(4), (NotificationReason)r.GetInt32(5),
                Sql.Instant(r.GetInt64(6)), Sql.NullableDouble(r, 7));
            n = r.IsDBNull(13) ? n : n with { DeliveryId = r.GetString(13) };
            list.Add(new NotificationDelivery(n, r.GetString(8), Sql.Instant(r.GetInt64(9)), r.GetBoolean(10), r.GetInt32(11), Sql.NullableString(r, 12)));
        }

        return list;
    }
}
