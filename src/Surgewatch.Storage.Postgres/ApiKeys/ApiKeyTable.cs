using Npgsql;
using Surgewatch.Core.Access;
using Surgewatch.Core.Storage;
using Surgewatch.Storage.Postgres.Connections;

namespace Surgewatch.Storage.Postgres.ApiKeys;

/// <summary>The <c>api_keys</c> table: only the SHA-256 of a key's secret is kept; revocation stamps the row.</summary>
internal static class ApiKeyTable
{
    private const string Columns = "id, name, role, secret_sha256, created_at_utc_ticks, last_used_at_utc_ticks, revoked_at_utc_ticks";

    public static async Task AddAsync(NpgsqlConnection connection, ApiKey key, CancellationToken cancellationToken)
    {
        StoreChecks.Check(key);
        await using var command = Sql.Command(connection, null, """
            INSERT INTO api_keys (id, name, role, secret_sha256, created_at_utc_ticks) VALUES (@id, @name, @role, @hash, @at)
            """);
        command.Parameters.AddWithValue("id", key.Id);
        command.Parameters.AddWithValue("name", key.Name);
        command.Parameters.AddWithValue("role", (int)key.Role);
        command.Parameters.AddWithValue("hash", key.SecretHash);
        command.Parameters.AddWithValue("at", key.CreatedAt.UtcTicks);
        try
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            throw new InvalidOperationException($"An API key with id '{key.Id}' already exists.", e);
        }
    }

    public static async Task<ApiKey?> FindAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string id, CancellationToken cancellationToken)
    {
        await using var command = Sql.Command(connection, transaction, $"SELECT {Columns} FROM api_keys WHERE id = @id");
        command.Parameters.AddWithValue("id", id);
        return await ReadAsync(command, cancellationToken) is [var key] ? key : null;
    }

    public static async Task<IReadOnlyList<ApiKey>> ListAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = Sql.Command(connection, null, $"""SELECT {Columns} FROM api_keys ORDER BY created_at_utc_ticks, id COLLATE "C" """);
        return await ReadAsync(command, cancellationToken);
    }

    public static async Task<bool> RevokeAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string id, DateTimeOffset at, CancellationToken cancellationToken)
    {
        // Writers of api_keys take turns (readers do not wait), so two nodes cannot each revoke one of the last two admin keys.
        await Sql.ExecuteAsync(connection, transaction, "LOCK TABLE api_keys IN SHARE ROW EXCLUSIVE MODE", cancellationToken);
        await using var command = Sql.Command(connection, transaction, """
            UPDATE api_keys SET revoked_at_utc_ticks = @at
            WHERE id = @id AND revoked_at_utc_ticks IS NULL
              AND (role <> 3 OR (SELECT count(*) FROM api_keys WHERE role = 3 AND revoked_at_utc_ticks IS NULL) > 1)
            """);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("at", at.UtcTicks);
        if (await command.ExecuteNonQueryAsync(cancellationToken) == 1)
        {
            return true;
        }

        if (await FindAsync(connection, transaction, id, cancellationToken) is { IsActive: true, Role: ApiKeyRole.Admin })
        {
            throw new InvalidOperationException($"API key '{id}' is the last active admin key; make another admin key before revoking it.");
        }

        return false;
    }

    public static async Task MarkUsedAsync(NpgsqlConnection connection, string id, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var command = Sql.Command(connection, null, "UPDATE api_keys SET last_used_at_utc_ticks = @at WHERE id = @id");
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("at", at.UtcTicks);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<List<ApiKey>> ReadAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var r = await command.ExecuteReaderAsync(cancellationToken);
        var keys = new List<ApiKey>();
        while (await r.ReadAsync(cancellationToken))
        {
            keys.Add(new ApiKey(
                r.GetString(0), r.GetString(1), (ApiKeyRole)r.GetInt32(2), (byte[])r.GetValue(3), Sql.Instant(r.GetInt64(4)), Sql.NullableInstant(r, 5), Sql.NullableInstant(r, 6)));
        }

        return keys;
    }
}
