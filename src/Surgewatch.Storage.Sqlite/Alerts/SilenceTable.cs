using Microsoft.Data.Sqlite;
using Surgewatch.Core.Alerting;
using Surgewatch.Storage.Sqlite.Connections;

namespace Surgewatch.Storage.Sqlite.Alerts;

/// <summary>The <c>silences</c> table: one-off silences by UTC instants, recurring ones by time zone id and local times.</summary>
internal static class SilenceTable
{
    public static SilenceEntry Add(SqliteConnection connection, ISilence silence, string comment, DateTimeOffset createdAt)
    {
        using var command = Sql.Command(connection, null, """
            INSERT INTO silences (rule_id, subject, from_utc_ticks, until_utc_ticks, time_zone, start_local_ticks, end_local_ticks, created_by, comment, created_utc_ticks)
            VALUES ($rule, $subject, $from, $until, $zone, $start, $end, $by, $comment, $created) RETURNING id
            """);
        var p = command.Parameters;
        switch (silence)
        {
            case Silence s:
                Bind(p, s.Matcher, s.CreatedBy, s.From.UtcTicks, s.Until.UtcTicks, null, null, null);
                break;
            case RecurringSilence r:
                Bind(p, r.Matcher, r.CreatedBy, null, null, r.Zone.Id, r.Start.Ticks, r.End.Ticks);
                break;
            default:
                throw new ArgumentException($"Cannot store a silence of type {silence?.GetType().Name ?? "null"}; use Silence or RecurringSilence.", nameof(silence));
        }

        p.AddWithValue("$comment", comment ?? string.Empty);
        p.AddWithValue("$created", createdAt.UtcTicks);
        var id = Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        return new SilenceEntry(id, silence, comment ?? string.Empty, Db.Instant(createdAt.UtcTicks));
    }

    public static IReadOnlyList<SilenceEntry> List(SqliteConnection connection, CancellationToken cancellationToken)
    {
        using var command = Sql.Command(connection, null, """
            SELECT id, rule_id, subject, from_utc_ticks, until_utc_ticks, time_zone, start_local_ticks, end_local_ticks, created_by, comment, created_utc_ticks
            FROM silences ORDER BY id
            """);
        using var r = command.ExecuteReader();
        var list = new List<SilenceEntry>();
        while (r.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var matcher = new AlertMatcher(Db.NullableString(r, 1), Db.NullableString(r, 2));
            ISilence silence = r.IsDBNull(5)
                ? new Silence(matcher, Db.Instant(r.GetInt64(3)), Db.Instant(r.GetInt64(4)), r.GetString(8))
                : new RecurringSilence(matcher, FindZone(r.GetString(5), r.GetInt64(0)), new TimeOnly(r.GetInt64(6)), new TimeOnly(r.GetInt64(7)), r.GetString(8));
            list.Add(new SilenceEntry(r.GetInt64(0), silence, r.GetString(9), Db.Instant(r.GetInt64(10))));
        }

        return list;
    }

    public static bool Delete(SqliteConnection connection, long id)
    {
        using var command = Sql.Command(connection, null, "DELETE FROM silences WHERE id = $id");
        command.Parameters.AddWithValue("$id", id);
        return command.ExecuteNonQuery() > 0;
    }

    private static void Bind(SqliteParameterCollection p, AlertMatcher matcher, string createdBy, long? from, long? until, string? zone, long? start, long? end)
    {
        p.AddWithValue("$rule", Db.Of(matcher.RuleId));
        p.AddWithValue("$subject", Db.Of(matcher.Subject));
        p.AddWithValue("$from", Db.Of(from));
        p.AddWithValue("$until", Db.Of(until));
        p.AddWithValue("$zone", Db.Of(zone));
        p.AddWithValue("$start", Db.Of(start));
        p.AddWithValue("$end", Db.Of(end));
        p.AddWithValue("$by", createdBy);
    }

    private static TimeZoneInfo FindZone(string id, long silenceId)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (TimeZoneNotFoundException e)
        {
            throw new InvalidOperationException($"Silence {silenceId} names time zone '{id}', which this machine does not know; install tzdata or delete the silence.", e);
        }
    }
}
