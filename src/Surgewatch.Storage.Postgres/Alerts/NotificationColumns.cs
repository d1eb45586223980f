using Npgsql;
using Surgewatch.Core.Alerting;
using Surgewatch.Storage.Postgres.Connections;

namespace Surgewatch.Storage.Postgres.Alerts;

/// <summary>The columns that hold a notification, in the ledger and in the outbox alike, in the order of <see cref="Names"/>.</summary>
internal static class NotificationColumns
{
    public const string Names = "alert_key, rule_id, subject, contact, kind, reason, planned_utc_ticks, value";

    public const string Parameters = "@key, @rule, @subject, @contact, @kind, @reason, @planned, @value";

    public static void Bind(NpgsqlParameterCollection p, Notification n)
    {
        p.AddWithValue("key", n.AlertKey);
        p.AddWithValue("rule", n.RuleId);
        p.AddWithValue("subject", n.Subject);
        p.AddWithValue("contact", n.Contact);
        p.AddWithValue("kind", (int)n.Kind);
        p.AddWithValue("reason", (int)n.Reason);
        p.AddWithValue("planned", n.At.UtcTicks);
        p.AddWithValue("value", Sql.OfDouble(n.Value));
    }

    /// <summary>The notification in the columns from ordinal 0, with the delivery id at <paramref name="deliveryId"/> (kept as made when NULL, as in ledger rows older than ids).</summary>
    public static Notification Read(NpgsqlDataReader r, int deliveryId)
    {
        var n = new Notification(
            r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), (NotificationKind)r.GetInt32(4), (NotificationReason)r.GetInt32(5),
            Sql.Instant(r.GetInt64(6)), Sql.NullableDouble(r, 7));
        return r.IsDBNull(deliveryId) ? n : n with { DeliveryId = r.GetString(deliveryId) };
    }
}
