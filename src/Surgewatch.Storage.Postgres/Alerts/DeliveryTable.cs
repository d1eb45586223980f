using Npgsql;
using Surgewatch.Core.Alerting;
using Surgewatch.Storage.Postgres.Connections;

namespace Surgewatch.Storage.Postgres.Alerts;

/// <summary>The append-only <c>notification_deliveries</c> table: the notification ledger.</summary>
internal static class DeliveryTable
{
    private const string Columns = $"{NotificationColumns.Names}, channel, at_utc_ticks, delivered, attempts, error, delivery_id";

    public static async Task AppendAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<NotificationDelivery> deliveries, CancellationToken cancellationToken)
    {
        await using var command = Sql.Command(connection, transaction, $"""
            INSERT INTO notification_deliveries ({Columns})
            VALUES ({NotificationColumns.Parameters}, @channel, @at, @delivered, @attempts, @error, @id)
            """);
        foreach (var d in deliveries)
        {
            ArgumentNullException.ThrowIfNull(d);
            var n = d.Notification;
            var p = command.Parameters;
            p.Clear();
            NotificationColumns.Bind(p, n);
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
            list.Add(new NotificationDelivery(NotificationColumns.Read(r, 13), r.GetString(8), Sql.Instant(r.GetInt64(9)), r.GetBoolean(10), r.GetInt32(11), Sql.NullableString(r, 12)));
        }

        return list;
    }
}
