using Microsoft.Data.Sqlite;
using Surgewatch.Core.Access;
using Surgewatch.Storage.Sqlite.Connections;

namespace Surgewatch.Storage.Sqlite.ApiKeys;

internal static class ApiKeyTable
{
    private const int HashBytes = 32;

    public static void Add(SqliteConnection connection, ApiKey key)
    {
        Check(key);
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

    public static ApiKey? Find(SqliteConnection connection, string id)
    {
        using var command = Sql.Command(connection, null, "SELECT id, name, role, secret_sha256, created_at_utc_ticks FROM api_keys WHERE id = $id");
        command.Parameters.AddWithValue("$id", id);
        using var reader = command.ExecuteReader();
        return reader.Read()
            ? new ApiKey(reader.GetString(0), reader.GetString(1), (ApiKeyRole)reader.GetInt32(2), (byte[])reader.GetValue(3), new DateTimeOffset(reader.GetInt64(4), TimeSpan.Zero))
            : null;
    }

    private static void Check(ApiKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentException.ThrowIfNullOrEmpty(key.Id, nameof(key));
        ArgumentNullException.ThrowIfNull(key.Name, nameof(key));
        if (!Enum.IsDefined(key.Role))
        {
            throw new ArgumentOutOfRangeException(nameof(key), key.Role, $"API key '{key.Id}' has an unknown role.");
        }

        if (key.SecretHash is not { Length: HashBytes })
        {
            throw new ArgumentException($"API key '{key.Id}' must carry a {HashBytes}-byte SHA-256 hash of its secret.", nameof(key));
        }
    }
}
