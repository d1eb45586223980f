using Npgsql;
using Surgewatch.Core.Alerting;
using Surgewatch.Storage.Postgres.Connections;

namespace Surgewatch.Storage.Postgres.Alerts;

/// <summary>The <c>silences</c> table: one-off silences by UTC instants, recurring ones by time zone id and local times.</summary>
internal static class SilenceTable
{
    public static async Task<SilenceEntry> AddAsync(NpgsqlConnection connection, ISilence silence, string comment, DateTimeOffset createdAt, CancellationToken cancellationToken)
    {
        await using var command = Sql.Command(connection, null, """
            INSERT INTO silences (rule_id, subject, from_utc_ticks, until_utc_ticks, time_zone, start_local_ticks, end_local_ticks, created_by, comment, created_utc_ticks)
            VALUES (@rule, @subject, @from, @until, @zone, @start, @end, @by, @comment, @created) RETURNING id
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

        p.AddWithValue("comment", comment ?? string.Empty);
        p.AddWithValue("created", createdAt.UtcTicks);
        var id = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        return new SilenceEntry(id, silence, comment ?? string.Empty, Sql.Instant(createdAt.UtcTicks));
    }

    public static async Task<IReadOnlyList<SilenceEntry>> ListAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = Sql.Command(connection, null, """
            SELECT id, rule_id, subject, from_utc_ticks, until_utc_ticks, time_zone, start_local_ticks, end_local_ticks, created_by, comment, created_utc_ticks
            FROM silences ORDER BY id
            """);
        await using var r = await command.ExecuteReaderAsync(cancellationToken);
        var list = new List<SilenceEntry>();
        while (await r.ReadAsync(cancellationToken))
        {
            var matcher = new AlertMatcher(Sql.NullableString(r, 1), Sql.NullableString(r, 2));
            ISilence silence = r.IsDBNull(5)
                ? new Silence(matcher, Sql.Instant(r.GetInt64(3)), Sql.Instant(r.GetInt64(4)), r.GetString(8))
                : new RecurringSilence(matcher, FindZone(r.GetString(5), r.GetInt64(0)), new TimeOnly(r.GetInt64(6)), new TimeOnly(r.GetInt64(7)), r.GetString(8));
            list.Add(new SilenceEntry(r.GetInt64(0), silence, r.GetString(9), Sql.Instant(r.GetInt64(10))));
        }

        return list;
    }

    public static async Task<bool> DeleteAsync(NpgsqlConnection connection, long id, CancellationToken cancellationToken)
    {
        await using var command = Sql.Command(connection, null, "DELETE FROM silences WHERE id = @id");
        command.Parameters.AddWithValue("id", id);
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    private static void Bind(NpgsqlParameterCollection p, AlertMatcher matcher, string createdBy, long? from, long? until, string? zone, long? start, long? end)
    {
        p.AddWithValue("rule", Sql.Of(matcher.RuleId));
        p.AddWithValue("subject", Sql.Of(matcher.Subject));
        p.AddWithValue("from", NpgsqlTypes.NpgsqlDbType.Bigint, Sql.Of(from));
        p.AddWithValue("until", NpgsqlTypes.NpgsqlDbType.Bigint, Sql.Of(until));
        p.AddWithValue("zone", NpgsqlTypes.NpgsqlDbType.Text, Sql.Of(zone));
        p.AddWithValue("start", NpgsqlTypes.NpgsqlDbType.Bigint, Sql.Of(start));
        p.AddWithValue("end", NpgsqlTypes.NpgsqlDbType.Bigint, Sql.Of(end));
        p.AddWithValue("by", createdBy);
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
