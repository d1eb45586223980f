using Surgewatch.Core.Access;
using Surgewatch.Storage.Sqlite.ApiKeys;
using Surgewatch.Storage.Sqlite.Connections;

namespace Surgewatch.Storage.Sqlite;

public sealed partial class SqliteStore : IApiKeyStore
{
    /// <inheritdoc />
    public Task AddApiKeyAsync(ApiKey key, CancellationToken cancellationToken = default) =>
        WriteAsync(
            connection =>
            {
                ApiKeyTable.Add(connection, key);
                return 0;
            },
            cancellationToken);

    /// <inheritdoc />
    public Task<ApiKey?> FindApiKeyAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        return ReadAsync(connection => ApiKeyTable.Find(connection, id), cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ApiKey>> ListApiKeysAsync(CancellationToken cancellationToken = default) =>
        ReadAsync(ApiKeyTable.List, cancellationToken);

    /// <inheritdoc />
    public Task<bool> RevokeApiKeyAsync(string id, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        return WriteAsync(connection => ApiKeyTable.Revoke(connection, id, at), cancellationToken);
    }

    /// <inheritdoc />
    public Task MarkApiKeyUsedAsync(string id, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        return WriteAsync(
            connection =>
            {
                ApiKeyTable.MarkUsed(connection, id, at);
                return 0;
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<long> CountApiKeysAsync(CancellationToken cancellationToken = default) =>
        ReadAsync(connection => Sql.ScalarInt64(connection, null, "SELECT count(*) FROM api_keys"), cancellationToken);
}
