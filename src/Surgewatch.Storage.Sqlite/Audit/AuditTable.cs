using Microsoft.Data.Sqlite;
using Surgewatch.Core.Audit;
using Surgewatch.Core.Storage;
using Surgewatch.Storage.Sqlite.Connections;

namespace Surgewatch.Storage.Sqlite.Audit;

/// <summary>The append-only <c>audit_log</c> table.</summary>
internal static class AuditTable
{
    public static void Append(SqliteConnection connection, IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken)
    {
        using var transaction = connection.BeginTransaction();
        using var command = Sql.Command(connection, transaction, """
            INSERT INTO audit_log (at_utc_ticks, actor, action, target, detail) VALUES ($at, $actor, $action, $target, $detail)
            """);
        foreach (var e in entries)
        {
            cancellationToken.ThrowIfCancellationRequested();
            StoreChecks.Check(e);
            command.Parameters.Clear();
            command.Parameters.AddWithValue("$at", e.At.UtcTicks);
            command.Parameters.AddWithValue("$actor", e.Actor);
            command.Parameters.AddWithValue("$action", e.Action);
            command.Parameters.AddWithValue("$target", e.Target);
            command.Parameters.AddWithValue("$detail", Db.Of(e.Detail));
            command.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    public static IReadOnlyList<AuditEntry> List(SqliteConnection connection, DateTimeOffset since, int limit, CancellationToken cancellationToken)
    {
        using var command = Sql.Command(connection, null, """
            SELECT at_utc_ticks, actor, action, target, detail FROM audit_log
            WHERE at_utc_ticks >= $since ORDER BY at_utc_ticks, seq LIMIT $limit
            """);
        command.Parameters.AddWithValue("$since", since.UtcTicks);
        command.Parameters.AddWithValue("$limit", limit);
        using var reader = command.ExecuteReader();
        var list = new List<AuditEntry>();
        while (reader.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            list.Add(new AuditEntry(Db.Instant(reader.GetInt64(0)), reader.GetString(1), reader.GetString(2), reader.GetString(3), Db.NullableString(reader, 4)));
        }

        return list;
    }
}
