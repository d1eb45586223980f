using Npgsql;
using Surgewatch.Core.Audit;
using Surgewatch.Core.Storage;
using Surgewatch.Storage.Postgres.Connections;

namespace Surgewatch.Storage.Postgres.Audit;

/// <summary>The append-only <c>audit_log</c> table.</summary>
internal static class AuditTable
{
    public static async Task AppendAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken)
    {
        foreach (var e in entries)
        {
            StoreChecks.Check(e);
        }

        await using var command = Sql.Command(connection, transaction, """
            INSERT INTO audit_log (at_utc_ticks, actor, action, target, detail) VALUES (@at, @actor, @action, @target, @detail)
            """);
        foreach (var e in entries)
        {
            command.Parameters.Clear();
            command.Parameters.AddWithValue("at", e.At.UtcTicks);
            command.Parameters.AddWithValue("actor", e.Actor);
            command.Parameters.AddWithValue("action", e.Action);
            command.Parameters.AddWithValue("target", e.Target);
            command.Parameters.AddWithValue("detail", Sql.Of(e.Detail));
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    public static async Task<IReadOnlyList<AuditEntry>> ListAsync(NpgsqlConnection connection, DateTimeOffset since, int limit, CancellationToken cancellationToken)
    {
        await using var command = Sql.Command(connection, null, """
            SELECT at_utc_ticks, actor, action, target, detail FROM audit_log WHERE at_utc_ticks >= @since ORDER BY at_utc_ticks, seq LIMIT @limit
            """);
        command.Parameters.AddWithValue("since", since.UtcTicks);
        command.Parameters.AddWithValue("limit", limit);
        await using var r = await command.ExecuteReaderAsync(cancellationToken);
        var list = new List<AuditEntry>();
        while (await r.ReadAsync(cancellationToken))
        {
            list.Add(new AuditEntry(Sql.Instant(r.GetInt64(0)), r.GetString(1), r.GetString(2), r.GetString(3), Sql.NullableString(r, 4)));
        }

        return list;
    }
}
