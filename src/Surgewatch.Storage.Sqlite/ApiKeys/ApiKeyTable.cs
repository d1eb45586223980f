using Microsoft.Data.Sqlite;
using Surgewatch.Core.Access;
using Surgewatch.Core.Storage;
using Surgewatch.Storage.Sqlite.Connections;

namespace Surgewatch.Storage.Sqlite.ApiKeys;

internal static class ApiKeyTable
{

    public static void Add(SqliteConnection connection, ApiKey key)
    {
        StoreChecks.Check(key);
        using var command = Sql.Command(connection, null, """
            INSERT INTO api_keys (id, name, role, secret_sha256, created_at_utc_ticks) VALUES ($id, $name, $role, $hash, $at)
            """);
        command.Parameters.AddWithValue("$id", key.Id);
        command.Parameters.AddWithValue("$name", key.Name);
        command.Parameters.AddWithValue("$role", (int)key.Role);
        command.Parameters.AddWithValue("$hash", key.SecretHash);
        command.Parameters.AddWithValue("$at", key.CreatedAt.UtcTicks);
        try
        {
            command.ExecuteNonQuery();
        }
        catch (SqliteException e) when (e.SqliteErrorCode == 19)
        {
            // SQLITE_CONSTRAINT: the only constraint left after Check is the primary key.
            throw new InvalidOperationException($"An API key with id '{key.Id}' already exists.", e);
        }
    }

    private const string Columns = "id, name, role, secret_sha256, created_at_utc_ticks, last_used_at_utc_ticks, revoked_at_utc_ticks";

    public static ApiKey? Find(SqliteConnection connection, string id)
    {
        using var command = Sql.Command(connection, null, $"SELECT {Columns} FROM api_keys WHERE id = $id");
        command.Parameters.AddWithValue("$id", id);
        using var reader = command.ExecuteReader();
        return reader.Read() ? Read(reader) : null;
    }

    public static IReadOnlyList<ApiKey> List(SqliteConnection connection)
    {
        using var command = Sql.Command(connection, null, $"SELECT {Columns} FROM api_keys ORDER BY created_at_utc_ticks, id");
        using var reader = command.ExecuteReader();
        var keys = new List<ApiKey>();
        while (reader.Read())
        {
            keys.Add(Read(reader));
        }

        return keys;
    }

    public static bool Revoke(SqliteConnection connection, string id, DateTimeOffset at)
    {
        // One statement, so the last-admin check and the revocation cannot be split by another writer.
        using var command = Sql.Command(connection, null, """
            UPDATE api_keys SET revoked_at_utc_ticks = $at
            WHERE id = $id AND revoked_at_utc_ticks IS NULL
              AND (role <> 3 OR (SELECT count(*) FROM api_keys WHERE role = 3 AND revoked_at_utc_ticks IS NULL) > 1)
            """);
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$at", at.UtcTicks);
        if (command.ExecuteNonQuery() == 1)
        {
            return true;
        }

        if (Find(connection, id) is { IsActive: true, Role: ApiKeyRole.Admin })
        {
            throw new InvalidOperationException($"API key '{id}' is the last active admin key; make another admin key before revoking it.");
        }

        return false;
    }

    public static void MarkUsed(SqliteConnection connection, string id, DateTimeOffset at)
    {
        using var command = Sql.Command(connection, null, "UPDATE api_keys SET last_used_at_utc_ticks = $at WHERE id = $id");
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$at", at.UtcTicks);
        command.ExecuteNonQuery();
    }

    private static ApiKey Read(SqliteDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        (ApiKeyRole)reader.GetInt32(2),
        (byte[])reader.GetValue(3),
        Instant(reader, 4)!.Value,
        Instant(reader, 5),
        Instant(reader, 6));

    private static DateTimeOffset? Instant(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : new DateTimeOffset(reader.GetInt64(ordinal), TimeSpan.Zero);
}
