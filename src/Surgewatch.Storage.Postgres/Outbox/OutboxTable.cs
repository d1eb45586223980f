using Npgsql;
using Surgewatch.Core.Alerting;
using Surgewatch.Core.Outbox;
using Surgewatch.Storage.Postgres.Alerts;
using Surgewatch.Storage.Postgres.Connections;

namespace Surgewatch.Storage.Postgres.Outbox;

/// <summary>
/// The <c>notification_outbox</c> table. A claim is one <c>UPDATE … WHERE delivery_id IN (SELECT … FOR UPDATE SKIP
/// LOCKED) RETURNING …</c>: rows another node is claiming at that moment are skipped, not waited for, and a row whose
/// claim that node committed first no longer qualifies when it is re-read, so each row goes to one claimer.
/// </summary>
internal static class OutboxTable
{
    private const string Columns = $"""
        {NotificationColumns.Names},
        delivery_id, enqueued_utc_ticks, due_utc_ticks, claims, claimed_by, lease_utc_ticks, delivered_utc_ticks, abandoned_utc_ticks, last_error
        """;

    private const string Unsettled = "delivered_utc_ticks IS NULL AND abandoned_utc_ticks IS NULL";

    public static async Task<int> EnqueueAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<Notification> notifications, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var ordered = OutboxWrites.InKeyOrder(notifications);
        await using var command = Sql.Command(connection, transaction, $"""
            INSERT INTO notification_outbox ({NotificationColumns.Names}, delivery_id, enqueued_utc_ticks, due_utc_ticks)
            VALUES ({NotificationColumns.Parameters}, @id, @now, @now)
            ON CONFLICT (delivery_id) DO NOTHING
            """);
        var added = 0;
        foreach (var n in ordered)
        {
            var p = command.Parameters;
            p.Clear();
            NotificationColumns.Bind(p, n);
            p.AddWithValue("id", n.DeliveryId);
            p.AddWithValue("now", now.UtcTicks);
            added += await command.ExecuteNonQueryAsync(cancellationToken);
        }

        return added;
    }

    public static async Task<IReadOnlyList<OutboxEntry>> ClaimAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, OutboxClaim claim, CancellationToken cancellationToken)
    {
        await using var command = Sql.Command(connection, transaction, $"""
            UPDATE notification_outbox
            SET claimed_by = @claimant, lease_utc_ticks = @until, claims = claims + 1
            WHERE delivery_id IN (
                SELECT delivery_id FROM notification_outbox
                WHERE {Unsettled} AND due_utc_ticks <= @now AND (lease_utc_ticks IS NULL OR lease_utc_ticks <= @now)
                ORDER BY due_utc_ticks, delivery_id
                LIMIT @limit
                FOR UPDATE SKIP LOCKED)
            RETURNING {Columns}
            """);
        command.Parameters.AddWithValue("claimant", claim.Claimant);
        command.Parameters.AddWithValue("until", claim.LeaseUntil.UtcTicks);
        command.Parameters.AddWithValue("now", claim.Now.UtcTicks);
        command.Parameters.AddWithValue("limit", claim.Limit);
        var claimed = await ReadAllAsync(command, cancellationToken);

        // RETURNING gives rows in no promised order.
        claimed.Sort(static (a, b) => a.DueAt != b.DueAt ? a.DueAt.CompareTo(b.DueAt) : string.CompareOrdinal(a.DeliveryId, b.DeliveryId));
        return claimed;
    }

    public static Task<bool> MarkDeliveredAsync(NpgsqlConnection connection, string deliveryId, DateTimeOffset at, CancellationToken cancellationToken) =>
        ChangeAsync(connection, deliveryId, null, "delivered_utc_ticks = @at, claimed_by = NULL, lease_utc_ticks = NULL", at, null, cancellationToken);

    public static Task<bool> RescheduleAsync(NpgsqlConnection connection, string deliveryId, string claimant, DateTimeOffset dueAt, string error, CancellationToken cancellationToken) =>
        ChangeAsync(connection, deliveryId, Holder(claimant), "due_utc_ticks = @at, claimed_by = NULL, lease_utc_ticks = NULL, last_error = @error", dueAt, error, cancellationToken);

    public static Task<bool> AbandonAsync(NpgsqlConnection connection, string deliveryId, string claimant, DateTimeOffset at, string error, CancellationToken cancellationToken) =>
        ChangeAsync(connection, deliveryId, Holder(claimant), "abandoned_utc_ticks = @at, claimed_by = NULL, lease_utc_ticks = NULL, last_error = @error", at, error, cancellationToken);

    public static async Task<OutboxEntry?> FindAsync(NpgsqlConnection connection, string deliveryId, CancellationToken cancellationToken)
    {
        await using var command = Sql.Command(connection, null, $"SELECT {Columns} FROM notification_outbox WHERE delivery_id = @id");
        command.Parameters.AddWithValue("id", deliveryId);
        return (await ReadAllAsync(command, cancellationToken)).SingleOrDefault();
    }

    /// <summary>One change to an unsettled row, by whoever holds it when <paramref name="claimant"/> is null, else only by that claimant.</summary>
    private static async Task<bool> ChangeAsync(
        NpgsqlConnection connection, string deliveryId, string? claimant, string set, DateTimeOffset at, string? error, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(deliveryId);
        var holder = claimant is null ? string.Empty : " AND claimed_by = @claimant";
        await using var command = Sql.Command(connection, null, $"UPDATE notification_outbox SET {set} WHERE delivery_id = @id AND {Unsettled}{holder}");
        command.Parameters.AddWithValue("id", deliveryId);
        command.Parameters.AddWithValue("at", at.UtcTicks);
        command.Parameters.AddWithValue("error", Sql.Of(error));
        command.Parameters.AddWithValue("claimant", Sql.Of(claimant));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    private static string Holder(string claimant)
    {
        ArgumentException.ThrowIfNullOrEmpty(claimant);
        return claimant;
    }

    private static async Task<List<OutboxEntry>> ReadAllAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var r = await command.ExecuteReaderAsync(cancellationToken);
        var list = new List<OutboxEntry>();
        while (await r.ReadAsync(cancellationToken))
        {
            list.Add(new OutboxEntry(
                NotificationColumns.Read(r, 8), Sql.Instant(r.GetInt64(9)), Sql.Instant(r.GetInt64(10)), r.GetInt32(11), Sql.NullableString(r, 12), Sql.NullableInstant(r, 13),
                Sql.NullableInstant(r, 14), Sql.NullableInstant(r, 15), Sql.NullableString(r, 16)));
        }

        return list;
    }
}
