using Microsoft.Data.Sqlite;
using Surgewatch.Core.Alerting;
using Surgewatch.Storage.Sqlite.Connections;

namespace Surgewatch.Storage.Sqlite.Alerts;

/// <summary>The append-only <c>notification_deliveries</c> table: the notification ledger.</summary>
internal static class DeliveryTable
{
    private const string Columns = $"{NotificationColumns.Names}, channel, at_utc_ticks, delivered, attempts, error, delivery_id";

    public static void Append(SqliteConnection connection, IReadOnlyList<NotificationDelivery> deliveries, CancellationToken cancellationToken)
    {
        using var transaction = connection.BeginTransaction();
        using var command = Sql.Command(connection, transaction, $"""
            INSERT INTO notification_deliveries ({Columns})
            VALUES ({NotificationColumns.Parameters}, $channel, $at, $delivered, $attempts, $error, $id)
            """);
        foreach (var d in deliveries)
        {
            cancellationToken.ThrowIfCancellationRequested();
            ArgumentNullException.ThrowIfNull(d);
            var n = d.Notification;
            var p = command.Parameters;
            p.Clear();
            NotificationColumns.Bind(p, n);
            p.AddWithValue("$channel", d.Channel);
            p.AddWithValue("$at", d.At.UtcTicks);
            p.AddWithValue("$delivered", d.Delivered ? 1 : 0);
            p.AddWithValue("$attempts", d.Attempts);
            p.AddWithValue("$error", Db.Of(d.Error));
            p.AddWithValue("$id", n.DeliveryId);
            command.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    public static IReadOnlyList<NotificationDelivery> List(SqliteConnection connection, DateTimeOffset since, int limit, CancellationToken cancellationToken)
    {
        using var command = Sql.Command(connection, null, $"""
            SELECT {Columns} FROM notification_deliveries WHERE at_utc_ticks >= $since ORDER BY at_utc_ticks, seq LIMIT $limit
            """);
        command.Parameters.AddWithValue("$since", since.UtcTicks);
        command.Parameters.AddWithValue("$limit", limit);
        using var r = command.ExecuteReader();
        var list = new List<NotificationDelivery>();
        while (r.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            list.Add(new NotificationDelivery(NotificationColumns.Read(r, 13), r.GetString(8), Db.Instant(r.GetInt64(9)), r.GetInt32(10) != 0, r.GetInt32(11), Db.NullableString(r, 12)));
        }

        return list;
    }
}
