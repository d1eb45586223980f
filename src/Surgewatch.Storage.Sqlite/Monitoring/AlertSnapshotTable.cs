using Microsoft.Data.Sqlite;
using Surgewatch.Core.Alerting;
using Surgewatch.Core.Monitoring;
using Surgewatch.Storage.Sqlite.Connections;

namespace Surgewatch.Storage.Sqlite.Monitoring;

/// <summary>The <c>alert_snapshots</c> table: the monitor's alert statuses and ledgers, replaced as a whole.</summary>
internal static class AlertSnapshotTable
{
    private const string Columns = """
        alert_key, rule_id, subject, state, since_utc_ticks, last_seen_utc_ticks, last_value, ack_actor, ack_utc_ticks,
        firing_before_no_data, told_kind, told_utc_ticks, episode_utc_ticks, steps_reached, owed
        """;

    /// <summary>Replaces the snapshots of <paramref name="subjects"/>, or every snapshot when it is null.</summary>
    public static void Replace(SqliteConnection connection, IReadOnlyCollection<string>? subjects, IReadOnlyList<AlertSnapshot> snapshots, CancellationToken cancellationToken)
    {
        using var transaction = connection.BeginTransaction();
        Delete(connection, transaction, subjects);
        using var command = Sql.Command(connection, transaction, $"""
            INSERT INTO alert_snapshots ({Columns})
            VALUES ($key, $rule, $subject, $state, $since, $seen, $value, $ackActor, $ackAt, $fbnd, $told, $toldAt, $episode, $steps, $owed)
            """);
        foreach (var snapshot in snapshots)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Bind(command, snapshot);
            command.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    private static void Delete(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyCollection<string>? subjects)
    {
        if (subjects is null)
        {
            Sql.Execute(connection, transaction, "DELETE FROM alert_snapshots");
            return;
        }

        using var delete = Sql.Command(connection, transaction, "DELETE FROM alert_snapshots WHERE subject = $subject");
        var subject = delete.Parameters.Add("$subject", SqliteType.Text);
        foreach (var s in subjects)
        {
            subject.Value = s;
            delete.ExecuteNonQuery();
        }
    }

    public static IReadOnlyList<AlertSnapshot> Load(SqliteConnection connection, CancellationToken cancellationToken)
    {
        using var command = Sql.Command(connection, null, $"SELECT {Columns} FROM alert_snapshots ORDER BY alert_key");
        using var reader = command.ExecuteReader();
        var list = new List<AlertSnapshot>();
        while (reader.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            list.Add(Read(reader));
        }

        return list;
    }

    private static void Bind(SqliteCommand command, AlertSnapshot snapshot)
    {
        var (s, l) = (snapshot.Status, snapshot.Ledger);
        var p = command.Parameters;
        p.Clear();
        p.AddWithValue("$key", s.Key);
        p.AddWithValue("$rule", s.RuleId);
        p.AddWithValue("$subject", s.Subject);
        p.AddWithValue("$state", (int)s.State);
        p.AddWithValue("$since", s.Since.UtcTicks);
        p.AddWithValue("$seen", s.LastSeenAt.UtcTicks);
        p.AddWithValue("$value", Db.Of(s.LastValue is { } v && !double.IsNaN(v) ? v : (double?)null));
        p.AddWithValue("$ackActor", Db.Of(s.Acknowledged?.Actor));
        p.AddWithValue("$ackAt", Db.Of(s.Acknowledged?.At.UtcTicks));
        p.AddWithValue("$fbnd", s.FiringBeforeNoData ? 1 : 0);
        p.AddWithValue("$told", Db.Of(l.LastKind is { } k ? (int)k : (int?)null));
        p.AddWithValue("$toldAt", Db.Of(l.LastSentAt?.UtcTicks));
        p.AddWithValue("$episode", Db.Of(l.EpisodeStartedAt?.UtcTicks));
        p.AddWithValue("$steps", l.StepsReached);
        p.AddWithValue("$owed", l.Owed ? 1 : 0);
    }

    private static AlertSnapshot Read(SqliteDataReader r)
    {
        var ack = r.IsDBNull(7) ? null : new OperatorAction(r.GetString(7), Db.Instant(r.GetInt64(8)));
        var status = new AlertStatus(
            r.GetString(0), r.GetString(1), r.GetString(2), (AlertState)r.GetInt32(3), Db.Instant(r.GetInt64(4)), Db.Instant(r.GetInt64(5)),
            r.IsDBNull(6) ? null : r.GetDouble(6), ack, r.GetInt32(9) != 0);
        var ledger = new NotificationLedger(
            r.IsDBNull(10) ? null : (NotificationKind)r.GetInt32(10), Db.NullableInstant(r, 11), Db.NullableInstant(r, 12), r.GetInt32(13), r.GetInt32(14) != 0);
        return new AlertSnapshot(status, ledger);
    }
}
