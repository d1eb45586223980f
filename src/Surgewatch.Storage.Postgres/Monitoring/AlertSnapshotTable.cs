using Npgsql;
using Surgewatch.Core.Alerting;
using Surgewatch.Core.Monitoring;
using Surgewatch.Storage.Postgres.Connections;

namespace Surgewatch.Storage.Postgres.Monitoring;

/// <summary>The <c>alert_snapshots</c> table: the monitor's alert statuses and ledgers, replaced as a whole.</summary>
internal static class AlertSnapshotTable
{
    private const string Columns = """
        alert_key, rule_id, subject, state, since_utc_ticks, last_seen_utc_ticks, last_value, ack_actor, ack_utc_ticks,
        firing_before_no_data, told_kind, told_utc_ticks, episode_utc_ticks, steps_reached, owed
        """;

    /// <summary>Replaces the snapshots of <paramref name="subjects"/>, or every snapshot when it is null.</summary>
    public static async Task ReplaceAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyCollection<string>? subjects, IReadOnlyList<AlertSnapshot> snapshots, CancellationToken cancellationToken)
    {
        if (subjects is null)
        {
            await Sql.ExecuteAsync(connection, transaction, "DELETE FROM alert_snapshots", cancellationToken);
        }
        else
        {
            await using var delete = Sql.Command(connection, transaction, "DELETE FROM alert_snapshots WHERE subject = ANY(@subjects)");
            delete.Parameters.AddWithValue("subjects", subjects.ToArray());
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var command = Sql.Command(connection, transaction, $"""
            INSERT INTO alert_snapshots ({Columns})
            VALUES (@key, @rule, @subject, @state, @since, @seen, @value, @ackActor, @ackAt, @fbnd, @told, @toldAt, @episode, @steps, @owed)
            """);
        foreach (var snapshot in snapshots)
        {
            Bind(command, snapshot);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    public static async Task<IReadOnlyList<AlertSnapshot>> LoadAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = Sql.Command(connection, null, $"""SELECT {Columns} FROM alert_snapshots ORDER BY alert_key COLLATE "C" """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var list = new List<AlertSnapshot>();
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(Read(reader));
        }

        return list;
    }

    private static void Bind(NpgsqlCommand command, AlertSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var (s, l) = (snapshot.Status, snapshot.Ledger);
        var p = command.Parameters;
        p.Clear();
        p.AddWithValue("key", s.Key);
        p.AddWithValue("rule", s.RuleId);
        p.AddWithValue("subject", s.Subject);
        p.AddWithValue("state", (int)s.State);
        p.AddWithValue("since", s.Since.UtcTicks);
        p.AddWithValue("seen", s.LastSeenAt.UtcTicks);
        p.AddWithValue("value", Sql.OfDouble(s.LastValue));
        p.AddWithValue("ackActor", Sql.Of(s.Acknowledged?.Actor));
        p.AddWithValue("ackAt", Sql.Of(s.Acknowledged?.At.UtcTicks));
        p.AddWithValue("fbnd", s.FiringBeforeNoData);
        p.AddWithValue("told", Sql.Of(l.LastKind is { } k ? (int)k : (int?)null));
        p.AddWithValue("toldAt", Sql.Of(l.LastSentAt?.UtcTicks));
        p.AddWithValue("episode", Sql.Of(l.EpisodeStartedAt?.UtcTicks));
        p.AddWithValue("steps", l.StepsReached);
        p.AddWithValue("owed", l.Owed);
    }

    private static AlertSnapshot Read(NpgsqlDataReader r)
    {
        var ack = r.IsDBNull(7) ? null : new OperatorAction(r.GetString(7), Sql.Instant(r.GetInt64(8)));
        var status = new AlertStatus(
            r.GetString(0), r.GetString(1), r.GetString(2), (AlertState)r.GetInt32(3), Sql.Instant(r.GetInt64(4)), Sql.Instant(r.GetInt64(5)),
            Sql.NullableDouble(r, 6), ack, r.GetBoolean(9));
        var ledger = new NotificationLedger(
            r.IsDBNull(10) ? null : (NotificationKind)r.GetInt32(10), Sql.NullableInstant(r, 11), Sql.NullableInstant(r, 12), r.GetInt32(13), r.GetBoolean(14));
        return new AlertSnapshot(status, ledger);
    }
}
