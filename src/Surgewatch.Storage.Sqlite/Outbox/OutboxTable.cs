using Microsoft.Data.Sqlite;
using Surgewatch.Core.Alerting;
using Surgewatch.Core.Outbox;
using Surgewatch.Storage.Sqlite.Alerts;
using Surgewatch.Storage.Sqlite.Connections;

namespace Surgewatch.Storage.Sqlite.Outbox;

/// <summary>
/// The <c>notification_outbox</c> table. A claim is one <c>UPDATE … RETURNING</c> in an immediate transaction, so it
/// holds SQLite's write lock from the start: two senders on one file (two stores, two processes) never claim the same row.
/// </summary>
internal static class OutboxTable
{
    private const string Columns = $"""
        {NotificationColumns.Names},
        delivery_id, enqueued_utc_ticks, due_utc_ticks, claims, claimed_by, lease_utc_ticks, delivered_utc_ticks, abandoned_utc_ticks, last_error
        """;

    private const string Unsettled = "delivered_utc_ticks IS NULL AND abandoned_utc_ticks IS NULL";

    public static int Enqueue(SqliteConnection connection, IReadOnlyList<Notification> notifications, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var ordered = OutboxWrites.InKeyOrder(notifications);
        using var transaction = connection.BeginTransaction();
        using var command = Sql.Command(connection, transaction, $"""
            INSERT INTO notification_outbox ({NotificationColumns.Names}, delivery_id, enqueued_utc_ticks, due_utc_ticks)
            VALUES ({NotificationColumns.Parameters}, $id, $now, $now)
            ON CONFLICT (delivery_id) DO NOTHING
            """);
        var added = 0;
        foreach (var n in ordered)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var p = command.Parameters;
            p.Clear();
            NotificationColumns.Bind(p, n);
            p.AddWithValue("$id", n.DeliveryId);
            p.AddWithValue("$now", now.UtcTicks);
            added += command.ExecuteNonQuery();
        }

        transaction.Commit();
        return added;
    }

    public static IReadOnlyList<OutboxEntry> Claim(SqliteConnection connection, OutboxClaim claim, CancellationToken cancellationToken)
    {
        using var transaction = connection.BeginTransaction();
        using var command = Sql.Command(connection, transaction, $"""
            UPDATE notification_outbox
            SET claimed_by = $claimant, lease_utc_ticks = $until, claims = claims + 1
            WHERE delivery_id IN (
                SELECT delivery_id FROM notification_outbox
                WHERE {Unsettled} AND due_utc_ticks <= $now AND (lease_utc_ticks IS NULL OR lease_utc_ticks <= $now)
                ORDER BY due_utc_ticks, delivery_id
                LIMIT $limit)
            RETURNING {Columns}
            """);
        command.Parameters.AddWithValue("$claimant", claim.Claimant);
        command.Parameters.AddWithValue("$until", claim.LeaseUntil.UtcTicks);
        command.Parameters.AddWithValue("$now", claim.Now.UtcTicks);
        command.Parameters.AddWithValue("$limit", claim.Limit);
        var claimed = ReadAll(command, cancellationToken);
        transaction.Commit();

        // RETURNING gives rows in no promised order.
        claimed.Sort(static (a, b) => a.DueAt != b.DueAt ? a.DueAt.CompareTo(b.DueAt) : string.CompareOrdinal(a.DeliveryId, b.DeliveryId));
        return claimed;
    }

    public static bool MarkDelivered(SqliteConnection connection, string deliveryId, DateTimeOffset at) =>
        Change(connection, deliveryId, null, "delivered_utc_ticks = $at, claimed_by = NULL, lease_utc_ticks = NULL", at, null);

    public static bool Reschedule(SqliteConnection connection, string deliveryId, string claimant, DateTimeOffset dueAt, string error) =>
        Change(connection, deliveryId, Holder(claimant), "due_utc_ticks = $at, claimed_by = NULL, lease_utc_ticks = NULL, last_error = $error", dueAt, error);

    public static bool Abandon(SqliteConnection connection, string deliveryId, string claimant, DateTimeOffset at, string error) =>
        Change(connection, deliveryId, Holder(claimant), "abandoned_utc_ticks = $at, claimed_by = NULL, lease_utc_ticks = NULL, last_error = $error", at, error);

    public static OutboxEntry? Find(SqliteConnection connection, string deliveryId, CancellationToken cancellationToken)
    {
        using var command = Sql.Command(connection, null, $"SELECT {Columns} FROM notification_outbox WHERE delivery_id = $id");
        command.Parameters.AddWithValue("$id", deliveryId);
        return ReadAll(command, cancellationToken).SingleOrDefault();
    }

    /// <summary>One change to an unsettled row, by whoever holds it when <paramref name="claimant"/> is null, else only by that claimant.</summary>
    private static bool Change(SqliteConnection connection, string deliveryId, string? claimant, string set, DateTimeOffset at, string? error)
    {
        ArgumentException.ThrowIfNullOrEmpty(deliveryId);
        var holder = claimant is null ? string.Empty : " AND claimed_by = $claimant";
        using var command = Sql.Command(connection, null, $"UPDATE notification_outbox SET {set} WHERE delivery_id = $id AND {Unsettled}{holder}");
        command.Parameters.AddWithValue("$id", deliveryId);
        command.Parameters.AddWithValue("$at", at.UtcTicks);
        command.Parameters.AddWithValue("$error", Db.Of(error));
        command.Parameters.AddWithValue("$claimant", Db.Of(claimant));
        return command.ExecuteNonQuery() == 1;
    }

    private static string Holder(string claimant)
    {
        ArgumentException.ThrowIfNullOrEmpty(claimant);
        return claimant;
    }

    private static List<OutboxEntry> ReadAll(SqliteCommand command, CancellationToken cancellationToken)
    {
        using var r = command.ExecuteReader();
        var list = new List<OutboxEntry>();
        while (r.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            list.Add(new OutboxEntry(
                NotificationColumns.Read(r, 8), Db.Instant(r.GetInt64(9)), Db.Instant(r.GetInt64(10)), r.GetInt32(11), Db.NullableString(r, 12), Db.NullableInstant(r, 13),
                Db.NullableInstant(r, 14), Db.NullableInstant(r, 15), Db.NullableString(r, 16)));
        }

        return list;
    }
}
